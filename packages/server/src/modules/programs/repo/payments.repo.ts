import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { AreaColumn } from '../../../platform/authz.js';
import type { Scope } from './types.js';
import { ofAgency } from '../../../db/agency-sql.js';

function batchesJoined(ex: Executor) {
  return ex
    .selectFrom('payment_batches as b')
    .innerJoin('programs as g', 'g.id', 'b.program_id')
    .innerJoin('areas as a', 'a.code', 'b.area_code')
    .selectAll('b')
    .select([
      'g.name as program_name',
      'g.unit',
      'g.agency_code as program_agency_code',
      'a.name as area_name',
      'a.path as area_path',
    ]);
}

export type BatchJoined = NonNullable<Awaited<ReturnType<typeof paymentsRepo.batch>>>;

/** SQL of payment batches and payments. */
export const paymentsRepo = {
  async program(ex: Executor, id: number) {
    return ex.selectFrom('programs').select(['id', 'kind', 'province_code']).where('id', '=', id).executeTakeFirst();
  },

  async batch(ex: Executor, id: number) {
    return batchesJoined(ex).where('b.id', '=', id).executeTakeFirst();
  },

  async batches(
    ex: Executor,
    f: { scope: Scope | null; agency: string | null; programId?: number; limit: number; offset: number },
  ) {
    let base = batchesJoined(ex);
    if (f.scope) base = base.where(`b.${f.scope.column}`, '=', f.scope.code);
    // A batch belongs to its program's agency (docs/modules/agencies.md).
    if (f.agency) base = base.where(ofAgency('g.agency_code', f.agency));
    if (f.programId) base = base.where('b.program_id', '=', f.programId);
    const rows = await base.orderBy('b.id', 'desc').limit(f.limit).offset(f.offset).execute();
    const total = await base
      .clearSelect()
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return { rows, total: Number(total?.n ?? 0) };
  },

  /** Paid and failed counts and the paid amount of a batch. */
  async progress(ex: Executor, batchId: number) {
    const agg = await ex
      .selectFrom('payments')
      .select([
        sql<number>`coalesce(sum(case when state = 'paid' then 1 else 0 end), 0)`.as('paid_count'),
        sql<number>`coalesce(sum(case when state = 'paid' then amount else 0 end), 0)`.as('paid_amount'),
        sql<number>`coalesce(sum(case when state = 'failed' then 1 else 0 end), 0)`.as('failed_count'),
      ])
      .where('batch_id', '=', batchId)
      .executeTakeFirst();
    return {
      paidCount: Number(agg?.paid_count ?? 0),
      paidAmount: Number(agg?.paid_amount ?? 0),
      failedCount: Number(agg?.failed_count ?? 0),
    };
  },

  async insertBatch(
    ex: Executor,
    row: {
      program_id: number;
      period: string;
      channel: string;
      area_code: string;
      province_code: string;
      district_code: string | null;
      commune_code: string | null;
      created_by: string;
      created_at: string;
    },
  ): Promise<number> {
    const r = await ex
      .insertInto('payment_batches')
      .values({ ...row, entries_count: 0, total_amount: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** Put the approved entries of an area not yet in a batch into this one; its count and total. */
  async fillBatch(
    ex: Executor,
    batchId: number,
    a: { programId: number; period: string; column: AreaColumn; code: string },
  ): Promise<{ n: number; t: number }> {
    await ex
      .updateTable('list_entries')
      .set({ batch_id: batchId })
      .where('program_id', '=', a.programId)
      .where('period', '=', a.period)
      .where(a.column, '=', a.code)
      .where('approved_key', 'is not', null)
      .where('batch_id', 'is', null)
      .execute();
    const agg = await ex
      .selectFrom('list_entries')
      .select([(e) => e.fn.countAll<number>().as('n'), sql<number>`coalesce(sum(amount + arrears_amount), 0)`.as('t')])
      .where('batch_id', '=', batchId)
      .executeTakeFirstOrThrow();
    const n = Number(agg.n);
    const t = Number(agg.t);
    if (n > 0)
      await ex
        .updateTable('payment_batches')
        .set({ entries_count: n, total_amount: t })
        .where('id', '=', batchId)
        .execute();
    return { n, t };
  },

  /** Entries of a batch among the ids, with their payment state. */
  async entriesToRecord(ex: Executor, batchId: number, ids: number[]) {
    return ex
      .selectFrom('list_entries as e')
      .leftJoin('payments as p', 'p.entry_id', 'e.id')
      .select([
        'e.id',
        'e.program_id',
        'e.period',
        'e.amount',
        'e.arrears_amount',
        'e.quantity_milli',
        'e.province_code',
        'e.district_code',
        'e.commune_code',
        'p.state as pay_state',
      ])
      .where('e.id', 'in', ids)
      .where('e.batch_id', '=', batchId)
      .execute();
  },

  /** Insert first payments; an entry another request paid a moment ago is skipped. Returns the entries inserted. */
  async insertPayments(
    ex: Executor,
    rows: {
      entry_id: number;
      batch_id: number;
      program_id: number;
      period: string;
      state: string;
      amount: number;
      quantity_milli: number;
      paid_on: string;
      reference: string | null;
      note: string | null;
      recorded_by: string;
      recorded_at: string;
      province_code: string;
      district_code: string | null;
      commune_code: string;
    }[],
  ): Promise<number[]> {
    const inserted = await ex
      .insertInto('payments')
      .values(rows)
      .onConflict((oc) => oc.column('entry_id').doNothing())
      .returning('entry_id')
      .execute();
    return inserted.map((r) => r.entry_id);
  },

  /** Record again (failed, returned, or paid then returned); never from paid to paid. */
  async updatePayments(
    ex: Executor,
    entryIds: number[],
    set: {
      state: string;
      paid_on: string;
      reference: string | null;
      note: string | null;
      recorded_by: string;
      recorded_at: string;
    },
  ): Promise<number> {
    const res = await ex
      .updateTable('payments')
      .set(set)
      .where('entry_id', 'in', entryIds)
      .where('state', set.state === 'returned' ? '=' : '<>', 'paid')
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  },

  /** The rows of the payment sheet. */
  async sheetRows(ex: Executor, batchId: number) {
    return ex
      .selectFrom('list_entries as e')
      .leftJoin('payments as p', 'p.entry_id', 'e.id')
      .innerJoin('areas as a', 'a.code', 'e.commune_code')
      .select([
        'e.id',
        'e.full_name',
        'e.birth_date',
        'e.citizen_id',
        'e.village',
        'a.name as commune',
        'e.amount',
        'e.arrears_amount',
        'e.quantity_milli',
        'p.state',
        'p.paid_on',
        'p.reference',
      ])
      .where('e.batch_id', '=', batchId)
      .orderBy('e.commune_code')
      .orderBy('e.id')
      .execute();
  },

  /** Approved and paid, grouped by a column (a child area or the category), under an area. */
  async totals(
    ex: Executor,
    a: { programId: number; period?: string; column: AreaColumn; code: string; key: 'e.category' | `e.${AreaColumn}` },
  ) {
    let base = ex
      .selectFrom('list_entries as e')
      .leftJoin('payments as p', (j) => j.onRef('p.entry_id', '=', 'e.id').on('p.state', '=', 'paid'))
      .select([
        sql<string>`coalesce(${sql.ref(a.key)}, '')`.as('key'),
        (e) => e.fn.countAll<number>().as('approved_count'),
        sql<number>`coalesce(sum(e.amount + e.arrears_amount), 0)`.as('approved_amount'),
        sql<number>`coalesce(sum(e.quantity_milli), 0)`.as('approved_q'),
        sql<number>`count(p.id)`.as('paid_count'),
        sql<number>`coalesce(sum(p.amount), 0)`.as('paid_amount'),
        sql<number>`coalesce(sum(p.quantity_milli), 0)`.as('paid_q'),
      ])
      .where('e.program_id', '=', a.programId)
      .where('e.approved_key', 'is not', null)
      .where(`e.${a.column}`, '=', a.code);
    if (a.period) base = base.where('e.period', '=', a.period);
    return base.groupBy(sql.ref(a.key)).execute();
  },
};
