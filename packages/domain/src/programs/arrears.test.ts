import { describe, expect, it } from 'vitest';
import { arrearsOf, monthsBetween, unpaidMonths } from './arrears.js';
import { socialAssistanceMonthly } from './social-assistance.js';

// An elderly poor person with no carer, born 1935 (clause 5a, NĐ 20/2021 Art. 5(5)(a)): 2,0 x the
// base level, 360.000đ until 30/6/2024 and 500.000đ from 1/7/2024 (NĐ 76/2024).
const amountOn = (month: string) =>
  socialAssistanceMonthly({ clauses: [{ code: '5a' }], birthDate: '1935-01-01', onDate: `${month}-01` }).amount;

describe('arrears of a monthly allowance (NĐ 20/2021 Art. 8)', () => {
  it('counts months across a year end, the end month excluded', () => {
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01']);
    expect(monthsBetween('2024-06', '2024-06')).toEqual([]);
  });

  it('owes the months since qualifying that no approved list paid, from the programme start', () => {
    expect(unpaidMonths({ period: '2024-06', since: '2024-03-15', programStart: '2024-01', paid: new Set() })).toEqual([
      '2024-03',
      '2024-04',
      '2024-05',
    ]);
    expect(
      unpaidMonths({ period: '2024-06', since: '2023-05-01', programStart: '2024-04', paid: new Set(['2024-04']) }),
    ).toEqual(['2024-05']);
  });

  it('across 1/7/2024 each month takes the base level in force that month', () => {
    const a = arrearsOf({ period: '2024-09', since: '2024-05-10', programStart: '2024-01', paid: new Set() }, amountOn);
    // May, June at 2,0 x 360.000; July, August at 2,0 x 500.000.
    expect(a).toEqual({
      amount: 2 * 720_000 + 2 * 1_000_000,
      months: ['2024-05', '2024-06', '2024-07', '2024-08'],
      note: 'Truy lĩnh 4 tháng: 05/2024, 06/2024, 07/2024, 08/2024',
    });
  });

  it('stops after the month of death or moving away; nothing owed gives null', () => {
    const a = arrearsOf(
      {
        period: '2024-09',
        since: '2024-05-01',
        programStart: '2024-01',
        paid: new Set(['2024-05']),
        endsOn: '2024-07-20',
      },
      amountOn,
    );
    expect(a?.months).toEqual(['2024-06', '2024-07']);
    expect(a?.amount).toBe(720_000 + 1_000_000);
    expect(
      arrearsOf({ period: '2024-06', since: '2024-06-01', programStart: '2024-01', paid: new Set() }, amountOn),
    ).toBe(null);
  });
});
