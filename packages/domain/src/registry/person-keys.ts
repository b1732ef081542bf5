import { checkCitizenId, type Sex } from '../identity.js';
import { searchKey } from '../text.js';
import { vietnameseSortKey } from './sort-key.js';

/** A field-level problem, as the API reports it (`path` names the request field). */
export interface PersonFieldProblem {
  path: string;
  message: string;
}

/**
 * Check a citizen ID against the person: a malformed ID or one that contradicts the person's
 * sex or birth year is refused with the reason; an unknown birth-registration code (born
 * abroad) is kept and shown as a warning (see docs/legal/identity.md).
 */
export function citizenIdProblems(
  id: string,
  gender: Sex,
  birthYear: number,
  path = 'body.citizenId',
): PersonFieldProblem[] {
  const r = checkCitizenId(id, { gender, birthYear });
  return r.problems.filter((p) => p.code !== 'ID_PROVINCE_UNKNOWN').map((p) => ({ path, message: p.message }));
}

/** An ID as typed ('070 050.000-001') reduced to its digits, or null when empty. */
export function normalizeCitizenId(id: string | null | undefined): string | null {
  if (!id) return null;
  const n = id.replace(/[\s.-]/g, '');
  return n || null;
}

export type PersonKeys = { name_key: string; given_key: string; sort_key: string };
const keyCache = new Map<string, PersonKeys>();

/**
 * Search keys stored with a person so search and sort run on indexes. Vietnamese names repeat a
 * lot, and bulk imports compute these for every row, so recent results are kept (bounded).
 */
export function personKeys(fullName: string): PersonKeys {
  const hit = keyCache.get(fullName);
  if (hit) return hit;
  const nameKey = searchKey(fullName);
  const parts = nameKey.split(' ');
  const keys = { name_key: nameKey, given_key: parts[parts.length - 1] ?? '', sort_key: vietnameseSortKey(fullName) };
  if (keyCache.size >= 200_000) keyCache.clear();
  keyCache.set(fullName, keys);
  return keys;
}
