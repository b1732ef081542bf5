import { formatNumberVi } from '../numbers.js';

/**
 * Targets measured in percentage points (issue 11, docs/modules/reports.md "Plans and targets").
 * A rate such as the multidimensional poverty rate is targeted as a change over the year in
 * percentage points, not as a level: Decision 90/QĐ-TTg of 18/01/2022 (National Target Program
 * for sustainable poverty reduction 2021–2025), Art. 1 §II.2.a, "tỷ lệ hộ nghèo ... giảm 1–1,5%/năm",
 * read by provinces as points ("giảm 1,5 điểm %"). verified: false (article number not checked).
 */
export const POINTS_TARGET_SOURCE = {
  document: 'Quyết định 90/QĐ-TTg ngày 18/01/2022',
  article: 'Điều 1, mục II.2.a',
  verified: false,
} as const;

/**
 * The change a points target is measured in: for a rate where lower is better (poverty), the fall
 * (start − end); otherwise the rise (end − start). Rounded to 2 decimals (points are written so).
 */
export function pointsChange(start: number, end: number, lowerIsBetter: boolean): number {
  const d = lowerIsBetter ? start - end : end - start;
  return Math.round(d * 100) / 100;
}

/** "giảm 1,2 điểm % (kế hoạch giảm 1,5 điểm %), đạt 80%". */
export function formatPointsProgressVi(change: number, target: number, lowerIsBetter: boolean): string {
  const verb = lowerIsBetter ? 'giảm' : 'tăng';
  const actual =
    change < 0
      ? `${lowerIsBetter ? 'tăng' : 'giảm'} ${formatNumberVi(-change)} điểm %`
      : `${verb} ${formatNumberVi(change)} điểm %`;
  const plan = `kế hoạch ${verb} ${formatNumberVi(target)} điểm %`;
  if (target === 0) return `${actual} (${plan})`;
  return `${actual} (${plan}), đạt ${formatNumberVi(Math.round((change * 10000) / target) / 100)}%`;
}
