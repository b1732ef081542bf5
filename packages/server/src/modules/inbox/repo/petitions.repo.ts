import type { Executor } from '../../../db/database.js';
import type { KindAnswer } from './types.js';

/**
 * Declared reader of the petitions module's tables for the inbox: letters awaiting the citizen
 * notice and open cases, assigned to the actor, inside the actor's area (path prefix).
 * Denouncers' identities are never read here: only the code and the summary.
 */
export const inboxPetitionsRepo = {
  async letters(db: Executor, userId: number, scope: string | null, today: string, limit: number): Promise<KindAnswer> {
    let q = db
      .selectFrom('petition_letters')
      .where('assignee_id', '=', userId)
      .where('notified_date', 'is', null)
      .where('notice_due', 'is not', null);
    if (scope) q = q.where('area_path', 'like', scope);
    const n = await q
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(eb.case().when('notice_due', '<', today).then(1).else(0).end()).as('late'),
      ])
      .executeTakeFirstOrThrow();
    const rows = await q
      .select(['id', 'code', 'summary', 'received_date', 'notice_due'])
      .orderBy('notice_due')
      .orderBy('id')
      .limit(limit)
      .execute();
    return {
      count: Number(n.n),
      overdue: Number(n.late ?? 0),
      rows: rows.map((r) => ({
        id: r.id,
        title: r.code,
        detail: r.summary,
        area_name: null,
        since: r.received_date,
        due: r.notice_due,
      })),
    };
  },

  async cases(db: Executor, userId: number, scope: string | null, today: string, limit: number): Promise<KindAnswer> {
    let q = db
      .selectFrom('petition_cases')
      .where('assignee_id', '=', userId)
      .where('decided_date', 'is', null)
      .where('settle_due', 'is not', null);
    if (scope) q = q.where('area_path', 'like', scope);
    const n = await q
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(eb.case().when('settle_due', '<', today).then(1).else(0).end()).as('late'),
      ])
      .executeTakeFirstOrThrow();
    const rows = await q
      .select(['id', 'code', 'summary', 'accepted_date', 'settle_due'])
      .orderBy('settle_due')
      .orderBy('id')
      .limit(limit)
      .execute();
    return {
      count: Number(n.n),
      overdue: Number(n.late ?? 0),
      rows: rows.map((r) => ({
        id: r.id,
        title: r.code,
        detail: r.summary,
        area_name: null,
        since: r.accepted_date,
        due: r.settle_due,
      })),
    };
  },
};
