import { standardOn, type B1Table, type PovertyStandard, type PovertyResidence } from './standards.js';

/**
 * Classification of one surveyed household by a poverty standard (docs/legal/poverty.md):
 * QĐ 59/2015/QĐ-TTg Điều 3 for 2016–2020 (two lines) and NĐ 07/2021/NĐ-CP Điều 3 for 2022–2025,
 * kept by NĐ 351/2025/NĐ-CP for 2026 and with new lines for 2027–2030 (one line). Pure: no I/O.
 */

export type PovertyClass = 'poor' | 'near_poor' | 'left_poverty' | 'left_near_poverty' | 'average_farm' | 'not_poor';
export type RegistryPovertyCategory = 'poor' | 'near_poor' | 'average';
/** Where a household's income stands against the standard's lines. */
export type IncomeBand = 'below_poverty' | 'between_lines' | 'average' | 'above';

export const POVERTY_CLASS_LABELS: Record<PovertyClass, { vi: string; en: string }> = {
  poor: { vi: 'Hộ nghèo', en: 'Poor' },
  near_poor: { vi: 'Hộ cận nghèo', en: 'Near-poor' },
  left_poverty: { vi: 'Hộ thoát nghèo', en: 'Left poverty' },
  left_near_poverty: { vi: 'Hộ thoát cận nghèo', en: 'Left near-poverty' },
  average_farm: {
    vi: 'Hộ làm nông, lâm, ngư, diêm nghiệp có mức sống trung bình',
    en: 'Average-living farm household',
  },
  not_poor: { vi: 'Không nghèo', en: 'Not poor' },
};

export interface ScreeningAnswers {
  /** Codes of Phiếu A criteria answered "yes". */
  readonly yes: readonly string[];
}

export interface SurveyInput {
  readonly residence: PovertyResidence;
  /** Phiếu A; a household excluded by it is not poor, whatever Phiếu B would say. */
  readonly screening?: ScreeningAnswers | null;
  /** B1 answers: item code -> option code. */
  readonly b1?: Readonly<Record<string, string>> | null;
  /** A B1 total already computed (imported from the national software), used when no answers are given. */
  readonly b1Score?: number | null;
  /** Estimated income per person per month in đồng, used when there is no B1 score at all. */
  readonly incomePerPersonMonth?: number | null;
  /** B2: codes of the indicators in which the household is deprived. */
  readonly deprived: readonly string[];
  /** The class on the current lists (before the review). */
  readonly previous?: 'poor' | 'near_poor' | null;
  /** Lives from farming, forestry, fishery or salt making (for the average-living farm class). */
  readonly farmHousehold?: boolean;
}

export interface B1Line {
  item: string;
  itemVi: string;
  option: string;
  optionVi: string;
  points: number;
}

export interface Classification {
  standard: PovertyStandard['code'];
  class: PovertyClass;
  /** The category the registry holds after recognition, or null (no poverty status). */
  registryCategory: RegistryPovertyCategory | null;
  excludedByScreening: string[];
  b1Score: number | null;
  b1Lines: B1Line[];
  incomeBand: IncomeBand;
  deprived: { code: string; vi: string }[];
  deprivationCount: number;
  /** Why, in Vietnamese, one sentence per step. */
  reasons: string[];
}

export class SurveyProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The B1 score and its lines; throws SurveyProblem for an unknown item or option. */
export function scoreB1(
  table: Pick<B1Table, 'base' | 'items'>,
  residence: PovertyResidence,
  answers: Readonly<Record<string, string>>,
): { score: number; lines: B1Line[] } {
  const lines: B1Line[] = [];
  for (const [itemCode, optionCode] of Object.entries(answers)) {
    const item = table.items.find((i) => i.code === itemCode);
    if (!item)
      throw new SurveyProblem(
        `b1.${itemCode}`,
        `Phiếu B1 không có mục "${itemCode}". Bỏ mục này hoặc chọn mục trong phiếu.`,
      );
    const option = item.options.find((o) => o.code === optionCode);
    if (!option) {
      const codes = item.options.map((o) => o.code).join(', ');
      throw new SurveyProblem(
        `b1.${itemCode}`,
        `Mục "${item.vi}" không có lựa chọn "${optionCode}". Chọn một trong: ${codes}.`,
      );
    }
    lines.push({
      item: item.code,
      itemVi: item.vi,
      option: option.code,
      optionVi: option.vi,
      points: option.points[residence],
    });
  }
  return { score: table.base[residence] + lines.reduce((s, l) => s + l.points, 0), lines };
}

/** Where a B1 score or an income stands against the standard's lines. */
export function incomeBandOf(
  standard: PovertyStandard,
  residence: PovertyResidence,
  b1: Pick<B1Table, 'cutoffs'>,
  by: { b1Score: number } | { income: number },
): IncomeBand {
  if ('b1Score' in by) {
    const c = b1.cutoffs[residence];
    if (by.b1Score <= c.poverty) return 'below_poverty';
    if (c.nearPoor !== null && by.b1Score <= c.nearPoor) return 'between_lines';
    return by.b1Score <= c.average ? 'average' : 'above';
  }
  const l = standard.lines;
  if (by.income <= l.poverty[residence]) return 'below_poverty';
  if (l.nearPoor && by.income <= l.nearPoor[residence]) return 'between_lines';
  return by.income <= l.averageUpTo[residence] ? 'average' : 'above';
}

/**
 * Classify one household by `standard` (pass the campaign's own B1 table when the department
 * corrected it). Throws SurveyProblem for unknown indicators, B1 items or options.
 */
export function classifyHousehold(
  standard: PovertyStandard,
  input: SurveyInput,
  b1: B1Table = standard.b1,
): Classification {
  const reasons: string[] = [];
  const res = input.residence;
  const known = new Map(standard.indicators.map((i) => [i.code, i]));
  const deprived = [...new Set(input.deprived)].map((code) => {
    const ind = known.get(code);
    if (!ind) throw new SurveyProblem('deprived', `Chỉ số thiếu hụt "${code}" không có trong ${standard.vi}.`);
    return { code, vi: ind.vi };
  });
  const excluded = (input.screening?.yes ?? []).filter((c) =>
    standard.screening.excludeIfAny.some((x) => x.code === c),
  );
  const counted = (input.screening?.yes ?? []).filter((c) => standard.screening.counted.some((x) => x.code === c));
  const screenedOut = excluded.length > 0 || counted.length >= standard.screening.excludeIfCount;

  let b1Score: number | null = null;
  let b1Lines: B1Line[] = [];
  if (input.b1 && Object.keys(input.b1).length > 0) {
    ({ score: b1Score, lines: b1Lines } = scoreB1(b1, res, input.b1));
  } else if (input.b1Score !== undefined && input.b1Score !== null) {
    b1Score = input.b1Score;
  }
  let band: IncomeBand;
  if (screenedOut) {
    band = 'above';
    reasons.push(
      `Phiếu A: hộ có ${[...excluded, ...counted].join(', ')}, không thuộc diện khảo sát tiếp bằng Phiếu B.`,
    );
  } else if (b1Score !== null) {
    band = incomeBandOf(standard, res, b1, { b1Score });
    const c = b1.cutoffs[res];
    reasons.push(
      `Điểm B1 = ${b1Score} (ngưỡng nghèo ${c.poverty}${c.nearPoor !== null ? `, cận nghèo ${c.nearPoor}` : ''}, mức sống trung bình ${c.average}).`,
    );
  } else if (input.incomePerPersonMonth !== undefined && input.incomePerPersonMonth !== null) {
    band = incomeBandOf(standard, res, b1, { income: input.incomePerPersonMonth });
    reasons.push(
      `Thu nhập bình quân ${input.incomePerPersonMonth} đ/người/tháng, chuẩn ${standard.lines.poverty[res]} đ.`,
    );
  } else {
    throw new SurveyProblem('b1', 'Chưa có điểm B1 hoặc thu nhập: trả lời Phiếu B1 hoặc nhập tổng điểm B1.');
  }
  const n = deprived.length;
  if (n) reasons.push(`Thiếu hụt ${n} chỉ số: ${deprived.map((d) => d.vi).join('; ')}.`);

  let current: 'poor' | 'near_poor' | null = null;
  if (standard.rule === 'two_lines') {
    if (band === 'below_poverty') current = 'poor';
    else if (band === 'between_lines') current = n >= standard.deprivationThreshold ? 'poor' : 'near_poor';
  } else if (band === 'below_poverty') {
    current = n >= standard.deprivationThreshold ? 'poor' : 'near_poor';
  }
  const averageFarm = !current && band === 'average' && input.farmHousehold === true;

  let cls: PovertyClass;
  if (current) cls = current;
  else if (input.previous === 'poor') cls = 'left_poverty';
  else if (input.previous === 'near_poor') cls = 'left_near_poverty';
  else cls = averageFarm ? 'average_farm' : 'not_poor';
  reasons.push(`Kết quả: ${POVERTY_CLASS_LABELS[cls].vi} (${standard.vi}).`);

  return {
    standard: standard.code,
    class: cls,
    registryCategory: current ?? (averageFarm ? 'average' : null),
    excludedByScreening: screenedOut ? [...excluded, ...counted] : [],
    b1Score,
    b1Lines,
    incomeBand: band,
    deprived,
    deprivationCount: n,
    reasons,
  };
}

/**
 * The standard a review applies. A periodic review (01/9–14/12) decides the lists of the next
 * year, so it applies the standard in force on 1 January after it (the end-2021 review applied
 * the 2022–2025 standard); an ad hoc review applies the one in force on its date.
 */
export function standardForReview(reviewDate: string, kind: 'periodic' | 'adhoc'): PovertyStandard | null {
  if (kind === 'periodic' && reviewDate.slice(5) >= '09-01')
    return standardOn(`${Number(reviewDate.slice(0, 4)) + 1}-01-01`);
  return standardOn(reviewDate);
}
