import type { Statement } from 'better-sqlite3';
import type { Database, Executor } from '../../../db/database.js';
import type { NewHousehold } from './households.repo.js';
import type { NewPerson, PersonRow } from './persons.repo.js';

const CHUNK = 500;
function chunks<T>(xs: T[], n = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/**
 * The chunks of a long list with a turn of the event loop between them: on SQLite each query runs
 * synchronously, and a file's worth of them in a row would hold every other request (issue 17:
 * no stall over 50 ms). Inside a transaction other queries still wait for it (one connection).
 */
async function* slices<T>(xs: T[], n = CHUNK): AsyncGenerator<T[]> {
  for (let i = 0; i < xs.length; i += n) {
    if (i > 0) await new Promise((r) => setImmediate(r));
    yield xs.slice(i, i + n);
  }
}

export type ImportHousehold = { id: number; province_code: string; district_code: string | null; commune_code: string };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const insertStatements = new WeakMap<object, { stmt: Statement; cols: string[] }>();

/**
 * The bulk reads and writes of an import, in batches: existing records matched by ID or by
 * commune + name, households by code, and set-based inserts (a prepared statement per row on
 * SQLite, multi-row inserts elsewhere).
 */
export const importRepo = {
  /** Communes (level 3) whose path matches the LIKE pattern (null: all). */
  async communes(db: Executor, pattern: string | null) {
    let q = db.selectFrom('areas').select(['code', 'path', 'type']).where('level', '=', 3);
    if (pattern !== null) q = q.where('path', 'like', pattern);
    return q.execute();
  },

  async personsByCitizenIds(db: Executor, ids: string[]): Promise<PersonRow[]> {
    const out: PersonRow[] = [];
    for await (const c of slices(ids))
      out.push(...(await db.selectFrom('persons').selectAll().where('citizen_id', 'in', c).execute()));
    return out;
  },

  /** Live persons of one commune whose name key is one of `keys` (one range of the index each). */
  async personsByNameKeys(db: Executor, commune: string, keys: string[]): Promise<PersonRow[]> {
    const out: PersonRow[] = [];
    for await (const c of slices(keys)) {
      out.push(
        ...(await db
          .selectFrom('persons')
          .selectAll()
          .where('commune_code', '=', commune)
          .where('name_key', 'in', c)
          .where('merged_into_id', 'is', null)
          .execute()),
      );
    }
    return out;
  },

  async householdsByCodes(db: Executor, codes: string[]) {
    const out: (ImportHousehold & { code: string })[] = [];
    for await (const c of slices(codes)) {
      out.push(
        ...(await db
          .selectFrom('households')
          .select(['id', 'code', 'province_code', 'district_code', 'commune_code'])
          .where('code', 'in', c)
          .execute()),
      );
    }
    return out;
  },

  /** Count and last update of persons and households in these communes: changes if anything changed. */
  async fingerprint(db: Executor, communes: string[]): Promise<string> {
    const parts: unknown[] = [];
    for (const chunk of chunks(communes)) {
      parts.push(
        await db
          .selectFrom('persons')
          .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('u')])
          .where('commune_code', 'in', chunk)
          .executeTakeFirst(),
        await db
          .selectFrom('households')
          .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('u')])
          .where('commune_code', 'in', chunk)
          .executeTakeFirst(),
      );
    }
    return JSON.stringify(parts);
  },

  /** Insert households in multi-row batches with their 'created' event; ids in order. */
  async insertHouseholds(trx: Executor, rows: NewHousehold[], note: string, at: string): Promise<number[]> {
    const ids: number[] = [];
    for await (const chunk of slices(rows)) {
      const got = await trx.insertInto('households').values(chunk).returning('id').execute();
      await trx
        .insertInto('household_events')
        .values(
          got.map((r) => ({
            household_id: r.id,
            kind: 'created',
            date: at.slice(0, 10),
            note,
            related_household_id: null,
            created_at: at,
          })),
        )
        .execute();
      ids.push(...got.map((r) => r.id));
    }
    return ids;
  },

  /**
   * Insert many persons in the open transaction and return their ids in order. On SQLite a
   * prepared statement per row is the fastest path (it runs on the transaction's connection);
   * elsewhere, multi-row inserts.
   */
  async insertPersons(database: Database, trx: Executor, rows: NewPerson[]): Promise<number[]> {
    if (rows.length === 0) return [];
    if (database.sqlite) {
      let cached = insertStatements.get(database.sqlite);
      if (!cached) {
        const cols = Object.keys(rows[0]!);
        cached = {
          cols,
          stmt: database.sqlite.prepare(
            `insert into persons (${cols.join(',')}) values (${cols.map((c) => '@' + c).join(',')})`,
          ),
        };
        insertStatements.set(database.sqlite, cached);
      }
      const { stmt } = cached;
      // In the order of the name indexes (sort key, then name key): new entries land next to each
      // other in those B-trees instead of on a random page each (bench/registry.ts, 100.000 rows
      // into a million). Ids come back in the order of `rows`.
      const order = rows.map((_, i) => i);
      order.sort((a, b) => cmp(rows[a]!.sort_key, rows[b]!.sort_key) || cmp(rows[a]!.name_key, rows[b]!.name_key));
      const ids: number[] = new Array<number>(rows.length);
      for await (const c of slices(order, 1000)) for (const i of c) ids[i] = Number(stmt.run(rows[i]).lastInsertRowid);
      return ids;
    }
    const ids: number[] = [];
    for await (const c of slices(rows, 400)) {
      for (const r of await trx.insertInto('persons').values(c).returning('id').execute()) ids.push(r.id);
    }
    return ids;
  },
};
