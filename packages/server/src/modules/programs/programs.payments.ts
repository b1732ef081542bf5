import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import {
  amountInWords,
  formatDateVi,
  type BatchOut,
  type PaymentChannel,
  type PaymentState,
  type RecordPaymentsBody,
  type RecordResult,
  type Totals,
} from '@ansinh/domain';
import type { Database, Executor, Trx } from '../../db/database.js';
import type { Actor } from '../../platform/actor.js';
import { areaColumnScope, type AreaColumn } from '../../platform/authz.js';
import { inTransaction, nowIso } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { once } from '../../platform/idempotency.js';
import { readFirstSheet } from '../../platform/xlsx-read.js';
import { fromMilli, presentEntry } from './programs.presenter.js';
import { programsRepo } from './programs.repo.js';

/** One entry to record: the day it was paid and the payer's voucher. */
interface PaymentItem {
  id: number;
  paidOn: string;
  reference: string | null;
}

const LEVEL_COLUMN: Record<number, AreaColumn> = { 1: 'province_code', 2: 'district_code', 3: 'commune_code' };
const CHUNK = 800;

export const CHANNEL_VI: Record<PaymentChannel, string> = {
  post_office: 'Chi trả qua bưu điện',
  bank: 'Chuyển khoản ngân hàng',
  commune_cash: 'Chi tiền mặt tại xã',
  in_kind: 'Cấp phát hiện vật',
};
const STATE_WORDS: Record<string, PaymentState> = {
  'da chi': 'paid',
  'đã chi': 'paid',
  'da nhan': 'paid',
  'đã nhận': 'paid',
  paid: 'paid',
  'khong chi duoc': 'failed',
  'không chi được': 'failed',
  failed: 'failed',
  'hoan tra': 'returned',
  'hoàn trả': 'returned',
  returned: 'returned',
};

/**
 * Payments: batches by channel, the payment sheet, recording per entry (one by one, in bulk, or
 * from the payer's reconciliation file) and totals. An entry is paid at most once: `payments`
 * has one row per entry (a unique column), a paid row is never changed back to paid, and every
 * recording runs under an Idempotency-Key.
 */
export function createPayments(deps: { database: Database }) {
  const { database } = deps;
  const db = database.db;

  async function areaOf(ex: Executor, code: string) {
    const a = await ex
      .selectFrom('areas')
      .select(['code', 'name', 'level', 'path'])
      .where('code', '=', code)
      .executeTakeFirst();
    if (!a) throw errors.notFound('Địa bàn');
    return a;
  }

  async function getBatch(ex: Executor, actor: Actor, id: number) {
    const b = await ex
      .selectFrom('payment_batches as b')
      .innerJoin('programs as g', 'g.id', 'b.program_id')
      .innerJoin('areas as a', 'a.code', 'b.area_code')
      .selectAll('b')
      .select(['g.name as program_name', 'g.unit', 'a.name as area_name', 'a.path as area_path'])
      .where('b.id', '=', id)
      .executeTakeFirst();
    if (!b || (actor.areaPath && !b.area_path.startsWith(actor.areaPath))) throw errors.notFound('Đợt chi trả');
    return b;
  }

  async function presentBatch(ex: Executor, b: Awaited<ReturnType<typeof getBatch>>): Promise<BatchOut> {
    const agg = await ex
      .selectFrom('payments')
      .select([
        sql<number>`coalesce(sum(case when state = 'paid' then 1 else 0 end), 0)`.as('paid_count'),
        sql<number>`coalesce(sum(case when state = 'paid' then amount else 0 end), 0)`.as('paid_amount'),
        sql<number>`coalesce(sum(case when state = 'failed' then 1 else 0 end), 0)`.as('failed_count'),
      ])
      .where('batch_id', '=', b.id)
      .executeTakeFirst();
    return {
      id: b.id,
      programId: b.program_id,
      programName: b.program_name,
      unit: b.unit as BatchOut['unit'],
      period: b.period,
      channel: b.channel as PaymentChannel,
      areaCode: b.area_code,
      areaName: b.area_name,
      entriesCount: b.entries_count,
      totalAmount: b.total_amount,
      paidCount: Number(agg?.paid_count ?? 0),
      paidAmount: Number(agg?.paid_amount ?? 0),
      failedCount: Number(agg?.failed_count ?? 0),
      createdBy: b.created_by,
      createdAt: b.created_at,
    };
  }

  /**
   * Record a state for entries of a batch. Entries already paid are reported, not paid again;
   * entries outside the batch are reported. Runs inside the caller's transaction.
   */
  async function record(
    trx: Trx,
    actor: Actor,
    batchId: number,
    items: PaymentItem[],
    state: PaymentState,
    note: string | null,
  ): Promise<RecordResult> {
    const byId = new Map(items.map((it) => [it.id, it]));
    const ids = [...byId.keys()];
    const alreadyPaid: number[] = [];
    const notInBatch: number[] = [];
    let recorded = 0;
    const now = nowIso();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const entries = await trx
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
        .where('e.id', 'in', chunk)
        .where('e.batch_id', '=', batchId)
        .execute();
      const found = new Set(entries.map((e) => e.id));
      for (const id of chunk) if (!found.has(id)) notInBatch.push(id);
      const fresh = [];
      const again: number[] = [];
      for (const e of entries) {
        if (e.pay_state === null) {
          if (state === 'returned') notInBatch.push(e.id);
          else fresh.push(e);
        } else if (e.pay_state === 'paid') {
          if (state === 'returned') again.push(e.id);
          else alreadyPaid.push(e.id);
        } else if (state !== 'returned') again.push(e.id);
        else notInBatch.push(e.id);
      }
      if (fresh.length > 0) {
        const inserted = await trx
          .insertInto('payments')
          .values(
            fresh.map((e) => ({
              entry_id: e.id,
              batch_id: batchId,
              program_id: e.program_id,
              period: e.period,
              state,
              amount: e.amount + e.arrears_amount,
              quantity_milli: e.quantity_milli,
              paid_on: byId.get(e.id)!.paidOn,
              reference: byId.get(e.id)!.reference,
              note,
              recorded_by: actor.username,
              recorded_at: now,
              province_code: e.province_code,
              district_code: e.district_code,
              commune_code: e.commune_code,
            })),
          )
          .onConflict((oc) => oc.column('entry_id').doNothing())
          .returning('entry_id')
          .execute();
        recorded += inserted.length;
        // Rows another request inserted a moment ago are not ours: report them as already paid.
        const mine = new Set(inserted.map((r) => r.entry_id));
        for (const e of fresh) if (!mine.has(e.id)) alreadyPaid.push(e.id);
      }
      // Rows recorded before (failed, returned, or paid and now returned), by date and voucher.
      const groups = new Map<string, number[]>();
      for (const id of again) {
        const it = byId.get(id)!;
        const k = `${it.paidOn}|${it.reference ?? ''}`;
        groups.set(k, [...(groups.get(k) ?? []), id]);
      }
      for (const groupIds of groups.values()) {
        const it = byId.get(groupIds[0]!)!;
        const res = await trx
          .updateTable('payments')
          .set({
            state,
            paid_on: it.paidOn,
            reference: it.reference,
            note,
            recorded_by: actor.username,
            recorded_at: now,
          })
          .where('entry_id', 'in', groupIds)
          // Never from paid to paid: a paid row only changes to "returned".
          .where('state', state === 'returned' ? '=' : '<>', 'paid')
          .executeTakeFirst();
        recorded += Number(res.numUpdatedRows);
      }
    }
    return { recorded, alreadyPaid, notInBatch };
  }

  return {
    CHANNEL_VI,

    async createBatch(
      actor: Actor,
      body: { programId: number; period: string; channel: PaymentChannel; areaCode?: string },
    ): Promise<BatchOut> {
      const id = await inTransaction(database, actor, async (trx, audit) => {
        const program = await trx
          .selectFrom('programs')
          .select(['id', 'kind'])
          .where('id', '=', body.programId)
          .executeTakeFirst();
        if (!program) throw errors.notFound('Chương trình');
        if ((program.kind === 'in_kind' || program.kind === 'health_card') !== (body.channel === 'in_kind')) {
          throw errors.validation([
            {
              path: 'body.channel',
              message:
                program.kind === 'in_kind' || program.kind === 'health_card'
                  ? 'Chương trình hiện vật: chọn hình thức "Cấp phát hiện vật".'
                  : 'Chọn hình thức chi tiền.',
            },
          ]);
        }
        const code = body.areaCode ?? actor.areaCode;
        if (!code) throw errors.validation([{ path: 'body.areaCode', message: 'Chọn địa bàn chi trả.' }]);
        const area = await areaOf(trx, code);
        if (actor.areaPath && !area.path.startsWith(actor.areaPath)) throw errors.notFound('Địa bàn');
        const parts = area.path.split('/').filter(Boolean);
        const column = LEVEL_COLUMN[area.level] ?? 'commune_code';
        const now = nowIso();
        const row = await trx
          .insertInto('payment_batches')
          .values({
            program_id: body.programId,
            period: body.period,
            channel: body.channel,
            area_code: code,
            province_code: parts[0]!,
            district_code: area.level >= 2 && parts.length === 3 ? parts[1]! : null,
            commune_code: area.level === 3 ? code : null,
            entries_count: 0,
            total_amount: 0,
            created_by: actor.username,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // Approved entries of the area not yet in a batch.
        await trx
          .updateTable('list_entries')
          .set({ batch_id: row.id })
          .where('program_id', '=', body.programId)
          .where('period', '=', body.period)
          .where(column, '=', code)
          .where('approved_key', 'is not', null)
          .where('batch_id', 'is', null)
          .execute();
        const agg = await trx
          .selectFrom('list_entries')
          .select([
            (e) => e.fn.countAll<number>().as('n'),
            sql<number>`coalesce(sum(amount + arrears_amount), 0)`.as('t'),
          ])
          .where('batch_id', '=', row.id)
          .executeTakeFirstOrThrow();
        if (Number(agg.n) === 0) {
          throw errors.conflict(
            'NOTHING_TO_PAY',
            'Không có người nào trong danh sách đã phê duyệt chưa vào đợt chi trả ở địa bàn này.',
          );
        }
        await trx
          .updateTable('payment_batches')
          .set({ entries_count: Number(agg.n), total_amount: Number(agg.t) })
          .where('id', '=', row.id)
          .execute();
        await audit({
          action: 'payment_batch.create',
          entity: 'payment_batch',
          entityId: row.id,
          areaCode: code,
          after: { ...body, entries: Number(agg.n), total: Number(agg.t) },
        });
        return row.id;
      });
      return presentBatch(db, await getBatch(db, actor, id));
    },

    async batches(actor: Actor, q: { programId?: number; limit: number; offset: number }) {
      let base = db
        .selectFrom('payment_batches as b')
        .innerJoin('programs as g', 'g.id', 'b.program_id')
        .innerJoin('areas as a', 'a.code', 'b.area_code')
        .selectAll('b')
        .select(['g.name as program_name', 'g.unit', 'a.name as area_name', 'a.path as area_path']);
      const scope = areaColumnScope(actor);
      if (scope) base = base.where(`b.${scope.column}`, '=', scope.code);
      if (q.programId) base = base.where('b.program_id', '=', q.programId);
      const rows = await base.orderBy('b.id', 'desc').limit(q.limit).offset(q.offset).execute();
      const total = await base
        .clearSelect()
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return { items: await Promise.all(rows.map((b) => presentBatch(db, b))), total: Number(total?.n ?? 0) };
    },

    async batch(actor: Actor, id: number) {
      return presentBatch(db, await getBatch(db, actor, id));
    },

    async batchEntries(actor: Actor, id: number, q: { q?: string; limit: number; offset: number }) {
      await getBatch(db, actor, id);
      const { rows, total } = await programsRepo.entriesPage(db, { batch_id: id }, q);
      return { items: rows.map(presentEntry), total };
    },

    /** Record payments for entries of a batch, once per Idempotency-Key. */
    async recordPayments(
      actor: Actor,
      batchId: number,
      body: RecordPaymentsBody,
      idempotencyKey: string | undefined,
    ): Promise<RecordResult> {
      const b = await getBatch(db, actor, batchId);
      return once(database, actor, idempotencyKey, { batchId, body }, async (trx, audit) => {
        const items = body.entryIds.map((id) => ({ id, paidOn: body.paidOn, reference: body.reference ?? null }));
        const r = await record(trx, actor, batchId, items, body.state, body.note ?? null);
        await audit({
          action: `payment.${body.state}`,
          entity: 'payment_batch',
          entityId: batchId,
          areaCode: b.area_code,
          after: {
            entries: body.entryIds.length > 50 ? `${body.entryIds.length} dòng` : body.entryIds,
            recorded: r.recorded,
            alreadyPaid: r.alreadyPaid.length,
            paidOn: body.paidOn,
            reference: body.reference ?? null,
          },
        });
        return r;
      });
    },

    /**
     * The payer's reconciliation file: a row per entry with "Mã dòng", "Trạng thái" (Đã chi /
     * Không chi được / Hoàn trả), "Ngày chi" and "Số chứng từ". All rows or none: a bad row rejects
     * the file with its line number, and nothing is recorded.
     */
    async reconcile(
      actor: Actor,
      batchId: number,
      file: Buffer,
      idempotencyKey: string | undefined,
    ): Promise<RecordResult> {
      const b = await getBatch(db, actor, batchId);
      let rows;
      try {
        rows = readFirstSheet(file);
      } catch {
        throw errors.badRequest('BAD_FILE', 'Không đọc được tệp. Tải lên tệp Excel (.xlsx) theo mẫu bảng kê chi trả.');
      }
      const header = (rows[0]?.cells ?? []).map((c) =>
        String(c ?? '')
          .trim()
          .toLowerCase(),
      );
      const col = (names: string[]) => header.findIndex((h) => names.includes(h));
      const cId = col(['mã dòng', 'ma dong', 'entry id']);
      const cState = col(['trạng thái', 'trang thai', 'state']);
      const cDate = col(['ngày chi', 'ngay chi', 'paid on']);
      const cRef = col(['số chứng từ', 'so chung tu', 'reference']);
      if (cId < 0 || cState < 0 || cDate < 0) {
        throw errors.badRequest(
          'BAD_COLUMNS',
          'Tệp phải có các cột "Mã dòng", "Trạng thái", "Ngày chi" (và "Số chứng từ" nếu có). Dùng tệp tải từ nút "Bảng kê (Excel)".',
        );
      }
      const rejected: { row: number; message: string }[] = [];
      const groups = new Map<PaymentState, PaymentItem[]>();
      const asDate = (v: unknown): string | null => {
        if (v instanceof Date) return v.toISOString().slice(0, 10);
        const s = String(v ?? '').trim();
        let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
        if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
        m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
        return m ? s : null;
      };
      for (const r of rows.slice(1)) {
        if (!r.cells.some((c) => c !== null && String(c).trim() !== '')) continue;
        const id = Number(r.cells[cId]);
        const state =
          STATE_WORDS[
            String(r.cells[cState] ?? '')
              .trim()
              .toLowerCase()
          ];
        const paidOn = asDate(r.cells[cDate]);
        const problems = [];
        if (!Number.isInteger(id) || id <= 0) problems.push('"Mã dòng" phải là số');
        if (!state) problems.push('"Trạng thái" phải là Đã chi, Không chi được hoặc Hoàn trả');
        if (!paidOn) problems.push('"Ngày chi" theo dạng dd/mm/yyyy');
        if (problems.length > 0) {
          rejected.push({ row: r.line, message: problems.join('; ') });
          continue;
        }
        const reference = cRef >= 0 && r.cells[cRef] !== null ? String(r.cells[cRef]).trim() || null : null;
        const g = groups.get(state!) ?? [];
        g.push({ id, paidOn: paidOn!, reference });
        groups.set(state!, g);
      }
      if (rejected.length > 0) {
        throw errors.badRequest(
          'RECONCILE_ROWS_INVALID',
          `Tệp có ${rejected.length} dòng sai; chưa ghi nhận dòng nào. Sửa các dòng sau rồi tải lên lại.`,
          rejected.slice(0, 100).map((r) => ({ path: `row.${r.row}`, message: r.message })),
        );
      }
      const sha = (await import('node:crypto')).createHash('sha256').update(file).digest('hex');
      return once(
        database,
        actor,
        idempotencyKey ?? `reconcile-${batchId}-${sha}`,
        { batchId, sha },
        async (trx, audit) => {
          const total: RecordResult = { recorded: 0, alreadyPaid: [], notInBatch: [] };
          for (const [state, items] of groups) {
            const r = await record(trx, actor, batchId, items, state, 'Đối soát');
            total.recorded += r.recorded;
            // Loops, not spreads: a file can hold 100.000 ids.
            for (const id of r.alreadyPaid) total.alreadyPaid.push(id);
            for (const id of r.notInBatch) total.notInBatch.push(id);
          }
          await audit({
            action: 'payment.reconcile',
            entity: 'payment_batch',
            entityId: batchId,
            areaCode: b.area_code,
            after: {
              sha256: sha,
              recorded: total.recorded,
              alreadyPaid: total.alreadyPaid.length,
              notInBatch: total.notInBatch.length,
            },
          });
          return total;
        },
      );
    },

    /** The payment sheet (bảng kê chi trả) as XLSX: amounts in figures and in words, a signature column. */
    async sheetXlsx(actor: Actor, batchId: number): Promise<{ name: string; data: Buffer }> {
      const b = await getBatch(db, actor, batchId);
      const rows = await db
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
      const wb = new ExcelJS.Workbook();
      wb.creator = 'AnSinh';
      const ws = wb.addWorksheet('Bảng kê chi trả', {
        pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      });
      const cash = b.unit === 'dong';
      ws.addRow([`BẢNG KÊ ${cash ? 'CHI TRẢ' : 'CẤP PHÁT'}: ${b.program_name.toUpperCase()}`]).font = {
        bold: true,
        size: 13,
      };
      ws.addRow([`Kỳ ${b.period} — ${b.area_name} — ${CHANNEL_VI[b.channel as PaymentChannel]} — Đợt số ${b.id}`]);
      ws.addRow([]);
      const header = [
        'STT',
        'Mã dòng',
        'Họ và tên',
        'Năm sinh',
        'Số CCCD',
        'Thôn/ấp',
        'Xã',
        cash ? 'Số tiền (đồng)' : `Số lượng (${b.unit})`,
        cash ? 'Số tiền bằng chữ' : '',
        'Trạng thái',
        'Ngày chi',
        'Số chứng từ',
        'Ký nhận',
      ];
      const h = ws.addRow(header);
      h.font = { bold: true };
      h.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      let sum = 0;
      rows.forEach((r, i) => {
        const amount = r.amount + r.arrears_amount;
        sum += cash ? amount : r.quantity_milli;
        ws.addRow([
          i + 1,
          r.id,
          r.full_name,
          r.birth_date?.slice(0, 4) ?? '',
          r.citizen_id ?? '',
          r.village ?? '',
          r.commune,
          cash ? amount : fromMilli(r.quantity_milli),
          cash ? amountInWords(amount) : '',
          r.state === 'paid'
            ? 'Đã chi'
            : r.state === 'failed'
              ? 'Không chi được'
              : r.state === 'returned'
                ? 'Hoàn trả'
                : '',
          r.paid_on ? formatDateVi(r.paid_on) : '',
          r.reference ?? '',
          '',
        ]);
      });
      const t = ws.addRow([
        '',
        '',
        'Tổng cộng',
        '',
        '',
        '',
        '',
        cash ? sum : fromMilli(sum),
        cash ? amountInWords(sum) : '',
        '',
        '',
        '',
        '',
      ]);
      t.font = { bold: true };
      ws.getColumn(5).numFmt = '@';
      ws.getColumn(8).numFmt = cash ? '#,##0' : '#,##0.###';
      [6, 10, 28, 9, 15, 14, 18, 15, 40, 14, 12, 14, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
      ws.addRow([]);
      ws.addRow(['', '', 'Người lập biểu', '', '', '', 'Kế toán', '', '', 'Thủ trưởng đơn vị']).font = { bold: true };
      return { name: `bang-ke-chi-tra-dot-${b.id}.xlsx`, data: Buffer.from(await wb.xlsx.writeBuffer()) };
    },

    /** "Approved N people, X đồng / paid M people, Y đồng" by child area or by category. */
    async totals(
      actor: Actor,
      q: { programId: number; period?: string; areaCode?: string; groupBy: 'area' | 'category' },
    ): Promise<Totals> {
      const root =
        q.areaCode ??
        actor.areaCode ??
        (await db.selectFrom('areas').select('code').where('level', '=', 1).executeTakeFirstOrThrow()).code;
      const area = await areaOf(db, root);
      if (actor.areaPath && !area.path.startsWith(actor.areaPath)) throw errors.notFound('Địa bàn');
      const column = LEVEL_COLUMN[area.level] ?? 'commune_code';
      const childColumn: AreaColumn =
        area.level === 1 ? ((await hasDistricts(db, root)) ? 'district_code' : 'commune_code') : 'commune_code';
      const keyCol = q.groupBy === 'category' ? 'e.category' : `e.${childColumn}`;
      let base = db
        .selectFrom('list_entries as e')
        .leftJoin('payments as p', (j) => j.onRef('p.entry_id', '=', 'e.id').on('p.state', '=', 'paid'))
        .select([
          sql<string>`coalesce(${sql.ref(keyCol)}, '')`.as('key'),
          (e) => e.fn.countAll<number>().as('approved_count'),
          sql<number>`coalesce(sum(e.amount + e.arrears_amount), 0)`.as('approved_amount'),
          sql<number>`coalesce(sum(e.quantity_milli), 0)`.as('approved_q'),
          sql<number>`count(p.id)`.as('paid_count'),
          sql<number>`coalesce(sum(p.amount), 0)`.as('paid_amount'),
          sql<number>`coalesce(sum(p.quantity_milli), 0)`.as('paid_q'),
        ])
        .where('e.program_id', '=', q.programId)
        .where('e.approved_key', 'is not', null)
        .where(`e.${column}`, '=', root);
      if (q.period) base = base.where('e.period', '=', q.period);
      const rows = await base.groupBy(sql.ref(keyCol)).execute();
      const names =
        q.groupBy === 'area'
          ? new Map(
              (
                await db
                  .selectFrom('areas')
                  .select(['code', 'name'])
                  .where('code', 'in', rows.map((r) => r.key).concat(['__']))
                  .execute()
              ).map((a) => [a.code, a.name]),
            )
          : new Map<string, string>();
      const out = rows.map((r) => ({
        key: r.key,
        label: q.groupBy === 'area' ? (names.get(r.key) ?? r.key) : r.key || '(không phân loại)',
        approvedCount: Number(r.approved_count),
        approvedAmount: Number(r.approved_amount),
        approvedQuantity: fromMilli(Number(r.approved_q)),
        paidCount: Number(r.paid_count),
        paidAmount: Number(r.paid_amount),
        paidQuantity: fromMilli(Number(r.paid_q)),
      }));
      out.sort((a, b) => a.key.localeCompare(b.key));
      const total = out.reduce(
        (t, r) => ({
          ...t,
          approvedCount: t.approvedCount + r.approvedCount,
          approvedAmount: t.approvedAmount + r.approvedAmount,
          approvedQuantity: Math.round((t.approvedQuantity + r.approvedQuantity) * 1000) / 1000,
          paidCount: t.paidCount + r.paidCount,
          paidAmount: t.paidAmount + r.paidAmount,
          paidQuantity: Math.round((t.paidQuantity + r.paidQuantity) * 1000) / 1000,
        }),
        {
          key: root,
          label: area.name,
          approvedCount: 0,
          approvedAmount: 0,
          approvedQuantity: 0,
          paidCount: 0,
          paidAmount: 0,
          paidQuantity: 0,
        },
      );
      return { rows: out, total };
    },
  };
}

async function hasDistricts(ex: Executor, provinceCode: string) {
  const r = await ex
    .selectFrom('areas')
    .select('code')
    .where('parent_code', '=', provinceCode)
    .where('level', '=', 2)
    .limit(1)
    .executeTakeFirst();
  return !!r;
}
export type Payments = ReturnType<typeof createPayments>;
