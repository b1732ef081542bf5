import { describe, expect, it } from 'vitest';
import { formatPointsProgressVi, pointsChange } from './targets.js';

describe('targets in percentage points', () => {
  it('measures a poverty-rate fall in points (Decision 90/QĐ-TTg: giảm 1–1,5%/năm)', () => {
    // 4,52% at the start of the year, 3,30% at the end: a fall of 1,22 points against 1,5 planned.
    const change = pointsChange(4.52, 3.3, true);
    expect(change).toBe(1.22);
    expect(formatPointsProgressVi(change, 1.5, true)).toBe('giảm 1,22 điểm % (kế hoạch giảm 1,5 điểm %), đạt 81,33%');
  });
  it('says a rise when a rate that should fall rose', () => {
    expect(pointsChange(3, 3.4, true)).toBe(-0.4);
    expect(formatPointsProgressVi(-0.4, 1, true)).toBe('tăng 0,4 điểm % (kế hoạch giảm 1 điểm %), đạt -40%');
  });
  it('measures a rise for a rate where higher is better', () => {
    expect(pointsChange(60.3, 62, false)).toBe(1.7);
  });
});
