import { ratePercent, rateChangePoints } from '@ansinh/domain';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ComputedIndicator, IndicatorQuery, IndicatorRecord } from '../../platform/indicators.js';

/**
 * Computed indicators of the poverty review as reports use them (platform/indicators.ts,
 * docs/legal/poverty.md "How the yearly figures are computed"). A household counts once its
 * campaign's recognition decision is dated inside the period and was recorded by the end of `asOf`.
 * Start = its class on the lists before the review; end = the class recognised. The net decrease
 * (start − end) and the gross exits differ and both are reported; rates are over the resident
 * households of the area (two decimals, half-up), their change in percentage points.
 * None of these replaces an entered indicator: the reports seed enters no poverty code.
 */
const endOf = (date: string) => `${date}T23:59:59.999Z`;

function recognised(db: Kysely<DB>, q: IndicatorQuery) {
  return db
    .selectFrom('poverty_cases as c')
    .innerJoin('poverty_recognitions as r', 'r.id', 'c.recognition_id')
    .innerJoin('households as h', 'h.id', 'c.household_id')
    .where(`c.${q.area.column}`, '=', q.area.code)
    .where('c.step', '=', 'recognized')
    .where('r.decision_date', '>=', q.from)
    .where('r.decision_date', '<=', q.to)
    .where('r.created_at', '<=', endOf(q.asOf));
}

const c = (s: string) => sql<SqlBool>`${sql.raw(s)}`;
const START_POOR = `c.previous = 'poor'`;
const END_POOR = `c.recognized_category = 'poor'`;
const START_NEAR = `c.previous = 'near_poor'`;
const END_NEAR = `c.recognized_category = 'near_poor'`;
const LEFT = `c.previous = 'poor' and coalesce(c.recognized_category, 'none') <> 'poor'`;
const ENTERED = `coalesce(c.previous, 'none') <> 'poor' and c.recognized_category = 'poor'`;
const EM = ` and c.ethnic_minority = 1`;

const record = (r: {
  id: number;
  campaign_id: number;
  code: string;
  commune_code: string;
  decision_date: string;
}): IndicatorRecord => ({
  kind: 'poverty_case',
  id: Number(r.id),
  label: `Hộ ${r.code}`,
  href: `/poverty/campaigns/${Number(r.campaign_id)}`,
  areaCode: r.commune_code,
  date: r.decision_date,
  amount: 1,
});

/** The recognised cases meeting `where`, a page at a time (the records behind a figure). */
async function recordsWhere(
  db: Kysely<DB>,
  q: IndicatorQuery,
  where: Expression<SqlBool>,
  page: { limit: number; offset: number },
) {
  const b = recognised(db, q).where(where);
  const total = await b.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await b
    .select(['c.id', 'c.campaign_id', 'h.code', 'c.commune_code', 'r.decision_date'])
    .orderBy('c.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(total?.n ?? 0), rows: rows.map(record) };
}

function countIndicator(
  code: string,
  nameVi: string,
  nameEn: string,
  where: string,
  extra: Partial<ComputedIndicator> = {},
): ComputedIndicator {
  return {
    code,
    module: 'poverty',
    nameVi,
    nameEn,
    unit: 'households',
    rollup: 'sum',
    ...extra,
    async compute(db, q) {
      const r = await recognised(db, q)
        .where(c(where))
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return { value: Number(r?.n ?? 0) };
    },
    records: (db, q, page) => recordsWhere(db, q, c(where), page),
  };
}

const sumOf = (cond: string) => sql<number>`sum(case when ${sql.raw(cond)} then 1 else 0 end)`;

async function startEnd(db: Kysely<DB>, q: IndicatorQuery, only: string) {
  const r = await recognised(db, q)
    .select([sumOf(START_POOR + only).as('s'), sumOf(END_POOR + only).as('e')])
    .executeTakeFirst();
  return { start: Number(r?.s ?? 0), end: Number(r?.e ?? 0) };
}

/** Resident (active) households of the area; of ethnic-minority heads only when asked (own denominator). */
async function residents(db: Kysely<DB>, q: IndicatorQuery, ethnicMinority: boolean): Promise<number> {
  let b = db
    .selectFrom('households as h')
    .where(`h.${q.area.column}`, '=', q.area.code)
    .where('h.state', '=', 'active');
  if (ethnicMinority)
    b = b
      .leftJoin('persons as p', 'p.id', 'h.head_person_id')
      .where(sql<SqlBool>`coalesce(p.ethnic_code, '01') <> '01'`);
  const r = await b.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Start − end (may be negative when poverty grew). */
function netDecrease(code: string, nameVi: string, nameEn: string, only: string): ComputedIndicator {
  return {
    ...countIndicator(code, nameVi, nameEn, START_POOR + only),
    async compute(db, q) {
      const { start, end } = await startEnd(db, q, only);
      return { value: start - end };
    },
  };
}

/** The poverty rate at the end of the period, in percent with two decimals. */
function rateEnd(code: string, nameVi: string, nameEn: string, only: string, em: boolean): ComputedIndicator {
  return {
    ...countIndicator(code, nameVi, nameEn, END_POOR + only),
    unit: 'percent',
    rollup: 'ratio',
    lowerIsBetter: true,
    async compute(db, q) {
      const [{ end }, den] = await Promise.all([startEnd(db, q, only), residents(db, q, em)]);
      return { value: ratePercent(end, den), numerator: end, denominator: den };
    },
  };
}

/** End rate − start rate, each rounded to two decimals first as a report prints them (points). */
function rateChange(code: string, nameVi: string, nameEn: string, only: string, em: boolean): ComputedIndicator {
  return {
    ...countIndicator(code, nameVi, nameEn, `(${START_POOR} or ${END_POOR})${only}`),
    unit: 'percentage_points',
    rollup: 'ratio',
    lowerIsBetter: true,
    async compute(db, q) {
      const [{ start, end }, den] = await Promise.all([startEnd(db, q, only), residents(db, q, em)]);
      return { value: rateChangePoints(ratePercent(start, den), ratePercent(end, den)) };
    },
  };
}

const lower = { lowerIsBetter: true };

export const povertyIndicators: readonly ComputedIndicator[] = [
  countIndicator('poverty.poor_start', 'Số hộ nghèo đầu kỳ', 'Poor households at the start', START_POOR, lower),
  countIndicator('poverty.poor_end', 'Số hộ nghèo cuối kỳ', 'Poor households at the end', END_POOR, lower),
  countIndicator(
    'poverty.near_poor_start',
    'Số hộ cận nghèo đầu kỳ',
    'Near-poor households at the start',
    START_NEAR,
    lower,
  ),
  countIndicator(
    'poverty.near_poor_end',
    'Số hộ cận nghèo cuối kỳ',
    'Near-poor households at the end',
    END_NEAR,
    lower,
  ),
  netDecrease(
    'poverty.left_poverty_net',
    'Số hộ nghèo giảm (thực giảm: đầu kỳ − cuối kỳ)',
    'Net decrease of poor households (start − end)',
    '',
  ),
  countIndicator('poverty.left_poverty_gross', 'Số hộ thoát nghèo', 'Households that left poverty (gross exits)', LEFT),
  countIndicator(
    'poverty.poor_new',
    'Số hộ nghèo phát sinh mới',
    'New poor households',
    `${ENTERED} and c.ever_poor = 0`,
    lower,
  ),
  countIndicator(
    'poverty.poor_fell_back',
    'Số hộ tái nghèo',
    'Households that fell back into poverty',
    `${ENTERED} and c.ever_poor = 1`,
    lower,
  ),
  rateEnd('poverty.poverty_rate', 'Tỷ lệ hộ nghèo cuối kỳ', 'Poverty rate at the end', '', false),
  rateChange(
    'poverty.rate_change_points',
    'Mức giảm/tăng tỷ lệ hộ nghèo (điểm phần trăm)',
    'Change of the poverty rate (percentage points)',
    '',
    false,
  ),
  countIndicator(
    'poverty.ethnic_minority_poor_start',
    'Số hộ nghèo đồng bào DTTS đầu kỳ',
    'Ethnic-minority poor households at the start',
    START_POOR + EM,
    lower,
  ),
  countIndicator(
    'poverty.ethnic_minority_poor',
    'Số hộ nghèo đồng bào DTTS cuối kỳ',
    'Ethnic-minority poor households at the end',
    END_POOR + EM,
    lower,
  ),
  netDecrease(
    'poverty.ethnic_minority_left_poverty_net',
    'Số hộ nghèo đồng bào DTTS giảm (thực giảm)',
    'Net decrease of ethnic-minority poor households',
    EM,
  ),
  countIndicator(
    'poverty.ethnic_minority_left_poverty',
    'Số hộ nghèo đồng bào DTTS thoát nghèo',
    'Ethnic-minority households that left poverty (gross)',
    LEFT + EM,
  ),
  rateEnd(
    'poverty.ethnic_minority_poverty_rate',
    'Tỷ lệ hộ nghèo đồng bào DTTS cuối kỳ',
    'Ethnic-minority poverty rate at the end',
    EM,
    true,
  ),
  rateChange(
    'poverty.ethnic_minority_rate_change_points',
    'Mức giảm/tăng tỷ lệ hộ nghèo đồng bào DTTS (điểm phần trăm)',
    'Change of the ethnic-minority poverty rate (percentage points)',
    EM,
    true,
  ),
  countIndicator(
    'poverty.average_farm_households',
    'Hộ làm nông, lâm, ngư, diêm nghiệp có mức sống trung bình (hỗ trợ BHYT)',
    'Average-living farm households (health-insurance support)',
    `c.recognized_category = 'average'`,
  ),
];
