import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ComputedIndicator, IndicatorQuery, IndicatorRecord } from '../../platform/indicators.js';

/**
 * Figures of employment services computed from the module's records (platform/indicators.ts).
 * Each is a count over one table, limited to the area (an indexed equality on its code column),
 * the period and the as-of date (a record dated after it does not count). Each names the entered
 * indicator of the same meaning and unit it `replaces` (seed/reports-seed.ts): the reports
 * catalogue offers it under the entered code, computed for the periods the records cover and
 * entered before, so the years typed in earlier stay readable; see docs/modules/employment.md,
 * "Indicators". The survey figures (urban unemployment, trained workers, social insurance) have
 * no computed counterpart: they stay entered.
 */
interface Source {
  /** The FROM item, aliased as `alias`. */
  from: RawBuilder<unknown>;
  alias: string;
  date: string;
  cond?: (q: IndicatorQuery, params?: Record<string, string>) => RawBuilder<unknown>;
  /** The person's name and the record's link, for traceability. */
  label: RawBuilder<unknown>;
  href: (id: number, personId: number | null) => string | null;
  person: string | null;
}

const where = (s: Source, q: IndicatorQuery, params?: Record<string, string>) => sql`
  ${sql.ref(`${s.alias}.${q.area.column}`)} = ${q.area.code}
  and ${sql.ref(`${s.alias}.${s.date}`)} between ${q.from} and ${q.to}
  and ${sql.ref(`${s.alias}.${s.date}`)} <= ${q.asOf}
  ${s.cond ? sql`and ${s.cond(q, params)}` : sql``}`;

async function count(db: Kysely<DB>, s: Source, q: IndicatorQuery, params?: Record<string, string>): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from ${s.from}
    where ${where(s, q, params)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

async function records(
  db: Kysely<DB>,
  s: Source,
  q: IndicatorQuery,
  page: { limit: number; offset: number },
  kind: string,
  params?: Record<string, string>,
): Promise<{ total: number; rows: IndicatorRecord[] }> {
  const total = await count(db, s, q, params);
  const person = s.person ? sql.ref(`${s.alias}.${s.person}`) : sql`null`;
  const r = await sql<{ id: number; label: string; area: string | null; date: string; person: number | null }>`
    select ${sql.ref(`${s.alias}.id`)} as id, ${s.label} as label,
      coalesce(${sql.ref(`${s.alias}.district_code`)}, ${sql.ref(`${s.alias}.province_code`)}) as area,
      ${sql.ref(`${s.alias}.${s.date}`)} as date, ${person} as person
    from ${s.from}
    where ${where(s, q, params)}
    order by ${sql.ref(`${s.alias}.${s.date}`)}, ${sql.ref(`${s.alias}.id`)} limit ${page.limit} offset ${page.offset}`.execute(
    db,
  );
  return {
    total,
    rows: r.rows.map((x) => ({
      kind,
      id: x.id,
      label: x.label,
      href: s.href(x.id, x.person),
      areaCode: x.area ?? '',
      date: x.date,
      amount: 1,
    })),
  };
}

const personName = (alias: string) =>
  sql`(select s.full_name from emp_supply s where s.id = ${sql.ref(`${alias}.supply_id`)})`;
const toPerson = (_id: number, p: number | null) => (p ? `/employment/persons/${p}` : null);

type Unit = 'jobs' | 'persons' | 'sessions' | 'enterprises';
const SOURCES: Record<string, Source & { vi: string; en: string; unit: Unit; replaces: string; params?: string[] }> = {
  recorded_jobs_created: {
    from: sql`emp_jobs as j`,
    alias: 'j',
    date: 'date',
    cond: (_q, p) => (p?.channel ? sql`j.counted = 1 and j.channel = ${p.channel}` : sql`j.counted = 1`),
    label: personName('j'),
    href: toPerson,
    person: 'supply_id',
    vi: 'Số lao động được giải quyết việc làm (từ hồ sơ)',
    en: 'Jobs created (from records)',
    unit: 'jobs',
    replaces: 'employment.jobs_created',
    params: ['channel'],
  },
  recorded_job_fairs: {
    from: sql`emp_fairs as f`,
    alias: 'f',
    date: 'date',
    label: sql`f.name`,
    href: (id) => `/employment/fairs/${id}`,
    person: null,
    vi: 'Số phiên giao dịch việc làm (từ hồ sơ)',
    en: 'Job-fair sessions (from records)',
    unit: 'sessions',
    replaces: 'employment.job_fairs',
  },
  recorded_job_fair_enterprises: {
    // A fair's employers have no date of their own: the fair's date is theirs.
    from: sql`(select fe.*, f.date from emp_fair_employers fe join emp_fairs f on f.id = fe.fair_id) as fe`,
    alias: 'fe',
    date: 'date',
    label: sql`(select e.name from emp_employers e where e.id = fe.employer_id)`,
    href: () => null,
    person: null,
    vi: 'Lượt doanh nghiệp tham gia phiên giao dịch việc làm (từ hồ sơ)',
    en: 'Employers taking part in job fairs (from records)',
    unit: 'enterprises',
    replaces: 'employment.job_fair_enterprises',
  },
  recorded_job_fair_workers: {
    // Attendance counts on the fair's date (check-in is an instant).
    from: sql`(select a.*, f.date from emp_fair_attendees a join emp_fairs f on f.id = a.fair_id) as a`,
    alias: 'a',
    date: 'date',
    label: personName('a'),
    href: toPerson,
    person: 'supply_id',
    vi: 'Lượt lao động tham gia phiên giao dịch việc làm (từ hồ sơ)',
    en: 'Workers attending job fairs (from records)',
    unit: 'persons',
    replaces: 'employment.job_fair_workers',
  },
  recorded_counselling: {
    // "Lượt người được tư vấn, giới thiệu việc làm": a counselling event or a referral to an
    // employer is one time a person was served (the entered figure counts both).
    from: sql`(select id, supply_id, date, province_code, district_code, commune_code from emp_counselling
      union all select -id, supply_id, date, province_code, district_code, commune_code from emp_referrals) as c`,
    alias: 'c',
    date: 'date',
    label: personName('c'),
    href: toPerson,
    person: 'supply_id',
    vi: 'Lượt người được tư vấn, giới thiệu việc làm (từ hồ sơ)',
    en: 'Counselling and referrals given (from records)',
    unit: 'persons',
    replaces: 'employment.career_counselling',
  },
  recorded_trainees: {
    from: sql`emp_enrolments as n`,
    alias: 'n',
    date: 'start_date',
    label: personName('n'),
    href: toPerson,
    person: 'supply_id',
    vi: 'Số người được đào tạo nghề (từ hồ sơ)',
    en: 'Vocational trainees (from records)',
    unit: 'persons',
    replaces: 'employment.vocational_trainees',
  },
};

export const employmentIndicators: readonly ComputedIndicator[] = Object.entries(SOURCES).map(([key, s]) => ({
  code: `employment.${key}`,
  module: 'employment',
  nameVi: s.vi,
  nameEn: s.en,
  unit: s.unit,
  rollup: 'sum' as const,
  replaces: s.replaces,
  ...(s.params ? { params: s.params } : {}),
  compute: async (db, q, params) => ({ value: await count(db, s, q, params) }),
  records: (db, q, page, params) => records(db, s, q, page, key, params),
}));
