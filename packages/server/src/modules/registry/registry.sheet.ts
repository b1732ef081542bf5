import ExcelJS from 'exceljs';
import { parseCsv } from '../../platform/csv.js';
import { AppError, errors } from '../../platform/errors.js';
import { readFirstSheetOffThread } from '../../platform/xlsx-read.js';
import { safeText } from '../../platform/xlsx-safe.js';

export type Cell = string | number | Date | null;

/** The columns of the registry template, in order; `key` is what the importer reads. */
export const IMPORT_COLUMNS = [
  {
    key: 'householdRef',
    header: 'Mã hộ',
    required: true,
    width: 16,
    example: 'H01',
    note: 'Mã hộ đã có trong sổ (ví dụ 25213-000001) hoặc một mã tạm để nhóm các thành viên của hộ mới (ví dụ H01)',
  },
  { key: 'fullName', header: 'Họ và tên', required: true, width: 28, example: 'Nguyễn Văn An', note: '' },
  { key: 'gender', header: 'Giới tính', required: true, width: 10, example: 'Nam', note: 'Nam hoặc Nữ' },
  {
    key: 'birthDate',
    header: 'Ngày sinh',
    required: true,
    width: 14,
    example: '05/01/1950',
    note: 'ngày/tháng/năm, tháng/năm hoặc chỉ năm',
  },
  {
    key: 'citizenId',
    header: 'Số CCCD',
    required: false,
    width: 16,
    example: '070050000123',
    note: '12 chữ số; để định dạng Văn bản (Text) để giữ số 0 đầu',
  },
  {
    key: 'oldIdNumber',
    header: 'Số CMND',
    required: false,
    width: 12,
    example: '',
    note: '9 chữ số, khi chưa có CCCD',
  },
  {
    key: 'ethnic',
    header: 'Dân tộc',
    required: false,
    width: 12,
    example: 'Kinh',
    note: 'Tên hoặc mã (01 Kinh … 54 Rơ Măm)',
  },
  {
    key: 'relation',
    header: 'Quan hệ với chủ hộ',
    required: false,
    width: 14,
    example: 'Chủ hộ',
    note: 'Chủ hộ, Vợ, Chồng, Con, Bố, Mẹ, Cháu, Ông, Bà, Anh, Chị, Em, Con dâu, Con rể, Khác',
  },
  { key: 'phone', header: 'Điện thoại', required: false, width: 14, example: '0912345678', note: '' },
  {
    key: 'communeCode',
    header: 'Mã xã',
    required: true,
    width: 10,
    example: '25213',
    note: 'Mã xã/phường 5 chữ số (Tổng cục Thống kê)',
  },
  { key: 'village', header: 'Thôn/ấp/tổ', required: false, width: 16, example: 'Ấp 3', note: '' },
  { key: 'address', header: 'Địa chỉ', required: false, width: 28, example: 'Ấp 3, xã Tiến Hưng', note: '' },
  {
    key: 'residence',
    header: 'Khu vực',
    required: false,
    width: 12,
    example: 'Nông thôn',
    note: 'Thành thị hoặc Nông thôn (mặc định theo loại xã/phường)',
  },
  {
    key: 'disability',
    header: 'Khuyết tật',
    required: false,
    width: 14,
    example: '',
    note: 'Nhẹ, Nặng hoặc Đặc biệt nặng',
  },
  { key: 'deceasedOn', header: 'Ngày mất', required: false, width: 14, example: '', note: 'ngày/tháng/năm' },
] as const;
export type ImportKey = (typeof IMPORT_COLUMNS)[number]['key'];
export type RawRow = { line: number; original: Cell[] };
/** Column index of each template key found in the header. */
export type ColumnMap = Partial<Record<ImportKey, number>>;

const headerKey = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/\*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
const HEADERS = new Map<string, ImportKey>(IMPORT_COLUMNS.map((c) => [headerKey(c.header), c.key]));
// Common variants officers type.
for (const [alias, key] of [
  ['ho ten', 'fullName'],
  ['ho va ten', 'fullName'],
  ['gioi', 'gender'],
  ['nam sinh', 'birthDate'],
  ['ngay thang nam sinh', 'birthDate'],
  ['cccd', 'citizenId'],
  ['so dinh danh', 'citizenId'],
  ['so dinh danh ca nhan', 'citizenId'],
  ['cmnd', 'oldIdNumber'],
  ['quan he', 'relation'],
  ['quan he voi chu ho', 'relation'],
  ['so dien thoai', 'phone'],
  ['ma xa/phuong', 'communeCode'],
  ['ma xa phuong', 'communeCode'],
  ['thon', 'village'],
  ['thon/ap', 'village'],
] as const) {
  HEADERS.set(alias, key);
}

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The kind of a file by its first bytes: officers rename files, so extensions are not trusted. */
export function sniff(buf: Buffer): 'xlsx' | 'xls' | 'csv' | 'other' {
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) return 'xlsx';
  if (buf.length >= 4 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) return 'xls';
  const head = buf.subarray(0, 4096);
  if (head.includes(0)) return 'other';
  const text = head.toString('utf8');
  return /[,;\t]/.test(text.split(/\r?\n/)[0] ?? '') ? 'csv' : 'other';
}

/**
 * Read the rows of an import file (XLSX streamed, or CSV) with the header mapped to the
 * template's columns. A file that is not a spreadsheet, too large, or lacks a required column is
 * refused with a message that says what to do.
 */
export async function readSheet(buf: Buffer): Promise<{ headers: string[]; columns: ColumnMap; rows: RawRow[] }> {
  if (buf.length > MAX_IMPORT_BYTES) {
    throw errors.badRequest(
      'FILE_TOO_LARGE',
      `Tệp lớn hơn ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt.`,
    );
  }
  const kind = sniff(buf);
  if (kind === 'xls') {
    throw errors.badRequest(
      'FILE_XLS',
      'Tệp .xls (Excel 97–2003) chưa được hỗ trợ. Mở tệp bằng Excel, chọn Lưu thành (Save As) dạng .xlsx rồi nhập lại.',
    );
  }
  if (kind === 'other') {
    throw errors.badRequest(
      'FILE_NOT_SPREADSHEET',
      'Tệp không phải bảng tính. Hãy dùng tệp Excel (.xlsx) hoặc CSV theo mẫu tải về từ trang này.',
    );
  }
  let grid: { line: number; cells: Cell[] }[] = [];
  if (kind === 'csv') {
    let text = buf.toString('utf8');
    const first = text.split(/\r?\n/)[0] ?? '';
    if (!first.includes(',') && first.includes(';')) text = text.replace(/;/g, ',');
    grid = parseCsv(text).map((r) => ({ line: r.line, cells: r.cells }));
  } else {
    try {
      grid = (await readFirstSheetOffThread(buf)).map((r) => ({
        line: r.line,
        cells: r.cells.map((c) => (typeof c === 'boolean' ? (c ? 'TRUE' : 'FALSE') : c)),
      }));
    } catch (err) {
      // A file over the limits says so (413, with the limits); anything else is not a spreadsheet.
      if (err instanceof AppError) throw err;
      throw errors.badRequest(
        'FILE_NOT_SPREADSHEET',
        'Không đọc được tệp Excel (tệp hỏng hoặc không phải .xlsx). Mở tệp bằng Excel, lưu lại dạng .xlsx rồi nhập lại.',
      );
    }
  }
  const headerRow = grid.find((r) => r.cells.some((c) => c !== null && String(c).trim() !== ''));
  if (!headerRow) throw errors.badRequest('FILE_EMPTY', 'Tệp không có dữ liệu. Điền theo mẫu rồi nhập lại.');
  const headers = headerRow.cells.map((c) => (c === null ? '' : String(c)));
  const map = headers.map((h) => HEADERS.get(headerKey(h)) ?? null);
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !map.includes(c.key)).map((c) => c.header);
  if (missing.length) {
    throw errors.badRequest(
      'FILE_MISSING_COLUMNS',
      `Tệp thiếu cột bắt buộc: ${missing.join(', ')}. Dòng đầu tiên phải là tiêu đề như trong tệp mẫu.`,
      missing.map((m) => ({ path: `column ${m}`, message: 'Thiếu cột bắt buộc' })),
    );
  }
  const columns: ColumnMap = {};
  map.forEach((k, i) => {
    if (k && columns[k] === undefined) columns[k] = i;
  });
  // Rows keep the cells as read (for the error file); fields are looked up by column index.
  const rows: RawRow[] = [];
  for (const r of grid) {
    if (r.line <= headerRow.line) continue;
    if (!r.cells.some((c) => c !== null && String(c).trim() !== '')) continue;
    rows.push({ line: r.line, original: r.cells });
  }
  return { headers, columns, rows };
}

/** The template: Vietnamese headers, an example row, notes, ID columns as text. */
export async function templateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'AnSinh';
  const ws = wb.addWorksheet('Nhân khẩu');
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.addRow(Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.example])));
  ws.getRow(1).font = { bold: true };
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    if (c.required) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    if (c.note) cell.note = c.note;
    if (
      c.key === 'citizenId' ||
      c.key === 'oldIdNumber' ||
      c.key === 'phone' ||
      c.key === 'communeCode' ||
      c.key === 'householdRef'
    ) {
      ws.getColumn(i + 1).numFmt = '@';
    }
  });
  const help = wb.addWorksheet('Hướng dẫn');
  help.getColumn(1).width = 22;
  help.getColumn(2).width = 90;
  help.addRow(['Cột', 'Cách điền']).font = { bold: true };
  for (const c of IMPORT_COLUMNS) help.addRow([`${c.header}${c.required ? ' (bắt buộc)' : ''}`, c.note || '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The rejected rows as they came, plus a column saying what is wrong in each. */
export async function rejectedXlsx(
  headers: string[],
  rows: { original: Cell[]; problems: string[] }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dòng bị từ chối');
  ws.addRow([...headers, 'Lỗi cần sửa']).font = { bold: true };
  for (const r of rows) ws.addRow([...headers.map((_, i) => safeText(r.original[i] ?? null)), r.problems.join('; ')]);
  ws.columns.forEach((c, i) => {
    c.width = i === headers.length ? 80 : 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
