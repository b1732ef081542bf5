import { inflateRawSync } from 'node:zlib';
import { Worker } from 'node:worker_threads';
import { AppError } from './errors.js';

export type SheetCell = string | number | boolean | Date | null;
export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  line: number;
  cells: SheetCell[];
}

/**
 * A small, fast reader for the first worksheet of an XLSX file: the ZIP directory, shared
 * strings, cell styles (to tell dates from numbers) and the sheet's XML, scanned with regular
 * expressions. exceljs's streaming reader takes about 6 s for 100,000 rows; this takes well
 * under one (see bench/). Writing files stays with exceljs.
 */
export function readFirstSheet(buf: Buffer, limits: SheetLimits = DEFAULT_SHEET_LIMITS): SheetRow[] {
  const zip = unzipDirectory(buf);
  // A ZIP says how large each part unpacks to; a bomb says little and unpacks to gigabytes, so
  // the declared sizes are checked first and every inflation is capped by what is left.
  let budget = limits.maxUncompressedBytes;
  for (const e of zip.values()) if (e.uncompressedSize > budget) throw tooLarge(limits);
  const read = (name: string): string | null => {
    const e = zip.get(name);
    if (!e) return null;
    const data = entryData(buf, e, budget, limits);
    budget -= data.length;
    return data.toString('utf8');
  };
  const workbook = read('xl/workbook.xml') ?? '';
  const date1904 = /<(?:\w+:)?workbookPr[^>]*date1904="(?:1|true)"/.test(workbook);
  const sheetPath = firstSheetPath(workbook, read('xl/_rels/workbook.xml.rels') ?? '');
  const sheet = read(sheetPath) ?? read('xl/worksheets/sheet1.xml');
  if (sheet === null) throw new Error('XLSX has no worksheet');
  let rowCount = 0;
  for (let i = sheet.indexOf('<row'); i >= 0; i = sheet.indexOf('<row', i + 4)) {
    if (++rowCount > limits.maxRows + 1) throw tooLarge(limits);
  }
  const strings = sharedStrings(read('xl/sharedStrings.xml'));
  const dateStyles = dateStyleFlags(read('xl/styles.xml'));
  return sheetRows(sheet, strings, dateStyles, date1904);
}

/** What one uploaded sheet may hold; the limits are stated in the refusal. */
export interface SheetLimits {
  /** All parts of the file, unpacked. */
  maxUncompressedBytes: number;
  /** Data rows, after the header. */
  maxRows: number;
}

/** 256 MB unpacked and 200.000 rows: twice the largest real import (a province's 100.000 persons). */
export const DEFAULT_SHEET_LIMITS: SheetLimits = { maxUncompressedBytes: 256 * 1024 * 1024, maxRows: 200_000 };

const fmt = (n: number) => n.toLocaleString('vi-VN');

function tooLarge(limits: SheetLimits): AppError {
  return new AppError(
    413,
    'FILE_TOO_LARGE',
    `Tệp Excel quá lớn: mỗi tệp tối đa ${fmt(limits.maxRows)} dòng và ${fmt(Math.round(limits.maxUncompressedBytes / 1024 / 1024))} MB dữ liệu khi giải nén. Chia tệp thành nhiều phần (ví dụ theo xã) rồi nhập từng phần.`,
  );
}

interface ZipEntry {
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

function unzipDirectory(buf: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a ZIP file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt ZIP directory');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    out.set(name.replace(/^\//, ''), { method, compressedSize, uncompressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function entryData(buf: Buffer, e: ZipEntry, budget: number, limits: SheetLimits): Buffer {
  const p = e.localOffset;
  if (buf.readUInt32LE(p) !== 0x04034b50) throw new Error('corrupt ZIP entry');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (data.length > budget) throw tooLarge(limits);
    return data;
  }
  if (e.method === 8) {
    try {
      return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limits);
      throw err;
    }
  }
  throw new Error(`unsupported ZIP compression ${e.method}`);
}

function firstSheetPath(workbook: string, rels: string): string {
  const sheet =
    /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook) ?? /<(?:\w+:)?sheet\b[^>]*\bid="([^"]+)"/.exec(workbook);
  if (sheet) {
    const re = new RegExp(`<Relationship\\b[^>]*Id="${sheet[1]}"[^>]*Target="([^"]+)"`);
    const alt = new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${sheet[1]}"`);
    const target = (re.exec(rels) ?? alt.exec(rels))?.[1];
    if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  }
  return 'xl/worksheets/sheet1.xml';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) =>
      e[0] === '#'
        ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
        : (ENTITIES[e] ?? m),
    )
    .replace(/_x([0-9a-fA-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Text of all <t> runs in a fragment (rich text), ignoring phonetic runs. */
function runsText(fragment: string): string {
  const clean = fragment.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  const re = /<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
  for (let m = re.exec(clean); m; m = re.exec(clean)) out += m[1] ?? '';
  return decode(out);
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\s*\/>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] === undefined ? '' : runsText(m[1]));
  return out;
}

/** Built-in number formats that are dates (ECMA-376 §18.8.30), and date-like custom formats. */
const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);
function dateStyleFlags(xml: string | null): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, boolean>();
  const fmtRe = /<(?:\w+:)?numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g;
  for (let m = fmtRe.exec(xml); m; m = fmtRe.exec(xml)) {
    const code = decode(m[2]!).replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
    custom.set(Number(m[1]), /[dmy]/i.test(code) && !/^[#0.,%\s]*$/.test(code));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  const out: boolean[] = [];
  const xfRe = /<(?:\w+:)?xf\b([^>]*)/g;
  for (let m = xfRe.exec(xfs); m; m = xfRe.exec(xfs)) {
    const id = Number(/numFmtId="(\d+)"/.exec(m[1]!)?.[1] ?? 0);
    out.push(BUILTIN_DATES.has(id) || custom.get(id) === true);
  }
  return out;
}

function colIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function serialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86_400_000));
}

/** Attributes in the order Excel and most writers use (r, s, t): one regex per cell. */
const FAST_CELL =
  /<c r="([A-Z]+)\d+"(?: s="(\d+)")?(?: t="(\w+)")?\s*(?:\/>|>(?:<f>[^<]*<\/f>|<f\/>)?(?:<v>([^<]*)<\/v>|<is>([\s\S]*?)<\/is>)?<\/c>)/g;

function cellValue(
  type: string | undefined,
  v: string | undefined,
  inline: string | undefined,
  style: number,
  strings: string[],
  dateStyles: boolean[],
  date1904: boolean,
): SheetCell {
  if (type === 's') return v === undefined ? null : (strings[Number(v)] ?? null);
  if (type === 'inlineStr') return inline === undefined ? null : runsText(inline);
  if (type === 'str') return v === undefined ? null : decode(v);
  if (type === 'b') return v === '1';
  if (type === 'e') return null;
  if (v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? (dateStyles[style] ? serialToDate(n, date1904) : n) : decode(v);
}

function sheetRows(xml: string, strings: string[], dateStyles: boolean[], date1904: boolean): SheetRow[] {
  const rows: SheetRow[] = [];
  const rowRe = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
  const cellRe = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  let lastLine = 0;
  for (let rm = rowRe.exec(xml); rm; rm = rowRe.exec(xml)) {
    const rAttr = /\br="(\d+)"/.exec(rm[1]!);
    const line = rAttr ? Number(rAttr[1]) : lastLine + 1;
    lastLine = line;
    const body = rm[2];
    if (!body) continue;
    const cells: SheetCell[] = [];
    // Fast path: every cell of the row matches the common attribute order back to back.
    FAST_CELL.lastIndex = 0;
    let pos = 0;
    let fast = true;
    for (let fm = FAST_CELL.exec(body); fm; fm = FAST_CELL.exec(body)) {
      if (fm.index !== pos) {
        fast = false;
        break;
      }
      pos = FAST_CELL.lastIndex;
      cells[colIndex(fm[1]!)] = cellValue(
        fm[3],
        fm[4],
        fm[5],
        fm[2] ? Number(fm[2]) : 0,
        strings,
        dateStyles,
        date1904,
      );
    }
    if (!fast || pos !== body.length) {
      cells.length = 0;
      let next = 0;
      cellRe.lastIndex = 0;
      for (let cm = cellRe.exec(body); cm; cm = cellRe.exec(body)) {
        const attrs = cm[1]!;
        const ref = /\br="([A-Z]+)\d*"/.exec(attrs);
        const col = ref ? colIndex(ref[1]!) : next;
        next = col + 1;
        const inner = cm[2];
        if (inner === undefined) continue;
        const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
        const inline = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1];
        const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0);
        cells[col] = cellValue(/\bt="(\w+)"/.exec(attrs)?.[1], v, inline, style, strings, dateStyles, date1904);
      }
    }
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows.push({ line, cells });
  }
  return rows;
}

/**
 * `readFirstSheet` in a worker thread, so that unzipping and scanning a large upload never holds
 * the event loop (the machine has cores to spare; other requests keep being answered). The worker
 * has its own memory ceiling: a file that slips past the limits kills the worker, not the server.
 * From TypeScript source (tests, tsx) the worker is started through tsx.
 */
export function readFirstSheetOffThread(buf: Buffer, limits: SheetLimits = DEFAULT_SHEET_LIMITS): Promise<SheetRow[]> {
  const fromSource = import.meta.url.endsWith('.ts');
  const script = new URL(fromSource ? './xlsx-worker.ts' : './xlsx-worker.js', import.meta.url);
  const options = { workerData: { buf, limits }, resourceLimits: { maxOldGenerationSizeMb: 1536 } };
  const worker = fromSource
    ? new Worker(
        `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(script.href)}); });`,
        { ...options, eval: true },
      )
    : new Worker(script, options);
  return new Promise((resolve, reject) => {
    const rows: SheetRow[] = [];
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on(
      'message',
      (m: { rows?: SheetRow[]; done?: true; error?: { status?: number; code?: string; message: string } }) => {
        if (m.rows) for (const r of m.rows) rows.push(r);
        else if (m.done) finish(() => resolve(rows));
        else if (m.error)
          finish(() =>
            reject(
              m.error!.code
                ? new AppError(m.error!.status!, m.error!.code, m.error!.message)
                : new Error(m.error!.message),
            ),
          );
      },
    );
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`xlsx worker exited with code ${code}`))));
  });
}
