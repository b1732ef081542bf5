import { benefitState, nextMonth, type BenefitDecisionKind } from '@ansinh/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ComputedIndicator, IndicatorQuery, IndicatorRecord, IndicatorUnit } from '../../platform/indicators.js';

/**
 * Figures of the department's merit work computed from the module's records (they replace the
 * figures entered by hand): people managed, allowances, gifts by occasion and source, merit
 * dossiers, remains reburied, DNA samples taken. Province-level rows (intakes, samples) count
 * at the province only.
 */
interface Def {
  key: string;
  vi: string;
  en: string;
  unit: IndicatorUnit;
  params?: readonly string[];
  /** The entered indicator (reports seed) this one computes from records: same unit and meaning. */
  replaces?: string;
  /** Parameters fixed for this indicator (a gift occasion), applied under the caller's. */
  fixed?: Record<string, string>;
  /** SELECT of (id, label, href, area, date, amount) rows; the value is their sum of amount. */
  rows(q: IndicatorQuery, p: Record<string, string>): RawBuilder<Row>;
}
interface Row {
  id: number;
  label: string;
  area: string | null;
  date: string | null;
  amount: number;
}
const col = (alias: string, q: IndicatorQuery) => sql.ref(`${alias}.${q.area.column}`);
const giftFilter = (p: Record<string, string>) =>
  sql`${p.occasion ? sql`and c.occasion = ${p.occasion}` : sql``} ${p.source ? sql`and c.source = ${p.source}` : sql``}`;

/** Gifts of one occasion (all sources), counted or summed: the entered Tết and 27/7 figures. */
function occasionGifts(occasion: 'tet' | '27_7', what: 'count' | 'amount', vi: string, en: string): Def {
  const entered = `merit.gifts_${occasion}${what === 'amount' ? '_amount' : ''}`;
  return {
    key: entered.slice('merit.'.length),
    vi,
    en,
    unit: what === 'count' ? 'gifts' : 'dong',
    params: ['source'],
    replaces: entered,
    fixed: { occasion },
    rows: (q, p) => sql<Row>`select g.id, c.title as label, g.commune_code as area, g.given_on as date,
      ${what === 'count' ? sql`1` : sql`g.amount`} as amount
      from merit_gifts g join merit_gift_campaigns c on c.id = g.campaign_id
      where ${col('g', q)} = ${q.area.code} and g.given_on between ${q.from} and ${q.to} and g.given_on <= ${q.asOf} ${giftFilter(p)}`,
  };
}

/** Merit-procedure dossiers (field "Người có công") settled in the period, as of the date. */
const meritSettled = (q: IndicatorQuery, timely = false) =>
  sql`lower(p.field) like '%có công%' and d.settled_date between ${q.from} and ${q.to} and d.settled_date <= ${q.asOf}
    ${timely ? sql`and d.timeliness in ('early', 'on_time')` : sql``}`;

const DEFS: Def[] = [
  {
    key: 'people_managed',
    vi: 'Người có công đang quản lý',
    en: 'People with meritorious service managed',
    unit: 'persons',
    rows: (q) => sql<Row>`select r.id, r.full_name || ' — ' || r.dossier_code as label, r.commune_code as area,
      substr(r.created_at, 1, 10) as date, 1 as amount from merit_records r
      where ${col('r', q)} = ${q.area.code} and r.state != 'transferred_out' and substr(r.created_at, 1, 10) <= ${q.asOf}`,
  },
  {
    key: 'gift_count',
    vi: 'Suất quà người có công',
    en: 'Gifts to people with meritorious service',
    unit: 'gifts',
    params: ['occasion', 'source'],
    rows: (q, p) => sql<Row>`select g.id, c.title as label, g.commune_code as area, g.given_on as date, 1 as amount
      from merit_gifts g join merit_gift_campaigns c on c.id = g.campaign_id
      where ${col('g', q)} = ${q.area.code} and g.given_on between ${q.from} and ${q.to} and g.given_on <= ${q.asOf} ${giftFilter(p)}`,
  },
  {
    key: 'gift_amount',
    vi: 'Tiền quà người có công',
    en: 'Gift money to people with meritorious service',
    unit: 'dong',
    params: ['occasion', 'source'],
    rows: (
      q,
      p,
    ) => sql<Row>`select g.id, c.title as label, g.commune_code as area, g.given_on as date, g.amount as amount
      from merit_gifts g join merit_gift_campaigns c on c.id = g.campaign_id
      where ${col('g', q)} = ${q.area.code} and g.given_on between ${q.from} and ${q.to} and g.given_on <= ${q.asOf} ${giftFilter(p)}`,
  },
  occasionGifts(
    'tet',
    'count',
    'Số suất quà Tết tặng người có công',
    'Lunar New Year gifts to people with meritorious service',
  ),
  occasionGifts('tet', 'amount', 'Kinh phí quà Tết tặng người có công', 'Amount of Lunar New Year gifts'),
  occasionGifts('27_7', 'count', 'Số suất quà nhân ngày Thương binh - Liệt sĩ 27/7', 'Gifts on 27 July'),
  occasionGifts('27_7', 'amount', 'Kinh phí quà ngày 27/7', 'Amount of 27 July gifts'),
  {
    key: 'benefit_decisions',
    vi: 'Quyết định trợ cấp người có công',
    en: 'Merit benefit decisions',
    unit: 'dossiers',
    rows: (
      q,
    ) => sql<Row>`select d.id, d.decision_no as label, d.commune_code as area, d.decision_date as date, 1 as amount
      from merit_decisions d where ${col('d', q)} = ${q.area.code} and d.decision_date between ${q.from} and ${q.to} and d.decision_date <= ${q.asOf}`,
  },
  {
    key: 'dossiers_received',
    vi: 'Hồ sơ thủ tục người có công tiếp nhận',
    en: 'Merit procedure dossiers received',
    unit: 'dossiers',
    rows: (q) => sql<Row>`select d.id, d.code as label, d.commune_code as area, d.received_date as date, 1 as amount
      from dossiers d join procedures p on p.id = d.procedure_id
      where ${col('d', q)} = ${q.area.code} and lower(p.field) like '%có công%' and d.received_date between ${q.from} and ${q.to} and d.received_date <= ${q.asOf}`,
  },
  {
    key: 'dossiers_settled',
    vi: 'Hồ sơ thủ tục người có công đã giải quyết',
    en: 'Merit procedure dossiers settled',
    unit: 'dossiers',
    rows: (q) => sql<Row>`select d.id, d.code as label, d.commune_code as area, d.settled_date as date, 1 as amount
      from dossiers d join procedures p on p.id = d.procedure_id
      where ${col('d', q)} = ${q.area.code} and ${meritSettled(q)}`,
  },
  {
    key: 'remains_reburied',
    vi: 'Hài cốt liệt sĩ được an táng',
    en: "Martyrs' remains reburied",
    unit: 'persons',
    replaces: 'merit.reburials',
    rows: (
      q,
    ) => sql<Row>`select i.id, i.team as label, i.province_code as area, i.reburied_on as date, i.remains_count as amount
      from merit_remains_intakes i where ${col('i', q)} = ${q.area.code} and i.reburied_on between ${q.from} and ${q.to} and i.reburied_on <= ${q.asOf}`,
  },
  {
    key: 'dna_samples_taken',
    vi: 'Mẫu giám định ADN đã lấy (mẫu)',
    en: 'DNA samples taken',
    unit: 'samples',
    replaces: 'merit.dna_samples',
    rows: (q) => sql<Row>`select s.id, s.code as label, s.province_code as area, s.taken_on as date, 1 as amount
      from merit_dna_samples s where ${col('s', q)} = ${q.area.code} and s.taken_on between ${q.from} and ${q.to} and s.taken_on <= ${q.asOf}`,
  },
];

const HREF: Record<string, (id: number) => string> = {
  people_managed: (id) => `/merit/records/${id}`,
  dossiers_received: (id) => `/dossiers/${id}`,
  dossiers_settled: (id) => `/dossiers/${id}`,
};

function defIndicator(d: Def): ComputedIndicator {
  return {
    code: `merit.${d.key}`,
    module: 'merit',
    nameVi: d.vi,
    nameEn: d.en,
    unit: d.unit,
    rollup: 'sum',
    ...(d.params ? { params: d.params } : {}),
    ...(d.replaces ? { replaces: d.replaces } : {}),
    async compute(db, q, given = {}) {
      const p = { ...given, ...d.fixed };
      const r = await sql<{ v: number | null }>`select sum(x.amount) as v from (${d.rows(q, p)}) x`.execute(db);
      return { value: Number(r.rows[0]?.v ?? 0) };
    },
    async records(db, q, page, given = {}) {
      const p = { ...given, ...d.fixed };
      const t = await sql<{ n: number }>`select count(*) as n from (${d.rows(q, p)}) x`.execute(db);
      const rows =
        await sql<Row>`select * from (${d.rows(q, p)}) x order by x.id limit ${page.limit} offset ${page.offset}`.execute(
          db,
        );
      return {
        total: Number(t.rows[0]?.n ?? 0),
        rows: rows.rows.map((r): IndicatorRecord => ({
          kind: `merit.${d.key}`,
          id: Number(r.id),
          label: r.label,
          href: HREF[d.key]?.(Number(r.id)) ?? null,
          areaCode: r.area ?? '',
          date: r.date,
          amount: Number(r.amount),
        })),
      };
    },
  };
}

/** Allowance money of the period: for each month a record is in the active state, its last monthly amount. */
async function allowanceRows(db: Kysely<DB>, q: IndicatorQuery) {
  const rows = await db
    .selectFrom('merit_decisions as d')
    .innerJoin('merit_records as r', 'r.id', 'd.record_id')
    .select(['d.record_id', 'd.kind', 'd.effective_month', 'd.monthly_amount', 'r.full_name', 'r.commune_code'])
    .where(sql.ref(`d.${q.area.column}`), '=', q.area.code)
    .where('d.decision_date', '<=', q.asOf)
    .orderBy('d.record_id')
    .orderBy('d.id')
    .execute();
  const byRecord = new Map<number, typeof rows>();
  for (const r of rows) byRecord.set(Number(r.record_id), [...(byRecord.get(Number(r.record_id)) ?? []), r]);
  const out: IndicatorRecord[] = [];
  const last = q.to.slice(0, 7);
  for (const [id, ds] of byRecord) {
    let amount = 0;
    for (let m = q.from.slice(0, 7); m <= last; m = nextMonth(m)) {
      const upTo = ds.filter((d) => d.effective_month <= m);
      const state = benefitState(
        upTo.map((d) => ({ kind: d.kind as BenefitDecisionKind, effectiveMonth: d.effective_month })),
      );
      if (state !== 'active') continue;
      const withAmount = upTo.filter((d) => Number(d.monthly_amount) > 0);
      amount += Number(withAmount[withAmount.length - 1]?.monthly_amount ?? 0);
    }
    if (amount > 0)
      out.push({
        kind: 'merit.allowance',
        id,
        label: ds[0]!.full_name,
        href: `/merit/records/${id}`,
        areaCode: ds[0]!.commune_code ?? '',
        date: null,
        amount,
      });
  }
  return out;
}

/** Computed indicators of the merit module (platform/indicators.ts). */
export const meritIndicators: readonly ComputedIndicator[] = [
  ...DEFS.map(defIndicator),
  {
    code: 'merit.allowance_amount',
    module: 'merit',
    nameVi: 'Tiền trợ cấp ưu đãi người có công',
    nameEn: 'Merit allowances',
    unit: 'dong',
    rollup: 'sum',
    async compute(db, q) {
      return { value: (await allowanceRows(db, q)).reduce((s, r) => s + (r.amount ?? 0), 0) };
    },
    async records(db, q, page) {
      const all = await allowanceRows(db, q);
      return { total: all.length, rows: all.slice(page.offset, page.offset + page.limit) };
    },
  },
  {
    code: 'merit.dossiers_settled_on_time_rate',
    module: 'merit',
    nameVi: 'Tỷ lệ hồ sơ người có công giải quyết trước hạn và đúng hạn',
    nameEn: 'Share of merit dossiers settled early or on time',
    unit: 'percent',
    rollup: 'ratio',
    async compute(db, q) {
      const n = async (timely: boolean) => {
        const r = await sql<{
          n: number;
        }>`select count(*) as n from dossiers d join procedures p on p.id = d.procedure_id
          where ${col('d', q)} = ${q.area.code} and ${meritSettled(q, timely)}`.execute(db);
        return Number(r.rows[0]?.n ?? 0);
      };
      const [good, all] = [await n(true), await n(false)];
      return { value: all ? Math.round((good / all) * 1000) / 10 : 0, numerator: good, denominator: all };
    },
    records: (db, q, page) => settled.records(db, q, page),
  },
];

const settled = meritIndicators.find((i) => i.code === 'merit.dossiers_settled')!;
