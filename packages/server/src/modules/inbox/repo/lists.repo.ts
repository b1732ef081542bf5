import type { Executor } from '../../../db/database.js';
import type { CodeScope, KindAnswer } from './types.js';
import { ofAgency } from '../../../db/agency-sql.js';

/**
 * Declared reader of the programs module's tables (program_lists, list_remarks, programs,
 * list_steps) for the inbox: lists waiting for a step of the actor's level, and remarks to answer.
 * Every query is limited to the actor's area by one equality on the list's area code column, and
 * to the actor's agency by the list's program (`agency`: null for an actor who sees every agency).
 */
type ListWait = 'prepare' | 'fix' | 'appraise' | 'approve';

function listsWaiting(db: Executor, scope: CodeScope, agency: string | null, wait: ListWait) {
  let q = db
    .selectFrom('program_lists as l')
    .innerJoin('programs as p', 'p.id', 'l.program_id')
    .leftJoin('areas as a', 'a.code', 'l.commune_code');
  if (scope) q = q.where(`l.${scope.column}`, '=', scope.code);
  if (agency) q = q.where(ofAgency('p.agency_code', agency));
  if (wait === 'prepare') q = q.where('l.state', '=', 'draft');
  else if (wait === 'fix') q = q.where('l.state', '=', 'returned');
  else if (wait === 'appraise') q = q.where('l.state', '=', 'submitted').where('l.levels', '=', 3);
  else
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('l.state', '=', 'appraised'), eb('l.levels', '=', 3)]),
        eb.and([eb('l.state', '=', 'submitted'), eb('l.levels', '=', 2)]),
      ]),
    );
  return q;
}

export const inboxListsRepo = {
  async lists(
    db: Executor,
    scope: CodeScope,
    agency: string | null,
    wait: ListWait,
    limit: number,
  ): Promise<KindAnswer> {
    const q = listsWaiting(db, scope, agency, wait);
    const n = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    // Since when it waits at this step: created (draft), returned or submitted/appraised (updated).
    const sinceCol = wait === 'prepare' ? 'l.created_at' : wait === 'appraise' ? 'l.submitted_at' : 'l.updated_at';
    const rows = await q
      .select([
        'l.id',
        'p.name as title',
        'l.period',
        'l.seq',
        'a.name as area_name',
        `${sinceCol} as since`,
        (eb) =>
          eb
            .selectFrom('list_steps as s')
            .select('s.comment')
            .whereRef('s.list_id', '=', 'l.id')
            .where('s.action', '=', 'return')
            .orderBy('s.id', 'desc')
            .limit(1)
            .as('return_comment'),
      ])
      .orderBy(sinceCol)
      .orderBy('l.id')
      .limit(limit)
      .execute();
    return {
      count: Number(n.n),
      overdue: 0,
      rows: rows.map((r) => ({
        id: r.id,
        title: r.title,
        detail: [r.seq > 0 ? `${r.period} (bổ sung ${r.seq})` : r.period, wait === 'fix' ? r.return_comment : null]
          .filter(Boolean)
          .join(' · '),
        area_name: r.area_name ?? null,
        since: (r.since ?? '').slice(0, 10),
        due: null,
      })),
    };
  },

  /** Supervisors' remarks not yet answered, on lists in the actor's area (id: the list's). */
  async remarks(db: Executor, scope: CodeScope, agency: string | null, limit: number): Promise<KindAnswer> {
    let q = db
      .selectFrom('list_remarks as r')
      .innerJoin('program_lists as l', 'l.id', 'r.list_id')
      .innerJoin('programs as p', 'p.id', 'l.program_id')
      .leftJoin('areas as a', 'a.code', 'l.commune_code')
      .where('r.answer', 'is', null);
    if (scope) q = q.where(`l.${scope.column}`, '=', scope.code);
    if (agency) q = q.where(ofAgency('p.agency_code', agency));
    const n = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .select(['l.id', 'p.name as title', 'l.period', 'r.text', 'a.name as area_name', 'r.created_at'])
      .orderBy('r.created_at')
      .orderBy('r.id')
      .limit(limit)
      .execute();
    return {
      count: Number(n.n),
      overdue: 0,
      rows: rows.map((r) => ({
        id: r.id,
        title: r.title,
        detail: `${r.period} · “${r.text.length > 120 ? `${r.text.slice(0, 119)}…` : r.text}”`,
        area_name: r.area_name ?? null,
        since: r.created_at.slice(0, 10),
        due: null,
      })),
    };
  },
};
