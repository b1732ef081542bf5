import type { Actor } from '../../../platform/actor.js';
import { scopePattern } from '../../../platform/authz.js';
import { registryPolicy } from '../registry.policy.js';
import type { ColumnMap, RawRow } from '../registry.sheet.js';
import { importRepo, type PersonRow } from '../repo/index.js';
import { checkConflictThrottle, ELSEWHERE_MESSAGE, recordConflicts, type ConflictDeps } from './id-conflicts.js';
import {
  HOUSEHOLD_CODE,
  parseRow,
  type HouseholdMap,
  type NewPersonFields,
  type Progress,
  type RejectedRow,
  type ValidRow,
} from './import-rows.js';
import { nextTurn } from '../../../platform/context.js';

/** The columns compared to tell an updated row from an unchanged one. */
const COMPARED: (keyof NewPersonFields)[] = [
  'full_name',
  'gender',
  'birth_date',
  'citizen_id',
  'old_id_number',
  'ethnic_code',
  'relation',
  'phone',
  'commune_code',
  'village',
  'disability',
  'deceased_on',
];

/**
 * Check every row of a file and match it with the registry: by citizen ID first, then by
 * commune + name + date of birth. Each valid row comes out new, updated or unchanged; rows
 * naming a household outside the actor's area are rejected with the reason. A citizen ID held
 * outside the area is rejected with one message whatever the area (use-cases/id-conflicts.ts):
 * audited, counted against the officer's day, and the whole file refused (429) past the limit.
 */
export async function validateImport(
  deps: ConflictDeps,
  actor: Actor,
  sheet: { columns: ColumnMap; rows: RawRow[] | null },
  progress: Progress,
) {
  const db = deps.database.db;
  let rows: RawRow[] | null = sheet.rows!;
  const communes = new Map((await importRepo.communes(db, scopePattern(actor))).map((a) => [a.code, a]));
  const ctx = {
    columns: sheet.columns,
    communes,
    today: new Date().toISOString().slice(0, 10),
    idLines: new Map<string, number>(),
    nameCache: new Map<string, string>(),
  };
  const valid: ValidRow[] = [];
  const rejected: RejectedRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = parseRow(rows[i]!, ctx);
    if ('problems' in r) rejected.push(r);
    else valid.push(r);
    progress.done = i + 1;
    if (i % 250 === 249) await nextTurn();
  }

  // The raw rows are no longer needed (rejected ones keep their cells): let them go.
  rows = null;
  sheet.rows = null;

  // Existing records: by citizen ID first, then by commune + name + date of birth.
  const byId = new Map<string, PersonRow>();
  const ids = valid.map((v) => v.person.citizen_id).filter((x): x is string => !!x);
  for (const p of await importRepo.personsByCitizenIds(db, ids)) byId.set(p.citizen_id!, p);
  // IDs the actor cannot see (unknown or elsewhere) are the oracle's questions: refused past the limit.
  if (ids.some((id) => !byId.has(id) || !registryPolicy.allows(actor, 'import', byId.get(id)!)))
    await checkConflictThrottle(deps, actor);
  await recordConflicts(
    deps,
    actor,
    [...byId.values()].filter((p) => !registryPolicy.allows(actor, 'import', p)),
    'import',
  );
  const noId = valid.filter((v) => !v.person.citizen_id || !byId.has(v.person.citizen_id));
  const byNameKey = new Map<string, PersonRow[]>();
  // Per commune, by name key: one range of the (commune, name, birth date) index each.
  const keysByCommune = new Map<string, Set<string>>();
  for (const v of noId) {
    const set = keysByCommune.get(v.person.commune_code) ?? new Set<string>();
    set.add(v.person.name_key);
    keysByCommune.set(v.person.commune_code, set);
  }
  for (const [commune, set] of keysByCommune) {
    await nextTurn(); // one commune's query at a time, other requests in between
    for (const p of await importRepo.personsByNameKeys(db, commune, [...set])) {
      const k = `${p.commune_code}|${p.name_key}`;
      const list = byNameKey.get(k);
      if (list) list.push(p);
      else byNameKey.set(k, [p]);
    }
  }
  const householdCodes = [...new Set(valid.map((v) => v.householdRef).filter((h) => HOUSEHOLD_CODE.test(h)))];
  const households: HouseholdMap = new Map();
  for (const h of await importRepo.householdsByCodes(db, householdCodes)) households.set(h.code, h);

  let possibleDuplicates = 0;
  const newKeys = new Map<string, number>();
  const stillValid: ValidRow[] = [];
  for (const v of valid) {
    const problems: string[] = [];
    const byCid = v.person.citizen_id ? byId.get(v.person.citizen_id) : undefined;
    if (byCid && !registryPolicy.allows(actor, 'import', byCid))
      problems.push(`Số CCCD ${v.person.citizen_id}: ${ELSEWHERE_MESSAGE}`);
    const sameName = byNameKey.get(`${v.person.commune_code}|${v.person.name_key}`) ?? [];
    const match =
      byCid ?? sameName.find((p) => p.birth_date === v.person.birth_date && (!p.citizen_id || !v.person.citizen_id));
    if (HOUSEHOLD_CODE.test(v.householdRef)) {
      const h = households.get(v.householdRef);
      if (!h)
        problems.push(
          `Không có hộ mã ${v.householdRef} trong sổ. Để trống phần số thứ tự (ví dụ ghi H01) nếu là hộ mới.`,
        );
      else if (!registryPolicy.allows(actor, 'import', h))
        problems.push(`Hộ ${v.householdRef} nằm ngoài địa bàn của bạn.`);
      else if (h.commune_code !== v.person.commune_code)
        problems.push(`Hộ ${v.householdRef} thuộc xã ${h.commune_code}, không phải xã ${v.person.commune_code}.`);
    }
    if (problems.length) {
      rejected.push({ line: v.line, original: v.original, problems });
      continue;
    }
    if (match) {
      v.match = match;
      v.outcome = COMPARED.every((k) => (match[k] ?? null) === ((v.person as Record<string, unknown>)[k] ?? null))
        ? 'unchanged'
        : 'updated';
    } else {
      v.outcome = 'new';
      const dupKey = `${v.person.commune_code}|${v.person.name_key}|${v.person.birth_year}`;
      if (sameName.some((p) => p.birth_year === v.person.birth_year) || newKeys.has(dupKey)) possibleDuplicates++;
      newKeys.set(dupKey, v.line);
    }
    // Accepted rows never go to the error file: drop their raw cells.
    v.original = [];
    stillValid.push(v);
  }
  rejected.sort((a, b) => a.line - b.line);
  return { valid: stillValid, rejected, possibleDuplicates, households };
}
