import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { PetitionIdentitiesTable, PetitionLettersTable } from '../../../db/schema-petitions.js';
import type { PeriodFilter } from './reception.repo.js';

export type LetterRow = Selectable<PetitionLettersTable>;
export type IdentityRow = Selectable<PetitionIdentitiesTable>;

export interface LettersFilter extends PeriodFilter {
  state?: string | undefined;
  kind?: string | undefined;
  /** Letters still awaiting the citizen notice, due on or before this date. */
  noticeDueBy?: string | undefined;
  /** A person's letters; restricted ones (denunciations) never appear on a timeline. */
  personId?: number | undefined;
}

/** Letters and the restricted identities of denouncers. */
export const lettersRepo = {
  insert(db: Executor, row: Insertable<PetitionLettersTable>) {
    return db.insertInto('petition_letters').values(row).returningAll().executeTakeFirstOrThrow();
  },
  find(db: Executor, id: number) {
    return db.selectFrom('petition_letters').selectAll().where('id', '=', id).executeTakeFirst();
  },
  update(db: Executor, id: number, set: Updateable<PetitionLettersTable>) {
    return db.updateTable('petition_letters').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },
  async countInYear(db: Executor, provinceCode: string, year: number): Promise<number> {
    const r = await db
      .selectFrom('petition_letters')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('province_code', '=', provinceCode)
      .where('code', 'like', `DT-${provinceCode}-${year}-%`)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },
  async list(db: Executor, f: LettersFilter, page: { limit: number; offset: number }) {
    let q = db.selectFrom('petition_letters');
    if (f.scope) q = q.where('area_path', 'like', f.scope);
    if (f.from) q = q.where('received_date', '>=', f.from);
    if (f.to) q = q.where('received_date', '<=', f.to);
    if (f.state) q = q.where('state', '=', f.state);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.personId) q = q.where('person_id', '=', f.personId).where('identity_restricted', '=', 0);
    if (f.noticeDueBy) q = q.where('notified_date', 'is', null).where('notice_due', '<=', f.noticeDueBy);
    const total = await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await q
      .selectAll()
      .orderBy('received_date', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total: Number(total?.n ?? 0), rows };
  },
  /** Letters assigned to an officer that still await the citizen notice, soonest first. */
  dueForAssignee(db: Executor, userId: number, scope: string | null, limit: number) {
    let q = db
      .selectFrom('petition_letters')
      .select(['id', 'code', 'summary', 'notice_due'])
      .where('assignee_id', '=', userId)
      .where('notified_date', 'is', null)
      .where('notice_due', 'is not', null);
    if (scope) q = q.where('area_path', 'like', scope);
    return q.orderBy('notice_due').orderBy('id').limit(limit).execute();
  },

  /** A person's own letters for the timeline (never a restricted one), inside the scope, newest first. */
  ofPerson(db: Executor, personId: number, scope: string | null) {
    let q = db
      .selectFrom('petition_letters')
      .selectAll()
      .where('person_id', '=', personId)
      .where('identity_restricted', '=', 0)
      .where('state', '<>', 'split');
    if (scope) q = q.where('area_path', 'like', scope);
    return q.orderBy('received_date', 'desc').orderBy('id', 'desc').limit(200).execute();
  },
  /** The denunciation letters whose restricted identity is linked to a person, inside the scope. */
  restrictedOfPerson(db: Executor, personId: number, scope: string | null) {
    let q = db
      .selectFrom('petition_letters as l')
      .innerJoin('petition_identities as i', (j) => j.onRef('i.owner_id', '=', 'l.id').on('i.owner', '=', 'letter'))
      .selectAll('l')
      .where('i.person_id', '=', personId)
      .where('l.identity_restricted', '=', 1)
      .where('l.state', '<>', 'split');
    if (scope) q = q.where('l.area_path', 'like', scope);
    return q.orderBy('l.received_date', 'desc').orderBy('l.id', 'desc').limit(200).execute();
  },

  /**
   * How many times a content was already transferred: the transfers of the letters of its chain
   * (the first letter and those naming it as the same content), a letter transferred in counting
   * as one (the sending body made the first transfer).
   */
  async transfersOfContent(db: Executor, rootId: number): Promise<number> {
    const rows = await db
      .selectFrom('petition_letters')
      .select(['transfers', 'channel'])
      .where((e) => e.or([e('id', '=', rootId), e('same_content_of', '=', rootId)]))
      .execute();
    return rows.reduce((n, r) => n + r.transfers + (r.channel === 'transferred' ? 1 : 0), 0);
  },

  insertIdentity(db: Executor, row: Insertable<PetitionIdentitiesTable>) {
    return db.insertInto('petition_identities').values(row).execute();
  },
  /** The area path of a reception-book line (for the identity read of a denouncer at reception). */
  async entryArea(db: Executor, id: number): Promise<string | null> {
    const r = await db.selectFrom('petition_entries').select('area_path').where('id', '=', id).executeTakeFirst();
    return r?.area_path ?? null;
  },
  findIdentity(db: Executor, owner: 'letter' | 'entry', ownerId: number) {
    return db
      .selectFrom('petition_identities')
      .selectAll()
      .where('owner', '=', owner)
      .where('owner_id', '=', ownerId)
      .executeTakeFirst();
  },
};
