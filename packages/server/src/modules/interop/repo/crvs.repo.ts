import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { InteropCrvsEventsTable } from '../../../db/schema-interop.js';
import { isUniqueViolation } from '../../../platform/errors.js';

export type CrvsEventRow = Selectable<InteropCrvsEventsTable>;

/** Civil-registration notifications received: one row per event id and partner. */
export const crvsRepo = {
  /** Insert unless the partner already sent this event; returns whether it was new. */
  async insertOnce(db: Executor, row: Insertable<InteropCrvsEventsTable>): Promise<boolean> {
    const existing = await db
      .selectFrom('interop_crvs_events')
      .select('id')
      .where('partner_id', '=', row.partner_id)
      .where('event_id', '=', row.event_id)
      .executeTakeFirst();
    if (existing) return false;
    try {
      await db.insertInto('interop_crvs_events').values(row).execute();
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  },
  byId(db: Executor, id: number) {
    return db.selectFrom('interop_crvs_events').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** Events in an area (SQL scope: the column the actor's level fixes), newest first. */
  list(
    db: Executor,
    scope: { column: 'province_code' | 'district_code' | 'commune_code'; code: string } | null,
    states: string[],
  ) {
    let q = db
      .selectFrom('interop_crvs_events')
      .selectAll()
      .where('state', 'in', states)
      .orderBy('id', 'desc')
      .limit(500);
    if (scope) q = q.where(scope.column, '=', scope.code);
    return q.execute();
  },
  async decide(db: Executor, id: number, state: string, by: string, now: string, personId?: number) {
    await db
      .updateTable('interop_crvs_events')
      .set({ state, decided_by: by, decided_at: now, ...(personId ? { person_id: personId } : {}) })
      .where('id', '=', id)
      .execute();
  },
};
