import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { PetitionEntriesTable, PetitionSessionsTable } from '../../../db/schema-petitions.js';

export type SessionRow = Selectable<PetitionSessionsTable>;
export type EntryRow = Selectable<PetitionEntriesTable>;

/** Period and scope filters of the reception lists (the scope is a LIKE on the area path). */
export interface PeriodFilter {
  scope: string | null;
  from?: string | undefined;
  to?: string | undefined;
}

/** Reception sessions and the reception book (Mẫu 03/TCD). */
export const receptionRepo = {
  insertSession(db: Executor, row: Insertable<PetitionSessionsTable>) {
    return db.insertInto('petition_sessions').values(row).returningAll().executeTakeFirstOrThrow();
  },
  findSession(db: Executor, id: number) {
    return db.selectFrom('petition_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async listSessions(db: Executor, f: PeriodFilter, page: { limit: number; offset: number }) {
    let q = db.selectFrom('petition_sessions as s');
    if (f.scope) q = q.where('s.area_path', 'like', f.scope);
    if (f.from) q = q.where('s.date', '>=', f.from);
    if (f.to) q = q.where('s.date', '<=', f.to);
    const total = await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await q
      .selectAll('s')
      .select((e) =>
        e
          .selectFrom('petition_entries as x')
          .whereRef('x.session_id', '=', 's.id')
          .select((x) => x.fn.countAll<number>().as('n'))
          .as('entries'),
      )
      .orderBy('s.date', 'desc')
      .orderBy('s.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total: Number(total?.n ?? 0), rows };
  },

  async nextSeq(db: Executor, areaPath: string, year: number): Promise<number> {
    const r = await db
      .selectFrom('petition_entries')
      .select((e) => e.fn.max('seq').as('m'))
      .where('area_path', '=', areaPath)
      .where('year', '=', year)
      .executeTakeFirst();
    return Number(r?.m ?? 0) + 1;
  },
  insertEntry(db: Executor, row: Insertable<PetitionEntriesTable>) {
    return db.insertInto('petition_entries').values(row).returningAll().executeTakeFirstOrThrow();
  },
  findEntry(db: Executor, id: number) {
    return db.selectFrom('petition_entries').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async listEntries(
    db: Executor,
    f: PeriodFilter & { kind?: string | undefined },
    page: { limit: number; offset: number },
  ) {
    let q = db.selectFrom('petition_entries');
    if (f.scope) q = q.where('area_path', 'like', f.scope);
    if (f.from) q = q.where('date', '>=', f.from);
    if (f.to) q = q.where('date', '<=', f.to);
    if (f.kind) q = q.where('kind', '=', f.kind);
    const total = await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await q
      .selectAll()
      .orderBy('date')
      .orderBy('seq')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total: Number(total?.n ?? 0), rows };
  },
};
