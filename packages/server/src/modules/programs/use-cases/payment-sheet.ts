import ExcelJS from 'exceljs';
import { amountInWords, formatDateVi, type PaymentChannel } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { fromMilli } from '../programs.presenter.js';
import { paymentsRepo } from '../repo/payments.repo.js';
import type { ProgramsDeps } from './load.js';
import { loadBatch } from './payment-batches.js';
import { safeText } from '../../../platform/xlsx-safe.js';

export const CHANNEL_VI: Record<PaymentChannel, string> = {
  post_office: 'Chi trả qua bưu điện',
  bank: 'Chuyển khoản ngân hàng',
  commune_cash: 'Chi tiền mặt tại xã',
  in_kind: 'Cấp phát hiện vật',
};
/** The payment sheet of a batch. */
export function paymentSheetUseCase({ database }: ProgramsDeps) {
  const db = database.db;
  /** The payment sheet (bảng kê chi trả) as XLSX: amounts in figures and in words, a signature column. */
  return async function sheetXlsx(actor: Actor, batchId: number): Promise<{ name: string; data: Buffer }> {
    const b = await loadBatch(db, actor, batchId);
    const rows = await paymentsRepo.sheetRows(db, batchId);
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
        safeText(r.full_name),
        r.birth_date?.slice(0, 4) ?? '',
        r.citizen_id ?? '',
        safeText(r.village ?? ''),
        safeText(r.commune),
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
        safeText(r.reference ?? ''),
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
  };
}
