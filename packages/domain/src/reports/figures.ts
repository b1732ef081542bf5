/**
 * Figures of plans and reports: how values roll up the area tree, how progress against a target
 * is judged, and how a figure is written in a Vietnamese report ("28.101/38.000, đạt 73,95%").
 * Counts and sums add up; a ratio carries its numerator and denominator and is recomputed from
 * them at every level, never averaged (an average of district rates weighs a district of 500
 * households like one of 50.000).
 */
import { formatDong, formatMillionDong } from '../money.js';
import { formatNumberVi, formatPercentVi } from '../numbers.js';

export type Rollup = 'sum' | 'ratio';

/** A value as indicators give it: a ratio keeps its parts, `value` is then a percentage. */
export interface FigureValue {
  value: number;
  numerator?: number | undefined;
  denominator?: number | undefined;
}

/** A ratio as a percentage from its parts; 0 when the denominator is 0 (nothing to count). */
export function ratioValue(numerator: number, denominator: number): FigureValue {
  return { value: denominator === 0 ? 0 : (numerator * 100) / denominator, numerator, denominator };
}

/**
 * The value of a parent area from its children's: a sum adds values; a ratio adds numerators
 * and denominators and divides again. A ratio child without its parts cannot be rolled up:
 * answers null rather than a wrong figure.
 */
export function rollUp(values: readonly FigureValue[], rollup: Rollup): FigureValue | null {
  if (rollup === 'sum') return { value: values.reduce((s, v) => s + v.value, 0) };
  let num = 0;
  let den = 0;
  for (const v of values) {
    if (v.numerator === undefined || v.denominator === undefined) return null;
    num += v.numerator;
    den += v.denominator;
  }
  return ratioValue(num, den);
}

export type ProgressStatus = 'met' | 'on_track' | 'behind' | 'no_target';

export interface Progress {
  achieved: number;
  target: number | null;
  /** achieved / target as a percentage (unrounded); null without a target. */
  percent: number | null;
  status: ProgressStatus;
}

/**
 * Progress against a target. For "higher is better" the target is met at 100%; before the end
 * of the period a figure is on track when it is at least the share of the period elapsed (minus
 * 5 points of slack: work is not evenly spread). For "lower is better" (late dossiers, poor
 * households) the target is a ceiling: met while the figure is at or under it.
 */
export function progressOf(
  achieved: number,
  target: number | null | undefined,
  opts: { lowerIsBetter?: boolean | undefined; elapsedShare?: number | undefined } = {},
): Progress {
  if (target === null || target === undefined) return { achieved, target: null, percent: null, status: 'no_target' };
  const percent = target === 0 ? (achieved === 0 ? 100 : null) : (achieved * 100) / target;
  let status: ProgressStatus;
  if (opts.lowerIsBetter) status = achieved <= target ? 'met' : 'behind';
  else if (achieved >= target) status = 'met';
  else status = (percent ?? 0) + 5 >= (opts.elapsedShare ?? 1) * 100 ? 'on_track' : 'behind';
  return { achieved, target, percent, status };
}

/** The share of a period [from, to] elapsed at the end of `asOf` (0 to 1). */
export function elapsedShare(from: string, to: string, asOf: string): number {
  const d = (s: string) =>
    Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86_400_000;
  const total = d(to) - d(from) + 1;
  const done = Math.min(Math.max(d(asOf) - d(from) + 1, 0), total);
  return total <= 0 ? 1 : done / total;
}

/**
 * A plain number in a report: whole numbers as they are ("38.000"), fractions with at most two
 * decimals ("2,5", "1,75").
 */
export function formatQuantityVi(n: number): string {
  if (Number.isInteger(n)) return formatNumberVi(n);
  return formatNumberVi(n, 2).replace(/,?0+$/, '');
}

/** "60,30%" → "60,3%", "3,00%" → "3%": a report writes no trailing zeros unless asked for them. */
export function trimPercentZeros(s: string): string {
  return s.replace(/,(\d*?)0+%$/, (_m, d: string) => (d ? `,${d}%` : '%'));
}

/**
 * A percentage from integer parts when they are whole numbers (exact, half-up: "73,95%"),
 * otherwise from the value rounded to `decimals` decimals. Trailing zeros are dropped ("3%",
 * "60,3%") unless `fixed` asks for exactly that many decimals ("3,00%").
 */
export function formatPercentOf(numerator: number, denominator: number, decimals = 2, fixed = false): string {
  const s =
    Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator)
      ? formatPercentVi(numerator, denominator, decimals)
      : `${formatNumberVi((numerator * 100) / denominator, decimals)}%`;
  return fixed ? s : trimPercentZeros(s);
}

/** "28.101/38.000, đạt 73,95%"; without a target, the achieved figure alone. */
export function formatProgressVi(achieved: number, target: number | null | undefined): string {
  if (target === null || target === undefined || target === 0) return formatQuantityVi(achieved);
  return `${formatQuantityVi(achieved)}/${formatQuantityVi(target)}, đạt ${formatPercentOf(achieved, target)}`;
}

/** How a figure is written where a placeholder stands. */
export const FIGURE_FORMATS = [
  'number',
  'dong',
  'million',
  'tonnes',
  'percent',
  'percent1',
  'percent2',
  'parts',
  'parts_percent',
] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

/**
 * Writes a figure: `number` "21.350"; `dong` "8.601.610.000 đồng"; `million` "13.676,5 triệu
 * đồng" (only where a template asks for it); `tonnes` from kilograms "1.234,5 tấn"; `percent`
 * "98,13%", "60,3%", "3%" (at most two decimals, no trailing zeros; from the parts of a ratio when
 * it has them); `percent1` at most one decimal ("60,3%"); `percent2` exactly two ("3,00%");
 * `parts` "157/160"; `parts_percent` "157/160 (98,13%)".
 */
export function formatFigureVi(v: FigureValue, format: FigureFormat = 'number'): string {
  const hasParts = v.numerator !== undefined && v.denominator !== undefined;
  switch (format) {
    case 'dong':
      return formatDong(Math.round(v.value));
    case 'million':
      return formatMillionDong(Math.round(v.value));
    case 'tonnes':
      return `${formatQuantityVi(Math.round(v.value / 100) / 10)} tấn`;
    case 'percent':
    case 'percent1':
    case 'percent2': {
      const decimals = format === 'percent1' ? 1 : 2;
      const fixed = format === 'percent2';
      if (hasParts)
        return v.denominator === 0
          ? fixed
            ? '0,00%'
            : '0%'
          : formatPercentOf(v.numerator!, v.denominator!, decimals, fixed);
      const s = `${formatNumberVi(v.value, decimals)}%`;
      return fixed ? s : trimPercentZeros(s);
    }
    case 'parts':
      return hasParts
        ? `${formatQuantityVi(v.numerator!)}/${formatQuantityVi(v.denominator!)}`
        : formatQuantityVi(v.value);
    case 'parts_percent':
      return hasParts && v.denominator !== 0
        ? `${formatQuantityVi(v.numerator!)}/${formatQuantityVi(v.denominator!)} (${formatPercentOf(v.numerator!, v.denominator!)})`
        : formatFigureVi(v, 'percent');
    default:
      return formatQuantityVi(v.value);
  }
}

/** "ngày 05 tháng 01 năm 2020" (NĐ 30/2020: leading zero for days below 10 and months 1–2). */
export function documentDateVi(iso: string): string {
  const [y, m, d] = iso.split('-');
  const month = Number(m);
  return `ngày ${d} tháng ${month <= 2 ? String(month).padStart(2, '0') : String(month)} năm ${y}`;
}

/** The number of a document: "05/BC-SLĐTBXH" (numbers below 10 get a leading zero). */
export function documentNumber(seq: number | null, symbol: string, type = 'BC'): string {
  const n = seq === null ? '   ' : String(seq).padStart(2, '0');
  return `${n}/${type}-${symbol}`;
}
