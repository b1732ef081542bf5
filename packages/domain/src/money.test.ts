import { describe, it, expect } from 'vitest';
import { amountInWords, assertDong, formatDong, formatDongShort, formatMillionDong, parseDong } from './money.js';

describe('formatting amounts', () => {
  it('writes đồng as official texts do', () => {
    expect(formatDong(1624000)).toBe('1.624.000 đồng');
    expect(formatDong(8601610000)).toBe('8.601.610.000 đồng');
    expect(formatDongShort(1624000)).toBe('1.624.000đ');
    expect(formatDong(0)).toBe('0 đồng');
  });

  it('writes report totals in millions, rounded half-up', () => {
    expect(formatMillionDong(13676500000)).toBe('13.676,5 triệu đồng');
    expect(formatMillionDong(13676450000)).toBe('13.676,5 triệu đồng');
    expect(formatMillionDong(13676449999)).toBe('13.676,4 triệu đồng');
    expect(formatMillionDong(1624000, 3)).toBe('1,624 triệu đồng');
    expect(formatMillionDong(2_000_000, 0)).toBe('2 triệu đồng');
  });
});

describe('amountInWords', () => {
  it.each([
    // Legal amounts: NĐ 20/2021 Art. 4(2) (360.000đ), NĐ 76/2024 (500.000đ), NĐ 75/2021 Art. 3
    // (1.624.000đ), NĐ 77/2024 (2.789.000đ).
    [360000, 'Ba trăm sáu mươi nghìn đồng'],
    [500000, 'Năm trăm nghìn đồng'],
    [1624000, 'Một triệu sáu trăm hai mươi bốn nghìn đồng'],
    [2789000, 'Hai triệu bảy trăm tám mươi chín nghìn đồng'],
    [2055000, 'Hai triệu không trăm năm mươi lăm nghìn đồng'],
    [1055000, 'Một triệu không trăm năm mươi lăm nghìn đồng'],
    [1050000, 'Một triệu không trăm năm mươi nghìn đồng'],
    [21000, 'Hai mươi mốt nghìn đồng'],
    [11000, 'Mười một nghìn đồng'],
    [105000, 'Một trăm linh năm nghìn đồng'],
    [1005000, 'Một triệu không trăm linh năm nghìn đồng'],
    [110000, 'Một trăm mười nghìn đồng'],
    [1000000000, 'Một tỷ đồng'],
    [1000050000, 'Một tỷ không trăm năm mươi nghìn đồng'],
    [2500000000000, 'Hai nghìn năm trăm tỷ đồng'],
    [1000000000000, 'Một nghìn tỷ đồng'],
    [15, 'Mười lăm đồng'],
    [25, 'Hai mươi lăm đồng'],
    [24, 'Hai mươi bốn đồng'],
    [10, 'Mười đồng'],
    [0, 'Không đồng'],
  ])('%d → %s', (n, words) => {
    expect(amountInWords(n)).toBe(words);
  });

  it('reads the largest safe integer', () => {
    expect(amountInWords(Number.MAX_SAFE_INTEGER)).toBe(
      'Chín triệu không trăm linh bảy nghìn một trăm chín mươi chín tỷ hai trăm năm mươi bốn triệu ' +
        'bảy trăm bốn mươi nghìn chín trăm chín mươi mốt đồng',
    );
  });

  it('refuses fractions, unsafe integers and negatives', () => {
    expect(() => amountInWords(1.5)).toThrow(RangeError);
    expect(() => amountInWords(2 ** 53)).toThrow(RangeError);
    expect(() => amountInWords(Number.NaN)).toThrow(RangeError);
    expect(() => amountInWords(-1000)).toThrow(RangeError);
  });
});

describe('assertDong', () => {
  it('accepts safe integers, including negative differences', () => {
    expect(() => assertDong(1624000)).not.toThrow();
    expect(() => assertDong(-360000)).not.toThrow();
  });

  it('throws for anything else', () => {
    expect(() => assertDong(0.5)).toThrow(RangeError);
    expect(() => assertDong(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    expect(() => assertDong('1000')).toThrow(RangeError);
  });
});

describe('parseDong', () => {
  it('reads amounts as typed', () => {
    expect(parseDong('1.624.000đ')).toEqual({ ok: true, value: 1624000 });
    expect(parseDong(' 360 000 ')).toEqual({ ok: true, value: 360000 });
    expect(parseDong(500000)).toEqual({ ok: true, value: 500000 });
  });

  it('refuses a fractional amount instead of rounding it', () => {
    expect(parseDong('1,500')).toEqual({
      ok: false,
      message:
        'Số tiền "1,500" có phần lẻ. Số tiền tính bằng đồng chẵn; dùng dấu chấm để ngăn cách hàng nghìn, ví dụ 1.624.000.',
    });
  });
});
