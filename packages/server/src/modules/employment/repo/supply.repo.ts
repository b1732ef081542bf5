import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Database, Executor } from '../../../db/database.js';
import type { EmpSupplyEventsTable, EmpSupplyTable } from '../../../db/schema-employment.js';
import type { Actor } from '../../../platform/actor.js';
import { inArea } from './scope.js';

export type SupplyRow = Selectable<EmpSupplyTable>;
export type NewSupply = Insertable<EmpSupplyTable>;

/** Labour supply records and their events. */
export const supplyRepo = {
  get(ex: Executor, id: number) {
    return ex.selectFrom('emp_supply').selectAll().where('id', '=', id).executeTakeFirst();
  },
  byCitizenId(ex: Executor, citizenId: string) {
    return ex.selectFrom('emp_supply').selectAll().where('citizen_id', '=', citizenId).executeTakeFirst();
  },
  byPersonId(ex: Executor, personId: number) {
    return ex.selectFrom('emp_supply').selectAll().where('person_id', '=', personId).executeTakeFirst();
  },
  async insert(ex: Executor, row: NewSupply): Promise<number> {
    return (await ex.insertInto('emp_supply').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  update(ex: Executor, id: number, set: Updateable<EmpSupplyTable>) {
    return ex.updateTable('emp_supply').set(set).where('id', '=', id).execute();
  },
  insertEvent(ex: Executor, row: Insertable<EmpSupplyEventsTable>) {
    return ex.insertInto('emp_supply_events').values(row).execute();
  },

  async page(
    ex: Executor,
    actor: Actor,
    f: { q?: string | undefined; communeCode?: string | undefined; status?: string | undefined },
    page: { limit: number; offset: number },
  ) {
    let q = ex.selectFrom('emp_supply as s').where(inArea(actor, 's'));
    if (f.communeCode) q = q.where('s.commune_code', '=', f.communeCode);
    if (f.status) q = q.where('s.employment_status', '=', f.status);
    if (f.q)
      q = /^\d{6,12}$/.test(f.q)
        ? q.where('s.citizen_id', 'like', `${f.q}%`)
        : q.where('s.name_key', 'like', `%${f.q}%`);
    const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
    const rows = await q
      .selectAll('s')
      .orderBy('s.name_key')
      .orderBy('s.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total, rows };
  },

  /** Check-in search at a fair: by personal ID (exact or prefix) or by the unaccented name. */
  search(ex: Executor, actor: Actor, key: string, byId: boolean, limit: number) {
    let q = ex
      .selectFrom('emp_supply as s')
      .select(['s.id', 's.full_name', 's.citizen_id', 's.birth_date', 's.commune_code'])
      .where(inArea(actor, 's'));
    q = byId ? q.where('s.citizen_id', 'like', `${key}%`) : q.where('s.name_key', 'like', `%${key}%`);
    return q.orderBy('s.name_key').limit(limit).execute();
  },

  /** The existing records of a chunk of personal IDs (imports). */
  async byCitizenIds(ex: Executor, ids: readonly string[]): Promise<Map<string, SupplyRow>> {
    const out = new Map<string, SupplyRow>();
    for (let i = 0; i < ids.length; i += 900) {
      for (const r of await ex
        .selectFrom('emp_supply')
        .selectAll()
        .where('citizen_id', 'in', ids.slice(i, i + 900))
        .execute())
        out.set(r.citizen_id, r);
    }
    return out;
  },

  /**
   * Insert many records in the open transaction. On SQLite one prepared statement run per row
   * on the transaction's connection is the fastest path; elsewhere multi-row inserts.
   */
  async insertMany(database: Database, trx: Executor, rows: NewSupply[]): Promise<void> {
    if (rows.length === 0) return;
    if (database.sqlite) {
      const cols = Object.keys(rows[0]!) as (keyof NewSupply)[];
      const stmt = database.sqlite.prepare(
        `insert into emp_supply (${cols.join(',')}) values (${cols.map(() => '?').join(',')})`,
      );
      const args: unknown[] = new Array(cols.length);
      for (const r of rows) {
        for (let i = 0; i < cols.length; i++) args[i] = r[cols[i]!] ?? null;
        stmt.run(args);
      }
      return;
    }
    for (let i = 0; i < rows.length; i += 1000)
      await trx
        .insertInto('emp_supply')
        .values(rows.slice(i, i + 1000))
        .execute();
  },
};
