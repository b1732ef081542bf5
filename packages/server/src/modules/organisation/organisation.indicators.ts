import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ComputedIndicator, IndicatorQuery, IndicatorRecord } from '../../platform/indicators.js';

/**
 * Figures of the organisation register (platform/indicators.ts; docs/modules/organisation.md).
 * The register belongs to a province's agencies, so its figures exist for a province only: for a
 * district or a commune they are 0 with no records. `agency` narrows to one agency's code.
 *
 * - units at the start / at the end of the period: the units active on the period's first day and
 *   on its last (each capped by the as-of date), i.e. before and after a reorganisation in it;
 * - staffing figures are those of year Y: the `year` parameter, or the year of the period's end.
 */
type Params = Record<string, string> | undefined;
const num = (v: unknown) => Number(v ?? 0);
const min = (a: string, b: string) => (a < b ? a : b);
const EMPTY = { total: 0, rows: [] as IndicatorRecord[] };

function units(db: Kysely<DB>, q: IndicatorQuery, date: string, params: Params) {
  return db
    .selectFrom('org_units as u')
    .where('u.province_code', '=', q.area.code)
    .where('u.active_from', '<=', date)
    .where((eb) => eb.or([eb('u.active_to', 'is', null), eb('u.active_to', '>=', date)]))
    .$if(!!params?.agency, (s) => s.where('u.agency_code', '=', params!.agency!));
}

function unitsOn(def: {
  code: string;
  vi: string;
  en: string;
  date: (q: IndicatorQuery) => string;
}): ComputedIndicator {
  return {
    code: def.code,
    module: 'organisation',
    nameVi: def.vi,
    nameEn: def.en,
    unit: 'units',
    rollup: 'sum',
    params: ['agency'],
    async compute(db, q, params) {
      if (q.area.level !== 1) return { value: 0 };
      const r = await units(db, q, def.date(q), params)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      return { value: num(r?.n) };
    },
    async records(db, q, page, params) {
      if (q.area.level !== 1) return EMPTY;
      const total = num(
        (
          await units(db, q, def.date(q), params)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n,
      );
      const rows = await units(db, q, def.date(q), params)
        .select(['u.id', 'u.name', 'u.active_from', 'u.province_code'])
        .orderBy('u.name')
        .orderBy('u.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        total,
        rows: rows.map((u) => ({
          kind: 'org_unit',
          id: u.id,
          label: u.name,
          href: '/organisation',
          areaCode: u.province_code,
          date: u.active_from,
          amount: 1,
        })),
      };
    },
  };
}

const yearOf = (q: IndicatorQuery, params: Params) => Number(params?.year ?? q.to.slice(0, 4));

function staffing(db: Kysely<DB>, q: IndicatorQuery, params: Params) {
  return db
    .selectFrom('org_staffing as s')
    .where('s.province_code', '=', q.area.code)
    .where('s.year', '=', yearOf(q, params))
    .$if(!!params?.agency, (s) => s.where('s.agency_code', '=', params!.agency!));
}

const TRAINED: Record<string, string> = {
  political: 's.trained_political',
  state_management: 's.trained_state_management',
  professional: 's.trained_professional',
  other: 's.trained_other',
};

/** The expression summed per staffing row; `kind` picks one kind of training. */
function trainedExpr(params: Params) {
  const k = params?.kind;
  if (k !== undefined) {
    const col = TRAINED[k];
    if (!col) return sql<number>`0`;
    return sql<number>`${sql.ref(col)}`;
  }
  return sql<number>`s.trained_political + s.trained_state_management + s.trained_professional + s.trained_other`;
}

function staffingSum(def: {
  code: string;
  vi: string;
  en: string;
  params: string[];
  expr: (params: Params) => ReturnType<typeof trainedExpr>;
}): ComputedIndicator {
  return {
    code: def.code,
    module: 'organisation',
    nameVi: def.vi,
    nameEn: def.en,
    unit: 'persons',
    rollup: 'sum',
    params: def.params,
    async compute(db, q, params) {
      if (q.area.level !== 1) return { value: 0 };
      const r = await staffing(db, q, params)
        .select(sql<number>`coalesce(sum(${def.expr(params)}), 0)`.as('n'))
        .executeTakeFirst();
      return { value: num(r?.n) };
    },
    async records(db, q, page, params) {
      if (q.area.level !== 1) return EMPTY;
      const rows = await staffing(db, q, params)
        .select(['s.id', 's.year', 's.agency_code', 's.province_code', def.expr(params).as('amount')])
        .orderBy('s.agency_code')
        .orderBy('s.id')
        .execute();
      return {
        total: rows.length,
        rows: rows.slice(page.offset, page.offset + page.limit).map((s) => ({
          kind: 'org_staffing',
          id: s.id,
          label: `Số liệu biên chế năm ${s.year}${s.agency_code ? ` (${s.agency_code})` : ''}`,
          href: '/organisation',
          areaCode: s.province_code,
          date: `${s.year}-12-31`,
          amount: num(s.amount),
        })),
      };
    },
  };
}

const staffEnd = staffingSum({
  code: 'organisation.staff_year_end',
  vi: 'Số cán bộ, công chức, viên chức có mặt cuối năm',
  en: 'Staff at the end of the year',
  params: ['agency', 'year'],
  expr: () => sql<number>`s.staff_end`,
});
const staffStart = staffingSum({
  code: 'organisation.staff_year_start',
  vi: 'Số cán bộ, công chức, viên chức đầu năm',
  en: 'Staff at the start of the year',
  params: ['agency', 'year'],
  expr: () => sql<number>`s.staff_start`,
});
const staffCut = staffingSum({
  code: 'organisation.staff_cut',
  vi: 'Số người tinh giản biên chế trong năm',
  en: 'Staff cut in the year',
  params: ['agency', 'year'],
  expr: () => sql<number>`s.staff_cut`,
});

/** Staff cut over the staff at the start of the year, a ratio recomputed at every level. */
const staffCutRate: ComputedIndicator = {
  code: 'organisation.staff_cut_rate',
  module: 'organisation',
  nameVi: 'Tỷ lệ tinh giản biên chế so với đầu năm',
  nameEn: 'Staff cut as a share of the staff at the start of the year',
  unit: 'percent',
  rollup: 'ratio',
  params: ['agency', 'year'],
  async compute(db, q, params) {
    const cut = (await staffCut.compute(db, q, params)).value;
    const start = (await staffStart.compute(db, q, params)).value;
    return { value: start === 0 ? 0 : (cut * 100) / start, numerator: cut, denominator: start };
  },
  records: (db, q, page, params) => staffCut.records(db, q, page, params),
};

export const organisationIndicators: readonly ComputedIndicator[] = [
  unitsOn({
    code: 'organisation.units_at_start',
    vi: 'Số đơn vị trực thuộc đầu kỳ (trước sắp xếp)',
    en: 'Units at the start of the period (before a reorganisation)',
    date: (q) => min(q.from, q.asOf),
  }),
  unitsOn({
    code: 'organisation.units_at_end',
    vi: 'Số đơn vị trực thuộc cuối kỳ (sau sắp xếp)',
    en: 'Units at the end of the period (after a reorganisation)',
    date: (q) => min(q.to, q.asOf),
  }),
  staffStart,
  staffEnd,
  staffCut,
  staffCutRate,
  staffingSum({
    code: 'organisation.officials_trained',
    vi: 'Số lượt cán bộ, công chức được cử đi đào tạo, bồi dưỡng',
    en: 'Officials sent to training',
    params: ['agency', 'year', 'kind'],
    expr: trainedExpr,
  }),
];
