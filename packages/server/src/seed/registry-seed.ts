import { withIndexesDeferred, type Database } from '../db/database.js';
import type { NewHousehold, NewPerson, NewStatus } from '../modules/registry/index.js';
import { personKeys, registryRepo } from '../modules/registry/index.js';
import { systemActor } from '../platform/actor.js';
import { inTransaction, nowIso } from '../platform/context.js';
import { generateHouseholds, type GenHousehold, type GenStatus } from './registry-generator.js';

export interface RegistrySeedResult {
  households: number;
  persons: number;
  statuses: number;
}

type Codes = { province_code: string; district_code: string | null; commune_code: string };

function statusRow(
  s: GenStatus,
  subject: 'person' | 'household',
  codes: Codes,
  at: string,
): Omit<NewStatus, 'person_id' | 'household_id'> {
  return {
    kind: s.kind,
    subject,
    category: s.category,
    year: s.year,
    degree: s.degree,
    valid_from: s.valid_from,
    valid_to: s.valid_to,
    decision_no: s.decision_no,
    decision_date: s.decision_date,
    ended_reason: null,
    province_code: codes.province_code,
    district_code: codes.district_code,
    commune_code: codes.commune_code,
    created_at: at,
  };
}

/**
 * Fill the demo province with synthetic households and persons (deterministic from the seed),
 * in set-based batches: prepared statements in one transaction per batch on SQLite, multi-row
 * inserts on PostgreSQL. Audited as one event with the counts.
 */
export async function seedRegistry(
  database: Database,
  opts: {
    persons: number;
    seed: number;
    dataDir: string;
    provinceCode: string;
    onProgress?: (persons: number) => void;
  },
): Promise<RegistrySeedResult> {
  const db = database.db;
  const communes = await db
    .selectFrom('areas')
    .select(['code', 'path', 'name', 'type'])
    .where('level', '=', 3)
    .where('path', 'like', `/${opts.provinceCode}/%`)
    .orderBy('code')
    .execute();
  const gen = generateHouseholds({
    seed: opts.seed,
    persons: opts.persons,
    dataDir: opts.dataDir,
    communes: communes.map((c) => {
      const parts = c.path.split('/').filter(Boolean);
      return {
        code: c.code,
        provinceCode: parts[0]!,
        districtCode: parts.length === 3 ? parts[1]! : null,
        name: c.name,
        type: c.type,
      };
    }),
  });
  const at = nowIso();
  const result: RegistrySeedResult = { households: 0, persons: 0, statuses: 0 };
  const BATCH = 5000;
  let batch: GenHousehold[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    if (database.sqlite) insertSqlite(database, batch, at, result);
    else await insertGeneric(database, batch, at, result);
    batch = [];
    opts.onProgress?.(result.persons);
  };
  const load = async () => {
    for (const h of gen) {
      batch.push(h);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  };
  const empty = !(await db.selectFrom('persons').select('id').limit(1).executeTakeFirst());
  // A first load of a large population builds the indexes once at the end.
  if (empty && opts.persons >= 50_000) await withIndexesDeferred(database, ['persons', 'households', 'statuses'], load);
  else await load();
  await inTransaction(database, systemActor('seed'), (_trx, audit) =>
    audit({
      action: 'registry.seed',
      entity: 'registry',
      entityId: opts.provinceCode,
      areaCode: opts.provinceCode,
      after: { ...result, seed: opts.seed },
    }),
  );
  return result;
}

function personRow(p: GenHousehold['members'][number], h: GenHousehold, householdId: number, at: string): NewPerson {
  return {
    household_id: householdId,
    relation: p.relation,
    full_name: p.full_name,
    ...personKeys(p.full_name),
    gender: p.gender,
    birth_date: p.birth_date,
    birth_year: Number(p.birth_date.slice(0, 4)),
    citizen_id: p.citizen_id,
    old_id_number: p.old_id_number,
    ethnic_code: p.ethnic_code,
    phone: p.phone,
    disability: p.disability,
    deceased_on: p.deceased_on,
    moved_out_on: p.moved_out_on,
    province_code: h.province_code,
    district_code: h.district_code,
    commune_code: h.commune_code,
    village: p.village,
    merged_into_id: null,
    created_at: at,
    updated_at: at,
  };
}

function householdRow(h: GenHousehold, at: string): NewHousehold {
  return {
    code: h.code,
    province_code: h.province_code,
    district_code: h.district_code,
    commune_code: h.commune_code,
    village: h.village,
    address: h.address,
    residence: h.residence,
    phone: h.phone,
    state: h.state,
    head_person_id: null,
    created_at: at,
    updated_at: at,
  };
}

const cols = (o: object) => Object.keys(o);

/** SQLite: prepared statements in one transaction per batch (the fastest path better-sqlite3 has). */
function insertSqlite(database: Database, batch: GenHousehold[], at: string, result: RegistrySeedResult): void {
  const sqlite = database.sqlite!;
  const sample = batch[0]!;
  const hCols = cols(householdRow(sample, at));
  const pCols = cols(personRow(sample.members[0]!, sample, 0, at));
  const sCols = [
    ...cols(statusRow(sample.statuses[0] ?? sample.members[0]!.statuses[0] ?? ({} as GenStatus), 'person', sample, at)),
    'person_id',
    'household_id',
  ];
  const insH = sqlite.prepare(
    `insert into households (${hCols.join(',')}) values (${hCols.map((c) => '@' + c).join(',')})`,
  );
  const insP = sqlite.prepare(
    `insert into persons (${pCols.join(',')}) values (${pCols.map((c) => '@' + c).join(',')})`,
  );
  const insS = sqlite.prepare(
    `insert into statuses (${sCols.join(',')}) values (${sCols.map((c) => '@' + c).join(',')})`,
  );
  const setHead = sqlite.prepare('update households set head_person_id = ? where id = ?');
  sqlite.transaction(() => {
    for (const h of batch) {
      const hid = Number(insH.run(householdRow(h, at)).lastInsertRowid);
      result.households++;
      for (const s of h.statuses) {
        insS.run({ ...statusRow(s, 'household', h, at), person_id: null, household_id: hid });
        result.statuses++;
      }
      for (const p of h.members) {
        const pid = Number(insP.run(personRow(p, h, hid, at)).lastInsertRowid);
        result.persons++;
        if (p.relation === 'head') setHead.run(pid, hid);
        for (const s of p.statuses) {
          insS.run({ ...statusRow(s, 'person', h, at), person_id: pid, household_id: null });
          result.statuses++;
        }
      }
    }
  })();
}

/** PostgreSQL (and any other dialect): multi-row inserts returning ids, in one transaction per batch. */
async function insertGeneric(
  database: Database,
  batch: GenHousehold[],
  at: string,
  result: RegistrySeedResult,
): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < batch.length; i += 500) {
      const chunk = batch.slice(i, i + 500);
      const hids = (
        await trx
          .insertInto('households')
          .values(chunk.map((h) => householdRow(h, at)))
          .returning('id')
          .execute()
      ).map((r) => r.id);
      result.households += chunk.length;
      const persons: NewPerson[] = [];
      const owners: { h: number; p: GenHousehold['members'][number] }[] = [];
      const statuses: NewStatus[] = [];
      chunk.forEach((h, k) => {
        for (const s of h.statuses)
          statuses.push({ ...statusRow(s, 'household', h, at), person_id: null, household_id: hids[k]! });
        for (const p of h.members) {
          persons.push(personRow(p, h, hids[k]!, at));
          owners.push({ h: k, p });
        }
      });
      const pids: number[] = [];
      for (let j = 0; j < persons.length; j += 1000) {
        for (const r of await trx
          .insertInto('persons')
          .values(persons.slice(j, j + 1000))
          .returning('id')
          .execute())
          pids.push(r.id);
      }
      result.persons += persons.length;
      owners.forEach((o, j) => {
        const h = chunk[o.h]!;
        for (const s of o.p.statuses)
          statuses.push({ ...statusRow(s, 'person', h, at), person_id: pids[j]!, household_id: null });
      });
      await registryRepo.setHeadsFromRelation(trx, hids);
      for (let j = 0; j < statuses.length; j += 1000)
        await trx
          .insertInto('statuses')
          .values(statuses.slice(j, j + 1000))
          .execute();
      result.statuses += statuses.length;
    }
  });
}
