/**
 * The movement of poor (or near-poor) households over a period, as the national review software
 * reports it ("diễn biến hộ nghèo"): start, decreases (left, other), increases (fell back, new,
 * other), end. Rates are poor households over all resident households × 100, two decimals
 * rounded half-up; a change between two rates is in percentage points (docs/legal/poverty.md).
 */

export type MovementState = 'poor' | 'near_poor' | 'none' | 'absent';

export interface HouseholdMovement {
  /** State at the start and at the end of the period; 'absent' = not a resident household then. */
  readonly start: MovementState;
  readonly end: MovementState;
  /** Whether the household was ever in the target class before the period (for "fell back"). */
  readonly everBefore: boolean;
}

export interface Movement {
  start: number;
  /** Left the class while still resident (gross exits). */
  left: number;
  /** Of `left`, to near-poor (for the poor table). */
  leftToNearPoor: number;
  fellBack: number;
  new: number;
  /** Moved in or split off (+), moved out, dissolved or died out (−). */
  otherIn: number;
  otherOut: number;
  end: number;
  /** start − end: the net decrease (may differ from `left`). */
  netDecrease: number;
}

/** One household's contribution to the movement of `target`. */
export function movementOf(h: HouseholdMovement, target: 'poor' | 'near_poor'): Partial<Movement> {
  const wasIn = h.start === target;
  const isIn = h.end === target;
  if (wasIn && isIn) return { start: 1, end: 1 };
  if (wasIn) {
    if (h.end === 'absent') return { start: 1, otherOut: 1 };
    return { start: 1, left: 1, leftToNearPoor: h.end === 'near_poor' ? 1 : 0 };
  }
  if (isIn) {
    if (h.start === 'absent') return { otherIn: 1, end: 1 };
    return h.everBefore ? { fellBack: 1, end: 1 } : { new: 1, end: 1 };
  }
  return {};
}

/** The movement table of many households; `end` always equals start − left − otherOut + fellBack + new + otherIn. */
export function movement(households: Iterable<HouseholdMovement>, target: 'poor' | 'near_poor'): Movement {
  const m: Movement = {
    start: 0,
    left: 0,
    leftToNearPoor: 0,
    fellBack: 0,
    new: 0,
    otherIn: 0,
    otherOut: 0,
    end: 0,
    netDecrease: 0,
  };
  for (const h of households) {
    const d = movementOf(h, target);
    for (const k of Object.keys(d) as (keyof Movement)[]) m[k] += d[k] ?? 0;
  }
  m.netDecrease = m.start - m.end;
  return m;
}

/**
 * A rate in percent with two decimals, rounded half-up, computed on integers: 1.234 poor of
 * 50.000 households -> 2.47. Returns 0 for an empty denominator.
 */
export function ratePercent(count: number, total: number): number {
  if (total <= 0) return 0;
  // hundredths of a percent, half-up: floor((count × 10000 × 2 + total) / (2 × total))
  return Math.floor((count * 20_000 + total) / (2 * total)) / 100;
}

/** The change between two rates in percentage points, two decimals (negative = the rate fell). */
export function rateChangePoints(startRate: number, endRate: number): number {
  return Math.round((endRate - startRate) * 100) / 100;
}

/** Achievement of a target, in the target's own measure (households or percentage points), in percent. */
export function targetAchievement(actual: number, target: number): number {
  if (target === 0) return 0;
  return Math.round((actual / target) * 10_000) / 100;
}
