import { describe, it, expect } from 'vitest';
import { checkNoOverlap, effectiveTable, valueOn, type EffectiveValue } from './effective.js';

const e = (from: string, to: string | null, value: number): EffectiveValue<number> => ({
  from,
  to,
  value,
  source: 'test',
  verified: true,
});

// The social-assistance base level as NĐ 20/2021 Art. 4(2) and NĐ 76/2024 set it.
const BASE = [e('2021-07-01', '2024-06-30', 360_000), e('2024-07-01', null, 500_000)];

describe('valueOn', () => {
  it('returns the entry in force, both ends inclusive', () => {
    expect(valueOn(BASE, '2021-07-01').value).toBe(360_000);
    expect(valueOn(BASE, '2024-06-30').value).toBe(360_000);
    expect(valueOn(BASE, '2024-07-01').value).toBe(500_000);
    expect(valueOn(BASE, '2099-12-31').value).toBe(500_000);
  });

  it('refuses a date no entry covers, in Vietnamese and English', () => {
    expect(() => valueOn(BASE, '2021-06-30', 'Mức chuẩn trợ giúp xã hội')).toThrow(
      /Mức chuẩn trợ giúp xã hội: không có giá trị nào có hiệu lực vào ngày 30\/06\/2021.*no entry in force on 2021-06-30/,
    );
    expect(() => valueOn([e('2020-01-01', '2020-12-31', 1), e('2022-01-01', null, 2)], '2021-05-05')).toThrow(
      /01\/01\/2020–31\/12\/2020/,
    );
    expect(() => valueOn([], '2021-05-05')).toThrow(/bảng trống/);
  });

  it('refuses a date that is not a real YYYY-MM-DD date', () => {
    expect(() => valueOn(BASE, '2024-02-30')).toThrow(/không hợp lệ/);
    expect(() => valueOn(BASE, '01/07/2024')).toThrow(/not a date/);
  });
});

describe('checkNoOverlap', () => {
  it('accepts adjacent entries, gaps and any order', () => {
    expect(() => checkNoOverlap(BASE)).not.toThrow();
    expect(() => checkNoOverlap([e('2024-07-01', null, 2), e('2020-01-01', '2020-12-31', 1)])).not.toThrow();
    expect(() => checkNoOverlap([])).not.toThrow();
  });

  it('rejects entries sharing a day', () => {
    expect(() =>
      checkNoOverlap([e('2021-07-01', '2024-07-01', 360_000), e('2024-07-01', null, 500_000)], 'Mức chuẩn'),
    ).toThrow(/Mức chuẩn: hai giá trị cùng có hiệu lực \(01\/07\/2021–01\/07\/2024 và 01\/07\/2024–…\).*overlap/);
  });

  it('rejects an open-ended entry followed by another, whatever the order given', () => {
    expect(() => checkNoOverlap([e('2024-07-01', null, 500_000), e('2021-07-01', null, 360_000)])).toThrow(/overlap/);
  });

  it('rejects an entry inside another', () => {
    expect(() => checkNoOverlap([e('2021-01-01', '2021-12-31', 1), e('2021-03-01', '2021-03-31', 2)])).toThrow(
      /overlap/,
    );
  });

  it('rejects invalid dates and an end before the start', () => {
    expect(() => checkNoOverlap([e('2021-02-30', null, 1)])).toThrow(/không hợp lệ/);
    expect(() => checkNoOverlap([e('2021-07-01', '2021-06-30', 1)])).toThrow(/trước ngày bắt đầu/);
  });
});

describe('effectiveTable', () => {
  it('checks when the table is defined and freezes it', () => {
    expect(() => effectiveTable('X', [e('2021-01-01', null, 1), e('2022-01-01', null, 2)])).toThrow(/X: hai giá trị/);
    const t = effectiveTable('Y', BASE);
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t[0])).toBe(true);
    expect(valueOn(t, '2024-07-01').value).toBe(500_000);
  });
});
