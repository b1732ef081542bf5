/**
 * Merit records: the original dossier's code (NĐ 131/2021/NĐ-CP Art. 127) and the history of
 * benefit decisions (grant, change, suspension, termination, resumption; Art. 118 and the
 * procedures' forms). docs/legal/merit.md, "NĐ 131/2021 procedures".
 */

import type { MeritoriousCategory } from '../programs/gift-tables.js';

/**
 * Dossier types by category, as the short codes written in the dossier code. Phụ lục VI of
 * NĐ 131/2021 (the official list) was not read: these codes are AnSinh's, `verified: false`.
 */
export const MERIT_DOSSIER_TYPES: Readonly<Record<MeritoriousCategory, string>> = {
  a: 'LT',
  b: 'TKN',
  c: 'LS',
  d: 'BM',
  dd: 'AHLL',
  e: 'AHLD',
  g: 'TB',
  h: 'BB',
  i: 'HH',
  k: 'TD',
  l: 'KC',
  m: 'CC',
  relative_of_martyr: 'TNLS',
  relative: 'TN',
};
export const MERIT_DOSSIER_TYPES_VERIFIED = false;

export interface MeritDossierCodeParts {
  /** The provincial police keep their own dossiers: the code begins with "CA-" (Art. 127). */
  readonly police: boolean;
  /** The place: the province's code (two digits). */
  readonly place: string;
  readonly type: string;
  /** The local serial number of the dossier in the province. */
  readonly serial: number;
  /** The period (year) the dossier was established. */
  readonly period: number;
}

export const MERIT_DOSSIER_CODE_RE = /^(CA-)?(\d{2})\/([A-Z]{2,4})\/(\d{1,7})\/(\d{4})$/;

/**
 * The code written top right on an original dossier: place / dossier type / local serial /
 * period, "CA-" in front for the provincial police (NĐ 131/2021 Art. 127). Example
 * `31/TB/001234/2022`.
 */
export function formatMeritDossierCode(p: MeritDossierCodeParts): string {
  if (!/^\d{2}$/.test(p.place)) throw new RangeError(`Mã tỉnh phải có 2 chữ số: ${p.place}`);
  if (!/^[A-Z]{2,4}$/.test(p.type)) throw new RangeError(`Loại hồ sơ không hợp lệ: ${p.type}`);
  if (!Number.isInteger(p.serial) || p.serial < 1 || p.serial > 9_999_999)
    throw new RangeError(`Số thứ tự không hợp lệ: ${p.serial}`);
  if (!Number.isInteger(p.period) || p.period < 1945 || p.period > 2100)
    throw new RangeError(`Năm không hợp lệ: ${p.period}`);
  return `${p.police ? 'CA-' : ''}${p.place}/${p.type}/${String(p.serial).padStart(6, '0')}/${p.period}`;
}

/** The parts of a dossier code, or null when it does not have the shape. */
export function parseMeritDossierCode(code: string): MeritDossierCodeParts | null {
  const m = MERIT_DOSSIER_CODE_RE.exec(code.trim().toUpperCase());
  if (!m) return null;
  return { police: !!m[1], place: m[2]!, type: m[3]!, serial: Number(m[4]), period: Number(m[5]) };
}

export const BENEFIT_DECISION_KINDS = ['grant', 'change', 'suspension', 'termination', 'resumption'] as const;
export type BenefitDecisionKind = (typeof BENEFIT_DECISION_KINDS)[number];

export const BENEFIT_DECISION_LABELS: Readonly<Record<BenefitDecisionKind, { vi: string; en: string }>> = {
  grant: { vi: 'Quyết định hưởng trợ cấp', en: 'Grant' },
  change: { vi: 'Điều chỉnh trợ cấp', en: 'Change' },
  suspension: { vi: 'Tạm đình chỉ trợ cấp', en: 'Suspension' },
  termination: { vi: 'Đình chỉ / chấm dứt trợ cấp', en: 'Termination' },
  resumption: { vi: 'Hưởng lại trợ cấp', en: 'Resumption' },
};

/** The form a decision is usually issued on (Mẫu 50 grant, Mẫu 72 suspension/termination). */
export const BENEFIT_DECISION_FORMS: Readonly<Record<BenefitDecisionKind, string | null>> = {
  grant: 'Mẫu 50',
  change: null,
  suspension: 'Mẫu 72',
  termination: 'Mẫu 72',
  resumption: null,
};

export type BenefitState = 'none' | 'active' | 'suspended' | 'terminated';

const NEXT: Readonly<Record<BenefitDecisionKind, { from: readonly BenefitState[]; to: BenefitState }>> = {
  grant: { from: ['none'], to: 'active' },
  change: { from: ['active'], to: 'active' },
  suspension: { from: ['active'], to: 'suspended' },
  termination: { from: ['active', 'suspended'], to: 'terminated' },
  resumption: { from: ['suspended'], to: 'active' },
};

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface PriorDecision {
  readonly kind: BenefitDecisionKind;
  /** YYYY-MM: the month the decision takes effect. */
  readonly effectiveMonth: string;
}

export type DecisionProblem = 'bad_month' | 'not_allowed_from_state' | 'before_previous';

/** The benefit state after a history of decisions (in the order they were issued). */
export function benefitState(history: readonly PriorDecision[]): BenefitState {
  let s: BenefitState = 'none';
  for (const d of history) if (NEXT[d.kind].from.includes(s)) s = NEXT[d.kind].to;
  return s;
}

/**
 * Whether a new decision may follow a history: its kind must fit the current state (resumption
 * only after a suspension, nothing after a termination but a fresh grant is not possible either),
 * and it cannot take effect before the month of the last decision.
 */
export function checkDecision(
  history: readonly PriorDecision[],
  next: PriorDecision,
): { ok: true; state: BenefitState } | { ok: false; problem: DecisionProblem; state: BenefitState } {
  const state = benefitState(history);
  if (!MONTH_RE.test(next.effectiveMonth)) return { ok: false, problem: 'bad_month', state };
  if (!NEXT[next.kind].from.includes(state)) return { ok: false, problem: 'not_allowed_from_state', state };
  const last = history[history.length - 1];
  if (last && next.effectiveMonth < last.effectiveMonth) return { ok: false, problem: 'before_previous', state };
  return { ok: true, state: NEXT[next.kind].to };
}

/** The months a history pays in [fromMonth, toMonth] (YYYY-MM, inclusive): months in the active state. */
export function paidMonths(history: readonly PriorDecision[], fromMonth: string, toMonth: string): number {
  let n = 0;
  for (let m = fromMonth; m <= toMonth; m = nextMonth(m)) {
    const upTo = history.filter((d) => d.effectiveMonth <= m);
    if (benefitState(upTo) === 'active') n++;
  }
  return n;
}

export function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}
