import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ComputedIndicator, IndicatorQuery, IndicatorRecord, IndicatorUnit } from '../../platform/indicators.js';

/**
 * Computed indicators of the programmes module (platform/indicators.ts, docs/modules/reports.md).
 *
 * Dates: an entry counts as approved from its list's decision date (`program_lists.decision_date`,
 * the approval decision's, not `approved_at`, the moment it was typed in); a payment counts from
 * its payment date (`payments.paid_on`, not `recorded_at`). Both must lie in the period and on or
 * before the as-of date, so lists approved and paid in 2021 but entered in 2026 count in 2021.
 *
 * Units: people and households are counted once each (a monthly programme pays one person many
 * times); the payments themselves are a separate indicator.
 *
 * Filters: every indicator takes `program` (a programme code) or `group` (a programme group,
 * 'covid'…). A report figure names one of them: summing every programme (gifts, rice and monthly
 * allowances together) means nothing, and `validateTemplate` refuses it.
 */
type Params = Record<string, string> | undefined;
type Subject = 'person' | 'household';
type Source = 'approved' | 'paid';

/** The FROM and WHERE of the approved entries or paid payments of an area, period and filter. */
function rowsOf(q: IndicatorQuery, params: Params, source: Source, extra: RawBuilder<unknown>[] = []) {
  const area = sql.ref(`${source === 'approved' ? 'e' : 'p'}.${q.area.column}`);
  const conds: RawBuilder<unknown>[] =
    source === 'approved'
      ? [
          sql`e.approved_key is not null`,
          sql`l.decision_date >= ${q.from}`,
          sql`l.decision_date <= ${q.to}`,
          sql`l.decision_date <= ${q.asOf}`,
        ]
      : [sql`p.state = 'paid'`, sql`p.paid_on >= ${q.from}`, sql`p.paid_on <= ${q.to}`, sql`p.paid_on <= ${q.asOf}`];
  conds.unshift(sql`${area} = ${q.area.code}`);
  if (params?.program) conds.push(sql`g.code = ${params.program}`);
  if (params?.group) conds.push(sql`g.group_code = ${params.group}`);
  conds.push(...extra);
  const from =
    source === 'approved'
      ? sql`list_entries e join program_lists l on l.id = e.list_id join programs g on g.id = e.program_id`
      : sql`payments p join list_entries e on e.id = p.entry_id join programs g on g.id = p.program_id`;
  return {
    from,
    where: sql.join(conds, sql` and `),
    date: sql.raw(source === 'approved' ? 'l.decision_date' : 'p.paid_on'),
  };
}

type Row = {
  id: number;
  list_id: number;
  full_name: string;
  commune_code: string;
  date: string | null;
  amount: number;
};
const asRecords = (rows: Row[]): IndicatorRecord[] =>
  rows.map((r) => ({
    kind: 'list_entry',
    id: Number(r.id),
    label: r.full_name,
    href: `/programs/lists/${r.list_id}`,
    areaCode: r.commune_code,
    date: r.date === null ? null : String(r.date).slice(0, 10),
    amount: Number(r.amount),
  }));

const n = (v: unknown) => Number(v ?? 0);
const base = {
  module: 'programs',
  rollup: 'sum' as const,
  params: ['program', 'group'] as const,
  filterParams: ['program', 'group'] as const,
};

async function one(db: Kysely<DB>, query: RawBuilder<{ n: unknown }>): Promise<number> {
  return n((await query.execute(db)).rows[0]?.n);
}

/** Distinct people or households on approved lists (dated) or paid (dated), with one record each. */
function distinct(def: { code: string; nameVi: string; nameEn: string; subject: Subject; source: Source }) {
  const key = sql`e.beneficiary_key like ${def.subject === 'person' ? 'p:%' : 'h:%'}`;
  const count = (q: IndicatorQuery, params: Params) => {
    const r = rowsOf(q, params, def.source, [key]);
    return sql<{ n: unknown }>`select count(distinct e.beneficiary_key) as n from ${r.from} where ${r.where}`;
  };
  const indicator: ComputedIndicator = {
    ...base,
    code: def.code,
    nameVi: def.nameVi,
    nameEn: def.nameEn,
    unit: def.subject === 'person' ? 'persons' : 'households',
    compute: async (db, q, params) => ({ value: await one(db, count(q, params)) }),
    async records(db, q, page, params) {
      const r = rowsOf(q, params, def.source, [key]);
      const rows = await sql<Row>`select min(e.id) as id, min(e.list_id) as list_id, min(e.full_name) as full_name,
          min(e.commune_code) as commune_code, min(${r.date}) as date, 1 as amount
        from ${r.from} where ${r.where} group by e.beneficiary_key
        order by min(e.id) limit ${page.limit} offset ${page.offset}`.execute(db);
      return { total: await one(db, count(q, params)), rows: asRecords(rows.rows) };
    },
  };
  return indicator;
}

/** A sum (or count) over approved entries or paid payments, one record per entry or payment. */
function summed(def: {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: IndicatorUnit;
  source: Source;
  /** SQL of one row's share, divided by `scale`. */
  amount: string;
  scale?: number;
  /** Only programmes of this unit ('kg', 'card') or kind ('gift'). */
  programUnit?: string;
  programKind?: string;
}) {
  const extra = [
    ...(def.programUnit ? [sql`g.unit = ${def.programUnit}`] : []),
    ...(def.programKind ? [sql`g.kind = ${def.programKind}`] : []),
  ];
  const scale = def.scale ?? 1;
  const amount = sql.raw(def.amount);
  const indicator: ComputedIndicator = {
    ...base,
    code: def.code,
    nameVi: def.nameVi,
    nameEn: def.nameEn,
    unit: def.unit,
    async compute(db, q, params) {
      const r = rowsOf(q, params, def.source, extra);
      const t = await one(
        db,
        sql<{ n: unknown }>`select coalesce(sum(${amount}), 0) as n from ${r.from} where ${r.where}`,
      );
      return { value: t / scale };
    },
    async records(db, q, page, params) {
      const r = rowsOf(q, params, def.source, extra);
      const total = await one(db, sql<{ n: unknown }>`select count(*) as n from ${r.from} where ${r.where}`);
      const rows =
        await sql<Row>`select e.id, e.list_id, e.full_name, e.commune_code, ${r.date} as date, ${amount} as amount
        from ${r.from} where ${r.where} order by e.id limit ${page.limit} offset ${page.offset}`.execute(db);
      return { total, rows: asRecords(rows.rows.map((x) => ({ ...x, amount: Number(x.amount) / scale }))) };
    },
  };
  return indicator;
}

export const programsIndicators: readonly ComputedIndicator[] = [
  distinct({
    code: 'programs.beneficiaries_approved',
    nameVi: 'Số người trong danh sách đã phê duyệt (theo ngày quyết định)',
    nameEn: 'Persons on approved lists (by decision date)',
    subject: 'person',
    source: 'approved',
  }),
  distinct({
    code: 'programs.households_approved',
    nameVi: 'Số hộ trong danh sách đã phê duyệt (theo ngày quyết định)',
    nameEn: 'Households on approved lists (by decision date)',
    subject: 'household',
    source: 'approved',
  }),
  summed({
    code: 'programs.amount_approved',
    nameVi: 'Kinh phí theo danh sách đã phê duyệt',
    nameEn: 'Amount on approved lists',
    unit: 'dong',
    source: 'approved',
    amount: 'e.amount + e.arrears_amount',
  }),
  distinct({
    code: 'programs.persons_paid',
    nameVi: 'Số người đã được chi trả (mỗi người tính một lần)',
    nameEn: 'Persons paid (each counted once)',
    subject: 'person',
    source: 'paid',
  }),
  distinct({
    code: 'programs.households_paid',
    nameVi: 'Số hộ đã được chi trả (mỗi hộ tính một lần)',
    nameEn: 'Households paid (each counted once)',
    subject: 'household',
    source: 'paid',
  }),
  summed({
    code: 'programs.payments_made',
    nameVi: 'Số lượt chi trả',
    nameEn: 'Payments made',
    unit: 'payments',
    source: 'paid',
    amount: '1',
  }),
  summed({
    code: 'programs.gifts_given',
    nameVi: 'Số suất quà đã trao',
    nameEn: 'Gifts handed over',
    unit: 'gifts',
    source: 'paid',
    amount: '1',
    programKind: 'gift',
  }),
  summed({
    code: 'programs.amount_paid',
    nameVi: 'Kinh phí đã chi trả',
    nameEn: 'Amount paid',
    unit: 'dong',
    source: 'paid',
    amount: 'p.amount',
  }),
  summed({
    code: 'programs.quantity_handed_out',
    nameVi: 'Số kg hiện vật (gạo) đã cấp phát',
    nameEn: 'Kilograms handed out in kind (rice)',
    unit: 'kg',
    source: 'paid',
    amount: 'p.quantity_milli',
    scale: 1000,
    programUnit: 'kg',
  }),
  summed({
    code: 'programs.cards_issued',
    nameVi: 'Số thẻ bảo hiểm y tế đã cấp',
    nameEn: 'Health-insurance cards issued',
    unit: 'cards',
    source: 'paid',
    amount: 'p.quantity_milli',
    scale: 1000,
    programUnit: 'card',
  }),
  {
    ...base,
    code: 'programs.lists_pending_approval',
    nameVi: 'Danh sách đang chờ thẩm định, phê duyệt',
    nameEn: 'Lists awaiting appraisal or approval',
    unit: 'lists',
    // A count of lists in a workflow, not a sum over beneficiaries: no filter needed.
    filterParams: [],
    async compute(db, q, params) {
      const r = await pendingLists(db, q, params)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return { value: n(r?.n) };
    },
    async records(db, q, page, params) {
      const b = pendingLists(db, q, params);
      const total = await b.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
      const rows = await b
        .select(['l.id', 'g.name', 'a.name as commune', 'l.commune_code', 'l.submitted_at', 'l.total_amount'])
        .orderBy('l.submitted_at')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        total: n(total?.n),
        rows: rows.map((r) => ({
          kind: 'program_list',
          id: r.id,
          label: `${r.name} — ${r.commune}`,
          href: `/programs/lists/${r.id}`,
          areaCode: r.commune_code,
          date: r.submitted_at?.slice(0, 10) ?? null,
          amount: Number(r.total_amount),
        })),
      };
    },
  },
];

/**
 * Lists submitted by the as-of date and not approved by then (nor sent back to draft since). A
 * list counts as approved from its decision date, so a list entered later is not pending then.
 */
function pendingLists(db: Kysely<DB>, q: IndicatorQuery, params: Params) {
  let b = db
    .selectFrom('program_lists as l')
    .innerJoin('programs as g', 'g.id', 'l.program_id')
    .innerJoin('areas as a', 'a.code', 'l.commune_code')
    .where(`l.${q.area.column}`, '=', q.area.code)
    .where('l.submitted_at', '<=', `${q.asOf}T23:59:59.999Z`)
    .where((eb) =>
      eb.or([
        eb('l.state', 'in', ['submitted', 'appraised']),
        eb.and([eb('l.state', '=', 'approved'), eb('l.decision_date', '>', q.asOf)]),
      ]),
    );
  if (params?.program) b = b.where('g.code', '=', params.program);
  if (params?.group) b = b.where('g.group_code', '=', params.group);
  return b;
}
