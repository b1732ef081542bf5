/**
 * Monthly social allowance (trợ cấp xã hội hằng tháng), NĐ 20/2021/NĐ-CP Art. 6: base level ×
 * coefficient, where the coefficient depends on the clause of Art. 5 the person is in and, for some
 * clauses, on age or on being a child or an elderly person; a person in several clauses gets only
 * the highest, except a poor single parent (docs/legal/social-assistance.md).
 */

import { ageOn, formatDateVi, isPartialDate, isValidIsoDate, type PartialDate } from '../dates.js';
import { formatDong, type Dong } from '../money.js';
import { formatRatioVi } from '../numbers.js';
import { socialAssistanceBaseOn } from './base-levels.js';
import { effectiveTable, valueOn, type EffectiveTable } from './effective.js';

/**
 * Clauses of NĐ 20/2021/NĐ-CP Art. 5, with the codes of the registry catalogue
 * (`STATUS_CATEGORIES.social_assistance`); clause 6 is split by degree of disability.
 */
export type SocialAssistanceClause =
  '1' | '2' | '3' | '4' | '5a' | '5b' | '5c' | '5d' | '6_especially_severe' | '6_severe' | '7' | '8';

/** Every clause, in the order of Art. 5; ties between equal coefficients go to the first. */
export const SOCIAL_ASSISTANCE_CLAUSES: readonly SocialAssistanceClause[] = [
  '1',
  '2',
  '3',
  '4',
  '5a',
  '5b',
  '5c',
  '5d',
  '6_especially_severe',
  '6_severe',
  '7',
  '8',
];

/** How a clause is named in Vietnamese explanations ("khoản 5 điểm a Điều 5"). */
export const SOCIAL_ASSISTANCE_CLAUSE_LABELS: Readonly<Record<SocialAssistanceClause, string>> = {
  '1': 'khoản 1 Điều 5 (trẻ em không có nguồn nuôi dưỡng)',
  '2': 'khoản 2 Điều 5 (từ đủ 16 tuổi đang đi học)',
  '3': 'khoản 3 Điều 5 (trẻ em nhiễm HIV/AIDS thuộc hộ nghèo)',
  '4': 'khoản 4 Điều 5 (người đơn thân nghèo đang nuôi con)',
  '5a': 'khoản 5 điểm a Điều 5 (người cao tuổi thuộc hộ nghèo, không có người phụng dưỡng)',
  '5b': 'khoản 5 điểm b Điều 5 (người cao tuổi từ đủ 75 đến 80 tuổi, vùng đặc biệt khó khăn)',
  '5c': 'khoản 5 điểm c Điều 5 (người từ đủ 80 tuổi không có lương hưu, trợ cấp)',
  '5d': 'khoản 5 điểm d Điều 5 (người cao tuổi được nhận chăm sóc tại cộng đồng)',
  '6_especially_severe': 'khoản 6 Điều 5 (người khuyết tật đặc biệt nặng)',
  '6_severe': 'khoản 6 Điều 5 (người khuyết tật nặng)',
  '7': 'khoản 7 Điều 5 (trẻ em dưới 3 tuổi, vùng đặc biệt khó khăn)',
  '8': 'khoản 8 Điều 5 (người nhiễm HIV/AIDS thuộc hộ nghèo)',
};

/**
 * One row of Art. 6(1). A row applies when every condition it has holds; when several rows of a
 * clause apply, the highest coefficient is paid. Coefficients are in tenths (2,5 → 25) so that
 * amounts stay integer: 360.000 × 25 / 10.
 */
export interface CoefficientRule {
  readonly coefficientTenths: number;
  /** Applies from this age in completed years (inclusive). */
  readonly ageFrom?: number;
  /** Applies below this age in completed years (exclusive). */
  readonly ageBelow?: number;
  /** Applies only to a child or an elderly person (clause 6). */
  readonly childOrElderly?: true;
  /** The coefficient is per child being raised (clause 4). */
  readonly perChild?: true;
  /** The row as the decree words it. */
  readonly vi: string;
}

export type CoefficientTable = Readonly<Record<SocialAssistanceClause, readonly CoefficientRule[]>>;

const ROWS_2021: CoefficientTable = {
  '1': [
    { coefficientTenths: 25, ageBelow: 4, vi: 'dưới 4 tuổi' },
    { coefficientTenths: 15, ageFrom: 4, vi: 'từ đủ 4 tuổi trở lên' },
  ],
  '2': [{ coefficientTenths: 15, vi: 'mọi trường hợp' }],
  '3': [
    { coefficientTenths: 25, ageBelow: 4, vi: 'dưới 4 tuổi' },
    { coefficientTenths: 20, ageFrom: 4, ageBelow: 16, vi: 'từ đủ 4 tuổi đến dưới 16 tuổi' },
  ],
  '4': [{ coefficientTenths: 10, perChild: true, vi: 'mỗi một con đang nuôi' }],
  // The decree says "từ đủ 60 tuổi đến 80 tuổi" and "từ đủ 80 tuổi trở lên": both name age 80, and
  // the higher row wins, so 80 is paid 2,0.
  '5a': [
    { coefficientTenths: 15, ageFrom: 60, ageBelow: 80, vi: 'từ đủ 60 tuổi đến 80 tuổi' },
    { coefficientTenths: 20, ageFrom: 80, vi: 'từ đủ 80 tuổi trở lên' },
  ],
  '5b': [{ coefficientTenths: 10, vi: 'mọi trường hợp' }],
  '5c': [{ coefficientTenths: 10, vi: 'mọi trường hợp' }],
  '5d': [{ coefficientTenths: 30, vi: 'mọi trường hợp' }],
  '6_especially_severe': [
    { coefficientTenths: 20, vi: 'người khuyết tật đặc biệt nặng' },
    { coefficientTenths: 25, childOrElderly: true, vi: 'trẻ em hoặc người cao tuổi khuyết tật đặc biệt nặng' },
  ],
  '6_severe': [
    { coefficientTenths: 15, vi: 'người khuyết tật nặng' },
    { coefficientTenths: 20, childOrElderly: true, vi: 'trẻ em hoặc người cao tuổi khuyết tật nặng' },
  ],
  '7': [{ coefficientTenths: 15, vi: 'mọi trường hợp' }],
  '8': [{ coefficientTenths: 15, vi: 'mọi trường hợp' }],
};

/**
 * NĐ 136/2013/NĐ-CP Art. 6(1), in force until 30/6/2021, read onto the clauses of NĐ 20/2021 that
 * the registry catalogue uses: the same coefficients for the same groups (orphans and abandoned
 * children 2,5 under 4 and 1,5 from 4; 16–22 in school 1,5; children with HIV of poor households
 * 2,5/2,0; poor single parents 1,0 per child; poor elderly without carers 1,5 from 60 and 2,0 from
 * 80; 80 and over without a pension 1,0; elderly cared for in the community 3,0; disability per
 * NĐ 28/2012/NĐ-CP 2,0/2,5 and 1,5/2,0; adults with HIV of poor households 1,5). Two groups did
 * not exist before NĐ 20/2021 and have no row: the elderly aged 75–80 in especially difficult
 * areas (clause 5b) and children under 3 in especially difficult areas (clause 7) [M: recalled,
 * the text not read here: `verified: false`].
 */
const ROWS_2013: CoefficientTable = {
  ...ROWS_2021,
  '5b': [],
  '7': [],
};

/**
 * Coefficients of NĐ 20/2021/NĐ-CP Art. 6(1)(a)–(g) [R: PD
 * `chinh-sach-xa-hoi/chinh-sach-tro-giup-xa-hoi-doi-voi-doi-tuong-bao-tro-xa-hoi.md`, text of 2021].
 * From 01/7/2024 the same rows are assumed: NĐ 76/2024/NĐ-CP amended NĐ 20/2021 and its text was
 * not read, so that period is `verified: false` [M].
 */
export const SOCIAL_ASSISTANCE_COEFFICIENTS: EffectiveTable<CoefficientTable> = effectiveTable('Hệ số trợ cấp xã hội', [
  {
    from: '2014-01-01',
    to: '2021-06-30',
    value: ROWS_2013,
    source:
      'Nghị định 136/2013/NĐ-CP, Điều 6 khoản 1 (đối chiếu theo diện của Nghị định 20/2021/NĐ-CP; chưa đối chiếu văn bản gốc)',
    verified: false,
  },
  {
    from: '2021-07-01',
    to: '2024-06-30',
    value: ROWS_2021,
    source: 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1',
    verified: true,
  },
  {
    from: '2024-07-01',
    to: null,
    value: ROWS_2021,
    source:
      'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1 (giả định Nghị định 76/2024/NĐ-CP không sửa hệ số; chưa đối chiếu)',
    verified: false,
  },
]);

/**
 * Who counts as a child or an elderly person for clause 6: a child is under 16 (Luật Trẻ em
 * 102/2016/QH13, Art. 1), an elderly person is 60 or over (Luật Người cao tuổi 39/2009/QH12, Art. 2)
 * [M: both articles recalled, not read here].
 */
export const AGE_GROUPS = {
  childBelow: 16,
  elderlyFrom: 60,
  source: 'Luật Trẻ em 102/2016/QH13, Điều 1; Luật Người cao tuổi 39/2009/QH12, Điều 2',
  verified: false,
} as const;

/** Clauses whose allowance a poor single parent keeps on top of clause 4 (Art. 6(2)). */
const COMBINABLE_WITH_SINGLE_PARENT: ReadonlySet<SocialAssistanceClause> = new Set([
  '5a',
  '5b',
  '5c',
  '5d',
  '6_especially_severe',
  '6_severe',
  '8',
]);

/** One clause a person is in; `childrenCount` is required for clause 4 and refused elsewhere. */
export interface SocialAssistanceClauseInput {
  readonly code: SocialAssistanceClause;
  readonly childrenCount?: number;
}

export interface SocialAssistanceInput {
  readonly clauses: readonly SocialAssistanceClauseInput[];
  readonly birthDate: PartialDate;
  /** The day the allowance is for (`YYYY-MM-DD`): it selects the base level, coefficients and age. */
  readonly onDate: string;
  /** Overrides the age-based reading (under 16) for clause 6. */
  readonly isChild?: boolean;
  /** Overrides the age-based reading (60 or over) for clause 6. */
  readonly isElderly?: boolean;
  /**
   * A higher base level set by the provincial People's Council (NĐ 20/2021 Art. 4(3)); it may not
   * be lower than the national level on `onDate`.
   */
  readonly provincialBaseLevel?: Dong;
}

/** One clause with its coefficient and amount. */
export interface SocialAssistanceBasis {
  readonly clause: SocialAssistanceClause;
  /** The coefficient in tenths; for clause 4, already multiplied by the number of children. */
  readonly coefficientTenths: number;
  readonly baseLevel: Dong;
  readonly amount: Dong;
  /** The row of Art. 6(1) applied, as the decree words it. */
  readonly rule: string;
  readonly childrenCount?: number;
}

export interface SocialAssistanceResult {
  /** Monthly allowance in đồng. */
  readonly amount: Dong;
  /** The clauses paid: one, or two for a poor single parent (clause 4 and one of 5, 6, 8). */
  readonly basis: readonly SocialAssistanceBasis[];
  /** Every clause given, with what it alone would pay. */
  readonly candidates: readonly SocialAssistanceBasis[];
  /** How the amount was reached, in Vietnamese, with the articles applied. */
  readonly explanation: string;
  /** False when the base level or the coefficients used are not verified against the legal text. */
  readonly verified: boolean;
}

const fail = (vi: string, en: string): never => {
  throw new Error(`${vi} / ${en}`);
};

/** A coefficient in tenths written the Vietnamese way: 25 → "2,5", 20 → "2,0". */
export function formatCoefficientTenths(tenths: number): string {
  return formatRatioVi(tenths, 10, 1);
}

/**
 * base × coefficient / 10, rounded half up to the đồng in integer arithmetic. With the national
 * base levels (multiples of 10 đồng) the division is always exact; rounding only matters for a
 * provincial level that is not.
 */
function applyCoefficient(base: Dong, tenths: number): Dong {
  const product = base * tenths;
  if (!Number.isSafeInteger(product)) fail('Số tiền quá lớn.', `Amount overflows: ${base} × ${tenths}`);
  return Math.floor((product + 5) / 10);
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * The possible ages on `onDate` of someone born on a partial date: with a full date both are the
 * same; with "1944" the person may have been born any day of 1944, so the youngest reading takes
 * the last day of the year (or `onDate` if that is earlier) and the oldest is `ageOn`'s reading
 * (first day of the period).
 */
function ageRange(birthDate: PartialDate, onDate: string): { min: number; max: number } {
  if (!isPartialDate(birthDate)) {
    fail(
      `Ngày sinh "${birthDate}" không hợp lệ; ghi theo dạng YYYY-MM-DD, YYYY-MM hoặc YYYY.`,
      `Invalid birth date ${JSON.stringify(birthDate)}.`,
    );
  }
  const [y, m] = birthDate.split('-').map(Number) as [number, number?];
  const earliest =
    birthDate.length === 4 ? `${birthDate}-01-01` : birthDate.length === 7 ? `${birthDate}-01` : birthDate;
  if (earliest > onDate) {
    fail(
      `Ngày ${formatDateVi(onDate)} trước ngày sinh ${birthDate}: kiểm tra lại ngày.`,
      `${onDate} is before the birth date ${birthDate}.`,
    );
  }
  const latestPossible =
    birthDate.length === 4
      ? `${birthDate}-12-31`
      : birthDate.length === 7
        ? `${birthDate}-${String(lastDayOfMonth(y, m!)).padStart(2, '0')}`
        : birthDate;
  const latest = latestPossible > onDate ? onDate : latestPossible;
  return { min: ageOn(latest, onDate), max: ageOn(birthDate, onDate) };
}

interface Person {
  readonly age: { min: number; max: number };
  readonly isChild: boolean;
  readonly isElderly: boolean;
}

function ruleApplies(rule: CoefficientRule, p: Person): boolean {
  // With a partial birth date a row applies if it fits any possible age (see socialAssistanceMonthly).
  if (rule.ageFrom !== undefined && p.age.max < rule.ageFrom) return false;
  if (rule.ageBelow !== undefined && p.age.min >= rule.ageBelow) return false;
  if (rule.childOrElderly && !p.isChild && !p.isElderly) return false;
  return true;
}

function ageText(age: { min: number; max: number }): string {
  return age.min === age.max ? `${age.min} tuổi` : `${age.min}–${age.max} tuổi (ngày sinh không đầy đủ)`;
}

function candidateFor(
  input: SocialAssistanceClauseInput,
  table: { value: CoefficientTable; source: string; from: string },
  p: Person,
  base: Dong,
): SocialAssistanceBasis {
  const rows = table.value;
  const { code } = input;
  const label = SOCIAL_ASSISTANCE_CLAUSE_LABELS[code];
  if (code === '4') {
    const n = input.childrenCount;
    if (n === undefined || !Number.isSafeInteger(n) || n < 1) {
      fail(
        `Diện ${label}: nhập số con đang nuôi (số nguyên từ 1 trở lên); hệ số là 1,0 cho mỗi con.`,
        'Clause 4 needs childrenCount, an integer of at least 1.',
      );
    }
  } else if (input.childrenCount !== undefined) {
    fail(
      `Số con đang nuôi chỉ ghi cho diện người đơn thân nghèo đang nuôi con (khoản 4 Điều 5), không ghi cho ${label}.`,
      `childrenCount is only for clause 4, not clause ${code}.`,
    );
  }
  if (rows[code].length === 0) {
    return fail(
      `Diện ${label} chưa có trong quy định áp dụng ngày này (${table.source}): không có trợ cấp theo diện này trước khi Nghị định 20/2021/NĐ-CP có hiệu lực (01/7/2021).`,
      `Clause ${code} did not exist on this date (before NĐ 20/2021, 01/7/2021).`,
    );
  }
  const applicable = rows[code].filter((r) => ruleApplies(r, p));
  if (applicable.length === 0) {
    const wording = rows[code].map((r) => r.vi).join('; ');
    return fail(
      `Diện ${label} không có hệ số cho người ${ageText(p.age)} (Điều 6 khoản 1 Nghị định 20/2021/NĐ-CP chỉ quy định: ${wording}). ` +
        'Kiểm tra lại diện hưởng hoặc ngày sinh.',
      `Clause ${code} has no coefficient for age ${p.age.min}–${p.age.max}.`,
    );
  }
  const best = applicable.reduce((a, b) => (b.coefficientTenths > a.coefficientTenths ? b : a));
  const coefficientTenths = best.perChild ? best.coefficientTenths * input.childrenCount! : best.coefficientTenths;
  return {
    clause: code,
    coefficientTenths,
    baseLevel: base,
    amount: applyCoefficient(base, coefficientTenths),
    rule: best.vi,
    ...(best.perChild ? { childrenCount: input.childrenCount! } : {}),
  };
}

function describeBasis(b: SocialAssistanceBasis): string {
  const coefficient =
    b.childrenCount !== undefined
      ? `hệ số 1,0 × ${b.childrenCount} con = ${formatCoefficientTenths(b.coefficientTenths)}`
      : `hệ số ${formatCoefficientTenths(b.coefficientTenths)}`;
  return `${SOCIAL_ASSISTANCE_CLAUSE_LABELS[b.clause]}, ${b.rule}: ${coefficient} × ${formatDong(b.baseLevel)} = ${formatDong(b.amount)}`;
}

const total = (bs: readonly SocialAssistanceBasis[]): number => bs.reduce((s, b) => s + b.coefficientTenths, 0);

/**
 * The monthly social allowance of a person on a date, NĐ 20/2021/NĐ-CP Art. 6.
 *
 * - Base level: the national level in force on `onDate` (360.000đ from 01/7/2021, 500.000đ from
 *   01/7/2024; see `SOCIAL_ASSISTANCE_BASE_LEVELS`), or the provincial level if given and not lower.
 * - Coefficient of each clause: the rows of Art. 6(1) (`SOCIAL_ASSISTANCE_COEFFICIENTS`), by age
 *   on `onDate` where the row depends on it; clause 6 pays the child-or-elderly row to a person
 *   under 16 or aged 60 or over (`AGE_GROUPS`) unless `isChild`/`isElderly` say otherwise.
 * - Several clauses (Art. 6(2)): only the highest coefficient is paid; except that a poor single
 *   parent (clause 4) who is also in clause 5, 6 or 8 gets both the clause 4 amount and the highest
 *   of those. Which of the two ways pays more is chosen, so a single parent who is also in, say,
 *   clause 2 is never paid less than the highest single coefficient [interpretation: the decree does
 *   not address that combination].
 * - Amount of each clause: base × coefficient / 10, rounded half up to the đồng in integer
 *   arithmetic (exact with the national levels); the amounts of the clauses paid are added.
 *
 * Birth dates known only to the year or month: `ageOn` reads "1944" as 1 January 1944, which never
 * delays a benefit that rises with age (clause 5a pays 2,0 from the start of the year the person
 * turns 80) but would cut early one that falls with age (clauses 1 and 3 pay 2,5 under 4). So each
 * row is tested against every age the person may have on `onDate` and the highest applicable row is
 * paid: the same rule as `ageOn` (the reading that does not take a benefit away from someone whose
 * papers show only a year), applied in both directions. A full birth date gives one age.
 *
 * Throws an Error (Vietnamese, then English) when no clause is given, a clause is repeated or
 * unknown, clause 4 has no number of children, a clause has no row for the person's age (clause 3
 * from 16, clause 5a under 60), the date has no base level (before 01/7/2021), or the provincial
 * level is below the national one.
 */
export function socialAssistanceMonthly(input: SocialAssistanceInput): SocialAssistanceResult {
  const { clauses, birthDate, onDate } = input;
  if (!isValidIsoDate(onDate))
    fail(`Ngày tính trợ cấp "${onDate}" không hợp lệ (YYYY-MM-DD).`, `Invalid date ${JSON.stringify(onDate)}.`);
  if (clauses.length === 0) {
    fail('Chưa có diện hưởng nào: chọn ít nhất một khoản của Điều 5 Nghị định 20/2021/NĐ-CP.', 'No clause given.');
  }
  const seen = new Set<string>();
  for (const c of clauses) {
    if (!SOCIAL_ASSISTANCE_CLAUSES.includes(c.code)) {
      fail(
        `Mã diện "${String(c.code)}" không có. Chọn một trong: ${SOCIAL_ASSISTANCE_CLAUSES.join(', ')}.`,
        `Unknown clause ${JSON.stringify(c.code)}.`,
      );
    }
    if (seen.has(c.code))
      fail(`Diện ${SOCIAL_ASSISTANCE_CLAUSE_LABELS[c.code]} được ghi hai lần.`, `Clause ${c.code} given twice.`);
    seen.add(c.code);
  }

  const national = socialAssistanceBaseOn(onDate);
  const coefficients = valueOn(SOCIAL_ASSISTANCE_COEFFICIENTS, onDate, 'Hệ số trợ cấp xã hội');
  let base = national.value;
  if (input.provincialBaseLevel !== undefined) {
    const p = input.provincialBaseLevel;
    if (!Number.isSafeInteger(p) || p < national.value) {
      fail(
        `Mức chuẩn của tỉnh (${String(p)}) không được thấp hơn mức chuẩn quốc gia ${formatDong(national.value)} (Điều 4 khoản 3 Nghị định 20/2021/NĐ-CP).`,
        `Provincial base level ${String(p)} is below the national ${national.value}.`,
      );
    }
    base = p;
  }

  const age = ageRange(birthDate, onDate);
  const person: Person = {
    age,
    isChild: input.isChild ?? age.min < AGE_GROUPS.childBelow,
    isElderly: input.isElderly ?? age.max >= AGE_GROUPS.elderlyFrom,
  };
  const ordered = [...clauses].sort(
    (a, b) => SOCIAL_ASSISTANCE_CLAUSES.indexOf(a.code) - SOCIAL_ASSISTANCE_CLAUSES.indexOf(b.code),
  );
  const candidates = ordered.map((c) => candidateFor(c, coefficients, person, base));

  // Options under Art. 6(2): each clause alone, and for a poor single parent, clause 4 plus the
  // highest of clauses 5, 6 and 8. The first option with the highest total wins.
  const options: SocialAssistanceBasis[][] = candidates.map((c) => [c]);
  const singleParent = candidates.find((c) => c.clause === '4');
  const combinable = candidates.filter((c) => COMBINABLE_WITH_SINGLE_PARENT.has(c.clause));
  if (singleParent && combinable.length > 0) {
    const bestOther = combinable.reduce((a, b) => (b.coefficientTenths > a.coefficientTenths ? b : a));
    options.unshift([singleParent, bestOther]);
  }
  const basis = options.reduce((a, b) => (total(b) > total(a) ? b : a));
  const amount = basis.reduce((s, b) => s + b.amount, 0);

  const lines: string[] = [];
  const baseSource =
    base === national.value
      ? `mức chuẩn trợ giúp xã hội ${formatDong(base)} (${national.source})`
      : `mức chuẩn trợ giúp xã hội của tỉnh ${formatDong(base)} (mức quốc gia ${formatDong(national.value)}, Điều 4 khoản 3 Nghị định 20/2021/NĐ-CP)`;
  lines.push(`Ngày ${formatDateVi(onDate)}, ${ageText(age)}: ${baseSource}.`);
  if (coefficients.to !== null && coefficients.to < '2021-07-01')
    lines.push(
      `Trước 01/7/2021 áp dụng hệ số của ${coefficients.source}; diện được ghi theo khoản tương ứng của Nghị định 20/2021/NĐ-CP.`,
    );
  for (const b of basis) lines.push(`Hưởng ${describeBasis(b)}.`);
  const dropped = candidates.filter((c) => !basis.includes(c));
  if (basis.length === 2) {
    lines.push(
      'Người đơn thân nghèo đang nuôi con thuộc khoản 5, 6 hoặc 8 Điều 5 được hưởng cả hai chế độ (Điều 6 khoản 2 Nghị định 20/2021/NĐ-CP).',
    );
  }
  if (dropped.length > 0) {
    lines.push(
      `Không hưởng thêm: ${dropped.map((d) => `${SOCIAL_ASSISTANCE_CLAUSE_LABELS[d.clause]} (hệ số ${formatCoefficientTenths(d.coefficientTenths)})`).join('; ')}, ` +
        'vì chỉ được hưởng một mức cao nhất (Điều 6 khoản 2 Nghị định 20/2021/NĐ-CP).',
    );
  }
  if (!coefficients.verified) lines.push(`Hệ số: ${coefficients.source}.`);
  lines.push(`Tổng trợ cấp hằng tháng: ${formatDong(amount)}.`);

  return {
    amount,
    basis,
    candidates,
    explanation: lines.join(' '),
    verified: national.verified && coefficients.verified,
  };
}
