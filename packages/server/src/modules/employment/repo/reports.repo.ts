import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../db/database.js';

/** The figures of a periodic report, each a count (or sum) over one table for a province and a period. */
export const REPORT_FIGURES = [
  'supply_collected',
  'supply_total',
  'supply_employed',
  'supply_unemployed',
  'supply_inactive',
  'employers_new',
  'vacancies',
  'vacancy_positions',
  'counselling',
  'referrals',
  'placements',
  'followed_three_months',
  'fairs',
  'fairs_online',
  'fair_employers',
  'fair_vacancies',
  'fair_workers',
  'fair_interviewed',
  'fair_hired',
  'courses',
  'trainees',
  'trainees_supported',
  'trainees_completed',
  'trainees_job_after',
  'abroad_departed',
  'abroad_direct_registered',
  'jobs_created',
] as const;
export type ReportFigure = (typeof REPORT_FIGURES)[number];

type Q = { p: string; from: string; to: string };
const between = (col: string, q: Q) => sql`${sql.ref(col)} between ${q.from} and ${q.to}`;
const n = (from: RawBuilder<unknown>, where: RawBuilder<unknown>, what: RawBuilder<unknown> = sql`count(*)`) =>
  sql`(select coalesce(${what}, 0) from ${from} where ${where})`;

/** Every figure as one select of scalar subqueries (one round trip; each uses its table's province index). */
function figureSql(q: Q): Record<ReportFigure, RawBuilder<unknown>> {
  const inP = (a: string) => sql`${sql.ref(`${a}.province_code`)} = ${q.p}`;
  const fair = sql`(select x.*, f.date as fair_date from emp_fair_attendees x join emp_fairs f on f.id = x.fair_id) as a`;
  return {
    supply_collected: n(sql`emp_supply s`, sql`${inP('s')} and ${between('s.collected_on', q)}`),
    supply_total: n(sql`emp_supply s`, sql`${inP('s')} and s.collected_on <= ${q.to}`),
    supply_employed: n(
      sql`emp_supply s`,
      sql`${inP('s')} and s.collected_on <= ${q.to} and s.employment_status not in ('unemployed', 'inactive')`,
    ),
    supply_unemployed: n(
      sql`emp_supply s`,
      sql`${inP('s')} and s.collected_on <= ${q.to} and s.employment_status = 'unemployed'`,
    ),
    supply_inactive: n(
      sql`emp_supply s`,
      sql`${inP('s')} and s.collected_on <= ${q.to} and s.employment_status = 'inactive'`,
    ),
    employers_new: n(
      sql`emp_employers e`,
      sql`${inP('e')} and e.created_at >= ${q.from} and e.created_at < ${nextDay(q.to)}`,
    ),
    vacancies: n(sql`emp_vacancies v`, sql`${inP('v')} and ${between('v.open_from', q)}`),
    vacancy_positions: n(
      sql`emp_vacancies v`,
      sql`${inP('v')} and ${between('v.open_from', q)}`,
      sql`sum(v.positions)`,
    ),
    counselling: n(sql`emp_counselling c`, sql`${inP('c')} and ${between('c.date', q)}`),
    referrals: n(sql`emp_referrals r`, sql`${inP('r')} and ${between('r.date', q)}`),
    placements: n(sql`emp_placements pl`, sql`${inP('pl')} and ${between('pl.start_date', q)}`),
    followed_three_months: n(
      sql`emp_placement_checkpoints k`,
      sql`${inP('k')} and k.month = 3 and ${between('k.date', q)}`,
    ),
    fairs: n(sql`emp_fairs f`, sql`${inP('f')} and ${between('f.date', q)}`),
    fairs_online: n(sql`emp_fairs f`, sql`${inP('f')} and ${between('f.date', q)} and f.mode <> 'offline'`),
    fair_employers: n(
      sql`emp_fair_employers fe join emp_fairs f on f.id = fe.fair_id`,
      sql`${inP('f')} and ${between('f.date', q)}`,
    ),
    fair_vacancies: n(
      sql`emp_fair_vacancies fv join emp_fairs f on f.id = fv.fair_id join emp_vacancies v on v.id = fv.vacancy_id`,
      sql`${inP('f')} and ${between('f.date', q)}`,
      sql`sum(v.positions)`,
    ),
    fair_workers: n(fair, sql`${inP('a')} and ${between('a.fair_date', q)}`),
    fair_interviewed: n(fair, sql`${inP('a')} and ${between('a.fair_date', q)} and a.interviewed_by is not null`),
    fair_hired: n(fair, sql`${inP('a')} and ${between('a.fair_date', q)} and a.hired_vacancy_id is not null`),
    courses: n(sql`emp_courses c`, sql`${inP('c')} and ${between('c.start_date', q)}`),
    trainees: n(sql`emp_enrolments e`, sql`${inP('e')} and ${between('e.start_date', q)}`),
    trainees_supported: n(
      sql`emp_enrolments e`,
      sql`${inP('e')} and ${between('e.start_date', q)} and e.supported = 1`,
    ),
    trainees_completed: n(sql`emp_enrolments e`, sql`${inP('e')} and ${between('e.completed_on', q)}`),
    trainees_job_after: n(
      sql`emp_enrolments e`,
      sql`${inP('e')} and ${between('e.completed_on', q)} and e.job_after = 1`,
    ),
    abroad_departed: n(sql`emp_abroad w`, sql`${inP('w')} and ${between('w.departure_date', q)}`),
    abroad_direct_registered: n(
      sql`emp_abroad w`,
      sql`${inP('w')} and w.form = 'direct' and ${between('w.registered_on', q)}`,
    ),
    jobs_created: n(sql`emp_jobs j`, sql`${inP('j')} and j.counted = 1 and ${between('j.date', q)}`),
  };
}

/** The next calendar day of a 'YYYY-MM-DD' (instants are compared against it). */
function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

export const reportsRepo = {
  /** The report's figures for a province and an inclusive period. */
  async figures(ex: Executor, provinceCode: string, from: string, to: string): Promise<Record<ReportFigure, number>> {
    const parts = figureSql({ p: provinceCode, from, to });
    const select = sql.join(REPORT_FIGURES.map((k) => sql`${parts[k]} as ${sql.ref(k)}`));
    const r = await sql<Record<ReportFigure, unknown>>`select ${select}`.execute(ex);
    const row = r.rows[0]!;
    return Object.fromEntries(REPORT_FIGURES.map((k) => [k, Number(row[k] ?? 0)])) as Record<ReportFigure, number>;
  },
};
