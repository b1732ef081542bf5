import {
  SUPPLY_CATALOGUES,
  cleanPersonName,
  findEthnicGroup,
  isWorkingAge,
  parsePartialDate,
  searchKey,
  type Catalogue,
} from '@ansinh/domain';
import { codesOfCommune } from '../../../platform/authz.js';
import type { ImportCell } from '../../../platform/sheet-import.js';
import type { SupplyColumn } from '../employment.sheet.js';
import { supplyProblem } from './supply.js';

/**
 * Reading the rows of a labour supply import (use-cases/import-supply.ts), built for 200.000
 * rows: each cell is read once, and everything that repeats across rows (status words, communes,
 * dates of birth, the syllables of names) is computed once per distinct value and remembered for
 * the import. The answers are exactly those of the plain functions (cleanPersonName, searchKey,
 * the catalogue lookups): a name's cleaning and key are made syllable by syllable, as those
 * functions do.
 */
const cellText = (c: ImportCell | undefined): string => {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return Number.isInteger(c) ? c.toFixed(0) : String(c);
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).normalize('NFC').replace(/\s+/g, ' ').trim();
};

/** A function remembered by its argument for one import (up to a bound, so memory stays flat). */
export function memo<T>(fn: (s: string) => T, max = 50_000): (s: string) => T {
  const m = new Map<string, T>();
  return (s) => {
    const hit = m.get(s);
    if (hit !== undefined || m.has(s)) return hit as T;
    const v = fn(s);
    if (m.size < max) m.set(s, v);
    return v;
  };
}

const GENDERS: Record<string, string> = { nam: 'male', nu: 'female', male: 'male', female: 'female' };
/** Option lookup by unaccented label or code, built once per catalogue. */
const lookup = (c: Catalogue) => {
  const m = new Map<string, string>();
  for (const o of c.options) {
    m.set(searchKey(o.vi), o.code);
    m.set(o.code, o.code);
  }
  return m;
};
const LOOKUPS = Object.fromEntries(Object.entries(SUPPLY_CATALOGUES).map(([k, c]) => [k, lookup(c)])) as Record<
  keyof typeof SUPPLY_CATALOGUES,
  Map<string, string>
>;

export interface SupplyFields {
  schooling: string | null;
  qualification: string | null;
  field: string | null;
  employment_status: string;
  job_title: string | null;
  workplace_type: string | null;
  industry: string | null;
  work_address: string | null;
  previous_job: string | null;
  unemployment_duration: string | null;
  inactive_reason: string | null;
  needs: string;
  phone: string | null;
}
export const UPDATABLE = [
  'schooling',
  'qualification',
  'field',
  'employment_status',
  'job_title',
  'workplace_type',
  'industry',
  'work_address',
  'previous_job',
  'unemployment_duration',
  'inactive_reason',
  'needs',
  'phone',
] as const satisfies readonly (keyof SupplyFields)[];

export type ParsedSupplyRow =
  | { ok: false; problems: string[] }
  | {
      ok: true;
      citizenId: string;
      fullName: string;
      nameKey: string;
      birthDate: string;
      gender: string;
      ethnic: string | null;
      collectedOn: string;
      area: { province_code: string; district_code: string | null; commune_code: string };
      fields: SupplyFields;
    };

type Options = { today: string; communes: Map<string, string>; columns: Partial<Record<SupplyColumn, number>> };

/** A reader of rows for one import: `read(cells, seenLine)` gives the row's values or every problem in it. */
export function supplyRowReader({ today, communes, columns: col }: Options) {
  const at = (k: SupplyColumn) => (col[k] === undefined ? -1 : col[k]!);
  const ix = {
    citizenId: at('citizenId'),
    fullName: at('fullName'),
    birthDate: at('birthDate'),
    gender: at('gender'),
    ethnic: at('ethnic'),
    communeCode: at('communeCode'),
    collectedOn: at('collectedOn'),
    schooling: at('schooling'),
    qualification: at('qualification'),
    field: at('field'),
    employmentStatus: at('employmentStatus'),
    jobTitle: at('jobTitle'),
    workplaceType: at('workplaceType'),
    industry: at('industry'),
    workAddress: at('workAddress'),
    previousJob: at('previousJob'),
    unemploymentDuration: at('unemploymentDuration'),
    inactiveReason: at('inactiveReason'),
    needs: at('needs'),
    phone: at('phone'),
  };
  // Repeating words (a few dozen distinct values in a column) are cleaned once.
  const word = memo((s: string) => cellText(s));
  const get = (cells: ImportCell[], i: number): string => {
    if (i < 0) return '';
    const c = cells[i];
    return typeof c === 'string' ? word(c) : cellText(c);
  };
  const unique = (cells: ImportCell[], i: number): string => (i < 0 ? '' : cellText(cells[i]));
  const key = memo(searchKey);
  const syllableName = memo(cleanPersonName);
  const syllableKey = memo(searchKey);
  const birth = memo((s: string) => parsePartialDate(s, { today }));
  const collected = memo((s: string) => parsePartialDate(s, { today, label: 'Ngày thu thập' }));
  const ethnicOf = memo((s: string) => findEthnicGroup(s)?.code ?? null);
  const areaOf = memo((commune: string) => {
    const path = communes.get(commune);
    return path ? codesOfCommune(commune, path) : null;
  });
  const pickers = new Map<string, (raw: string) => string | null>();
  const pickerOf = (k: keyof typeof SUPPLY_CATALOGUES) => {
    let p = pickers.get(k);
    if (!p) {
      const m = LOOKUPS[k];
      p = memo((raw: string) => m.get(key(raw)) ?? m.get(raw) ?? null);
      pickers.set(k, p);
    }
    return p;
  };
  const needsOf = memo((raw: string): { codes: string; bad: string[] } => {
    const codes: string[] = [];
    const bad: string[] = [];
    for (const n of raw.split(/[;,]/)) {
      const t = n.trim();
      if (!t) continue;
      const code = LOOKUPS.needs.get(key(t));
      if (code) codes.push(code);
      else bad.push(t);
    }
    return { codes: [...new Set(codes)].join(','), bad };
  });
  /** Cleaned name and its search key, syllable by syllable (as cleanPersonName and searchKey do). */
  const nameOf = (raw: string): { name: string; key: string } => {
    let name = '';
    let k = '';
    for (const w of raw.split(' ')) {
      const n = syllableName(w);
      if (!n) continue;
      name = name ? `${name} ${n}` : n;
      const sk = syllableKey(n);
      if (sk) k = k ? `${k} ${sk}` : sk;
    }
    return { name, key: k };
  };

  return function read(cells: ImportCell[], duplicateOfLine: number | undefined): ParsedSupplyRow {
    const p: string[] = [];
    const cid = unique(cells, ix.citizenId).replace(/[\s.]/g, '');
    if (!/^\d{12}$/.test(cid)) p.push('Số định danh cá nhân phải có đúng 12 chữ số');
    else if (duplicateOfLine !== undefined)
      p.push(`Số định danh trùng với dòng ${duplicateOfLine} (mỗi người một hồ sơ)`);
    const { name: fullName, key: nameKey } = nameOf(unique(cells, ix.fullName));
    if (fullName.length < 2) p.push('Thiếu họ và tên');
    const birthCell = ix.birthDate < 0 ? null : (cells[ix.birthDate] ?? null);
    const bd = typeof birthCell === 'string' ? birth(birthCell) : parsePartialDate(birthCell, { today });
    if (!bd.ok) p.push(bd.message);
    const gender = GENDERS[key(get(cells, ix.gender))];
    if (!gender) p.push('Giới tính ghi "Nam" hoặc "Nữ"');
    const communeRaw = get(cells, ix.communeCode);
    const area = areaOf(communeRaw.padStart(5, '0'));
    if (!area) p.push(`Mã xã ${communeRaw} không có hoặc nằm ngoài địa bàn của bạn`);
    let collectedOn = today;
    if (get(cells, ix.collectedOn)) {
      const raw = cells[ix.collectedOn] ?? null;
      const c = typeof raw === 'string' ? collected(raw) : parsePartialDate(raw, { today, label: 'Ngày thu thập' });
      if (!c.ok || c.value.length !== 10) p.push('Ngày thu thập ghi dạng ngày/tháng/năm');
      else collectedOn = c.value;
    }
    if (bd.ok && !isWorkingAge(bd.value, collectedOn)) p.push('Chỉ thu thập thông tin người từ đủ 15 tuổi');
    const pick = (k: keyof typeof SUPPLY_CATALOGUES, i: number, label: string): string | null => {
      const raw = get(cells, i);
      if (!raw) return null;
      const code = pickerOf(k)(raw);
      if (!code) p.push(`${label} "${raw}" không có trong danh mục`);
      return code;
    };
    const status = pick('employmentStatus', ix.employmentStatus, 'Tình trạng việc làm');
    if (!get(cells, ix.employmentStatus)) p.push('Thiếu tình trạng việc làm');
    const needs = needsOf(get(cells, ix.needs));
    for (const n of needs.bad) p.push(`Nhu cầu "${n}" không có trong danh mục`);
    const ethnicRaw = get(cells, ix.ethnic);
    const ethnic = ethnicRaw ? ethnicOf(ethnicRaw) : null;
    if (ethnicRaw && !ethnic) p.push(`Dân tộc "${ethnicRaw}" không có trong danh mục 54 dân tộc`);
    const fields: SupplyFields = {
      schooling: pick('schooling', ix.schooling, 'Trình độ GDPT'),
      qualification: pick('qualification', ix.qualification, 'Trình độ CMKT'),
      field: get(cells, ix.field) || null,
      employment_status: status ?? 'inactive',
      job_title: get(cells, ix.jobTitle) || null,
      workplace_type: pick('workplaceType', ix.workplaceType, 'Loại hình nơi làm việc'),
      industry: get(cells, ix.industry) || null,
      work_address: unique(cells, ix.workAddress) || null,
      previous_job: get(cells, ix.previousJob) || null,
      unemployment_duration: pick('unemploymentDuration', ix.unemploymentDuration, 'Thời gian thất nghiệp'),
      inactive_reason: pick('inactiveReason', ix.inactiveReason, 'Lý do không tham gia HĐKT'),
      needs: needs.codes,
      phone: unique(cells, ix.phone) || null,
    };
    const conflict = supplyProblem(fields);
    if (conflict) p.push(conflict.message);
    if (p.length || !area || !bd.ok) return { ok: false, problems: p };
    return {
      ok: true,
      citizenId: cid,
      fullName,
      nameKey,
      birthDate: bd.value,
      gender: gender!,
      ethnic,
      collectedOn,
      area,
      fields,
    };
  };
}
