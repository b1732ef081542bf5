import { describe, it, expect } from 'vitest';
import { formatNumberVi, formatPercentVi, formatRatioVi, parseNumberVi } from './numbers.js';

describe('formatNumberVi', () => {
  it('groups thousands with dots and writes decimals after a comma', () => {
    expect(formatNumberVi(8601610000)).toBe('8.601.610.000');
    expect(formatNumberVi(13676.5)).toBe('13.676,5');
    expect(formatNumberVi(999)).toBe('999');
    expect(formatNumberVi(-1624000)).toBe('-1.624.000');
    expect(formatNumberVi(0)).toBe('0');
    expect(formatNumberVi(12345678901234567890n)).toBe('12.345.678.901.234.567.890');
  });

  it('rounds half-up on the digits a person sees', () => {
    expect(formatNumberVi(2.5, 2)).toBe('2,50');
    expect(formatNumberVi(1.005, 2)).toBe('1,01');
    expect(formatNumberVi(0.1 + 0.2, 2)).toBe('0,30');
    expect(formatNumberVi(-2.345, 2)).toBe('-2,35');
    expect(formatNumberVi(1234.5, 0)).toBe('1.235');
  });

  it('does not fall into exponent notation', () => {
    expect(formatNumberVi(1e-7)).toBe('0,0000001');
    expect(formatNumberVi(1e21)).toBe('1.000.000.000.000.000.000.000');
  });

  it('refuses NaN and infinities', () => {
    expect(() => formatNumberVi(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumberVi(Infinity)).toThrow(RangeError);
  });
});

describe('formatPercentVi', () => {
  it('computes from integers and rounds half-up at display', () => {
    expect(formatPercentVi(28101, 38000)).toBe('73,95%');
    expect(formatPercentVi(9210, 8000)).toBe('115,13%');
    expect(formatPercentVi(157, 160)).toBe('98,13%');
    expect(formatPercentVi(1, 3, 1)).toBe('33,3%');
    expect(formatPercentVi(100000, 1000)).toBe('10.000,00%');
  });

  it('shows a decrease with a minus sign, and no minus on a rounded zero', () => {
    expect(formatPercentVi(-157, 160)).toBe('-98,13%');
    expect(formatPercentVi(-1, 100000)).toBe('0,00%');
  });

  it('refuses a zero denominator and non-integers', () => {
    expect(() => formatPercentVi(1, 0)).toThrow(RangeError);
    expect(() => formatPercentVi(1.5, 2)).toThrow(RangeError);
  });
});

describe('formatRatioVi', () => {
  it('divides exactly and rounds half away from zero', () => {
    expect(formatRatioVi(13676450000, 1000000, 1)).toBe('13.676,5');
    expect(formatRatioVi(13676449999, 1000000, 1)).toBe('13.676,4');
    expect(formatRatioVi(-5, 2, 0)).toBe('-3');
    expect(formatRatioVi(5, -2, 0)).toBe('-3');
  });
});

describe('parseNumberVi', () => {
  it.each([
    ['1.624.000', 1624000],
    ['1,5', 1.5],
    ['2,5', 2.5],
    ['1.624.000đ', 1624000],
    ['1.624.000 đồng', 1624000],
    ['1.624.000 VNĐ', 1624000],
    [' 360 000 ', 360000],
    ['360\u00A0000', 360000],
    ['1624000', 1624000],
    ['1.624.000,5', 1624000.5],
    ['-1.000', -1000],
    ['0', 0],
  ])('%j → %d', (input, value) => {
    expect(parseNumberVi(input)).toEqual({ ok: true, value });
  });

  it('reads an ambiguous "1.500" as Vietnamese thousands and "1,500" as a decimal comma', () => {
    expect(parseNumberVi('1.500')).toEqual({ ok: true, value: 1500 });
    expect(parseNumberVi('1,500')).toEqual({ ok: true, value: 1.5 });
  });

  it('reads a dot that cannot group thousands as a decimal point', () => {
    expect(parseNumberVi('1.5')).toEqual({ ok: true, value: 1.5 });
    expect(parseNumberVi('0.500')).toEqual({ ok: true, value: 0.5 });
  });

  it('reads English grouping when it cannot be Vietnamese', () => {
    expect(parseNumberVi('1,624,000')).toEqual({ ok: true, value: 1624000 });
    expect(parseNumberVi('1,624,000.50')).toEqual({ ok: true, value: 1624000.5 });
  });

  it('passes numbers through', () => {
    expect(parseNumberVi(2.5)).toEqual({ ok: true, value: 2.5 });
    expect(parseNumberVi(Number.NaN).ok).toBe(false);
  });

  it('refuses malformed groups and says how to write the number', () => {
    const message =
      'Không đọc được số "1.62.000". Ghi số theo kiểu Việt Nam: dấu chấm ngăn cách hàng nghìn, ' +
      'dấu phẩy trước phần thập phân, ví dụ 1.624.000 hoặc 2,5.';
    expect(parseNumberVi('1.62.000')).toEqual({ ok: false, message });
    for (const bad of ['abc', '1..5', '1,5,', '12%', '1 500.000', '1,5.000.000']) {
      expect(parseNumberVi(bad).ok, bad).toBe(false);
    }
    expect(parseNumberVi('').ok).toBe(false);
  });
});
