import { describe, expect, it } from 'vitest';
import { movement, rateChangePoints, ratePercent, targetAchievement, type HouseholdMovement } from './movement.js';

const h = (
  start: HouseholdMovement['start'],
  end: HouseholdMovement['end'],
  everBefore = false,
): HouseholdMovement => ({ start, end, everBefore });

describe('movement of poor households', () => {
  it('counts start, left, fell back, new, other and end, and end balances', () => {
    const rows = [
      h('poor', 'poor'),
      h('poor', 'near_poor'),
      h('poor', 'none'),
      h('poor', 'absent'),
      h('none', 'poor', true),
      h('near_poor', 'poor'),
      h('absent', 'poor'),
      h('none', 'none'),
    ];
    const m = movement(rows, 'poor');
    expect(m).toEqual({
      start: 4,
      left: 2,
      leftToNearPoor: 1,
      fellBack: 1,
      new: 1,
      otherIn: 1,
      otherOut: 1,
      end: 4,
      netDecrease: 0,
    });
    expect(m.start - m.left - m.otherOut + m.fellBack + m.new + m.otherIn).toBe(m.end);
    expect(movement(rows, 'near_poor')).toMatchObject({ start: 1, new: 1, end: 1, left: 1 });
  });

  it('reports the net decrease and the gross exits separately', () => {
    const m = movement([h('poor', 'none'), h('poor', 'none'), h('none', 'poor')], 'poor');
    expect(m.left).toBe(2);
    expect(m.netDecrease).toBe(1);
  });
});

describe('poverty rate', () => {
  it('is two decimals rounded half-up on integers, the change in percentage points', () => {
    expect(ratePercent(1234, 50_000)).toBe(2.47);
    expect(ratePercent(1, 8)).toBe(12.5);
    expect(ratePercent(1, 800)).toBe(0.13); // 0.125 -> 0.13 half-up
    expect(ratePercent(3, 0)).toBe(0);
    expect(rateChangePoints(4.21, 3.05)).toBe(-1.16);
    expect(targetAchievement(2100, 2000)).toBe(105);
  });
});
