import ExcelJS from 'exceljs';
import { ProcedureBody } from '@ansinh/domain';
import { AppError, errors } from '../../platform/errors.js';
import { readFirstSheetOffThread, type SheetCell } from '../../platform/xlsx-read.js';

/**
 * The procedure catalogue as a spreadsheet, one procedure a row. The path is written
 * "xã:5; huyện:7; tỉnh:8" (levels in order, working days each); documents one per line.
 */
export const PROCEDURE_COLUMNS = [
  { key: 'code', header: 'Mã thủ tục', example: '1.001776' },
  { key: 'name', header: 'Tên thủ tục', example: 'Thủ tục trợ cấp xã hội hằng tháng' },
  { key: 'field', header: 'Lĩnh vực', example: 'Bảo trợ xã hội' },
  { key: 'decisionLevel', header: 'Cấp quyết định', example: 'huyện' },
  { key: 'path', header: 'Các cấp và số ngày làm việc', example: 'xã:15; huyện:7' },
  { key: 'fee', header: 'Phí, lệ phí (đồng)', example: '0' },
  { key: 'documents', header: 'Thành phần hồ sơ', example: 'Tờ khai theo Mẫu số 1a\nBản sao giấy khai sinh' },
  { key: 'resultDocument', header: 'Kết quả', example: 'Quyết định trợ cấp xã hội' },
  { key: 'onlineMode', header: 'Dịch vụ công trực tuyến', example: 'toàn trình' },
  { key: 'onlineLevel', header: 'Mức độ cũ (1-4)', example: '4' },
  { key: 'onNationalPortal', header: 'Trên Cổng DVC quốc gia', example: 'có' },
  { key: 'legalBasis', header: 'Căn cứ pháp lý', example: 'Nghị định 20/2021/NĐ-CP' },
] as const;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .trim();
const LEVELS: Record<string, 'commune' | 'district' | 'province'> = {
  xa: 'commune',
  huyen: 'district',
  tinh: 'province',
  commune: 'commune',
  district: 'district',
  province: 'province',
};
const MODES: Record<string, 'full' | 'partial' | 'none'> = {
  'toan trinh': 'full',
  'mot phan': 'partial',
  khong: 'none',
  full: 'full',
  partial: 'partial',
  none: 'none',
};

const text = (c: SheetCell | undefined) =>
  (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)).trim();

export async function readProcedureSheet(
  buf: Buffer,
): Promise<{ rows: { row: number; body: ProcedureBody }[]; errors: { row: number; message: string }[] }> {
  if (!(buf[0] === 0x50 && buf[1] === 0x4b))
    throw errors.badRequest('NOT_XLSX', 'Tệp không phải Excel (.xlsx). Tải mẫu, điền rồi gửi lại.');
  let sheet;
  try {
    sheet = await readFirstSheetOffThread(buf);
  } catch (err) {
    // A file over the limits says so (413, with the limits); anything else is not a spreadsheet.
    if (err instanceof AppError) throw err;
    throw errors.badRequest('NOT_XLSX', 'Không đọc được tệp Excel. Lưu lại dưới dạng .xlsx rồi gửi lại.');
  }
  const header = sheet[0]?.cells.map((c) => fold(text(c))) ?? [];
  const idx = Object.fromEntries(PROCEDURE_COLUMNS.map((c) => [c.key, header.indexOf(fold(c.header))])) as Record<
    string,
    number
  >;
  const missing = PROCEDURE_COLUMNS.filter(
    (c) => ['code', 'name', 'field', 'decisionLevel', 'path', 'onlineMode'].includes(c.key) && idx[c.key]! < 0,
  );
  if (missing.length)
    throw errors.badRequest('SHEET_COLUMNS', `Thiếu cột: ${missing.map((c) => c.header).join(', ')}. Dùng tệp mẫu.`);
  const rows: { row: number; body: ProcedureBody }[] = [];
  const problems: { row: number; message: string }[] = [];
  for (const r of sheet.slice(1)) {
    const get = (k: string) => (idx[k]! >= 0 ? text(r.cells[idx[k]!]) : '');
    if (!get('code') && !get('name')) continue;
    const path = get('path')
      .split(/[;,\n]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const [l, d] = s.split(':');
        return { level: LEVELS[fold(l ?? '')] ?? (l as 'commune'), days: Number((d ?? '').trim()) };
      });
    const raw = {
      code: get('code'),
      name: get('name'),
      field: get('field'),
      decisionLevel: LEVELS[fold(get('decisionLevel'))] ?? get('decisionLevel'),
      path,
      fee: Number(get('fee').replace(/[.\s]/g, '') || 0),
      documents: get('documents')
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean),
      resultDocument: get('resultDocument'),
      onlineMode: MODES[fold(get('onlineMode'))] ?? get('onlineMode'),
      onlineLevel: get('onlineLevel') ? Number(get('onlineLevel')) : null,
      onNationalPortal: ['co', 'x', '1', 'yes', 'true'].includes(fold(get('onNationalPortal'))),
      legalBasis: get('legalBasis'),
    };
    const parsed = ProcedureBody.safeParse(raw);
    if (parsed.success) rows.push({ row: r.line, body: parsed.data });
    else
      problems.push({
        row: r.line,
        message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      });
  }
  return { rows, errors: problems };
}

/** The empty template with one example row. */
export async function procedureTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Thủ tục');
  ws.columns = PROCEDURE_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: 24 }));
  ws.addRow(Object.fromEntries(PROCEDURE_COLUMNS.map((c) => [c.key, c.example])));
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
