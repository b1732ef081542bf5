import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ComputedIndicator, IndicatorQuery, IndicatorRecord } from '../../platform/indicators.js';

/**
 * Computed indicators of the programs module (platform/indicators.ts). Each takes an optional
 * `program` parameter (a program code). As of a date: an entry counts as approved when its list
 * was approved by the end of that day; a payment counts when it was recorded by then.
 */
const endOf = (date: string) => `${date}T23:59:59.999Z`;

function approvedEntries(db: Kysely<DB>, q: IndicatorQuery, params?: Record<string, string>) {
  let b = db
    .selectFrom('list_entries as e')
    .innerJoin('program_lists as l', 'l.id', 'e.list_id')
    .innerJoin('programs as g', 'g.id', 'e.program_id')
    .where(`e.${q.area.column}`, '=', q.area.code)
    .where('e.approved_key', 'is not', null)
    .where('l.approved_at', '<=', endOf(q.asOf))
    .where('l.ref_date', '>=', q.from)
    .where('l.ref_date', '<=', q.to);
  if (params?.program) b = b.where('g.code', '=', params.program);
  return b;
}

function paidPayments(db: Kysely<DB>, q: IndicatorQuery, params?: Record<string, string>) {
  let b = db
    .selectFrom('payments as p')
    .innerJoin('list_entries as e', 'e.id', 'p.entry_id')
    .innerJoin('programs as g', 'g.id', 'p.program_id')
    .where(`p.${q.area.column}`, '=', q.area.code)
    .where('p.state', '=', 'paid')
    .where('p.paid_on', '>=', q.from)
    .where('p.paid_on', '<=', q.to)
    .where('p.recorded_at', '<=', endOf(q.asOf));
  if (params?.program) b = b.where('g.code', '=', params.program);
  return b;
}

const entryRecords = (
  rows: { id: number; list_id: number; full_name: string; commune_code: string; date: string | null; amount: number }[],
): IndicatorRecord[] =>
  rows.map((r) => ({
    kind: 'list_entry',
    id: r.id,
    label: r.full_name,
    href: `/programs/lists/${r.list_id}`,
    areaCode: r.commune_code,
    date: r.date,
    amount: Number(r.amount),
  }));

const base = { module: 'programs', rollup: 'sum' as const, params: ['program'] as const };

export const programsIndicators: readonly ComputedIndicator[] = [
  {
    ...base,
    code: 'programs.beneficiaries_approved',
    nameVi: 'Số đối tượng trong danh sách đã phê duyệt',
    nameEn: 'Beneficiaries on approved lists',
    unit: 'persons',
    async compute(db, q, params) {
      const r = await approvedEntries(db, q, params)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return { value: Number(r?.n ?? 0) };
    },
    async records(db, q, page, params) {
      const b = approvedEntries(db, q, params);
      const total = await b.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
      const rows = await b
        .select([
          'e.id',
          'e.list_id',
          'e.full_name',
          'e.commune_code',
          'l.decision_date as date',
          sql<number>`1`.as('amount'),
        ])
        .orderBy('e.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { total: Number(total?.n ?? 0), rows: entryRecords(rows) };
    },
  },
  {
    ...base,
    code: 'programs.amount_approved',
    nameVi: 'Kinh phí theo danh sách đã phê duyệt',
    nameEn: 'Amount on approved lists',
    unit: 'dong',
    async compute(db, q, params) {
      const r = await approvedEntries(db, q, params)
        .select(sql<number>`coalesce(sum(e.amount + e.arrears_amount), 0)`.as('t'))
        .executeTakeFirst();
      return { value: Number(r?.t ?? 0) };
    },
    async records(db, q, page, params) {
      const b = approvedEntries(db, q, params);
      const total = await b.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
      const rows = await b
        .select([
          'e.id',
          'e.list_id',
          'e.full_name',
          'e.commune_code',
          'l.decision_date as date',
          sql<number>`e.amount + e.arrears_amount`.as('amount'),
        ])
        .orderBy('e.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { total: Number(total?.n ?? 0), rows: entryRecords(rows) };
    },
  },
  {
    ...base,
    code: 'programs.persons_paid',
    nameVi: 'Số đối tượng đã được chi trả',
    nameEn: 'Beneficiaries paid',
    unit: 'persons',
    async compute(db, q, params) {
      const r = await paidPayments(db, q, params)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return { value: Number(r?.n ?? 0) };
    },
    async records(db, q, page, params) {
      const b = paidPayments(db, q, params);
      const total = await b.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
      const rows = await b
        .select([
          'e.id',
          'e.list_id',
          'e.full_name',
          'e.commune_code',
          'p.paid_on as date',
          sql<number>`1`.as('amount'),
        ])
        .orderBy('e.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { total: Number(total?.n ?? 0), rows: entryRecords(rows) };
    },
  },
  {
    ...base,
    code: 'programs.amount_paid',
    nameVi: 'Kinh phí đã chi trả',
    nameEn: 'Amount paid',
    unit: 'dong',
    async compute(db, q, params) {
      const r = await paidPayments(db, q, params)
        .select(sql<number>`coalesce(sum(p.amount), 0)`.as('t'))
        .executeTakeFirst();
      return { value: Number(r?.t ?? 0) };
    },
    async records(db, q, page, params) {
      const b = paidPayments(db, q, params);
      const total = await b.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
      const rows = await b
        .select(['e.id', 'e.list_id', 'e.full_name', 'e.commune_code', 'p.paid_on as date', 'p.amount'])
        .orderBy('e.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { total: Number(total?.n ?? 0), rows: entryRecords(rows) };
    },
  },
  {
    ...base,
    code: 'programs.quantity_handed_out',
    nameVi: 'Số lượng hiện vật đã cấp phát',
    nameEn: 'Quantity handed out in kind',
    unit: 'kg',
    async compute(db, q, params) {
      const r = await paidPayments(db, q, params)
        .select(sql<number>`coalesce(sum(p.quantity_milli), 0)`.as('t'))
        .executeTakeFirst();
      return { value: Number(r?.t ?? 0) / 1000 };
    },
    async records(db, q, page, params) {
      const b = paidPayments(db, q, params).where('p.quantity_milli', '>', 0);
      const total = await b.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
      const rows = await b
        .select([
          'e.id',
          'e.list_id',
          'e.full_name',
          'e.commune_code',
          'p.paid_on as date',
          sql<number>`p.quantity_milli / 1000.0`.as('amount'),
        ])
        .orderBy('e.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { total: Number(total?.n ?? 0), rows: entryRecords(rows) };
    },
  },
  {
    ...base,
    code: 'programs.lists_pending_approval',
    nameVi: 'Danh sách đang chờ thẩm định, phê duyệt',
    nameEn: 'Lists awaiting appraisal or approval',
    unit: 'lists',
    async compute(db, q, params) {
      const r = await pendingLists(db, q, params)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return { value: Number(r?.n ?? 0) };
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
        total: Number(total?.n ?? 0),
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

/** Lists submitted by the as-of date and not yet approved then (nor sent back to draft since). */
function pendingLists(db: Kysely<DB>, q: IndicatorQuery, params?: Record<string, string>) {
  let b = db
    .selectFrom('program_lists as l')
    .innerJoin('programs as g', 'g.id', 'l.program_id')
    .innerJoin('areas as a', 'a.code', 'l.commune_code')
    .where(`l.${q.area.column}`, '=', q.area.code)
    .where('l.submitted_at', '<=', endOf(q.asOf))
    .where((eb) =>
      eb.or([
        eb('l.state', 'in', ['submitted', 'appraised']),
        eb.and([eb('l.state', '=', 'approved'), eb('l.approved_at', '>', endOf(q.asOf))]),
      ]),
    );
  if (params?.program) b = b.where('g.code', '=', params.program);
  return b;
}
