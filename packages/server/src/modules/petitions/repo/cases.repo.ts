import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type {
  PetitionCaseStepsTable,
  PetitionCasesTable,
  PetitionClockEventsTable,
} from '../../../db/schema-petitions.js';
import type { PeriodFilter } from './reception.repo.js';

export type CaseRow = Selectable<PetitionCasesTable>;
export type CaseStepRow = Selectable<PetitionCaseStepsTable>;
export type ClockEventRow = Selectable<PetitionClockEventsTable>;

export interface CasesFilter extends PeriodFilter {
  state?: string | undefined;
  kind?: string | undefined;
  assigneeId?: number | undefined;
  /** Open cases due on or before this date. */
  dueBy?: string | undefined;
}

/** Complaint and denunciation cases, their steps and their clock events. */
export const casesRepo = {
  insert(db: Executor, row: Insertable<PetitionCasesTable>) {
    return db.insertInto('petition_cases').values(row).returningAll().executeTakeFirstOrThrow();
  },
  find(db: Executor, id: number) {
    return db.selectFrom('petition_cases').selectAll().where('id', '=', id).executeTakeFirst();
  },
  update(db: Executor, id: number, set: Updateable<PetitionCasesTable>) {
    return db.updateTable('petition_cases').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },
  async countLike(db: Executor, pattern: string): Promise<number> {
    const r = await db
      .selectFrom('petition_cases')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('code', 'like', pattern)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },
  async list(db: Executor, f: CasesFilter, page: { limit: number; offset: number }) {
    let q = db.selectFrom('petition_cases');
    if (f.scope) q = q.where('area_path', 'like', f.scope);
    if (f.from) q = q.where('accepted_date', '>=', f.from);
    if (f.to) q = q.where('accepted_date', '<=', f.to);
    if (f.state) q = q.where('state', '=', f.state);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.assigneeId !== undefined) q = q.where('assignee_id', '=', f.assigneeId);
    if (f.dueBy) q = q.where('decided_date', 'is', null).where('settle_due', '<=', f.dueBy);
    const total = await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await q
      .selectAll()
      .orderBy('accepted_date', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total: Number(total?.n ?? 0), rows };
  },
  /** Open cases assigned to an officer, soonest due first. */
  dueForAssignee(db: Executor, userId: number, scope: string | null, limit: number) {
    let q = db
      .selectFrom('petition_cases')
      .select(['id', 'code', 'summary', 'settle_due'])
      .where('assignee_id', '=', userId)
      .where('decided_date', 'is', null)
      .where('settle_due', 'is not', null);
    if (scope) q = q.where('area_path', 'like', scope);
    return q.orderBy('settle_due').orderBy('id').limit(limit).execute();
  },

  insertStep(db: Executor, row: Insertable<PetitionCaseStepsTable>) {
    return db.insertInto('petition_case_steps').values(row).returningAll().executeTakeFirstOrThrow();
  },
  steps(db: Executor, caseId: number) {
    return db.selectFrom('petition_case_steps').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  },
  insertClockEvent(db: Executor, row: Insertable<PetitionClockEventsTable>) {
    return db.insertInto('petition_clock_events').values(row).execute();
  },
  clockEvents(db: Executor, caseId: number) {
    return db.selectFrom('petition_clock_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  },
};
