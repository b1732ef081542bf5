import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ComputedIndicator, IndicatorQuery, IndicatorRecord } from '../../platform/indicators.js';

/**
 * Computed indicators of the poverty review (platform/indicators.ts). A household counts once its
 * campaign's recognition decision is dated inside the period and was recorded by the end of `asOf`.
 * Start = its class on the lists before the review; end = the class recognised.
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

const LEFT = sql<SqlBool>`c.previous = 'poor' and coalesce(c.registry_category, 'none') <> 'poor'`;
const END_POOR = sql<SqlBool>`c.registry_category = 'poor'`;
const START_POOR = sql<SqlBool>`c.previous = 'poor'`;

function countIndicator(
  code: string,
  nameVi: string,
  nameEn: string,
  where: Expression<SqlBool>,
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
        .where(where)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return { value: Number(r?.n ?? 0) };
    },
    async records(db, q, page) {
      const b = recognised(db, q).where(where);
      const total = await b.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
      const rows = await b
        .select(['c.id', 'c.campaign_id', 'h.code', 'c.commune_code', 'r.decision_date'])
        .orderBy('c.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { total: Number(total?.n ?? 0), rows: rows.map((r) => record(r)) };
    },
  };
}

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

const sumOf = (cond: Expression<SqlBool>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`;

/** Net decrease of poor households: start − end, over the recognised cases (may be negative). */
const netLeft: ComputedIndicator = {
  ...countIndicator(
    'poverty.left_poverty_net',
    'Giảm hộ nghèo (thực giảm)',
    'Net decrease of poor households',
    START_POOR,
  ),
  async compute(db, q) {
    const r = await recognised(db, q)
      .select([sumOf(START_POOR).as('s'), sumOf(END_POOR).as('e')])
      .executeTakeFirst();
    return { value: Number(r?.s ?? 0) - Number(r?.e ?? 0) };
  },
};

/** The change of the poverty rate in percentage points: (end − start poor) ÷ resident households × 100. */
const rateChange: ComputedIndicator = {
  ...countIndicator(
    'poverty.rate_change_points',
    'Thay đổi tỷ lệ hộ nghèo (điểm %)',
    'Change of the poverty rate (points)',
    END_POOR,
  ),
  unit: 'percent',
  rollup: 'ratio',
  lowerIsBetter: true,
  async compute(db, q) {
    const r = await recognised(db, q)
      .select([sumOf(START_POOR).as('s'), sumOf(END_POOR).as('e')])
      .executeTakeFirst();
    const h = await db
      .selectFrom('households')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where(q.area.column, '=', q.area.code)
      .where('state', '=', 'active')
      .executeTakeFirst();
    const numerator = Number(r?.e ?? 0) - Number(r?.s ?? 0);
    const denominator = Number(h?.n ?? 0);
    return { value: denominator ? Math.round((numerator * 10_000) / denominator) / 100 : 0, numerator, denominator };
  },
};

export const povertyIndicators: readonly ComputedIndicator[] = [
  countIndicator('poverty.left_poverty_gross', 'Số hộ thoát nghèo', 'Households that left poverty (gross)', LEFT),
  netLeft,
  rateChange,
  countIndicator('poverty.poor_households', 'Số hộ nghèo sau rà soát', 'Poor households after the review', END_POOR, {
    lowerIsBetter: true,
  }),
  countIndicator(
    'poverty.ethnic_minority_poor',
    'Số hộ nghèo đồng bào dân tộc thiểu số',
    'Ethnic-minority poor households',
    sql<SqlBool>`c.registry_category = 'poor' and c.ethnic_minority = 1`,
    { lowerIsBetter: true },
  ),
  countIndicator(
    'poverty.ethnic_minority_left_poverty',
    'Số hộ đồng bào dân tộc thiểu số thoát nghèo',
    'Ethnic-minority households that left poverty',
    sql<SqlBool>`c.previous = 'poor' and coalesce(c.registry_category, 'none') <> 'poor' and c.ethnic_minority = 1`,
  ),
  countIndicator(
    'poverty.average_farm_households',
    'Hộ làm nông, lâm, ngư, diêm nghiệp có mức sống trung bình (hỗ trợ BHYT)',
    'Average-living farm households (health-insurance support)',
    sql<SqlBool>`c.registry_category = 'average'`,
  ),
];
