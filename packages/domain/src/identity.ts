/**
 * Citizen ID numbers: the 12-digit personal ID (số định danh cá nhân, printed on the CCCD / thẻ
 * căn cước) and the old 9-digit identity card (CMND). See docs/legal/identity.md.
 */

/** Sex as recorded on a person's file. */
export type Sex = 'male' | 'female';

/** One province (before the July 2025 merger) where a birth can have been registered. */
export interface BirthRegistrationProvince {
  /** Three-digit code, the first three digits of the personal ID. */
  readonly code: string;
  readonly name: string;
}

/**
 * Province codes of birth registration: digits 1–3 of the personal ID.
 *
 * Source: NĐ 137/2015/NĐ-CP, Art. 13; TT 07/2016/TT-BCA, replaced by TT 59/2021/TT-BCA, Art. 7.
 * [M] The legal text itself was not read: docs/legal/identity.md lists these 63 codes from six
 * third-party repositories that agree [R2]. These are the 63 provinces before the 2025 merger
 * (NQ 202/2025/QH15); the codes on cards already issued do not change, so this table stays valid
 * for existing IDs whatever happens to the administrative map. Births registered abroad get a
 * country code that is not in this table [M: the country list was not found].
 */
export const BIRTH_REGISTRATION_PROVINCES: readonly BirthRegistrationProvince[] = [
  { code: '001', name: 'Hà Nội' },
  { code: '002', name: 'Hà Giang' },
  { code: '004', name: 'Cao Bằng' },
  { code: '006', name: 'Bắc Kạn' },
  { code: '008', name: 'Tuyên Quang' },
  { code: '010', name: 'Lào Cai' },
  { code: '011', name: 'Điện Biên' },
  { code: '012', name: 'Lai Châu' },
  { code: '014', name: 'Sơn La' },
  { code: '015', name: 'Yên Bái' },
  { code: '017', name: 'Hòa Bình' },
  { code: '019', name: 'Thái Nguyên' },
  { code: '020', name: 'Lạng Sơn' },
  { code: '022', name: 'Quảng Ninh' },
  { code: '024', name: 'Bắc Giang' },
  { code: '025', name: 'Phú Thọ' },
  { code: '026', name: 'Vĩnh Phúc' },
  { code: '027', name: 'Bắc Ninh' },
  { code: '030', name: 'Hải Dương' },
  { code: '031', name: 'Hải Phòng' },
  { code: '033', name: 'Hưng Yên' },
  { code: '034', name: 'Thái Bình' },
  { code: '035', name: 'Hà Nam' },
  { code: '036', name: 'Nam Định' },
  { code: '037', name: 'Ninh Bình' },
  { code: '038', name: 'Thanh Hóa' },
  { code: '040', name: 'Nghệ An' },
  { code: '042', name: 'Hà Tĩnh' },
  { code: '044', name: 'Quảng Bình' },
  { code: '045', name: 'Quảng Trị' },
  { code: '046', name: 'Thừa Thiên Huế' },
  { code: '048', name: 'Đà Nẵng' },
  { code: '049', name: 'Quảng Nam' },
  { code: '051', name: 'Quảng Ngãi' },
  { code: '052', name: 'Bình Định' },
  { code: '054', name: 'Phú Yên' },
  { code: '056', name: 'Khánh Hòa' },
  { code: '058', name: 'Ninh Thuận' },
  { code: '060', name: 'Bình Thuận' },
  { code: '062', name: 'Kon Tum' },
  { code: '064', name: 'Gia Lai' },
  { code: '066', name: 'Đắk Lắk' },
  { code: '067', name: 'Đắk Nông' },
  { code: '068', name: 'Lâm Đồng' },
  { code: '070', name: 'Bình Phước' },
  { code: '072', name: 'Tây Ninh' },
  { code: '074', name: 'Bình Dương' },
  { code: '075', name: 'Đồng Nai' },
  { code: '077', name: 'Bà Rịa - Vũng Tàu' },
  { code: '079', name: 'Thành phố Hồ Chí Minh' },
  { code: '080', name: 'Long An' },
  { code: '082', name: 'Tiền Giang' },
  { code: '083', name: 'Bến Tre' },
  { code: '084', name: 'Trà Vinh' },
  { code: '086', name: 'Vĩnh Long' },
  { code: '087', name: 'Đồng Tháp' },
  { code: '089', name: 'An Giang' },
  { code: '091', name: 'Kiên Giang' },
  { code: '092', name: 'Cần Thơ' },
  { code: '093', name: 'Hậu Giang' },
  { code: '094', name: 'Sóc Trăng' },
  { code: '095', name: 'Bạc Liêu' },
  { code: '096', name: 'Cà Mau' },
];

const PROVINCE_BY_CODE: ReadonlyMap<string, string> = new Map(
  BIRTH_REGISTRATION_PROVINCES.map((p) => [p.code, p.name]),
);

/** What the 4th digit of a personal ID says: the sex and the 100 years the birth year falls in. */
export interface CenturySexCode {
  readonly digit: number;
  readonly sex: Sex;
  /** Century as the legal text counts it: "thế kỷ 20" is 1900–1999. */
  readonly century: number;
  readonly firstYear: number;
  readonly lastYear: number;
}

/**
 * Century and sex code, the 4th digit of the personal ID: male 0/2/4/6/8, female 1/3/5/7/9 for
 * births in 1900–1999, 2000–2099, 2100–2199, 2200–2299 and 2300–2399.
 *
 * Source: NĐ 137/2015/NĐ-CP, Art. 13; TT 07/2016/TT-BCA, replaced by TT 59/2021/TT-BCA, Art. 7.
 * [M] Quoted identically by several repositories [R2]; the legal text itself was not read.
 */
export const CENTURY_SEX_CODES: readonly CenturySexCode[] = Array.from({ length: 10 }, (_v, digit) => {
  const firstYear = 1900 + Math.floor(digit / 2) * 100;
  return {
    digit,
    sex: digit % 2 === 0 ? ('male' as const) : ('female' as const),
    century: firstYear / 100 + 1,
    firstYear,
    lastYear: firstYear + 99,
  };
});

/** A problem found in an ID number; `code` is stable, `message` is for the officer. */
export interface IdProblem {
  readonly code: string;
  readonly message: string;
}

/** Result of checking an ID number. */
export interface IdCheckResult {
  /** True when no problem was found. */
  readonly ok: boolean;
  /** The digits only, when the input has the right number of digits. */
  readonly normalized?: string;
  readonly problems: IdProblem[];
}

/** What can be read from a personal ID number without any database. */
export interface DecodedCitizenId {
  readonly provinceCode: string;
  /** Null when the code is not one of the 63 provinces (for example, a birth registered abroad). */
  readonly provinceName: string | null;
  readonly sex: Sex;
  readonly birthYearTwoDigits: number;
  /** Century as the legal text counts it: 20 for 1900–1999, 21 for 2000–2099. */
  readonly century: number;
  readonly birthYearRangeStart: number;
  readonly birthYearRangeEnd: number;
  readonly birthYear: number;
}

// Officers copy numbers from photocopies, Excel and chat messages, where they come grouped as
// "070 085 000 123", "070.085.000.123" or "070-085-000-123". NFKC turns full-width digits into ASCII.
function stripSeparators(id: string): string {
  return id.normalize('NFKC').replace(/[\s.\-\u2010-\u2015_]/g, '');
}

const SEX_WORD: Record<Sex, string> = { male: 'nam', female: 'nữ' };

function centurySex(digit: number): CenturySexCode {
  return CENTURY_SEX_CODES[digit]!;
}

/**
 * Reads the birth-registration province, sex and birth year from a 12-digit personal ID.
 * Separators are ignored. Returns null when the input is not 12 digits.
 *
 * Source of the layout: NĐ 137/2015/NĐ-CP, Art. 13; TT 59/2021/TT-BCA, Art. 7 [M].
 */
export function decodeCitizenId(id: string): DecodedCitizenId | null {
  const digits = stripSeparators(id);
  if (!/^\d{12}$/.test(digits)) return null;
  const provinceCode = digits.slice(0, 3);
  const code = centurySex(Number(digits[3]));
  const birthYearTwoDigits = Number(digits.slice(4, 6));
  return {
    provinceCode,
    provinceName: PROVINCE_BY_CODE.get(provinceCode) ?? null,
    sex: code.sex,
    birthYearTwoDigits,
    century: code.century,
    birthYearRangeStart: code.firstYear,
    birthYearRangeEnd: code.lastYear,
    birthYear: code.firstYear + birthYearTwoDigits,
  };
}

/** Options for {@link checkCitizenId}. */
export interface CheckCitizenIdOptions {
  /** Date (YYYY-MM-DD) after which a birth year is impossible; usually today in Vietnam. */
  readonly today?: string;
}

/**
 * Checks a 12-digit personal ID (CCCD) and, when given, whether it agrees with the person's file:
 * digit 4 gives the sex and century, digits 5–6 the last two digits of the birth year.
 *
 * Problem codes: `ID_EMPTY`, `ID_NOT_DIGITS`, `ID_LENGTH`, `ID_PROVINCE_UNKNOWN`,
 * `ID_BIRTH_YEAR_FUTURE` (only with `options.today`), `ID_CENTURY_SEX_MISMATCH` (digit 4 puts the
 * birth in another century than the file), `ID_SEX_MISMATCH`, `ID_YEAR_MISMATCH` (digits 5–6).
 * There is no check digit, so a number that passes can still be someone else's.
 *
 * Source: NĐ 137/2015/NĐ-CP, Art. 13; TT 59/2021/TT-BCA, Art. 7 [M] (docs/legal/identity.md).
 */
export function checkCitizenId(
  id: string,
  person?: { gender?: Sex; birthYear?: number },
  options: CheckCitizenIdOptions = {},
): IdCheckResult {
  const digits = stripSeparators(id);
  if (digits === '') {
    return fail('ID_EMPTY', 'Chưa nhập số CCCD. Nhập đủ 12 chữ số in trên thẻ căn cước hoặc CCCD.');
  }
  if (!/^\d+$/.test(digits)) {
    return fail(
      'ID_NOT_DIGITS',
      `Số CCCD "${id.trim()}" có ký tự không phải chữ số. Số CCCD chỉ gồm 12 chữ số; kiểm tra lại trên thẻ.`,
    );
  }
  if (digits.length !== 12) {
    let hint = ' Kiểm tra lại trên thẻ.';
    if (digits.length === 9) {
      hint = ' Số có 9 chữ số là số CMND cũ: hãy nhập số CCCD 12 chữ số của người này.';
    } else if (digits.length === 10 || digits.length === 11) {
      hint =
        ' Nếu số được chép từ Excel, các chữ số 0 ở đầu có thể đã bị mất: định dạng cột là Văn bản (Text) rồi nhập lại.';
    }
    return fail('ID_LENGTH', `Số CCCD phải có 12 chữ số, số đã nhập có ${digits.length} chữ số.${hint}`);
  }

  const problems: IdProblem[] = [];
  const decoded = decodeCitizenId(digits)!;
  const code = centurySex(Number(digits[3]));
  const rangeText = `${code.firstYear}–${code.lastYear}`;

  if (decoded.provinceName === null) {
    problems.push({
      code: 'ID_PROVINCE_UNKNOWN',
      message:
        `3 chữ số đầu của số CCCD (${decoded.provinceCode}) không phải mã tỉnh, thành phố nào. ` +
        'Kiểm tra lại số CCCD; nếu người này đăng ký khai sinh ở nước ngoài, đối chiếu với thẻ.',
    });
  }
  if (options.today !== undefined && decoded.birthYear > Number(options.today.slice(0, 4))) {
    problems.push({
      code: 'ID_BIRTH_YEAR_FUTURE',
      message:
        `Chữ số thứ 4–6 của số CCCD (${digits.slice(3, 6)}) cho biết năm sinh ${decoded.birthYear}, ` +
        'là năm chưa tới. Kiểm tra lại số CCCD.',
    });
  }
  const birthYear = person?.birthYear;
  if (birthYear !== undefined && (birthYear < code.firstYear || birthYear > code.lastYear)) {
    problems.push({
      code: 'ID_CENTURY_SEX_MISMATCH',
      message:
        `Chữ số thứ 4 của số CCCD (${code.digit}) cho biết người này sinh năm ${rangeText}, ` +
        `nhưng hồ sơ ghi năm sinh ${birthYear}. Kiểm tra lại năm sinh hoặc số CCCD.`,
    });
  }
  if (person?.gender !== undefined && person.gender !== code.sex) {
    problems.push({
      code: 'ID_SEX_MISMATCH',
      message:
        `Chữ số thứ 4 của số CCCD (${code.digit}) cho biết người này là ${SEX_WORD[code.sex]} sinh năm ${rangeText}, ` +
        `nhưng hồ sơ ghi là ${SEX_WORD[person.gender]}. Kiểm tra lại giới tính hoặc số CCCD.`,
    });
  }
  if (birthYear !== undefined && birthYear % 100 !== decoded.birthYearTwoDigits) {
    problems.push({
      code: 'ID_YEAR_MISMATCH',
      message:
        `Chữ số thứ 5–6 của số CCCD (${digits.slice(4, 6)}) là hai số cuối của năm sinh, ` +
        `nhưng hồ sơ ghi năm sinh ${birthYear}. Kiểm tra lại năm sinh hoặc số CCCD.`,
    });
  }
  return { ok: problems.length === 0, normalized: digits, problems };
}

function fail(code: string, message: string): IdCheckResult {
  return { ok: false, problems: [{ code, message }] };
}

/**
 * Checks an old identity card number (CMND): 9 digits. Problem codes: `CMND_EMPTY`,
 * `CMND_NOT_DIGITS`, `CMND_LENGTH`. Nothing else can be checked: the number carries no sex or year.
 *
 * [M] docs/legal/identity.md marks "9 digits" as unverified. Some CMND issued in the 2010s had 12
 * digits in the personal-ID layout [M]; those are checked with {@link checkCitizenId} instead.
 * CMND cards stopped being valid after 31/12/2024 (Luật Căn cước 26/2023/QH15) [M], but old numbers
 * are still needed to match people in older records, so this check does not look at dates.
 */
export function checkOldIdCard(id: string): IdCheckResult {
  const digits = stripSeparators(id);
  if (digits === '') {
    return fail('CMND_EMPTY', 'Chưa nhập số CMND. Nhập đủ 9 chữ số in trên chứng minh nhân dân.');
  }
  if (!/^\d+$/.test(digits)) {
    return fail(
      'CMND_NOT_DIGITS',
      `Số CMND "${id.trim()}" có ký tự không phải chữ số. Số CMND chỉ gồm 9 chữ số; kiểm tra lại trên giấy.`,
    );
  }
  if (digits.length !== 9) {
    const hint =
      digits.length === 12
        ? ' Số có 12 chữ số là số CCCD (số định danh cá nhân): hãy nhập vào ô số CCCD.'
        : ' Kiểm tra lại trên chứng minh nhân dân.';
    return fail('CMND_LENGTH', `Số CMND phải có 9 chữ số, số đã nhập có ${digits.length} chữ số.${hint}`);
  }
  return { ok: true, normalized: digits, problems: [] };
}

/**
 * Masks an ID number for lists that are published or posted in public (for example at the commune
 * office), showing only the last 3 digits: "070085000123" → "*********123". ID numbers are basic
 * personal data under NĐ 13/2023/NĐ-CP, Art. 2(3)(g). Separators are dropped first; an input of 3
 * characters or fewer is masked entirely so that nothing is shown in full.
 */
export function maskCitizenId(id: string): string {
  const chars = Array.from(stripSeparators(id));
  if (chars.length <= 3) return '*'.repeat(chars.length);
  return '*'.repeat(chars.length - 3) + chars.slice(-3).join('');
}
