import { createHash } from 'node:crypto';
import type { PaymentState, RecordResult } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { AppError, errors } from '../../../platform/errors.js';
import { once } from '../../../platform/idempotency.js';
import { readFirstSheetOffThread } from '../../../platform/xlsx-read.js';
import type { ProgramsDeps } from './load.js';
import { loadBatch } from './payment-batches.js';
import { recordPaymentItems, type PaymentItem } from './record-payments.js';

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

export function reconcileUseCase({ database }: ProgramsDeps) {
  /**
   * The payer's reconciliation file: a row per entry with "Mã dòng", "Trạng thái" (Đã chi /
   * Không chi được / Hoàn trả), "Ngày chi" and "Số chứng từ". All rows or none: a bad row rejects
   * the file with its line number, and nothing is recorded.
   */
  return async function reconcile(
    actor: Actor,
    batchId: number,
    file: Buffer,
    idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    const b = await loadBatch(database.db, actor, batchId);
    let rows;
    try {
      rows = await readFirstSheetOffThread(file);
    } catch (err) {
      // A file over the limits says so (413, with the limits); anything else is not a spreadsheet.
      if (err instanceof AppError) throw err;
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
    const sha = createHash('sha256').update(file).digest('hex');
    return once(
      database,
      actor,
      idempotencyKey ?? `reconcile-${batchId}-${sha}`,
      { batchId, sha },
      async (trx, audit) => {
        const total: RecordResult = { recorded: 0, alreadyPaid: [], notInBatch: [] };
        for (const [state, items] of groups) {
          const r = await recordPaymentItems(trx, actor, batchId, items, state, 'Đối soát');
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
  };
}
