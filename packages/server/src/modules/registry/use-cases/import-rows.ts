import {
  birthYearOf,
  checkCitizenId,
  checkOldIdCard,
  citizenIdProblems,
  cleanPersonName,
  cleanText,
  findEthnicGroup,
  normalizeCitizenId,
  parsePartialDate,
  personKeys,
  searchKey,
  type Gender,
  type ImportCounts,
  type Relation,
} from '@ansinh/domain';
import type { NewPerson, PersonRow } from '../repo/index.js';
import { IMPORT_COLUMNS, type Cell, type ColumnMap, type ImportKey, type RawRow } from '../registry.sheet.js';

const EXAMPLE = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.example])) as Record<ImportKey, string>;
/** The template's example row left in the file: it names a made-up person and must not import. */
const EXAMPLE_ROW_PROBLEM =
  'Đây là dòng mẫu của tệp mẫu (Nguyễn Văn An, CCCD 070050000123), không phải người thật: xoá dòng này rồi kiểm tra lại.';

const RELATIONS: Record<string, Relation> = {
  'chu ho': 'head',
  vo: 'spouse',
  chong: 'spouse',
  'vo/chong': 'spouse',
  con: 'child',
  'con de': 'child',
  'con nuoi': 'child',
  bo: 'parent',
  me: 'parent',
  cha: 'parent',
  'bo/me': 'parent',
  chau: 'grandchild',
  ong: 'grandparent',
  ba: 'grandparent',
  anh: 'sibling',
  chi: 'sibling',
  em: 'sibling',
  'con dau': 'child_in_law',
  re: 'child_in_law',
  'con re': 'child_in_law',
  khac: 'other',
};
const GENDERS: Record<string, Gender> = {
  nam: 'male',
  nu: 'female',
  m: 'male',
  f: 'female',
  male: 'male',
  female: 'female',
  '1': 'male',
  '0': 'female',
};
const DISABILITY: Record<string, string> = { nhe: 'mild', nang: 'severe', 'dac biet nang': 'especially_severe' };
const RESIDENCE: Record<string, string> = { 'thanh thi': 'urban', 'do thi': 'urban', 'nong thon': 'rural' };

const PLAIN = /^[!-~](?:[!-~]| (?! ))*$/;
const text = (c: Cell | undefined): string => {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return Number.isInteger(c) ? c.toFixed(0) : String(c);
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  const s = String(c);
  // Most cells (codes, dates, phone numbers) are plain ASCII with single spaces: nothing to clean.
  return PLAIN.test(s) && !s.endsWith(' ') ? s : s.normalize('NFC').replace(/\s+/g, ' ').trim();
};
/** Codes typed in a number-formatted Excel column lose their leading zero: put it back. */
const code = (c: Cell | undefined, len: number): string => {
  const s = text(c).replace(/[\s.]/g, '');
  return typeof c === 'number' && s.length < len ? s.padStart(len, '0') : s;
};

export type NewPersonFields = Omit<NewPerson, 'household_id' | 'created_at' | 'updated_at' | 'merged_into_id'>;

/** A row that passed the checks of its own cells, waiting to be matched with the registry. */
export interface ValidRow {
  line: number;
  original: Cell[];
  householdRef: string;
  person: NewPersonFields;
  address: string | null;
  residence: string;
  match?: PersonRow;
  outcome?: 'new' | 'updated' | 'unchanged';
}

export type RejectedRow = { line: number; original: Cell[]; problems: string[] };
export type Progress = { done: number; total: number };
export type HouseholdMap = Map<
  string,
  { id: number; province_code: string; district_code: string | null; commune_code: string }
>;

export interface ImportResult {
  counts: ImportCounts;
  rejected: { line: number; problems: string[] }[];
  rejectedFile: Buffer | null;
}

/** A household code of the registry ('25213-000042'), as opposed to a file-local one ('H01'). */
export const HOUSEHOLD_CODE = /^\d{5}-\d{6}$/;

/** What checking one row needs besides the row: the communes in scope, and what earlier rows held. */
export interface RowContext {
  columns: ColumnMap;
  communes: Map<string, { code: string; path: string; type: string }>;
  today: string;
  idLines: Map<string, number>;
  nameCache: Map<string, string>;
}

/**
 * Check one row's cells, each problem in Vietnamese saying what to write instead: the row comes
 * back valid (with the person to store) or with its problems.
 */
export function parseRow(r: RawRow, x: RowContext): ValidRow | RejectedRow {
  const { columns, communes, today, idLines, nameCache } = x;
  const c = (k: ImportKey): Cell => {
    const i = columns[k];
    return i === undefined ? null : (r.original[i] ?? null);
  };
  const problems: string[] = [];
  if (text(c('fullName')) === EXAMPLE.fullName && text(c('citizenId')) === EXAMPLE.citizenId)
    return { line: r.line, original: r.original, problems: [EXAMPLE_ROW_PROBLEM] };
  const rawName = text(c('fullName'));
  let fullName = nameCache.get(rawName);
  if (fullName === undefined) {
    fullName = cleanPersonName(rawName);
    nameCache.set(rawName, fullName);
  }
  if (!fullName) problems.push('Thiếu họ và tên.');
  const gender = GENDERS[searchKey(text(c('gender')))];
  if (!gender) problems.push(`Giới tính "${text(c('gender'))}" không rõ: ghi Nam hoặc Nữ.`);
  const bd = parsePartialDate(
    c('birthDate') instanceof Date || typeof c('birthDate') === 'number' ? c('birthDate') : text(c('birthDate')),
    { today },
  );
  if (!bd.ok) problems.push(bd.message);
  const communeCode = code(c('communeCode'), 5);
  const commune = communes.get(communeCode);
  if (!commune)
    problems.push(communeCode ? `Mã xã ${communeCode} không có hoặc nằm ngoài địa bàn của bạn.` : 'Thiếu mã xã.');
  const citizenId = normalizeCitizenId(code(c('citizenId'), 12)) ?? null;
  // Every problem of the row at once: the ID's own form is checked even when the gender or the
  // birth date it is compared with is wrong.
  if (citizenId && gender && bd.ok)
    problems.push(...citizenIdProblems(citizenId, gender, birthYearOf(bd.value)).map((p) => p.message));
  else if (citizenId)
    problems.push(
      ...checkCitizenId(citizenId)
        .problems.filter((p) => p.code !== 'ID_PROVINCE_UNKNOWN')
        .map((p) => p.message),
    );
  if (citizenId) {
    const prev = idLines.get(citizenId);
    if (prev !== undefined) problems.push(`Số CCCD ${citizenId} trùng với dòng ${prev} trong cùng tệp.`);
    else idLines.set(citizenId, r.line);
  }
  const oldId = normalizeCitizenId(code(c('oldIdNumber'), 9)) ?? null;
  if (oldId) problems.push(...checkOldIdCard(oldId).problems.map((p) => p.message));
  let ethnicCode: string | null = null;
  if (text(c('ethnic'))) {
    ethnicCode = findEthnicGroup(text(c('ethnic')))?.code ?? null;
    if (!ethnicCode)
      problems.push(
        `Dân tộc "${text(c('ethnic'))}" không có trong danh mục 54 dân tộc: ghi tên (ví dụ Kinh, Xtiêng) hoặc mã 2 chữ số.`,
      );
  }
  let relation: Relation | null = null;
  if (text(c('relation'))) {
    relation = RELATIONS[searchKey(text(c('relation')))] ?? null;
    if (!relation)
      problems.push(
        `Quan hệ "${text(c('relation'))}" không rõ: ghi Chủ hộ, Vợ, Chồng, Con, Bố, Mẹ, Cháu, Ông, Bà, Anh, Chị, Em hoặc Khác.`,
      );
  }
  let phone: string | null = text(c('phone')).replace(/[\s.-]/g, '') || null;
  if (phone && typeof c('phone') === 'number' && !phone.startsWith('0')) phone = `0${phone}`;
  if (phone && !/^0\d{9,10}$/.test(phone))
    problems.push(`Số điện thoại "${text(c('phone'))}" không hợp lệ: 10–11 chữ số, bắt đầu bằng 0.`);
  let disability: string | null = null;
  if (text(c('disability'))) {
    disability = DISABILITY[searchKey(text(c('disability')))] ?? null;
    if (!disability)
      problems.push(`Mức khuyết tật "${text(c('disability'))}" không rõ: ghi Nhẹ, Nặng hoặc Đặc biệt nặng.`);
  }
  let deceasedOn: string | null = null;
  if (text(c('deceasedOn')) || c('deceasedOn') instanceof Date) {
    const d = parsePartialDate(
      c('deceasedOn') instanceof Date || typeof c('deceasedOn') === 'number' ? c('deceasedOn') : text(c('deceasedOn')),
      { today, label: 'Ngày mất' },
    );
    if (!d.ok) problems.push(d.message);
    else if (d.value.length !== 10) problems.push('Ngày mất cần đủ ngày/tháng/năm.');
    else deceasedOn = d.value;
  }
  let residence = commune && (commune.type === 'ward' || commune.type === 'township') ? 'urban' : 'rural';
  if (text(c('residence'))) {
    const rv = RESIDENCE[searchKey(text(c('residence')))];
    if (!rv) problems.push(`Khu vực "${text(c('residence'))}" không rõ: ghi Thành thị hoặc Nông thôn.`);
    else residence = rv;
  }
  const householdRef = text(c('householdRef'));
  if (!householdRef)
    problems.push('Thiếu mã hộ: ghi mã hộ đã có, hoặc một mã tạm (ví dụ H01) chung cho các thành viên cùng hộ.');
  if (problems.length || !gender || !bd.ok || !commune) return { line: r.line, original: r.original, problems };
  const parts = commune.path.split('/').filter(Boolean);
  return {
    line: r.line,
    original: r.original,
    householdRef,
    address: text(c('address')) ? cleanText(text(c('address'))) : null,
    residence,
    person: {
      relation,
      full_name: fullName,
      ...personKeys(fullName),
      gender,
      birth_date: bd.value,
      birth_year: birthYearOf(bd.value),
      citizen_id: citizenId,
      old_id_number: oldId,
      ethnic_code: ethnicCode,
      phone,
      disability,
      deceased_on: deceasedOn,
      moved_out_on: null,
      province_code: parts[0]!,
      district_code: parts.length === 3 ? parts[1]! : null,
      commune_code: communeCode,
      village: text(c('village')) ? cleanText(text(c('village'))) : null,
    },
  };
}
