import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { AgenciesTable } from '../../../db/schema-agencies.js';

export type AgencyRow = Selectable<AgenciesTable>;

/** SQL of the agencies of a province (migration 0028). */
export const agenciesRepo = {
  byId(db: Executor, id: number) {
    return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  },
  byCode(db: Executor, provinceCode: string, code: string) {
    return db
      .selectFrom('agencies')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('code', '=', code)
      .executeTakeFirst();
  },
  /** Agencies of one province (null: every province, for the system), by code. */
  list(db: Executor, provinceCode: string | null) {
    return db
      .selectFrom('agencies')
      .selectAll()
      .$if(provinceCode !== null, (q) => q.where('province_code', '=', provinceCode!))
      .orderBy('province_code')
      .orderBy('code')
      .execute();
  },
  async insert(db: Executor, row: Insertable<AgenciesTable>): Promise<number> {
    const r = await db.insertInto('agencies').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  async update(db: Executor, id: number, set: Updateable<AgenciesTable>): Promise<void> {
    await db.updateTable('agencies').set(set).where('id', '=', id).execute();
  },
};
