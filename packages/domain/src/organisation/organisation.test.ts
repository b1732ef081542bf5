import { describe, expect, it } from 'vitest';
import { staffCutPercent, unitActiveOn, validateStaffing } from './index.js';

describe('organisation rules', () => {
  it('counts a unit active from its founding day through its last day', () => {
    const merged = { activeFrom: '2020-01-01', activeTo: '2025-06-30' };
    expect(unitActiveOn(merged, '2025-06-30')).toBe(true);
    expect(unitActiveOn(merged, '2025-07-01')).toBe(false);
    expect(unitActiveOn({ activeFrom: '2025-07-01', activeTo: null }, '2025-06-30')).toBe(false);
    expect(unitActiveOn({ activeFrom: '2025-07-01', activeTo: null }, '2030-01-01')).toBe(true);
  });

  it('gives the staff cut in percent of the start of the year, two decimals half-up', () => {
    expect(staffCutPercent(10, 150)).toBe(6.67);
    expect(staffCutPercent(15, 150)).toBe(10);
    expect(staffCutPercent(1, 8)).toBe(12.5);
    expect(staffCutPercent(0, 0)).toBeNull();
  });

  it('refuses a cut larger than the start, and more staff than approved posts', () => {
    expect(validateStaffing({ approvedPosts: 100, staffStart: 90, staffEnd: 85, staffCut: 5 })).toEqual([]);
    expect(
      validateStaffing({ approvedPosts: 100, staffStart: 5, staffEnd: 101, staffCut: 6 }).map((p) => p.path),
    ).toEqual(['body.staffCut', 'body.staffEnd']);
  });
});
