import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { PetitionCallsTable } from '../../../db/schema-petitions.js';
import type { PeriodFilter } from './reception.repo.js';

export type CallRow = Selectable<PetitionCallsTable>;

/** Hotline calls. */
export const callsRepo = {
  /** Many calls at once (a paper log typed in, the demo year), in chunks the databases accept. */
  async insertMany(db: Executor, rows: readonly Insertable<PetitionCallsTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('petition_calls')
        .values(rows.slice(i, i + 200))
        .execute();
  },
  insert(db: Executor, row: Insertable<PetitionCallsTable>) {
    return db.insertInto('petition_calls').values(row).returningAll().executeTakeFirstOrThrow();
  },
  find(db: Executor, id: number) {
    return db.selectFrom('petition_calls').selectAll().where('id', '=', id).executeTakeFirst();
  },
  forgetCaller(db: Executor, id: number) {
    return db
      .updateTable('petition_calls')
      .set({ caller_name: null, caller_phone: null })
      .where('id', '=', id)
      .execute();
  },
  linkLetter(db: Executor, id: number, letterId: number) {
    return db.updateTable('petition_calls').set({ letter_id: letterId }).where('id', '=', id).execute();
  },
  async list(db: Executor, f: PeriodFilter, page: { limit: number; offset: number }) {
    let q = db.selectFrom('petition_calls');
    if (f.scope) q = q.where('area_path', 'like', f.scope);
    if (f.from) q = q.where('called_date', '>=', f.from);
    if (f.to) q = q.where('called_date', '<=', f.to);
    const total = await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await q
      .selectAll()
      .orderBy('called_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total: Number(total?.n ?? 0), rows };
  },
};
