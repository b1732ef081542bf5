import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { AreasTable } from '../../../db/schema.js';

export type AreaRecord = AreasTable & { child_count: number };

const childCount = sql<number>`(select count(*) from areas c where c.parent_code = areas.code)`.as('child_count');

/** Data access for areas; `scope` is a LIKE pattern on the path, or null for no limit. */
export const areasRepo = {
  findByCode(db: Executor, code: string): Promise<AreaRecord | undefined> {
    return db.selectFrom('areas').selectAll().select(childCount).where('code', '=', code).executeTakeFirst();
  },

  findManyByCodes(db: Executor, codes: string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('areas')
      .select(['code', 'name', 'path', 'level', 'parent_code'])
      .where('code', 'in', codes)
      .execute();
  },

  children(db: Executor, parentCode: string, scope: string | null): Promise<AreaRecord[]> {
    let q = db.selectFrom('areas').selectAll().select(childCount).where('parent_code', '=', parentCode);
    if (scope) q = q.where('path', 'like', scope);
    return q.orderBy('code').execute();
  },

  search(db: Executor, key: string, scope: string | null, limit: number): Promise<AreaRecord[]> {
    let q = db.selectFrom('areas').selectAll().select(childCount).where('name_key', 'like', `%${key}%`);
    if (scope) q = q.where('path', 'like', scope);
    return q.orderBy('level').orderBy('code').limit(limit).execute();
  },

  /** Roots of the whole tree (provinces), for the system actor. */
  roots(db: Executor): Promise<AreaRecord[]> {
    return db
      .selectFrom('areas')
      .selectAll()
      .select(childCount)
      .where('parent_code', 'is', null)
      .orderBy('code')
      .execute();
  },

  allCodes(db: Executor) {
    return db
      .selectFrom('areas')
      .select(['code', 'path', 'parent_code', 'type', 'name', 'level', 'valid_from', 'valid_to'])
      .execute();
  },

  async upsert(db: Executor, row: AreasTable): Promise<void> {
    await db
      .insertInto('areas')
      .values(row)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          name: row.name,
          name_key: row.name_key,
          type: row.type,
          level: row.level,
          parent_code: row.parent_code,
          path: row.path,
          valid_from: row.valid_from,
          valid_to: row.valid_to,
          list_id: row.list_id,
        }),
      )
      .execute();
  },

  async insertMapping(
    db: Executor,
    m: { old_code: string; new_code: string; coverage: string; effective: string; list_from: string; list_to: string },
  ): Promise<void> {
    await db
      .insertInto('area_mappings')
      .values(m)
      .onConflict((oc) => oc.columns(['old_code', 'new_code', 'effective']).doUpdateSet({ coverage: m.coverage }))
      .execute();
  },

  async count(db: Executor): Promise<number> {
    const r = await db
      .selectFrom('areas')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
