import { describe, expect, it } from 'vitest';
import { EMPLOYMENT_REPORTS, employmentReportDue, employmentReportPeriod } from './reports.js';

describe('periodic employment reports', () => {
  it('NĐ 23/2021 Art. 13(5): the centre reports by 20/6 and 20/12; TT 01/2022 Art. 18: before 15/12', () => {
    expect(employmentReportDue('centre_half_year', 2022)).toBe('2022-06-20');
    expect(employmentReportDue('centre_year', 2022)).toBe('2022-12-20');
    expect(employmentReportDue('labour_market_year', 2022)).toBe('2022-12-14');
  });
  it('covers the first half or the calendar year when no period is given', () => {
    expect(employmentReportPeriod('centre_half_year', 2021)).toEqual({ from: '2021-01-01', to: '2021-06-30' });
    expect(employmentReportPeriod('labour_market_year', 2021)).toEqual({ from: '2021-01-01', to: '2021-12-31' });
  });
  it('cites its document and says the form layout was not checked', () => {
    for (const r of EMPLOYMENT_REPORTS) {
      expect(r.basis).toMatch(/23\/2021\/NĐ-CP|01\/2022\/TT-BLĐTBXH/);
      expect(r.layoutVerified).toBe(false);
    }
  });
});
