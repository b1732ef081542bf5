import { describe, it, expect } from 'vitest';
import { COVID_2021_AMOUNTS, covidSupportAmount, describeSupport } from './fixed.js';

const ON = '2021-08-01';

describe('2021 COVID-19 package (NQ 68/NQ-CP, QĐ 23/2021/QĐ-TTg; amounts [M])', () => {
  it('contract suspended: 1.855.000đ from 15 days to under a month, 3.710.000đ for a month or more, nothing under 15 days', () => {
    expect(covidSupportAmount('contract_suspended', { onDate: ON, suspendedDays: 15 }).amount).toBe(1_855_000);
    expect(covidSupportAmount('contract_suspended', { onDate: ON, oneMonthOrMore: true }).amount).toBe(3_710_000);
    const short = covidSupportAmount('contract_suspended', { onDate: ON, suspendedDays: 14 });
    expect(short).toMatchObject({ eligible: false, amount: 0 });
    expect(short.reason).toMatch(/dưới 15 ngày liên tục/);
  });

  it('adds 1.000.000đ for a pregnant worker and per child under 6', () => {
    const r = covidSupportAmount('contract_suspended', {
      onDate: ON,
      oneMonthOrMore: true,
      pregnant: true,
      childrenUnder6: 2,
    });
    expect(r.amount).toBe(3_710_000 + 1_000_000 + 2_000_000);
    expect(r.lines).toHaveLength(3);
    expect(covidSupportAmount('contract_ended', { onDate: ON, childrenUnder6: 1 }).amount).toBe(4_710_000);
    expect(covidSupportAmount('work_stoppage', { onDate: ON, stoppageDays: 14, pregnant: true }).amount).toBe(
      2_000_000,
    );
  });

  it('work stoppage: 1.000.000đ from 14 days', () => {
    expect(covidSupportAmount('work_stoppage', { onDate: ON, stoppageDays: 14 }).amount).toBe(1_000_000);
    expect(covidSupportAmount('work_stoppage', { onDate: ON, stoppageDays: 13 }).eligible).toBe(false);
  });

  it('F0/F1: 80.000đ per day, plus 1.000.000đ once for a child', () => {
    expect(covidSupportAmount('f0_f1', { onDate: ON, days: 14 }).amount).toBe(1_120_000);
    expect(covidSupportAmount('f0_f1', { onDate: ON, days: 21, isChild: true }).amount).toBe(2_680_000);
  });

  it('artists and tour guides 3.710.000đ per person; household businesses 3.000.000đ per household', () => {
    expect(covidSupportAmount('performing_artist', { onDate: ON })).toMatchObject({ amount: 3_710_000, per: 'person' });
    expect(covidSupportAmount('tour_guide', { onDate: ON })).toMatchObject({ amount: 3_710_000, per: 'person' });
    expect(covidSupportAmount('household_business', { onDate: ON })).toMatchObject({
      amount: 3_000_000,
      per: 'household',
      verified: false,
    });
  });

  it('describes the amount line by line', () => {
    expect(describeSupport(covidSupportAmount('f0_f1', { onDate: ON, days: 2, isChild: true }))).toBe(
      '1.160.000 đồng (tiền ăn cho người điều trị nhiễm COVID-19 (F0) hoặc cách ly y tế (F1), mỗi ngày × 2: 160.000 đồng; ' +
        'hỗ trợ thêm một lần cho trẻ em là F0 hoặc F1: 1.000.000 đồng)',
    );
  });

  it('refuses missing durations, bad counts, unknown kinds and dates before the package', () => {
    expect(() => covidSupportAmount('contract_suspended', { onDate: ON })).toThrow(/Nhập số ngày tạm hoãn/);
    expect(() => covidSupportAmount('work_stoppage', { onDate: ON })).toThrow(/Nhập số ngày ngừng việc/);
    expect(() => covidSupportAmount('f0_f1', { onDate: ON })).toThrow(/Nhập số ngày điều trị/);
    expect(() => covidSupportAmount('contract_ended', { onDate: ON, childrenUnder6: -1 })).toThrow(
      /Số con chưa đủ 6 tuổi phải là số nguyên không âm/,
    );
    expect(() => covidSupportAmount('bonus' as 'tour_guide', { onDate: ON })).toThrow(/Loại hỗ trợ "bonus" không có/);
    expect(() => covidSupportAmount('tour_guide', { onDate: '2021-06-30' })).toThrow(
      /không có giá trị nào có hiệu lực/,
    );
  });

  it('marks every amount unverified', () => {
    expect(COVID_2021_AMOUNTS.every((e) => !e.verified)).toBe(true);
  });
});
