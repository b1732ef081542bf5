/**
 * Lists for people outside the social registry (issue 19): support packages such as the 2021
 * Covid-19 package (NQ 68/NQ-CP, QĐ 23/2021/QĐ-TTg; docs/legal/covid-support.md and
 * docs/legal/outside-lists.md) pay workers without income, household businesses and people
 * stranded away from home from lists drawn up by employers or communes, not from the registry.
 * This file reads one row of such a list: the template's columns and every problem of the row,
 * each naming the column to fix. Matching to the registry and duplicates are the server's.
 */
import { checkCitizenId, decodeCitizenId, type Sex } from '../identity.js';
import { birthYearOf, parsePartialDate } from '../dates.js';
import { cleanPersonName, searchKey } from '../text.js';
import type { AmountRule } from './rules.js';

/** The columns of the import template, Vietnamese headers (what the officer sees in Excel). */
export const OUTSIDE_LIST_COLUMNS = [
  {
    key: 'citizenId',
    header: 'Số định danh cá nhân',
    aliases: ['Số CCCD', 'CCCD', 'Số định danh', 'Số CCCD/định danh'],
    required: true,
    hint: '12 chữ số in trên thẻ căn cước/CCCD; định dạng cột là Văn bản để giữ số 0 ở đầu.',
  },
  { key: 'fullName', header: 'Họ và tên', required: true, hint: 'Như trên thẻ căn cước.' },
  {
    key: 'birthDate',
    header: 'Ngày sinh',
    required: true,
    hint: 'ngày/tháng/năm (05/01/1990) hoặc chỉ năm sinh.',
  },
  { key: 'gender', header: 'Giới tính', hint: 'Nam hoặc Nữ; để trống thì lấy theo số định danh.' },
  {
    key: 'amount',
    header: 'Số tiền hỗ trợ',
    aliases: ['Số tiền', 'Mức hỗ trợ'],
    hint: 'Đồng, không quá mức của chương trình; để trống thì lấy mức của chương trình.',
  },
  {
    key: 'category',
    header: 'Nhóm đối tượng',
    aliases: ['Đối tượng', 'Diện hỗ trợ'],
    hint: 'Ví dụ: Lao động tạm hoãn hợp đồng; Hộ kinh doanh; Lao động tự do.',
  },
  { key: 'village', header: 'Thôn/ấp, địa chỉ', aliases: ['Thôn/ấp', 'Địa chỉ', 'Nơi ở'], hint: '' },
  {
    key: 'employerName',
    header: 'Tên đơn vị sử dụng lao động',
    aliases: ['Tên doanh nghiệp', 'Đơn vị', 'Nơi làm việc'],
    hint: 'Với danh sách do doanh nghiệp lập.',
  },
  { key: 'employerTaxCode', header: 'Mã số thuế', aliases: ['MST'], hint: '10 chữ số, hoặc 10 chữ số-3 chữ số.' },
] as const;
export type OutsideColumn = (typeof OUTSIDE_LIST_COLUMNS)[number]['key'];

/** What a cell of a spreadsheet can hold once read. */
export type OutsideCell = string | number | Date | null | undefined;

/** A problem of a row: the column to fix and what to do, in Vietnamese. */
export interface OutsideRowProblem {
  readonly field: OutsideColumn;
  readonly message: string;
}

/** A row that passed the checks, cleaned. */
export interface OutsideRow {
  readonly citizenId: string;
  readonly fullName: string;
  readonly nameKey: string;
  /** Partial date 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
  readonly birthDate: string;
  readonly birthYear: number;
  readonly gender: Sex;
  readonly amount: number;
  readonly category: string | null;
  readonly village: string | null;
  readonly employerName: string | null;
  readonly employerTaxCode: string | null;
}

/**
 * The most a list of the program may pay one person: the fixed amount, or the highest amount of a
 * by-category rule. Null for rules that are not a cash amount per person (gift tables, the
 * allowance formula, in-kind quantities): such programs do not take imported lists.
 */
export function importRate(amount: AmountRule): number | null {
  if (amount.type === 'fixed') return amount.amount;
  if (amount.type === 'by_category') {
    const all = Object.values(amount.amounts);
    return all.length ? Math.max(...all) : null;
  }
  return null;
}

const text = (c: OutsideCell): string => {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return Number.isInteger(c) ? c.toFixed(0) : String(c);
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).normalize('NFC').replace(/\s+/g, ' ').trim();
};

const GENDER_WORDS: Record<string, Sex> = { nam: 'male', nu: 'female', male: 'male', female: 'female' };

/** An amount as typed: 3710000, "3.710.000", "3,710,000", "3 710 000 đ". */
function amountOf(c: OutsideCell): number | null | 'bad' {
  if (c === null || c === undefined || (typeof c === 'string' && c.trim() === '')) return null;
  if (typeof c === 'number') return Number.isInteger(c) && c > 0 ? c : 'bad';
  const s = text(c)
    .replace(/\s*(đ|đồng|vnd|vnđ)$/i, '')
    .replace(/[\s.,]/g, '');
  if (!/^\d+$/.test(s)) return 'bad';
  const n = Number(s);
  return n > 0 && Number.isSafeInteger(n) ? n : 'bad';
}

const vnd = (n: number) => n.toLocaleString('vi-VN');

/**
 * One row of an imported list: the cleaned values, or every problem of the row (each naming its
 * column). `rate` is the program's {@link importRate}; an empty amount takes it, an amount above
 * it is refused; `fixedAmount` false (a by-category rule) makes an empty amount a problem.
 */
export function readOutsideRow(
  cells: Partial<Record<OutsideColumn, OutsideCell>>,
  opts: { rate: number; fixedAmount: boolean; today: string },
): { ok: true; row: OutsideRow } | { ok: false; problems: OutsideRowProblem[] } {
  const problems: OutsideRowProblem[] = [];
  const rawId = text(cells.citizenId);
  const idCheck = checkCitizenId(rawId, undefined, { today: opts.today });
  const citizenId = idCheck.normalized ?? '';
  const idProblems = idCheck.problems.filter((p) => p.code !== 'ID_PROVINCE_UNKNOWN');
  for (const p of idProblems) problems.push({ field: 'citizenId', message: p.message });

  const name = cleanPersonName(text(cells.fullName));
  if (!name) problems.push({ field: 'fullName', message: 'Chưa nhập họ và tên. Ghi họ tên như trên thẻ căn cước.' });
  else if (/\d/.test(name) || name.length > 100)
    problems.push({
      field: 'fullName',
      message: `Họ tên "${name.slice(0, 40)}" không hợp lệ (có chữ số hoặc quá dài).`,
    });

  const bd = parsePartialDate(cells.birthDate ?? null, { today: opts.today, label: 'Ngày sinh' });
  if (!bd.ok) problems.push({ field: 'birthDate', message: bd.message });

  const genderText = searchKey(text(cells.gender));
  let gender: Sex | null = null;
  if (genderText) {
    gender = GENDER_WORDS[genderText] ?? null;
    if (!gender) problems.push({ field: 'gender', message: `Giới tính "${text(cells.gender)}": ghi Nam hoặc Nữ.` });
  }
  const decoded = idProblems.length === 0 ? decodeCitizenId(citizenId) : null;
  if (decoded && bd.ok) {
    // The ID carries the sex and the birth year: a row that contradicts it has a typing error.
    const vsFile = checkCitizenId(citizenId, { birthYear: birthYearOf(bd.value), ...(gender ? { gender } : {}) });
    for (const p of vsFile.problems.filter((x) => x.code !== 'ID_PROVINCE_UNKNOWN'))
      problems.push({ field: p.code === 'ID_SEX_MISMATCH' ? 'gender' : 'birthDate', message: p.message });
  }

  const a = amountOf(cells.amount);
  let amount = 0;
  if (a === 'bad')
    problems.push({
      field: 'amount',
      message: `Số tiền "${text(cells.amount)}" không đọc được. Ghi số đồng, ví dụ 3710000.`,
    });
  else if (a === null) {
    if (opts.fixedAmount) amount = opts.rate;
    else
      problems.push({
        field: 'amount',
        message: 'Chưa ghi số tiền. Chương trình có nhiều mức: ghi mức của người này.',
      });
  } else if (a > opts.rate)
    problems.push({
      field: 'amount',
      message: `Số tiền ${vnd(a)} đồng cao hơn mức của chương trình (${vnd(opts.rate)} đồng). Sửa lại số tiền.`,
    });
  else amount = a;

  const tax = text(cells.employerTaxCode).replace(/\s/g, '');
  if (tax && !/^\d{10}(-\d{3})?$/.test(tax))
    problems.push({
      field: 'employerTaxCode',
      message: `Mã số thuế "${tax}" không hợp lệ: 10 chữ số, hoặc 10 chữ số-3 chữ số với chi nhánh.`,
    });

  if (problems.length || !bd.ok || !decoded) return { ok: false, problems };
  const opt = (c: OutsideCell, max: number) => text(c).slice(0, max) || null;
  return {
    ok: true,
    row: {
      citizenId,
      fullName: name,
      nameKey: searchKey(name),
      birthDate: bd.value,
      birthYear: birthYearOf(bd.value),
      gender: gender ?? decoded.sex,
      amount,
      category: opt(cells.category, 100),
      village: opt(cells.village, 200),
      employerName: opt(cells.employerName, 300),
      employerTaxCode: tax || null,
    },
  };
}

/**
 * Whether a registry person is the person of a row: the same name (accents and case aside) and a
 * birth date that agrees as far as both are known ("1990" agrees with "1990-01-05").
 */
export function sameOutsidePerson(
  row: { nameKey: string; birthDate: string },
  person: { name_key: string; birth_date: string },
): { name: boolean; birth: boolean } {
  const n = Math.min(row.birthDate.length, person.birth_date.length);
  return { name: row.nameKey === person.name_key, birth: row.birthDate.slice(0, n) === person.birth_date.slice(0, n) };
}
