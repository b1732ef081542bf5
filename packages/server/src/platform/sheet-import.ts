import ExcelJS from 'exceljs';
import { searchKey } from '@ansinh/domain';
import { parseCsv } from './csv.js';
import { AppError, errors } from './errors.js';
import { readFirstSheetOffThread, type SheetRow } from './xlsx-read.js';

export type ImportCell = string | number | Date | null;
export interface ImportRow {
  line: number;
  cells: ImportCell[];
}

export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

/** The kind of a file by its first bytes: officers rename files, so extensions are not trusted. */
function sniffKind(buf: Buffer): 'xlsx' | 'xls' | 'csv' | 'other' {
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) return 'xlsx';
  if (buf.length >= 4 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) return 'xls';
  const head = buf.subarray(0, 4096);
  if (head.includes(0)) return 'other';
  return /[,;\t]/.test(head.toString('utf8').split(/\r?\n/)[0] ?? '') ? 'csv' : 'other';
}

type Template<K extends string> = readonly {
  key: K;
  header: string;
  aliases?: readonly string[];
  required?: boolean;
}[];
export interface ImportSheet<K extends string> {
  headers: string[];
  columns: Partial<Record<K, number>>;
  rows: ImportRow[];
}

/** The file's kind, refusing what cannot be read (too large, .xls, not a spreadsheet). */
function fileKind(buf: Buffer): 'xlsx' | 'csv' {
  if (buf.length > MAX_IMPORT_FILE_BYTES)
    throw errors.badRequest('FILE_TOO_LARGE', 'Tệp lớn hơn 20 MB. Chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt.');
  const kind = sniffKind(buf);
  if (kind === 'xls')
    throw errors.badRequest('FILE_XLS', 'Tệp .xls (Excel 97–2003) chưa được hỗ trợ. Lưu lại dạng .xlsx rồi nhập lại.');
  if (kind === 'other')
    throw errors.badRequest(
      'FILE_NOT_SPREADSHEET',
      'Tệp không phải bảng tính. Dùng tệp Excel (.xlsx) hoặc CSV theo mẫu.',
    );
  return kind;
}

function csvRows(buf: Buffer): ImportRow[] {
  let text = buf.toString('utf8');
  const first = text.split(/\r?\n/)[0] ?? '';
  if (!first.includes(',') && first.includes(';')) text = text.replace(/;/g, ',');
  return parseCsv(text);
}

/** The sheet's rows with booleans written as words, converted in place (no copy of a large grid). */
function xlsxRows(rows: SheetRow[]): ImportRow[] {
  for (const r of rows)
    for (let i = 0; i < r.cells.length; i++) {
      const c = r.cells[i];
      if (typeof c === 'boolean') r.cells[i] = c ? 'TRUE' : 'FALSE';
    }
  return rows as ImportRow[];
}

function notSpreadsheet(err: unknown): never {
  // A file over the limits says so (413, with the limits); anything else is not a spreadsheet.
  if (err instanceof AppError) throw err;
  throw errors.badRequest(
    'FILE_NOT_SPREADSHEET',
    'Không đọc được tệp Excel. Mở bằng Excel, lưu lại dạng .xlsx rồi nhập lại.',
  );
}

/** The header row matched to the template, and the data rows under it. */
function toSheet<K extends string>(grid: ImportRow[], template: Template<K>): ImportSheet<K> {
  const blank = (r: ImportRow) => !r.cells.some((c) => c !== null && String(c).trim() !== '');
  const headerRow = grid.find((r) => !blank(r));
  if (!headerRow) throw errors.badRequest('FILE_EMPTY', 'Tệp không có dữ liệu. Điền theo mẫu rồi nhập lại.');
  const headers = headerRow.cells.map((c) => (c === null ? '' : String(c)));
  const byKey = new Map<string, K>();
  for (const c of template) for (const h of [c.header, ...(c.aliases ?? [])]) byKey.set(searchKey(h), c.key);
  const columns: Partial<Record<K, number>> = {};
  headers.forEach((h, i) => {
    const k = byKey.get(searchKey(h));
    if (k && columns[k] === undefined) columns[k] = i;
  });
  const missing = template.filter((c) => c.required && columns[c.key] === undefined).map((c) => c.header);
  if (missing.length)
    throw errors.badRequest(
      'FILE_MISSING_COLUMNS',
      `Tệp thiếu cột bắt buộc: ${missing.join(', ')}. Dòng đầu tiên phải là tiêu đề như trong tệp mẫu.`,
      missing.map((m) => ({ path: `column ${m}`, message: 'Thiếu cột bắt buộc' })),
    );
  return { headers, columns, rows: grid.filter((r) => r.line > headerRow.line && !blank(r)) };
}

/**
 * A module's import file read into a header and rows, for any module's template: XLSX through
 * the fast reader of xlsx-read.ts, unzipped and scanned in a worker thread (readFirstSheetOffThread),
 * so an upload never stalls the server; or CSV. `columns` maps each template key to the header's
 * column index, headers matched without accents or case ("So CCCD" = "Số CCCD"); a missing
 * required column, a file that is not a spreadsheet or one too large is refused with a message
 * that says what to do.
 */
export async function readImportFileOffThread<K extends string>(
  buf: Buffer,
  template: Template<K>,
): Promise<ImportSheet<K>> {
  if (fileKind(buf) === 'csv') return toSheet(csvRows(buf), template);
  let grid: ImportRow[];
  try {
    grid = xlsxRows(await readFirstSheetOffThread(buf));
  } catch (err) {
    notSpreadsheet(err);
  }
  return toSheet(grid, template);
}

/** The rejected rows as they came, plus a column saying what is wrong in each (the error file). */
export async function rejectedRowsXlsx(
  headers: string[],
  rows: { cells: ImportCell[]; problems: string[] }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dòng bị từ chối');
  ws.addRow([...headers, 'Lỗi cần sửa']).font = { bold: true };
  for (const r of rows) ws.addRow([...headers.map((_, i) => r.cells[i] ?? null), r.problems.join('; ')]);
  ws.columns.forEach((c, i) => {
    c.width = i === headers.length ? 80 : 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A template workbook: the data sheet holds only the headers (bold, required ones shaded), so
 * nothing in it imports by mistake; the example row sits on a second sheet, "Hướng dẫn", which the
 * import never reads (only the first sheet is read).
 */
export async function templateWorkbook(
  sheet: string,
  template: readonly { header: string; required?: boolean; example?: string }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(template.map((c) => c.header)).font = { bold: true };
  template.forEach((c, i) => {
    ws.getColumn(i + 1).width = 20;
    ws.getColumn(i + 1).numFmt = '@';
    if (c.required)
      ws.getRow(1).getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  });
  const help = wb.addWorksheet('Hướng dẫn');
  help.addRow([
    `Điền từ dòng 2 của trang "${sheet}". Cột tô vàng là bắt buộc. Dòng dưới đây chỉ là ví dụ, không được nhập.`,
  ]);
  help.addRow(template.map((c) => c.header)).font = { bold: true };
  help.addRow(template.map((c) => c.example ?? ''));
  template.forEach((_, i) => (help.getColumn(i + 1).width = 20));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
