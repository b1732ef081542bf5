import { describe, it, expect } from 'vitest';
import {
  BIRTH_REGISTRATION_PROVINCES,
  CENTURY_SEX_CODES,
  checkCitizenId,
  checkOldIdCard,
  decodeCitizenId,
  maskCitizenId,
} from './identity.js';

const codes = (r: { problems: { code: string }[] }): string[] => r.problems.map((p) => p.code);

describe('legal tables (NĐ 137/2015 Art. 13; TT 59/2021/TT-BCA Art. 7)', () => {
  it('has the 63 pre-merger provinces, each code once', () => {
    expect(BIRTH_REGISTRATION_PROVINCES).toHaveLength(63);
    expect(new Set(BIRTH_REGISTRATION_PROVINCES.map((p) => p.code)).size).toBe(63);
    expect(BIRTH_REGISTRATION_PROVINCES.find((p) => p.code === '070')?.name).toBe('Bình Phước');
  });

  it('maps the 4th digit to sex and century: 0/1 for 1900–1999, 2/3 for 2000–2099', () => {
    expect(CENTURY_SEX_CODES[0]).toEqual({ digit: 0, sex: 'male', century: 20, firstYear: 1900, lastYear: 1999 });
    expect(CENTURY_SEX_CODES[3]).toEqual({ digit: 3, sex: 'female', century: 21, firstYear: 2000, lastYear: 2099 });
    expect(CENTURY_SEX_CODES[9]).toEqual({ digit: 9, sex: 'female', century: 24, firstYear: 2300, lastYear: 2399 });
  });
});

describe('checkCitizenId', () => {
  it('accepts a man born 1985 in Bình Phước: 070 0 85 …', () => {
    expect(checkCitizenId('070085000123', { gender: 'male', birthYear: 1985 })).toEqual({
      ok: true,
      normalized: '070085000123',
      problems: [],
    });
  });

  it('accepts a woman born 2003: 4th digit 3', () => {
    expect(checkCitizenId('001303004567', { gender: 'female', birthYear: 2003 }).ok).toBe(true);
  });

  it('strips spaces, dots and dashes typed or pasted with the number', () => {
    expect(checkCitizenId(' 070 085 000 123 ').normalized).toBe('070085000123');
    expect(checkCitizenId('070.085.000.123').normalized).toBe('070085000123');
    expect(checkCitizenId('070-085-000-123').normalized).toBe('070085000123');
  });

  it('explains a sex mismatch with the digit, its meaning and what to check', () => {
    const result = checkCitizenId('070085000123', { gender: 'female', birthYear: 1985 });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        code: 'ID_SEX_MISMATCH',
        message:
          'Chữ số thứ 4 của số CCCD (0) cho biết người này là nam sinh năm 1900–1999, nhưng hồ sơ ghi là nữ. ' +
          'Kiểm tra lại giới tính hoặc số CCCD.',
      },
    ]);
  });

  it('explains a birth year whose last two digits differ from digits 5–6', () => {
    const result = checkCitizenId('070085000123', { birthYear: 1958 });
    expect(result.problems).toEqual([
      {
        code: 'ID_YEAR_MISMATCH',
        message:
          'Chữ số thứ 5–6 của số CCCD (85) là hai số cuối của năm sinh, nhưng hồ sơ ghi năm sinh 1958. ' +
          'Kiểm tra lại năm sinh hoặc số CCCD.',
      },
    ]);
  });

  it('explains a birth year in another century than the 4th digit says', () => {
    const result = checkCitizenId('070203000123', { gender: 'male', birthYear: 1903 });
    expect(codes(result)).toEqual(['ID_CENTURY_SEX_MISMATCH']);
    expect(result.problems[0]?.message).toBe(
      'Chữ số thứ 4 của số CCCD (2) cho biết người này sinh năm 2000–2099, nhưng hồ sơ ghi năm sinh 1903. ' +
        'Kiểm tra lại năm sinh hoặc số CCCD.',
    );
  });

  it('refuses a wrong length and hints at an old CMND or at zeros lost in Excel', () => {
    expect(checkCitizenId('123456789').problems).toEqual([
      {
        code: 'ID_LENGTH',
        message:
          'Số CCCD phải có 12 chữ số, số đã nhập có 9 chữ số. ' +
          'Số có 9 chữ số là số CMND cũ: hãy nhập số CCCD 12 chữ số của người này.',
      },
    ]);
    const excel = checkCitizenId('70085000123');
    expect(codes(excel)).toEqual(['ID_LENGTH']);
    expect(excel.problems[0]?.message).toContain('các chữ số 0 ở đầu có thể đã bị mất');
    expect(excel.normalized).toBeUndefined();
  });

  it('refuses letters and an empty input', () => {
    expect(codes(checkCitizenId('07008500012O'))).toEqual(['ID_NOT_DIGITS']);
    expect(codes(checkCitizenId('   '))).toEqual(['ID_EMPTY']);
  });

  it('flags a province code that is not in the table', () => {
    const result = checkCitizenId('003085000123');
    expect(codes(result)).toEqual(['ID_PROVINCE_UNKNOWN']);
    expect(result.normalized).toBe('003085000123');
  });

  it('flags a birth year after today only when today is given', () => {
    expect(codes(checkCitizenId('070485000123', undefined, { today: '2026-11-30' }))).toEqual(['ID_BIRTH_YEAR_FUTURE']);
    expect(checkCitizenId('070485000123').ok).toBe(true);
    expect(checkCitizenId('070226000123', undefined, { today: '2026-11-30' }).ok).toBe(true);
    expect(codes(checkCitizenId('070227000123', undefined, { today: '2026-11-30' }))).toEqual(['ID_BIRTH_YEAR_FUTURE']);
  });
});

describe('decodeCitizenId', () => {
  it('reads province, sex and birth year', () => {
    expect(decodeCitizenId('070 085 000 123')).toEqual({
      provinceCode: '070',
      provinceName: 'Bình Phước',
      sex: 'male',
      birthYearTwoDigits: 85,
      century: 20,
      birthYearRangeStart: 1900,
      birthYearRangeEnd: 1999,
      birthYear: 1985,
    });
    expect(decodeCitizenId('079303001234')).toMatchObject({
      provinceName: 'Thành phố Hồ Chí Minh',
      sex: 'female',
      birthYear: 2003,
    });
  });

  it('returns null unless there are 12 digits', () => {
    expect(decodeCitizenId('12345678')).toBeNull();
    expect(decodeCitizenId('07008500012a')).toBeNull();
  });
});

describe('checkOldIdCard', () => {
  it('accepts 9 digits with separators', () => {
    expect(checkOldIdCard('285 123 456')).toEqual({ ok: true, normalized: '285123456', problems: [] });
  });

  it('sends a 12-digit number to the CCCD field', () => {
    expect(checkOldIdCard('070085000123').problems).toEqual([
      {
        code: 'CMND_LENGTH',
        message:
          'Số CMND phải có 9 chữ số, số đã nhập có 12 chữ số. ' +
          'Số có 12 chữ số là số CCCD (số định danh cá nhân): hãy nhập vào ô số CCCD.',
      },
    ]);
  });

  it('refuses letters and empty input', () => {
    expect(codes(checkOldIdCard('28512345X'))).toEqual(['CMND_NOT_DIGITS']);
    expect(codes(checkOldIdCard(''))).toEqual(['CMND_EMPTY']);
  });
});

describe('maskCitizenId', () => {
  it('shows only the last 3 digits', () => {
    expect(maskCitizenId('070085000123')).toBe('*********123');
    expect(maskCitizenId('070 085 000 123')).toBe('*********123');
    expect(maskCitizenId('285123456')).toBe('******456');
  });

  it('never shows a short input in full', () => {
    expect(maskCitizenId('123')).toBe('***');
    expect(maskCitizenId('')).toBe('');
  });
});
