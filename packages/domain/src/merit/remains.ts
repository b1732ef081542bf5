/**
 * Martyrs, graves, remains and DNA samples: NĐ 131/2021/NĐ-CP Arts. 143–148 and 153–160
 * (docs/legal/merit.md, "NĐ 131/2021 procedures").
 */

import type { WorkCalendar } from '../dossiers/calendar.js';
import { searchKey } from '../text.js';
import { stepClock, type StepClock } from './time-limits.js';

/** How much is known of a martyr: full (name, hometown, date of death), partial, none. */
export const MARTYR_INFO_STATUSES = ['full', 'partial', 'none'] as const;
export type MartyrInfoStatus = (typeof MARTYR_INFO_STATUSES)[number];

export const MARTYR_INFO_LABELS: Readonly<Record<MartyrInfoStatus, { vi: string; en: string }>> = {
  full: { vi: 'Đủ thông tin', en: 'Full information' },
  partial: { vi: 'Thiếu thông tin', en: 'Partial information' },
  none: { vi: 'Chưa xác định được thông tin', en: 'No information' },
};

/** The status a martyr's known facts give: a name alone is partial; no name is none. */
export function martyrInfoStatus(m: {
  fullName?: string | null;
  hometown?: string | null;
  deathDate?: string | null;
  deathYear?: number | null;
}): MartyrInfoStatus {
  const name = !!m.fullName?.trim();
  if (!name) return 'none';
  const death = !!m.deathDate || !!m.deathYear;
  return name && !!m.hometown?.trim() && death ? 'full' : 'partial';
}

/** Search text of a martyr or grave: diacritics-insensitive, as the registry (text.ts searchKey). */
export function martyrSearchKey(parts: readonly (string | null | undefined)[]): string {
  return searchKey(parts.filter(Boolean).join(' '));
}

/** The length a grave search key is cut to; a longer query is checked on the whole search text. */
export const GRAVE_KEY_LENGTH = 32;

/**
 * The keys a grave is found by: its martyr's search text (name and hometown, folded) cut at every
 * word, each at most GRAVE_KEY_LENGTH characters, so any typed word start is a prefix of one key.
 */
export function graveKeys(martyrKey: string): string[] {
  const words = martyrKey.split(' ').filter(Boolean);
  return [...new Set(words.map((_, i) => words.slice(i).join(' ').slice(0, GRAVE_KEY_LENGTH).trimEnd()))];
}

/** Why a sample is taken (Art. 146(1)). */
export const SAMPLING_REASONS = [
  'unidentified_remains',
  'cemetery_move',
  'missing_information',
  'several_claims',
] as const;
export type SamplingReason = (typeof SAMPLING_REASONS)[number];

export type SamplingRefusal = 'mass_grave' | 'already_identified' | 'first_sample_not_failed';

/**
 * Whether a grave's remains may be sampled (Art. 146): never a mass grave, nor a grave already
 * corrected or identified; a second sample only if every earlier one failed.
 */
export function samplingRefusal(g: {
  massGrave: boolean;
  identified: boolean;
  earlierSamples: readonly { outcome: SampleOutcome | null }[];
}): SamplingRefusal | null {
  if (g.massGrave) return 'mass_grave';
  if (g.identified) return 'already_identified';
  if (g.earlierSamples.some((s) => s.outcome !== 'failed')) return 'first_sample_not_failed';
  return null;
}

/** A sample from remains, or a relative's reference sample (maternal line, Art. 146). */
export const SAMPLE_KINDS = ['remains', 'reference'] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];

/** Relations on the mother's line from which a reference sample may be taken. */
export const MATERNAL_LINE_RELATIONS = [
  'mother',
  'maternal_sibling',
  'maternal_grandmother',
  'mother_sibling',
  'sister_child',
  'mother_sister_child',
] as const;
export type MaternalRelation = (typeof MATERNAL_LINE_RELATIONS)[number];

export function isMaternalLine(relation: string): relation is MaternalRelation {
  return (MATERNAL_LINE_RELATIONS as readonly string[]).includes(relation);
}

export const SAMPLE_OUTCOMES = ['match', 'no_match', 'failed'] as const;
export type SampleOutcome = (typeof SAMPLE_OUTCOMES)[number];

/**
 * Sample codes: Phụ lục VIII of NĐ 131/2021 sets the coding (not read). AnSinh accepts letters,
 * digits, dots and hyphens, upper-cased, 4–40 characters; the province makes them unique.
 */
export const SAMPLE_CODE_RE = /^[A-Z0-9][A-Z0-9.-]{2,38}[A-Z0-9]$/;
export function normalizeSampleCode(code: string): string | null {
  const c = code.trim().toUpperCase().replace(/\s+/g, '');
  return SAMPLE_CODE_RE.test(c) ? c : null;
}

export interface SampleDates {
  readonly takenOn: string;
  readonly dispatchedOn: string | null;
  readonly resultOn: string | null;
  readonly returnedOn: string | null;
}

export type SampleProblem =
  'not_dispatched' | 'result_before_dispatch' | 'dispatch_before_taken' | 'return_before_result' | 'no_result';

/** Checks one event of a sample's life against the dates already recorded. */
export function checkSampleEvent(
  s: SampleDates,
  event: { kind: 'dispatch' | 'result' | 'return'; on: string },
): SampleProblem | null {
  if (event.kind === 'dispatch') return event.on < s.takenOn ? 'dispatch_before_taken' : null;
  if (event.kind === 'result') {
    if (!s.dispatchedOn) return 'not_dispatched';
    return event.on < s.dispatchedOn ? 'result_before_dispatch' : null;
  }
  if (!s.resultOn) return 'no_result';
  return event.on < s.resultOn ? 'return_before_result' : null;
}

export type SampleStage = 'taken' | 'dispatched' | 'resulted' | 'returned';
export function sampleStage(s: SampleDates): SampleStage {
  if (s.returnedOn) return 'returned';
  if (s.resultOn) return 'resulted';
  if (s.dispatchedOn) return 'dispatched';
  return 'taken';
}

/**
 * The clocks of a remains sample: the department codes and ships it within 1 working day of
 * receipt (Art. 147(1)), the laboratory has 6 months from dispatch, the sample goes back to the
 * grave within 5 working days of the result (Art. 148). Only the steps that have started.
 */
export function sampleClocks(cal: WorkCalendar, s: SampleDates & { receivedOn: string }, today: string): StepClock[] {
  const out: StepClock[] = [stepClock(cal, 'sample_dispatch', s.receivedOn, s.dispatchedOn, today)];
  if (s.dispatchedOn) out.push(stepClock(cal, 'lab_result', s.dispatchedOn, s.resultOn, today));
  if (s.resultOn) out.push(stepClock(cal, 'sample_return', s.resultOn, s.returnedOn, today));
  return out;
}

/** Whether a grave lies in a cemetery (position: area, row, number) or outside (a place). */
export const GRAVE_LOCATIONS = ['in_cemetery', 'outside'] as const;
export type GraveLocation = (typeof GRAVE_LOCATIONS)[number];

/** Cemeteries with at least 500 graves keep a plan and lists (Mẫu 84 / 85, Art. 153). */
export const CEMETERY_PLAN_THRESHOLD = 500;
export function cemeteryNeedsPlan(graves: number): boolean {
  return graves >= CEMETERY_PLAN_THRESHOLD;
}
