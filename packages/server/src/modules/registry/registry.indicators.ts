import { STATUS_CATEGORIES } from '@ansinh/domain';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ComputedIndicator, IndicatorQuery, IndicatorRecord } from '../../platform/indicators.js';

/**
 * Computed indicators of the registry module (platform/indicators.ts). Statuses are effective
 * dated: a status counts on a date D when valid_from ≤ D ≤ valid_to (open-ended when null), and
 * only when its decision was signed by the as-of date (the decision's date, not the time it was
 * typed in: docs/modules/reports.md). A stock is counted on the earlier of the period's end and the as-of date.
 */
type StatusEb = ExpressionBuilder<DB, 'statuses'>;

const stockDate = (q: IndicatorQuery) => (q.to < q.asOf ? q.to : q.asOf);

export function validOn(eb: StatusEb, q: IndicatorQuery): Expression<SqlBool> {
  const d = stockDate(q);
  return eb.and([
    eb('statuses.valid_from', '<=', d),
    eb.or([eb('statuses.valid_to', 'is', null), eb('statuses.valid_to', '>=', d)]),
    eb('statuses.decision_date', '<=', q.asOf),
  ]);
}

export function statuses(db: Kysely<DB>, q: IndicatorQuery, kind: string, categories?: readonly string[]) {
  let s = db
    .selectFrom('statuses')
    .where('statuses.kind', '=', kind)
    .where(`statuses.${q.area.column}`, '=', q.area.code);
  if (categories) s = s.where('statuses.category', 'in', categories);
  return s;
}

const num = (v: unknown) => Number(v ?? 0);

/** A count of distinct households or persons holding a status on the stock date. */
function stockIndicator(def: {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: string;
  categories?: readonly string[];
  subject: 'household' | 'person';
  lowerIsBetter?: boolean;
  /** What one subject stands for, when not the person or household itself (a health-insurance card). */
  unit?: 'cards';
}): ComputedIndicator {
  const idCol = def.subject === 'household' ? ('statuses.household_id' as const) : ('statuses.person_id' as const);
  const base = (db: Kysely<DB>, q: IndicatorQuery) =>
    statuses(db, q, def.kind, def.categories).where((eb) => validOn(eb, q));
  return {
    code: def.code,
    module: 'registry',
    nameVi: def.nameVi,
    nameEn: def.nameEn,
    unit: def.unit ?? (def.subject === 'household' ? 'households' : 'persons'),
    rollup: 'sum',
    ...(def.lowerIsBetter ? { lowerIsBetter: true } : {}),
    async compute(db, q) {
      const r = await base(db, q)
        .select((eb) => eb.fn.count(idCol).distinct().as('n'))
        .executeTakeFirst();
      return { value: num(r?.n) };
    },
    async records(db, q, page) {
      return subjectRecords(db, base(db, q), def.subject, page);
    },
  };
}

type StatusQuery = ReturnType<typeof statuses>;

/** The households or persons behind a status count, a page at a time, in a stable order. */
export async function subjectRecords(
  db: Kysely<DB>,
  base: StatusQuery,
  subject: 'household' | 'person',
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: IndicatorRecord[] }> {
  if (subject === 'household') {
    const ids = base.select('statuses.household_id as sid').distinct();
    const total = await db
      .selectFrom(ids.as('x'))
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const rows = await db
      .selectFrom('households as h')
      .leftJoin('persons as p', 'p.id', 'h.head_person_id')
      .where('h.id', 'in', base.select('statuses.household_id').where('statuses.household_id', 'is not', null))
      .select(['h.id', 'h.code', 'h.commune_code', 'p.full_name'])
      .orderBy('h.code')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return {
      total: num(total?.n),
      rows: rows.map((h) => ({
        kind: 'household',
        id: h.id,
        label: h.full_name ? `${h.code} – ${h.full_name}` : h.code,
        href: `/registry/households/${h.id}`,
        areaCode: h.commune_code,
        date: null,
        amount: 1,
      })),
    };
  }
  const ids = base.select('statuses.person_id as sid').distinct();
  const total = await db
    .selectFrom(ids.as('x'))
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  const rows = await db
    .selectFrom('persons as p')
    .where('p.id', 'in', base.select('statuses.person_id').where('statuses.person_id', 'is not', null))
    .select(['p.id', 'p.full_name', 'p.birth_date', 'p.commune_code'])
    .orderBy('p.sort_key')
    .orderBy('p.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: num(total?.n),
    rows: rows.map((p) => ({
      kind: 'person',
      id: p.id,
      label: `${p.full_name} (${p.birth_date.slice(0, 4)})`,
      href: `/registry/persons/${p.id}`,
      areaCode: p.commune_code,
      date: null,
      amount: 1,
    })),
  };
}

const poorHouseholds = stockIndicator({
  code: 'registry.poor_households',
  nameVi: 'Số hộ nghèo',
  nameEn: 'Poor households',
  kind: 'poverty',
  categories: ['poor'],
  subject: 'household',
  lowerIsBetter: true,
});

const nearPoorHouseholds = stockIndicator({
  code: 'registry.near_poor_households',
  nameVi: 'Số hộ cận nghèo',
  nameEn: 'Near-poor households',
  kind: 'poverty',
  categories: ['near_poor'],
  subject: 'household',
  lowerIsBetter: true,
});

/**
 * Poor households over all households of the area, a ratio (percent). The denominator counts the
 * households on record that are not dissolved: the registry keeps no dated history of that count.
 */
const povertyRate: ComputedIndicator = {
  code: 'registry.poverty_rate',
  module: 'registry',
  nameVi: 'Tỷ lệ hộ nghèo',
  nameEn: 'Poverty rate (share of households)',
  unit: 'percent',
  rollup: 'ratio',
  lowerIsBetter: true,
  async compute(db, q) {
    const poor = (await poorHouseholds.compute(db, q)).value;
    const all = await db
      .selectFrom('households')
      .where(q.area.column, '=', q.area.code)
      .where('state', '!=', 'dissolved')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const den = num(all?.n);
    return { value: den === 0 ? 0 : (poor * 100) / den, numerator: poor, denominator: den };
  },
  records: (db, q, page) => poorHouseholds.records(db, q, page),
};

/**
 * Poor households of the review of year Y-1 that the review of year Y found no longer poor
 * (near-poor, average, or reviewed without a poverty category). Y is the `year` parameter, or the
 * year of the period's end. Both reviews' decisions must be signed by the as-of date.
 */
const leftPoverty: ComputedIndicator = {
  code: 'registry.households_left_poverty',
  module: 'registry',
  nameVi: 'Số hộ thoát nghèo trong năm (theo kết quả rà soát)',
  nameEn: 'Households that left poverty (annual review)',
  unit: 'households',
  rollup: 'sum',
  params: ['year'],
  async compute(db, q, params) {
    const r = await leftBase(db, q, params)
      .select((eb) => eb.fn.count('statuses.household_id').distinct().as('n'))
      .executeTakeFirst();
    return { value: num(r?.n) };
  },
  records: (db, q, page, params) => subjectRecords(db, leftBase(db, q, params), 'household', page),
};

function leftBase(db: Kysely<DB>, q: IndicatorQuery, params?: Record<string, string>) {
  const year = Number(params?.year ?? q.to.slice(0, 4));
  const review = (y: number, poor: boolean) =>
    db
      .selectFrom('statuses as s2')
      .select('s2.household_id')
      .where('s2.kind', '=', 'poverty')
      .where('s2.year', '=', y)
      .where('s2.decision_date', '<=', q.asOf)
      .where(sql<SqlBool>`${sql.ref(`s2.${q.area.column}`)} = ${q.area.code}`)
      .$if(poor, (s) => s.where('s2.category', '=', 'poor'));
  return statuses(db, q, 'poverty', ['poor'])
    .where('statuses.year', '=', year - 1)
    .where('statuses.decision_date', '<=', q.asOf)
    .where('statuses.household_id', 'in', review(year, false).where('s2.category', '!=', 'poor'))
    .where('statuses.household_id', 'not in', review(year, true).where('s2.household_id', 'is not', null));
}

/** Persons whose monthly social allowance started within the period. */
const newAssistance: ComputedIndicator = {
  code: 'registry.social_assistance_new',
  module: 'registry',
  nameVi: 'Số đối tượng bảo trợ xã hội được hưởng trợ cấp mới trong kỳ',
  nameEn: 'New monthly social allowance recipients in the period',
  unit: 'persons',
  rollup: 'sum',
  async compute(db, q) {
    const r = await newBase(db, q)
      .select((eb) => eb.fn.count('statuses.person_id').distinct().as('n'))
      .executeTakeFirst();
    return { value: num(r?.n) };
  },
  records: (db, q, page) => subjectRecords(db, newBase(db, q), 'person', page),
};

function newBase(db: Kysely<DB>, q: IndicatorQuery) {
  return statuses(db, q, 'social_assistance')
    .where('statuses.valid_from', '>=', q.from)
    .where('statuses.valid_from', '<=', stockDate(q))
    .where('statuses.decision_date', '<=', q.asOf);
}

/**
 * Health-insurance cards by the group the state pays them for, as a report lists them: one card
 * per person holding the status on the stock date (valid_from ≤ date ≤ valid_to, decided by the
 * as-of date).
 */
const HEALTH_CARD_GROUPS = [
  ['poor', 'poor'],
  ['near_poor', 'near_poor'],
  ['ethnic_minority', 'ethnic_minority_difficult_area'],
  ['farm_average', 'farm_average_living'],
].map(([key, code]) => {
  const c = STATUS_CATEGORIES.health_insurance.categories.find((x) => x.code === code)!;
  return [key!, code!, c.vi, c.en] as const;
});

export const registryIndicators: readonly ComputedIndicator[] = [
  poorHouseholds,
  nearPoorHouseholds,
  povertyRate,
  leftPoverty,
  stockIndicator({
    code: 'registry.social_assistance_persons',
    nameVi: 'Số đối tượng bảo trợ xã hội hưởng trợ cấp hằng tháng',
    nameEn: 'Persons receiving a monthly social allowance',
    kind: 'social_assistance',
    subject: 'person',
  }),
  newAssistance,
  stockIndicator({
    code: 'registry.meritorious_persons',
    nameVi: 'Số người có công với cách mạng và thân nhân đang quản lý',
    nameEn: 'Persons with meritorious service and relatives on record',
    kind: 'meritorious',
    subject: 'person',
  }),
  stockIndicator({
    code: 'registry.health_insurance_poor',
    nameVi: 'Số người thuộc hộ nghèo, cận nghèo được cấp thẻ BHYT',
    nameEn: 'Members of poor and near-poor households with health-insurance cards',
    kind: 'health_insurance',
    categories: ['poor', 'near_poor'],
    subject: 'person',
  }),
  ...HEALTH_CARD_GROUPS.map(([key, category, vi, en]) =>
    stockIndicator({
      code: `registry.health_insurance_cards_${key}`,
      nameVi: `Số thẻ bảo hiểm y tế: ${vi.charAt(0).toLowerCase()}${vi.slice(1)}`,
      nameEn: `Health-insurance cards: ${en}`,
      kind: 'health_insurance',
      categories: [category],
      subject: 'person',
      unit: 'cards',
    }),
  ),
];
