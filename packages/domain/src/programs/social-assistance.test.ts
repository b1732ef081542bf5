import { describe, it, expect } from 'vitest';
import { STATUS_CATEGORIES } from '../registry/catalogues.js';
import {
  SOCIAL_ASSISTANCE_CLAUSES,
  SOCIAL_ASSISTANCE_COEFFICIENTS,
  formatCoefficientTenths,
  socialAssistanceMonthly,
  type SocialAssistanceClauseInput,
} from './social-assistance.js';

const monthly = (
  clauses: SocialAssistanceClauseInput[],
  birthDate: string,
  onDate: string,
  extra: { isChild?: boolean; isElderly?: boolean; provincialBaseLevel?: number } = {},
) => socialAssistanceMonthly({ clauses, birthDate, onDate, ...extra });

describe('before 01/7/2021: NĐ 136/2013 (base 270.000đ)', () => {
  it('January–June 2021 compute: an elderly poor person with no carer aged 81 gets 2,0 × 270.000 = 540.000đ', () => {
    const jan = monthly([{ code: '5a' }], '1940-01-01', '2021-01-01');
    expect(jan.amount).toBe(540_000);
    expect(jan.basis[0]).toMatchObject({ clause: '5a', coefficientTenths: 20, baseLevel: 270_000 });
    expect(jan.verified).toBe(false);
    expect(jan.explanation).toMatch(/136\/2013/);
    // The next day of the new decree: 2,0 × 360.000.
    expect(monthly([{ code: '5a' }], '1940-01-01', '2021-07-01').amount).toBe(720_000);
    // A severely disabled child (NĐ 28/2012 via NĐ 136/2013): 2,0 × 270.000 = 540.000đ.
    expect(monthly([{ code: '6_severe' }], '2015-05-05', '2021-03-01').amount).toBe(540_000);
  });

  it('clauses created by NĐ 20/2021 (5b, 7) had no allowance before 01/7/2021', () => {
    expect(() => monthly([{ code: '7' }], '2020-01-01', '2021-06-30')).toThrow(
      /chưa có trong quy định áp dụng ngày này/,
    );
    expect(() => monthly([{ code: '5b' }], '1945-01-01', '2021-06-30')).toThrow(/136\/2013/);
    expect(monthly([{ code: '7' }], '2020-01-01', '2021-07-01').amount).toBe(540_000);
  });
});

describe('base level × coefficient (NĐ 20/2021 Art. 6(1))', () => {
  it('an elderly poor person with no carer aged 81: 2,0 × 360.000 on 30/6/2024, 2,0 × 500.000 from 01/7/2024', () => {
    const before = monthly([{ code: '5a' }], '1943-03-15', '2024-06-30');
    expect(before.amount).toBe(720_000);
    expect(before.basis).toEqual([
      { clause: '5a', coefficientTenths: 20, baseLevel: 360_000, amount: 720_000, rule: 'từ đủ 80 tuổi trở lên' },
    ]);
    expect(before.verified).toBe(true);
    const after = monthly([{ code: '5a' }], '1943-03-15', '2024-07-01');
    expect(after.amount).toBe(1_000_000);
    expect(after.basis[0]!.baseLevel).toBe(500_000);
    // 500.000đ (NĐ 76/2024) is [M].
    expect(after.verified).toBe(false);
    expect(after.explanation).toContain('chưa đối chiếu văn bản gốc');
  });

  it('clause 5a: 1,5 from 60 to under 80, 2,0 from the 80th birthday', () => {
    expect(monthly([{ code: '5a' }], '1944-07-02', '2024-07-01').basis[0]!.coefficientTenths).toBe(15); // 79
    expect(monthly([{ code: '5a' }], '1944-07-01', '2024-07-01').basis[0]!.coefficientTenths).toBe(20); // 80
    expect(monthly([{ code: '5a' }], '1964-07-01', '2024-07-01').amount).toBe(750_000); // 60: 1,5 × 500.000
    expect(() => monthly([{ code: '5a' }], '1964-07-02', '2024-07-01')).toThrow(/không có hệ số cho người 59 tuổi/);
  });

  it('an orphan (clause 1) aged 3 gets 2,5, aged 4 gets 1,5', () => {
    expect(monthly([{ code: '1' }], '2020-07-02', '2024-07-01')).toMatchObject({
      amount: 1_250_000,
      basis: [{ coefficientTenths: 25 }],
    });
    expect(monthly([{ code: '1' }], '2020-07-01', '2024-07-01')).toMatchObject({
      amount: 750_000,
      basis: [{ coefficientTenths: 15 }],
    });
    expect(monthly([{ code: '1' }], '2018-01-10', '2022-01-09').amount).toBe(900_000); // 2,5 × 360.000
  });

  it('a child with HIV (clause 3): 2,5 under 4, 2,0 from 4 to under 16, none from 16', () => {
    expect(monthly([{ code: '3' }], '2021-01-01', '2024-12-31').basis[0]!.coefficientTenths).toBe(25);
    expect(monthly([{ code: '3' }], '2020-01-01', '2024-12-31').basis[0]!.coefficientTenths).toBe(20);
    expect(() => monthly([{ code: '3' }], '2008-01-01', '2024-12-31')).toThrow(/khoản 3 Điều 5.*16 tuổi/);
  });

  it('clause 4 pays 1,0 per child', () => {
    expect(monthly([{ code: '4', childrenCount: 3 }], '1990-05-05', '2024-07-01')).toMatchObject({
      amount: 1_500_000,
      basis: [{ clause: '4', coefficientTenths: 30, childrenCount: 3 }],
    });
  });

  it('clause 6 pays the child-or-elderly row to a person under 16 or aged 60 or over', () => {
    expect(monthly([{ code: '6_especially_severe' }], '1980-01-01', '2024-07-01').amount).toBe(1_000_000); // 2,0
    expect(monthly([{ code: '6_especially_severe' }], '2010-01-01', '2024-07-01').amount).toBe(1_250_000); // child 2,5
    expect(monthly([{ code: '6_especially_severe' }], '1960-01-01', '2024-07-01').amount).toBe(1_250_000); // elderly 2,5
    expect(monthly([{ code: '6_severe' }], '1980-01-01', '2024-07-01').amount).toBe(750_000); // 1,5
    expect(monthly([{ code: '6_severe' }], '2008-07-01', '2024-07-01').amount).toBe(750_000); // 16: adult
    expect(monthly([{ code: '6_severe' }], '2008-07-02', '2024-07-01').amount).toBe(1_000_000); // 15: child 2,0
  });

  it('isChild / isElderly override the age reading', () => {
    expect(monthly([{ code: '6_severe' }], '1980-01-01', '2024-07-01', { isElderly: true }).amount).toBe(1_000_000);
    expect(monthly([{ code: '6_severe' }], '1960-01-01', '2024-07-01', { isElderly: false }).amount).toBe(750_000);
  });

  it.each([
    ['2', 15],
    ['5b', 10],
    ['5c', 10],
    ['5d', 30],
    ['7', 15],
    ['8', 15],
  ] as const)('clause %s: coefficient %i', (code, tenths) => {
    const r = monthly([{ code }], '1940-01-01', '2021-07-01');
    expect(r.basis[0]!.coefficientTenths).toBe(tenths);
    expect(r.amount).toBe((360_000 * tenths) / 10);
  });
});

describe('several clauses (NĐ 20/2021 Art. 6(2))', () => {
  it('clause 5a (1,5) and severe disability (1,5, elderly → 2,0): only the highest, 2,0 × 500.000', () => {
    const r = monthly([{ code: '5a' }, { code: '6_severe' }], '1954-03-01', '2024-07-01');
    expect(r.amount).toBe(1_000_000);
    expect(r.basis).toHaveLength(1);
    expect(r.basis[0]).toMatchObject({ clause: '6_severe', coefficientTenths: 20 });
    expect(r.candidates.map((c) => [c.clause, c.coefficientTenths])).toEqual([
      ['5a', 15],
      ['6_severe', 20],
    ]);
    expect(r.explanation).toContain('chỉ được hưởng một mức cao nhất (Điều 6 khoản 2 Nghị định 20/2021/NĐ-CP)');
  });

  it('a poor single parent of 2 with an especially severe disability gets both: 2 × 500.000 + 2,0 × 500.000', () => {
    const r = monthly([{ code: '6_especially_severe' }, { code: '4', childrenCount: 2 }], '1985-09-09', '2024-07-01');
    expect(r.amount).toBe(2_000_000);
    expect(r.basis.map((b) => [b.clause, b.coefficientTenths, b.amount])).toEqual([
      ['4', 20, 1_000_000],
      ['6_especially_severe', 20, 1_000_000],
    ]);
    expect(r.explanation).toContain('được hưởng cả hai chế độ');
  });

  it('the single parent keeps clause 4 plus only the highest of clauses 5, 6 and 8', () => {
    const r = monthly(
      [{ code: '4', childrenCount: 1 }, { code: '8' }, { code: '6_severe' }, { code: '5a' }],
      '1960-01-01',
      '2024-07-01',
    );
    // Clause 4: 1,0; clause 8: 1,5; 6 severe (elderly): 2,0; 5a (64): 1,5 → 1,0 + 2,0.
    expect(r.basis.map((b) => b.clause)).toEqual(['4', '6_severe']);
    expect(r.amount).toBe(1_500_000);
  });

  it('the exception does not extend to other clauses: clause 4 with clause 2 pays the highest only', () => {
    const r = monthly([{ code: '4', childrenCount: 1 }, { code: '2' }], '2005-01-01', '2024-07-01');
    expect(r.basis.map((b) => b.clause)).toEqual(['2']);
    expect(r.amount).toBe(750_000);
  });

  it('on equal coefficients the first clause of Art. 5 is paid', () => {
    const r = monthly([{ code: '8' }, { code: '6_severe' }], '1980-01-01', '2024-07-01');
    expect(r.basis.map((b) => b.clause)).toEqual(['6_severe']);
  });
});

describe('partial birth dates', () => {
  it('born "1944": 2,0 (80 or over) from 1 January 2024, as ageOn reads it', () => {
    expect(monthly([{ code: '5a' }], '1944', '2024-01-01').basis[0]!.coefficientTenths).toBe(20);
    expect(monthly([{ code: '5a' }], '1944', '2023-12-31').basis[0]!.coefficientTenths).toBe(15);
  });

  it('born "2020": an orphan keeps 2,5 (under 4) to the end of 2024, the reading that does not cut the allowance early', () => {
    const r = monthly([{ code: '1' }], '2020', '2024-06-01');
    expect(r.basis[0]!.coefficientTenths).toBe(25);
    expect(r.explanation).toContain('3–4 tuổi (ngày sinh không đầy đủ)');
    expect(monthly([{ code: '1' }], '2020', '2025-01-01').basis[0]!.coefficientTenths).toBe(15);
    // Born in June 2020: possibly on the 30th, so under 4 until 29/6/2024.
    expect(monthly([{ code: '1' }], '2020-06', '2024-06-29').basis[0]!.coefficientTenths).toBe(25);
    expect(monthly([{ code: '1' }], '2020-06', '2024-06-30').basis[0]!.coefficientTenths).toBe(15);
  });

  it('a year of birth equal to the year of the date still works', () => {
    expect(monthly([{ code: '7' }], '2024', '2024-07-01').amount).toBe(750_000);
  });
});

describe('amount arithmetic', () => {
  it('uses a higher provincial level (Art. 4(3)) and rounds half up to the đồng', () => {
    expect(monthly([{ code: '5a' }], '1940-01-01', '2024-07-01', { provincialBaseLevel: 600_000 }).amount).toBe(
      1_200_000,
    );
    // 500.005 × 1,5 = 750.007,5 → 750.008
    expect(monthly([{ code: '6_severe' }], '1980-01-01', '2024-07-01', { provincialBaseLevel: 500_005 }).amount).toBe(
      750_008,
    );
    expect(() => monthly([{ code: '5a' }], '1940-01-01', '2024-07-01', { provincialBaseLevel: 400_000 })).toThrow(
      /không được thấp hơn mức chuẩn quốc gia/,
    );
  });

  it('writes coefficients the Vietnamese way', () => {
    expect(formatCoefficientTenths(25)).toBe('2,5');
    expect(formatCoefficientTenths(20)).toBe('2,0');
    expect(monthly([{ code: '5a' }], '1943-03-15', '2024-07-01').explanation).toBe(
      'Ngày 01/07/2024, 81 tuổi: mức chuẩn trợ giúp xã hội 500.000 đồng (Nghị định 76/2024/NĐ-CP sửa đổi Nghị định 20/2021/NĐ-CP (chưa đối chiếu văn bản gốc)). ' +
        'Hưởng khoản 5 điểm a Điều 5 (người cao tuổi thuộc hộ nghèo, không có người phụng dưỡng), từ đủ 80 tuổi trở lên: hệ số 2,0 × 500.000 đồng = 1.000.000 đồng. ' +
        'Hệ số: Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1 (giả định Nghị định 76/2024/NĐ-CP không sửa hệ số; chưa đối chiếu). ' +
        'Tổng trợ cấp hằng tháng: 1.000.000 đồng.',
    );
  });
});

describe('refusals', () => {
  it.each([
    [[], /Chưa có diện hưởng nào/],
    [[{ code: '9' }], /Mã diện "9" không có/],
    [[{ code: '5a' }, { code: '5a' }], /được ghi hai lần/],
    [[{ code: '4' }], /nhập số con đang nuôi/],
    [[{ code: '4', childrenCount: 0 }], /nhập số con đang nuôi/],
    [[{ code: '5a', childrenCount: 2 }], /Số con đang nuôi chỉ ghi cho diện người đơn thân/],
  ])('%j', (clauses, message) => {
    expect(() => monthly(clauses as SocialAssistanceClauseInput[], '1940-01-01', '2024-07-01')).toThrow(message);
  });

  it('refuses dates before NĐ 136/2013 was paid, before the birth, and invalid birth dates', () => {
    expect(() => monthly([{ code: '5a' }], '1940-01-01', '2013-12-31')).toThrow(/không có giá trị nào có hiệu lực/);
    expect(() => monthly([{ code: '7' }], '2024-08-01', '2024-07-01')).toThrow(/trước ngày sinh/);
    expect(() => monthly([{ code: '7' }], '2024-13', '2024-07-01')).toThrow(/Ngày sinh "2024-13" không hợp lệ/);
    expect(() => monthly([{ code: '7' }], '2024-01-01', '2024-7-1')).toThrow(/không hợp lệ/);
  });
});

describe('coefficient table', () => {
  it('covers every clause of the registry catalogue with the same coefficients (NĐ 20/2021 periods)', () => {
    const catalogue = STATUS_CATEGORIES.social_assistance.categories;
    expect(catalogue.map((c) => c.code)).toEqual([...SOCIAL_ASSISTANCE_CLAUSES]);
    // The catalogue shows NĐ 20/2021's coefficients; the NĐ 136/2013 era (to 30/6/2021) lacks 5b and 7.
    for (const entry of SOCIAL_ASSISTANCE_COEFFICIENTS.filter((e) => e.from >= '2021-07-01')) {
      for (const cat of catalogue) {
        const ours = entry.value[cat.code as (typeof SOCIAL_ASSISTANCE_CLAUSES)[number]]
          .map((r) => r.coefficientTenths)
          .sort();
        const theirs = (cat.coefficients ?? []).map((r) => r.coefficientTenths).sort();
        expect(ours, cat.code).toEqual(theirs);
      }
    }
  });

  it('is verified for the 2021 text only', () => {
    expect(SOCIAL_ASSISTANCE_COEFFICIENTS.map((e) => [e.from, e.to, e.verified])).toEqual([
      ['2014-01-01', '2021-06-30', false],
      ['2021-07-01', '2024-06-30', true],
      ['2024-07-01', null, false],
    ]);
  });
});
