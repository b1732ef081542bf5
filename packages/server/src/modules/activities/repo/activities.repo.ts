import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { ActivitiesTable } from '../../../db/schema-activities.js';

export type ActivityRow = Selectable<ActivitiesTable>;

export interface ActivityFilter {
  /** LIKE pattern on area_path (the actor's area), null for the system actor. */
  scope: string | null;
  kind?: string | undefined;
  topic?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The activities register (table `activities`). */
export const activitiesRepo = {
  get(ex: Executor, id: number) {
    return ex.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();
  },
  insert(ex: Executor, row: Insertable<ActivitiesTable>): Promise<ActivityRow> {
    return ex.insertInto('activities').values(row).returningAll().executeTakeFirstOrThrow();
  },
  update(ex: Executor, id: number, set: Updateable<ActivitiesTable>): Promise<ActivityRow> {
    return ex.updateTable('activities').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },
  async remove(ex: Executor, id: number): Promise<void> {
    await ex.deleteFrom('activities').where('id', '=', id).execute();
  },
  async page(ex: Executor, f: ActivityFilter, page: { limit: number; offset: number }) {
    let q = ex.selectFrom('activities as a');
    if (f.scope) q = q.where('a.area_path', 'like', f.scope);
    if (f.kind) q = q.where('a.kind', '=', f.kind);
    if (f.topic) q = q.where('a.topic', '=', f.topic);
    if (f.from) q = q.where('a.start_date', '>=', f.from);
    if (f.to) q = q.where('a.start_date', '<=', f.to);
    const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
    const rows = await q
      .selectAll('a')
      .orderBy('a.start_date', 'desc')
      .orderBy('a.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total, rows };
  },
};
