import { AREA_TYPES, type AreaType } from '@ansinh/domain';
import { parseCsv } from '../../platform/csv.js';

export interface AreaRow {
  line: number;
  code: string;
  parentCode: string | null;
  type: AreaType;
  name: string;
}

export interface ParseProblem {
  line: number;
  message: string;
}

export type ParseResult =
  { ok: true; format: 'ansinh' | 'gso'; rows: AreaRow[] } | { ok: false; problems: ParseProblem[] };

const clean = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The level of an area type: 1 province, 2 district, 3 commune. */
export function levelOf(type: AreaType): 1 | 2 | 3 {
  switch (type) {
    case 'province':
    case 'city':
      return 1;
    case 'district':
    case 'town':
    case 'provincial_city':
    case 'urban_district':
    case 'municipal_city':
      return 2;
    default:
      return 3;
  }
}

const CODE_LEN: Record<1 | 2 | 3, number> = { 1: 2, 2: 3, 3: 5 };

/**
 * Read an area list in AnSinh's own format (`code,parent,type,name`) or in the layout of GSO's
 * published "Danh mục đơn vị hành chính" export (Tỉnh Thành Phố, Mã TP, Quận Huyện, Mã QH,
 * Phường Xã, Mã PX, Cấp — or the two-level one without the district columns). Every problem is
 * reported with its line; nothing is half-read.
 */
export function parseAreaList(text: string): ParseResult {
  const rows = parseCsv(text);
  const header = rows[0];
  if (!header)
    return { ok: false, problems: [{ line: 1, message: 'Tệp trống: cần dòng tiêu đề và ít nhất một đơn vị.' }] };
  const cols = header.cells.map((c) => clean(c).toLowerCase());
  if (cols.join(',') === 'code,parent,type,name') return parseOwn(rows.slice(1));
  if (cols.includes('mã tp') && cols.includes('mã px')) return parseGso(cols, rows.slice(1));
  return {
    ok: false,
    problems: [
      {
        line: header.line,
        message:
          'Không nhận ra định dạng: dòng đầu phải là "code,parent,type,name" (định dạng AnSinh) hoặc tiêu đề của tệp CSV Tổng cục Thống kê (Tỉnh Thành Phố, Mã TP, Quận Huyện, Mã QH, Phường Xã, Mã PX, Cấp).',
      },
    ],
  };
}

function checkRow(r: AreaRow, problems: ParseProblem[]): void {
  const need = CODE_LEN[levelOf(r.type)];
  if (!new RegExp(`^\\d{${need}}$`).test(r.code)) {
    problems.push({ line: r.line, message: `Mã "${r.code}" phải gồm đúng ${need} chữ số cho loại đơn vị này.` });
  }
  if (!r.name) problems.push({ line: r.line, message: 'Thiếu tên đơn vị.' });
  if (levelOf(r.type) === 1 && r.parentCode)
    problems.push({ line: r.line, message: 'Tỉnh/thành phố không có đơn vị cấp trên.' });
  if (levelOf(r.type) > 1 && !r.parentCode) problems.push({ line: r.line, message: 'Thiếu mã đơn vị cấp trên.' });
}

function parseOwn(body: { line: number; cells: string[] }[]): ParseResult {
  const problems: ParseProblem[] = [];
  const out: AreaRow[] = [];
  for (const { line, cells } of body) {
    if (cells.length !== 4) {
      problems.push({ line, message: `Dòng có ${cells.length} cột, cần đúng 4 cột: code,parent,type,name.` });
      continue;
    }
    const [code, parent, type, name] = cells.map(clean) as [string, string, string, string];
    if (!(AREA_TYPES as readonly string[]).includes(type)) {
      problems.push({ line, message: `Loại đơn vị "${type}" không hợp lệ; dùng một trong: ${AREA_TYPES.join(', ')}.` });
      continue;
    }
    const row: AreaRow = { line, code, parentCode: parent || null, type: type as AreaType, name };
    checkRow(row, problems);
    out.push(row);
  }
  return finish(out, problems, 'ansinh');
}

function typeFromName(name: string, level: 1 | 2): AreaType | null {
  const n = name.toLowerCase();
  if (level === 1) return n.startsWith('tỉnh') ? 'province' : n.startsWith('thành phố') ? 'city' : null;
  if (n.startsWith('huyện')) return 'district';
  if (n.startsWith('thị xã')) return 'town';
  if (n.startsWith('quận')) return 'urban_district';
  if (n.startsWith('thành phố')) return 'provincial_city';
  return null;
}

const COMMUNE_TYPES: Record<string, AreaType> = {
  xã: 'commune',
  phường: 'ward',
  'thị trấn': 'township',
  'đặc khu': 'special_zone',
  'đặc khu tại hải đảo': 'special_zone',
};

function parseGso(cols: string[], body: { line: number; cells: string[] }[]): ParseResult {
  const idx = (name: string) => cols.indexOf(name);
  const iProvName = cols.findIndex((c) => c.startsWith('tỉnh'));
  const iProv = idx('mã tp');
  const iDistName = cols.findIndex((c) => c.startsWith('quận'));
  const iDist = idx('mã qh');
  const iWardName = cols.findIndex((c) => c.startsWith('phường'));
  const iWard = idx('mã px');
  const iType = idx('cấp');
  const problems: ParseProblem[] = [];
  if (iProvName < 0 || iWardName < 0 || iType < 0) {
    return {
      ok: false,
      problems: [{ line: 1, message: 'Tệp GSO thiếu cột "Tỉnh Thành Phố", "Phường Xã" hoặc "Cấp".' }],
    };
  }
  const seen = new Map<string, AreaRow>();
  const out: AreaRow[] = [];
  const add = (r: AreaRow) => {
    const prev = seen.get(r.code);
    if (prev) {
      if (prev.name !== r.name || prev.parentCode !== r.parentCode) {
        problems.push({
          line: r.line,
          message: `Mã ${r.code} đã xuất hiện ở dòng ${prev.line} với tên hoặc đơn vị cấp trên khác.`,
        });
      }
      return;
    }
    seen.set(r.code, r);
    checkRow(r, problems);
    out.push(r);
  };
  for (const { line, cells } of body) {
    if (cells.length < cols.length) {
      problems.push({ line, message: `Dòng có ${cells.length} cột, cần ${cols.length} cột như dòng tiêu đề.` });
      continue;
    }
    const get = (i: number) => (i >= 0 ? clean(cells[i] ?? '') : '');
    const provName = get(iProvName);
    const provType = typeFromName(provName, 1);
    if (!provType) {
      problems.push({ line, message: `Tên "${provName}" không bắt đầu bằng "Tỉnh" hoặc "Thành phố".` });
      continue;
    }
    add({ line, code: get(iProv), parentCode: null, type: provType, name: provName });
    let parent = get(iProv);
    if (iDist >= 0 && get(iDist)) {
      const distName = get(iDistName);
      const distType = typeFromName(distName, 2);
      if (!distType) {
        problems.push({ line, message: `Tên "${distName}" không bắt đầu bằng Huyện, Thị xã, Quận hoặc Thành phố.` });
        continue;
      }
      add({ line, code: get(iDist), parentCode: parent, type: distType, name: distName });
      parent = get(iDist);
    }
    if (!get(iWard)) continue;
    const t = COMMUNE_TYPES[get(iType).toLowerCase()];
    if (!t) {
      problems.push({ line, message: `Cấp "${get(iType)}" không hợp lệ; cần Xã, Phường, Thị trấn hoặc Đặc khu.` });
      continue;
    }
    add({ line, code: get(iWard), parentCode: parent, type: t, name: get(iWardName) });
  }
  return finish(out, problems, 'gso');
}

function finish(rows: AreaRow[], problems: ParseProblem[], format: 'ansinh' | 'gso'): ParseResult {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const prev = seen.get(r.code);
    if (prev !== undefined && format === 'ansinh')
      problems.push({ line: r.line, message: `Mã ${r.code} trùng với dòng ${prev}.` });
    seen.set(r.code, r.line);
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ line: 2, message: 'Tệp không có đơn vị nào.' });
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return { ok: true, format, rows };
}
