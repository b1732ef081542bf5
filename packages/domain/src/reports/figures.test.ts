import { describe, expect, it } from 'vitest';
import {
  documentDateVi,
  documentNumber,
  elapsedShare,
  formatFigureVi,
  formatProgressVi,
  progressOf,
  ratioValue,
  rollUp,
} from './figures.js';

describe('roll-ups', () => {
  it('adds counts and sums', () => {
    expect(rollUp([{ value: 120 }, { value: 30 }, { value: 0 }], 'sum')).toEqual({ value: 150 });
  });

  it('recomputes a ratio from its parts instead of averaging the rates', () => {
    // 157 of 160 procedures and 1 of 40: the average of 98,13% and 2,5% would be 50,31%.
    const r = rollUp([ratioValue(157, 160), ratioValue(1, 40)], 'ratio')!;
    expect(r.numerator).toBe(158);
    expect(r.denominator).toBe(200);
    expect(r.value).toBe(79);
    expect(formatFigureVi(r, 'percent')).toBe('79%');
  });

  it('refuses to roll up a ratio whose parts are unknown', () => {
    expect(rollUp([{ value: 2.5 }, ratioValue(1, 2)], 'ratio')).toBeNull();
  });

  it('a ratio over nothing is 0, not a division by zero', () => {
    expect(ratioValue(0, 0).value).toBe(0);
  });
});

describe('progress against a target', () => {
  it('writes achieved/target with the percentage, as in the Department reports', () => {
    expect(formatProgressVi(28101, 38000)).toBe('28.101/38.000, đạt 73,95%');
    expect(formatProgressVi(9210, 8000)).toBe('9.210/8.000, đạt 115,13%');
    expect(formatProgressVi(21350, 30000)).toBe('21.350/30.000, đạt 71,17%');
    expect(formatProgressVi(12, null)).toBe('12');
  });

  it('judges higher-is-better against the share of the year elapsed', () => {
    expect(progressOf(28101, 38000, { elapsedShare: 0.5 }).status).toBe('on_track');
    expect(progressOf(10000, 38000, { elapsedShare: 0.75 }).status).toBe('behind');
    expect(progressOf(9210, 8000).status).toBe('met');
    expect(progressOf(5, null).status).toBe('no_target');
  });

  it('judges lower-is-better as a ceiling', () => {
    expect(progressOf(3, 5, { lowerIsBetter: true }).status).toBe('met');
    expect(progressOf(7, 5, { lowerIsBetter: true }).status).toBe('behind');
    expect(progressOf(0, 0, { lowerIsBetter: true })).toMatchObject({ status: 'met', percent: 100 });
  });

  it('measures the share of a period elapsed', () => {
    expect(elapsedShare('2021-01-01', '2021-12-31', '2021-12-31')).toBe(1);
    expect(elapsedShare('2021-01-01', '2021-12-31', '2020-06-30')).toBe(0);
    expect(elapsedShare('2021-01-01', '2021-12-31', '2021-07-02')).toBeCloseTo(183 / 365, 5);
  });
});

describe('Vietnamese figures', () => {
  it('writes money, millions, percentages and quantities', () => {
    expect(formatFigureVi({ value: 8601610000 }, 'dong')).toBe('8.601.610.000 đồng');
    expect(formatFigureVi({ value: 13676500000 }, 'million')).toBe('13.676,5 triệu đồng');
    expect(formatFigureVi(ratioValue(28101, 38000), 'percent')).toBe('73,95%');
    expect(formatFigureVi(ratioValue(157, 160), 'parts')).toBe('157/160');
    expect(formatFigureVi(ratioValue(157, 160), 'parts_percent')).toBe('157/160 (98,13%)');
    expect(formatFigureVi({ value: 2.5 }, 'percent')).toBe('2,5%');
    expect(formatFigureVi({ value: 1234567 }, 'tonnes')).toBe('1.234,6 tấn');
    expect(formatFigureVi({ value: 38000 })).toBe('38.000');
    expect(formatFigureVi({ value: 1.75 })).toBe('1,75');
    expect(formatFigureVi({ value: 2.5 })).toBe('2,5');
  });

  it('rounds percentages half up on the exact fraction', () => {
    // 1/8 = 12,5% exactly; 1/3 = 33,333…%; 2/3 = 66,666…%.
    expect(formatFigureVi(ratioValue(1, 8), 'percent')).toBe('12,5%');
    expect(formatFigureVi(ratioValue(1, 3), 'percent')).toBe('33,33%');
    expect(formatFigureVi(ratioValue(2, 3), 'percent')).toBe('66,67%');
    expect(formatFigureVi(ratioValue(1, 16), 'percent')).toBe('6,25%');
    expect(formatFigureVi(ratioValue(1, 1600), 'percent')).toBe('0,06%');
  });

  it('dates and numbers documents as Decree 30/2020 shows them', () => {
    expect(documentDateVi('2020-01-05')).toBe('ngày 05 tháng 01 năm 2020');
    expect(documentDateVi('2021-07-21')).toBe('ngày 21 tháng 7 năm 2021');
    expect(documentNumber(5, 'UBND')).toBe('05/BC-UBND');
    expect(documentNumber(169, 'SLĐTBXH', 'KH')).toBe('169/KH-SLĐTBXH');
  });
});

describe('percentages as a report writes them (issue 11)', () => {
  it('writes "3%" and "60,3%" without trailing zeros, two decimals only where asked', () => {
    expect(formatFigureVi({ value: 3 }, 'percent')).toBe('3%');
    expect(formatFigureVi({ value: 60.3 }, 'percent')).toBe('60,3%');
    expect(formatFigureVi(ratioValue(603, 1000), 'percent')).toBe('60,3%');
    expect(formatFigureVi(ratioValue(3, 100), 'percent2')).toBe('3,00%');
    expect(formatFigureVi(ratioValue(2, 3), 'percent1')).toBe('66,7%');
    expect(formatFigureVi(ratioValue(157, 160), 'parts_percent')).toBe('157/160 (98,13%)');
    expect(formatProgressVi(75, 100)).toBe('75/100, đạt 75%');
    expect(formatFigureVi({ value: 13_676_500_000 }, 'million')).toBe('13.676,5 triệu đồng');
    expect(formatFigureVi({ value: 13_676_500_000 }, 'dong')).toBe('13.676.500.000 đồng');
  });
});
