import type { Database } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { householdsRepo, importRepo, personsRepo, type NewHousehold, type NewPerson } from '../repo/index.js';
import { HOUSEHOLD_CODE, type ValidRow } from './import-rows.js';
import { personAuditView } from './shared.js';

/**
 * Runs the write transaction with nothing else writing meanwhile: in the database worker
 * (platform/off-thread-db.ts) it holds the main connection; in the process itself it just runs.
 */
export type Exclusive = <T>(fn: () => Promise<T>) => Promise<T>;

/**
 * Apply checked rows in one transaction: new households (codes continuing each commune's
 * sequence) in multi-row batches, changed persons updated and audited one by one, new persons
 * inserted in bulk, heads set from the relation, and one audit event for the file. A failure
 * anywhere rolls the whole file back.
 */
export async function applyImport(
  database: Database,
  actor: Actor,
  valid: ValidRow[],
  households: Map<string, { id: number }>,
  sha: string,
  fileName: string,
  exclusive: Exclusive = (f) => f(),
): Promise<void> {
  const at = nowIso();
  const changed = valid.filter((v) => v.outcome !== 'unchanged');
  if (changed.length === 0) return;
  await exclusive(() =>
    inTransaction(database, actor, async (trx, audit) => {
      // File-local household keys: reuse the household of an already known member, else create one.
      const localHousehold = new Map<string, number>();
      for (const v of valid) {
        const key = `${v.person.commune_code}|${v.householdRef}`;
        if (!HOUSEHOLD_CODE.test(v.householdRef) && v.match?.household_id && !localHousehold.has(key))
          localHousehold.set(key, v.match.household_id);
      }
      // New households first, in multi-row batches, with codes continuing each commune's sequence.
      const nextSeq = new Map<string, number>();
      const pending = new Map<string, NewHousehold>();
      for (const v of changed) {
        const key = `${v.person.commune_code}|${v.householdRef}`;
        if (HOUSEHOLD_CODE.test(v.householdRef) || localHousehold.has(key) || pending.has(key)) continue;
        const commune = v.person.commune_code;
        let seq = nextSeq.get(commune);
        if (seq === undefined) seq = Number((await householdsRepo.nextHouseholdCode(trx, commune)).split('-')[1]);
        nextSeq.set(commune, seq + 1);
        pending.set(key, {
          code: `${commune}-${String(seq).padStart(6, '0')}`,
          province_code: v.person.province_code,
          district_code: v.person.district_code,
          commune_code: commune,
          village: v.person.village,
          address: v.address,
          residence: v.residence,
          phone: v.person.phone,
          state: 'active',
          head_person_id: null,
          created_at: at,
          updated_at: at,
        });
      }
      const pendingKeys = [...pending.keys()];
      const newHouseholdIds = await importRepo.insertHouseholds(
        trx,
        pendingKeys.map((k) => pending.get(k)!),
        `Nhập từ tệp ${fileName}`.slice(0, 500),
        at,
      );
      pendingKeys.forEach((k, j) => localHousehold.set(k, newHouseholdIds[j]!));
      const householdFor = (v: ValidRow): number =>
        HOUSEHOLD_CODE.test(v.householdRef)
          ? households.get(v.householdRef)!.id
          : localHousehold.get(`${v.person.commune_code}|${v.householdRef}`)!;
      const inserts: NewPerson[] = [];
      const heads: { index: number; household: number }[] = [];
      for (const v of changed) {
        const household_id = householdFor(v);
        if (v.outcome === 'new') {
          if (v.person.relation === 'head') heads.push({ index: inserts.length, household: household_id });
          const row = v.person as NewPerson;
          row.household_id = household_id;
          row.merged_into_id = null;
          row.created_at = at;
          row.updated_at = at;
          inserts.push(row);
        } else {
          const m = v.match!;
          const set: Partial<NewPerson> = { ...v.person, household_id, updated_at: at };
          await personsRepo.updatePerson(trx, m.id, set);
          await audit({
            action: 'registry.person.import',
            entity: 'person',
            entityId: m.id,
            areaCode: v.person.commune_code,
            before: personAuditView(m),
            after: personAuditView({ ...m, ...set }),
          });
        }
      }
      const newIds = await importRepo.insertPersons(database, trx, inserts);
      // Heads of the touched households, set-based.
      const touched = [...new Set(heads.map((h) => h.household))];
      for (let i = 0; i < touched.length; i += 500)
        await householdsRepo.setHeadsFromRelation(trx, touched.slice(i, i + 500));
      await audit({
        action: 'registry.import',
        entity: 'import',
        entityId: sha.slice(0, 16),
        areaCode: actor.areaCode,
        after: {
          fileName,
          sha256: sha,
          inserted: inserts.length,
          updated: changed.length - inserts.length,
          insertedIds: newIds.length ? { first: Math.min(...newIds), last: Math.max(...newIds) } : null,
        },
      });
    }),
  );
}
