import { describe, it, expect } from 'vitest';
import {
  ageOn,
  birthYearOf,
  formatDateVi,
  formatPartialDateVi,
  isPartialDate,
  isValidIsoDate,
  parsePartialDate,
  todayInVietnam,
} from './dates.js';

const today = '2026-11-30';
const parse = (input: string | number | Date): ReturnType<typeof parsePartialDate> =>
  parsePartialDate(input, { today });
const HOW_TO = 'Nhập theo dạng ngày/tháng/năm, ví dụ 05/01/1950, hoặc chỉ năm sinh, ví dụ 1950.';

describe('parsePartialDate: accepted spreadsheet forms', () => {
  it.each([
    ['05/01/1950', '1950-01-05'],
    ['5/1/1950', '1950-01-05'],
    ['05-01-1950', '1950-01-05'],
    ['05.01.1950', '1950-01-05'],
    ['  05/01/1950  ', '1950-01-05'],
    ['05 / 01 / 1950', '1950-01-05'],
    ['1950-01-05', '1950-01-05'],
    ['1950', '1950'],
    [' 1950 ', '1950'],
    ['01/1950', '1950-01'],
    ['1/1950', '1950-01'],
    ['1950-01', '1950-01'],
    ['ngày 5 tháng 1 năm 1950', '1950-01-05'],
    ['Tháng 01 năm 1950', '1950-01'],
    ['năm 1950', '1950'],
    ['29/02/1952', '1952-02-29'],
    ['30/11/2026', '2026-11-30'],
  ])('%j → %s', (input, value) => {
    expect(parse(input)).toEqual({ ok: true, value });
  });

  it('reads Excel serial numbers, including the 1900 leap-year bug', () => {
    expect(parse(18268)).toEqual({ ok: true, value: '1950-01-05' });
    expect(parse(18268.75)).toEqual({ ok: true, value: '1950-01-05' });
    expect(parse(59)).toEqual({ ok: true, value: '1900-02-28' });
    expect(parse(61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(parse(60)).toEqual({
      ok: false,
      message: `Ngày sinh 29/02/1900 không có thật: năm 1900 không phải năm nhuận (lỗi của Excel). ${HOW_TO}`,
    });
  });

  it('reads a whole number that looks like a year as a year', () => {
    expect(parse(1950)).toEqual({ ok: true, value: '1950' });
  });

  it('reads a Date with its UTC parts', () => {
    expect(parse(new Date(Date.UTC(1950, 0, 5)))).toEqual({ ok: true, value: '1950-01-05' });
  });
});

describe('parsePartialDate: refused, with a message that says what to do', () => {
  it('refuses 31/02/1950', () => {
    expect(parse('31/02/1950')).toEqual({
      ok: false,
      message:
        'Ngày sinh 31/02/1950 không có thật: tháng 2 không có ngày 31. ' +
        'Nhập theo dạng ngày/tháng/năm, ví dụ 05/01/1950, hoặc chỉ năm sinh, ví dụ 1950.',
    });
  });

  it('refuses day 0 and 29 February in a common year', () => {
    expect(parse('00/01/1950')).toEqual({
      ok: false,
      message: `Ngày sinh 00/01/1950 không có thật: không có ngày 0. ${HOW_TO}`,
    });
    expect(parse('29/02/1951')).toEqual({
      ok: false,
      message: `Ngày sinh 29/02/1951 không có thật: tháng 2 năm 1951 không có ngày 29 (năm 1951 không phải năm nhuận). ${HOW_TO}`,
    });
  });

  it('refuses month first and says day and month look swapped', () => {
    expect(parse('12/25/1950')).toEqual({
      ok: false,
      message: `Ngày sinh 12/25/1950 không có thật: không có tháng 25 (có thể đã ghi tháng trước ngày; ngày phải ghi trước). ${HOW_TO}`,
    });
  });

  it('refuses two-digit years', () => {
    expect(parse('05/01/50')).toEqual({
      ok: false,
      message:
        'Ngày sinh 05/01/50 không ghi năm đủ 4 chữ số, nên không biết chắc là năm nào ' +
        '(ví dụ 50 có thể là 1950 hoặc 2050). Ghi năm đủ 4 chữ số, ví dụ 05/01/1950.',
    });
    expect(parse('1/50').ok).toBe(false);
  });

  it('refuses years before 1880', () => {
    expect(parse('1850')).toEqual({ ok: false, message: 'Năm sinh 1850 trước năm 1880. Kiểm tra lại năm.' });
    expect(parse('05/01/1879')).toEqual({
      ok: false,
      message: 'Ngày sinh 05/01/1879 có năm 1879, trước năm 1880. Kiểm tra lại năm.',
    });
    expect(parse('1880')).toEqual({ ok: true, value: '1880' });
  });

  it('refuses dates after today', () => {
    expect(parse('01/12/2026')).toEqual({
      ok: false,
      message: 'Ngày sinh 01/12/2026 là ngày chưa tới (hôm nay là 30/11/2026). Kiểm tra lại.',
    });
    expect(parse('12/2026')).toEqual({
      ok: false,
      message: 'Ngày sinh 12/2026 là tháng chưa tới (hôm nay là 30/11/2026). Kiểm tra lại.',
    });
    expect(parse('2027')).toEqual({
      ok: false,
      message: 'Năm sinh 2027 là năm chưa tới (hôm nay là 30/11/2026). Kiểm tra lại.',
    });
    expect(parse('11/2026')).toEqual({ ok: true, value: '2026-11' });
  });

  it('refuses empty and unreadable input', () => {
    expect(parse('  ')).toEqual({ ok: false, message: `Chưa nhập ngày sinh. ${HOW_TO}` });
    expect(parse('mười năm')).toEqual({ ok: false, message: `Không đọc được ngày sinh "mười năm". ${HOW_TO}` });
    expect(parse(new Date('not a date')).ok).toBe(false);
  });

  it('names the date by its label', () => {
    expect(parsePartialDate('31/02/1950', { today, label: 'Ngày mất' })).toEqual({
      ok: false,
      message:
        'Ngày mất 31/02/1950 không có thật: tháng 2 không có ngày 31. ' +
        'Nhập theo dạng ngày/tháng/năm, ví dụ 05/01/1950, hoặc chỉ năm mất, ví dụ 1950.',
    });
  });
});

describe('partial date helpers', () => {
  it('formats partial dates the Vietnamese way', () => {
    expect(formatPartialDateVi('1950-01-05')).toBe('05/01/1950');
    expect(formatPartialDateVi('1950-01')).toBe('01/1950');
    expect(formatPartialDateVi('1950')).toBe('1950');
    expect(() => formatPartialDateVi('1950-02-31')).toThrow(RangeError);
  });

  it('sorts chronologically as plain strings', () => {
    expect(['1950-01-05', '1949', '1950', '1950-01'].sort()).toEqual(['1949', '1950', '1950-01', '1950-01-05']);
  });

  it('validates', () => {
    expect(isPartialDate('1950-01')).toBe(true);
    expect(isPartialDate('1950-13')).toBe(false);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('1950')).toBe(false);
  });

  it('gives the birth year', () => {
    expect(birthYearOf('1950-01-05')).toBe(1950);
    expect(birthYearOf('1950')).toBe(1950);
  });
});

describe('ageOn', () => {
  it('counts completed years for a full birth date', () => {
    expect(ageOn('1946-06-15', '2026-06-14')).toBe(79);
    expect(ageOn('1946-06-15', '2026-06-15')).toBe(80);
  });

  it('gives a year-only birth the age reached during that year, from 1 January', () => {
    expect(ageOn('1946', '2026-01-01')).toBe(80);
    expect(ageOn('1946', '2025-12-31')).toBe(79);
  });

  it('gives a month-year birth the age reached from the first of that month', () => {
    expect(ageOn('1946-06', '2026-05-31')).toBe(79);
    expect(ageOn('1946-06', '2026-06-01')).toBe(80);
  });

  it('throws for a date before the birth', () => {
    expect(() => ageOn('2022-03-01', '2020-01-01')).toThrow(RangeError);
    expect(ageOn('2022', '2022-01-01')).toBe(0);
  });
});

describe('Vietnam time', () => {
  it('is UTC+7: 17:00 UTC is already the next day', () => {
    expect(todayInVietnam(new Date('2026-01-05T16:59:59Z'))).toBe('2026-01-05');
    expect(todayInVietnam(new Date('2026-01-05T17:00:00Z'))).toBe('2026-01-06');
  });

  it('formats dates as dd/mm/yyyy, instants in Vietnam time', () => {
    expect(formatDateVi('2026-01-05')).toBe('05/01/2026');
    expect(formatDateVi('2026-01-05T20:00:00Z')).toBe('06/01/2026');
    expect(formatDateVi('2026-01-05T20:00:00+07:00')).toBe('05/01/2026');
    expect(() => formatDateVi('05/01/2026')).toThrow(RangeError);
  });
});
