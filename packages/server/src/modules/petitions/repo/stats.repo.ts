import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';

export interface StatsFilter {
  /** LIKE pattern on area_path. */
  pattern: string;
  from: string;
  to: string;
}

const n = (v: unknown) => Number(v ?? 0);

/**
 * The counts of the periodic reports (TT 02/2021/TT-TTCP tables): one aggregate query per table,
 * each limited by the area path prefix and the period.
 */
export const statsRepo = {
  async reception(db: Executor, f: StatsFilter) {
    const s = await db
      .selectFrom('petition_sessions')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('area_path', 'like', f.pattern)
      .where('date', '>=', f.from)
      .where('date', '<=', f.to)
      .executeTakeFirst();
    const r = await sql<{ visits: number; people: number; groups: number; mass: number }>`
      select count(*) as visits, coalesce(sum(people), 0) as people,
        sum(case when people >= 5 then 1 else 0 end) as groups,
        sum(case when people >= 5 and kind = 'complaint' then 1 else 0 end) as mass
      from petition_entries where area_path like ${f.pattern} and date >= ${f.from} and date <= ${f.to}`.execute(db);
    const c = await db
      .selectFrom('petition_calls')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('area_path', 'like', f.pattern)
      .where('called_date', '>=', f.from)
      .where('called_date', '<=', f.to)
      .executeTakeFirst();
    const x = r.rows[0];
    return {
      sessions: n(s?.n),
      visits: n(x?.visits),
      people: n(x?.people),
      groups: n(x?.groups),
      massEntries: n(x?.mass),
      calls: n(c?.n),
    };
  },

  async letters(db: Executor, f: StatsFilter) {
    const r = await sql<Record<string, number>>`
      select
        sum(case when received_date < ${f.from} and (decision_date is null or decision_date >= ${f.from}) then 1 else 0 end) as carried,
        sum(case when received_date >= ${f.from} then 1 else 0 end) as received,
        sum(case when received_date >= ${f.from} and fit = 1 then 1 else 0 end) as fit,
        sum(case when received_date >= ${f.from} and fit = 1 and within_competence = 1 then 1 else 0 end) as competence,
        sum(case when decision_date >= ${f.from} and decision_date <= ${f.to} then 1 else 0 end) as handled,
        sum(case when received_date >= ${f.from} and kind = 'complaint' and signers >= 5 then 1 else 0 end) as mass
      from petition_letters
      where area_path like ${f.pattern} and state <> 'split' and received_date <= ${f.to}`.execute(db);
    const x = r.rows[0] ?? {};
    return {
      carried: n(x.carried),
      received: n(x.received),
      fit: n(x.fit),
      competence: n(x.competence),
      handled: n(x.handled),
      massLetters: n(x.mass),
    };
  },

  async cases(db: Executor, f: StatsFilter) {
    const r = await sql<{
      kind: string;
      accepted: number;
      settled: number;
      on_time: number;
      right_: number;
      partly: number;
      wrong: number;
    }>`
      select kind,
        sum(case when accepted_date >= ${f.from} and accepted_date <= ${f.to} then 1 else 0 end) as accepted,
        sum(case when decided_date >= ${f.from} and decided_date <= ${f.to} then 1 else 0 end) as settled,
        sum(case when decided_date >= ${f.from} and decided_date <= ${f.to} and on_time = 1 then 1 else 0 end) as on_time,
        sum(case when decided_date >= ${f.from} and decided_date <= ${f.to} and result = 'right' then 1 else 0 end) as right_,
        sum(case when decided_date >= ${f.from} and decided_date <= ${f.to} and result = 'partly' then 1 else 0 end) as partly,
        sum(case when decided_date >= ${f.from} and decided_date <= ${f.to} and result = 'wrong' then 1 else 0 end) as wrong
      from petition_cases where area_path like ${f.pattern} and accepted_date <= ${f.to}
      group by kind`.execute(db);
    const of = (kind: string) => {
      const x = r.rows.find((y) => y.kind === kind);
      return {
        accepted: n(x?.accepted),
        settled: n(x?.settled),
        onTime: n(x?.on_time),
        right: n(x?.right_),
        partly: n(x?.partly),
        wrong: n(x?.wrong),
      };
    };
    return { complaints: of('complaint'), denunciations: of('denunciation') };
  },
};
