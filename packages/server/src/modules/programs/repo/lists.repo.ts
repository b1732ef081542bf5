import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { AreaColumn } from '../../../platform/authz.js';
import type { ListRow, Scope } from './types.js';
import { ofAgency } from '../../../db/agency-sql.js';

type NewList = Omit<
  ListRow,
  | 'id'
  | 'entries_count'
  | 'total_amount'
  | 'total_quantity_milli'
  | 'submitted_at'
  | 'approved_at'
  | 'decision_no'
  | 'decision_date'
  | 'published_at'
>;

/** A list joined with its program and commune name. */
export type ListJoined = ListRow & {
  program_code: string;
  program_name: string;
  unit: string;
  legal_basis: string;
  commune_name: string;
  /** The program's agency: the list belongs to it too (docs/modules/agencies.md). */
  program_agency_code: string | null;
};

/** Filters of a page of lists; `scope` and `level` are the actor's and the asked area's columns. */
export interface ListFilter {
  scope?: Scope | null;
  area?: Scope | null;
  publishedOnly?: boolean;
  /** Only lists not (yet) published. */
  unpublishedOnly?: boolean;
  programId?: number;
  period?: string;
  state?: string;
  /** The actor's agency (`agencyScope`): lists of that agency's programs and of programs of none. */
  agency?: string | null;
  /** Only lists with at least one entry (the public page hides empty ones). */
  nonEmpty?: boolean;
  /** Only lists with an entry whose person's folded name contains this key (public name search). */
  nameKey?: string;
}

/** Lists joined with their program and commune name. */
function joined(db: Executor) {
  return db
    .selectFrom('program_lists as l')
    .innerJoin('programs as g', 'g.id', 'l.program_id')
    .innerJoin('areas as a', 'a.code', 'l.commune_code')
    .selectAll('l')
    .select([
      'g.code as program_code',
      'g.name as program_name',
      'g.unit',
      'g.legal_basis',
      'a.name as commune_name',
      'g.agency_code as program_agency_code',
    ]);
}

function filtered(db: Executor, f: ListFilter) {
  let q = joined(db);
  if (f.scope) q = q.where(`l.${f.scope.column}`, '=', f.scope.code);
  if (f.area) q = q.where(`l.${f.area.column}`, '=', f.area.code);
  if (f.agency) q = q.where(ofAgency('g.agency_code', f.agency));
  if (f.publishedOnly) q = q.where('l.published_at', 'is not', null);
  if (f.unpublishedOnly) q = q.where('l.published_at', 'is', null);
  if (f.programId) q = q.where('l.program_id', '=', f.programId);
  if (f.period) q = q.where('l.period', '=', f.period);
  if (f.state) q = q.where('l.state', '=', f.state);
  if (f.nonEmpty) q = q.where('l.entries_count', '>', 0);
  if (f.nameKey) {
    const key = `%${f.nameKey.replace(/[\\%_]/g, '')}%`;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('list_entries as e')
          // A household entry is found by its head's name.
          .leftJoin('households as hh', 'hh.id', 'e.household_id')
          .innerJoin('persons as p', (j) => j.on(sql<boolean>`p.id = coalesce(e.person_id, hh.head_person_id)`))
          .select('e.id')
          .whereRef('e.list_id', '=', 'l.id')
          .where('p.name_key', 'like', key),
      ),
    );
  }
  return q;
}

/** SQL of lists and their approval steps and remarks. */
export const listsRepo = {
  async byId(ex: Executor, id: number): Promise<ListJoined | undefined> {
    return joined(ex).where('l.id', '=', id).executeTakeFirst();
  },

  /** A page of lists, and how many match. */
  async page(
    ex: Executor,
    f: ListFilter,
    p: { limit: number; offset: number; order: 'commune' | 'published' },
  ): Promise<{ rows: ListJoined[]; total: number }> {
    const total = await filtered(ex, f)
      .clearSelect()
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const q = filtered(ex, f);
    const ordered =
      p.order === 'published' ? q.orderBy('l.published_at', 'desc') : q.orderBy('l.commune_code').orderBy('l.seq');
    const rows = await ordered.limit(p.limit).offset(p.offset).execute();
    return { rows, total: Number(total?.n ?? 0) };
  },

  /** The programs and communes that have a published, non-empty list: the public page's filters. */
  async publishedFacets(ex: Executor) {
    const base = joined(ex).where('l.published_at', 'is not', null).where('l.entries_count', '>', 0).clearSelect();
    const [programs, communes] = await Promise.all([
      base.select(['g.id', 'g.name']).distinct().orderBy('g.name').execute(),
      base.select(['a.code', 'a.name']).distinct().orderBy('a.name').execute(),
    ]);
    return { programs, communes };
  },

  /** Program, period and reference date of lists (for the check). */
  async heads(ex: Executor, ids: number[]) {
    return ex
      .selectFrom('program_lists')
      .select(['id', 'program_id', 'period', 'ref_date'])
      .where('id', 'in', ids)
      .execute();
  },

  /** Ids of the lists of a program and period, within a scope (null: everywhere). */
  async idsOf(ex: Executor, programId: number, period: string, scope: Scope | null): Promise<number[]> {
    const rows = await ex
      .selectFrom('program_lists')
      .select('id')
      .where('program_id', '=', programId)
      .where('period', '=', period)
      .$if(!!scope, (q) => q.where(scope!.column, '=', scope!.code))
      .execute();
    return rows.map((r) => r.id);
  },

  /** Communes that already have a main list (seq 0) of the program and period. */
  async communesWithMainList(
    ex: Executor,
    programId: number,
    period: string,
    scope: Scope | null,
  ): Promise<Set<string>> {
    const rows = await ex
      .selectFrom('program_lists')
      .select('commune_code')
      .where('program_id', '=', programId)
      .where('period', '=', period)
      .where('seq', '=', 0)
      .$if(!!scope, (q) => q.where(scope!.column, '=', scope!.code))
      .execute();
    return new Set(rows.map((r) => r.commune_code));
  },

  /** Lists of a program and period under an area, for the progress table. */
  async forProgress(ex: Executor, programId: number, period: string, column: AreaColumn, code: string) {
    return ex
      .selectFrom('program_lists')
      .select(['commune_code', 'state', 'total_amount', 'entries_count'])
      .where('program_id', '=', programId)
      .where('period', '=', period)
      .where(column, '=', code)
      .execute();
  },

  async maxSeq(ex: Executor, programId: number, period: string, communeCode: string): Promise<number> {
    const r = await ex
      .selectFrom('program_lists')
      .select((e) => e.fn.max('seq').as('m'))
      .where('program_id', '=', programId)
      .where('period', '=', period)
      .where('commune_code', '=', communeCode)
      .executeTakeFirst();
    return Number(r?.m ?? 0);
  },

  async insert(ex: Executor, row: NewList): Promise<number> {
    const r = await ex.insertInto('program_lists').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },

  /** Move a list from one state to another; false when someone else moved it first. */
  async moveState(
    ex: Executor,
    id: number,
    from: string,
    set: Partial<
      Pick<ListRow, 'state' | 'updated_at' | 'submitted_at' | 'approved_at' | 'decision_no' | 'decision_date'>
    >,
  ): Promise<boolean> {
    const res = await ex
      .updateTable('program_lists')
      .set(set)
      .where('id', '=', id)
      .where('state', '=', from)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  async publish(ex: Executor, id: number, at: string): Promise<void> {
    await ex
      .updateTable('program_lists')
      .set({ published_at: at })
      .where('id', '=', id)
      .where('published_at', 'is', null)
      .execute();
  },

  async addStep(
    ex: Executor,
    row: {
      list_id: number;
      action: string;
      from_state: string;
      to_state: string;
      actor: string;
      actor_level: number | null;
      comment: string | null;
      decision_no: string | null;
      decision_date: string | null;
      at: string;
    },
  ): Promise<void> {
    await ex.insertInto('list_steps').values(row).execute();
  },

  /** The approval steps, with the acting account's full name (people, not usernames, on the timeline). */
  async steps(ex: Executor, listId: number) {
    return ex
      .selectFrom('list_steps as s')
      .leftJoin('users as u', 'u.username', 's.actor')
      .selectAll('s')
      .select('u.full_name as actor_name')
      .where('s.list_id', '=', listId)
      .orderBy('s.id')
      .execute();
  },

  async openRemarks(ex: Executor, listId: number): Promise<number> {
    const r = await ex
      .selectFrom('list_remarks')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('list_id', '=', listId)
      .where('answer', 'is', null)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },

  /** The remarks of a list for officers, with the names of the accounts that wrote and answered them. */
  async remarks(ex: Executor, listId: number) {
    return ex
      .selectFrom('list_remarks as r')
      .leftJoin('users as ua', 'ua.username', 'r.author')
      .leftJoin('users as ub', 'ub.username', 'r.answered_by')
      .selectAll('r')
      .select(['ua.full_name as author_name', 'ub.full_name as answered_name'])
      .where('r.list_id', '=', listId)
      .orderBy('r.id')
      .execute();
  },

  /**
   * The remarks of a published list as the public reads them: each author and answerer named by
   * their unit (the area of their account), never by username (usernames are predictable, and
   * knowing one is half of a sign-in).
   */
  async publicRemarks(ex: Executor, listId: number) {
    return ex
      .selectFrom('list_remarks as r')
      .leftJoin('users as ua', 'ua.username', 'r.author')
      .leftJoin('areas as aa', 'aa.code', 'ua.area_code')
      .leftJoin('users as ub', 'ub.username', 'r.answered_by')
      .leftJoin('areas as ab', 'ab.code', 'ub.area_code')
      .selectAll('r')
      .select(['aa.name as author_unit', 'ab.name as answered_unit'])
      .where('r.list_id', '=', listId)
      .orderBy('r.id')
      .execute();
  },

  async remark(ex: Executor, id: number) {
    return ex.selectFrom('list_remarks').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async addRemark(
    ex: Executor,
    row: { list_id: number; entry_id: number | null; author: string; text: string; created_at: string },
  ): Promise<number> {
    const r = await ex
      .insertInto('list_remarks')
      .values({ ...row, answer: null, answered_by: null, answered_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async answerRemark(ex: Executor, id: number, answer: string, by: string, at: string): Promise<void> {
    await ex
      .updateTable('list_remarks')
      .set({ answer, answered_by: by, answered_at: at })
      .where('id', '=', id)
      .where('answer', 'is', null)
      .execute();
  },
};
