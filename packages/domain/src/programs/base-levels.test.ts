import { describe, it, expect } from 'vitest';
import {
  BASE_SALARIES,
  MERITORIOUS_STANDARD_LEVELS,
  SOCIAL_ASSISTANCE_BASE_LEVELS,
  baseSalaryOn,
  meritoriousAmount,
  meritoriousStandardOn,
  socialAssistanceBaseOn,
} from './base-levels.js';

describe('social-assistance base level', () => {
  it('is 360.000đ from 01/7/2021 (NĐ 20/2021 Art. 4(2)) and 500.000đ from 01/7/2024 (NĐ 76/2024, unverified)', () => {
    expect(socialAssistanceBaseOn('2021-07-01')).toMatchObject({ value: 360_000, verified: true });
    expect(socialAssistanceBaseOn('2024-06-30')).toMatchObject({ value: 360_000, verified: true });
    expect(socialAssistanceBaseOn('2024-07-01')).toMatchObject({ value: 500_000, verified: false });
    expect(socialAssistanceBaseOn('2021-07-01').source).toMatch(/20\/2021\/NĐ-CP, Điều 4 khoản 2/);
  });

  it('is 270.000đ under NĐ 136/2013 until 30/6/2021 (unverified), and has no level before 2014', () => {
    expect(socialAssistanceBaseOn('2021-06-30')).toMatchObject({ value: 270_000, verified: false });
    expect(socialAssistanceBaseOn('2021-01-01').source).toMatch(/136\/2013\/NĐ-CP, Điều 4/);
    expect(() => socialAssistanceBaseOn('2013-12-31')).toThrow(/Mức chuẩn trợ giúp xã hội: không có giá trị/);
  });
});

describe('meritorious standard level', () => {
  it('is 1.624.000đ to 30/6/2023 and 2.055.000đ from 01/7/2023 (NĐ 55/2023)', () => {
    expect(meritoriousStandardOn('2023-06-30').value).toBe(1_624_000);
    expect(meritoriousStandardOn('2023-07-01').value).toBe(2_055_000);
  });

  it('applies NĐ 75/2021 levels from 01/7/2021 although the decree is in force from 15/9/2021', () => {
    expect(meritoriousStandardOn('2021-07-01').value).toBe(1_624_000);
    expect(meritoriousStandardOn('2021-07-01').source).toMatch(
      /hiệu lực 15\/9\/2021, mức hưởng áp dụng từ 01\/7\/2021/,
    );
  });

  it('is 2.789.000đ from 01/7/2024 (NĐ 77/2024)', () => {
    expect(meritoriousStandardOn('2024-06-30').value).toBe(2_055_000);
    expect(meritoriousStandardOn('2024-07-01').value).toBe(2_789_000);
    expect(meritoriousStandardOn('2026-07-27').value).toBe(2_789_000);
  });

  it('rounds multiples to the nearest 1.000đ (NĐ 75/2021 Art. 3(2)); Art. 6 convalescence 0,9× and 1,8×', () => {
    expect(meritoriousAmount(9, '2024-07-01')).toBe(2_510_000); // 2.510.100
    expect(meritoriousAmount(18, '2024-07-01')).toBe(5_020_000); // 5.020.200
    expect(meritoriousAmount(10, '2023-07-01')).toBe(2_055_000); // a martyr's relative, 1,0×
    expect(meritoriousAmount(9, '2023-07-01')).toBe(1_850_000); // 1.849.500: a half rounds up
    expect(() => meritoriousAmount(0.9, '2024-07-01')).toThrow(/phần mười/);
  });
});

describe('base salary', () => {
  it('is 2.340.000đ until 30/6/2026 and 2.530.000đ from 01/7/2026 (NĐ 161/2026 Art. 3(2))', () => {
    expect(baseSalaryOn('2026-06-30')).toMatchObject({ value: 2_340_000, verified: false });
    expect(baseSalaryOn('2026-07-01')).toMatchObject({ value: 2_530_000, verified: true });
  });
});

describe('every table', () => {
  it.each([
    ['social assistance', SOCIAL_ASSISTANCE_BASE_LEVELS],
    ['meritorious', MERITORIOUS_STANDARD_LEVELS],
    ['base salary', BASE_SALARIES],
  ])('%s: integer đồng, contiguous, cited', (_name, table) => {
    for (const e of table) {
      expect(Number.isSafeInteger(e.value)).toBe(true);
      expect(e.source).toMatch(/Nghị định \d+\/20\d\d\/NĐ-CP/);
    }
    for (let i = 1; i < table.length; i++) {
      const prevEnd = new Date(`${table[i - 1]!.to}T00:00:00Z`);
      prevEnd.setUTCDate(prevEnd.getUTCDate() + 1);
      expect(prevEnd.toISOString().slice(0, 10)).toBe(table[i]!.from);
    }
    expect(table.at(-1)!.to).toBeNull();
  });
});
