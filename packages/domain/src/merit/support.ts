/**
 * Dossier transfers between provinces (NĐ 131/2021/NĐ-CP Art. 131), housing support (Art. 102),
 * gift campaigns by source, and the yearly count (Art. 128, Mẫu 100). docs/legal/merit.md.
 */

import { formatNumberVi } from '../numbers.js';
import type { WorkCalendar } from '../dossiers/calendar.js';
import { stepClock, type StepClock } from './time-limits.js';

export const TRANSFER_STATUSES = ['requested', 'slip_issued', 'posted', 'registered', 'returned'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** Items that must be settled before a dossier leaves (Art. 131: "open issues settled"). */
export interface OpenItem {
  readonly kind: 'pending_decision' | 'open_dossier' | 'unpaid_arrears' | 'suspended';
  readonly label: string;
}

/** The refusal text for a transfer with open items, or null when it may go. */
export function transferRefusal(items: readonly OpenItem[]): string | null {
  if (items.length === 0) return null;
  return `Hồ sơ còn ${items.length} việc chưa giải quyết (${items.map((i) => i.label).join('; ')}): giải quyết xong trước khi di chuyển hồ sơ.`;
}

/** The clocks of a transfer: slip within 12 days of the request, registration within 12 days of receipt. */
export function transferClocks(
  cal: WorkCalendar,
  t: { requestedOn: string; slipOn: string | null; receivedOn: string | null; registeredOn: string | null },
  today: string,
): StepClock[] {
  const out = [stepClock(cal, 'transfer_slip', t.requestedOn, t.slipOn, today)];
  if (t.receivedOn) out.push(stepClock(cal, 'transfer_register', t.receivedOn, t.registeredOn, today));
  return out;
}

/** Allowance continues at the receiving province from the month of the slip's date (Art. 131). */
export function paymentContinuesFrom(slipDate: string): string {
  return slipDate.slice(0, 7);
}

export const HOUSING_KINDS = ['new_build', 'repair'] as const;
export type HousingKind = (typeof HOUSING_KINDS)[number];

export type HousingProblem = 'area_too_small' | 'too_short_lived' | 'helped_before';

/**
 * The standards of housing support (Art. 102): a new house of at least 30 m² (24 m² for a person
 * living alone) lasting at least 20 years, a repair lasting at least 10 years; households helped
 * under QĐ 22/2013/QĐ-TTg are excluded.
 */
export function housingProblems(h: {
  kind: HousingKind;
  floorArea: number;
  livesAlone: boolean;
  lifeYears: number;
  helpedUnderQd22: boolean;
}): HousingProblem[] {
  const out: HousingProblem[] = [];
  if (h.helpedUnderQd22) out.push('helped_before');
  if (h.kind === 'new_build' && h.floorArea < (h.livesAlone ? 24 : 30)) out.push('area_too_small');
  if (h.lifeYears < (h.kind === 'new_build' ? 20 : 10)) out.push('too_short_lived');
  return out;
}

/** Who pays a gift: the President's gift, the province's, or others (enterprises, funds). */
export const GIFT_SOURCES = ['president', 'province', 'other'] as const;
export type GiftSource = (typeof GIFT_SOURCES)[number];
export const GIFT_SOURCE_LABELS: Readonly<Record<GiftSource, { vi: string; en: string }>> = {
  president: { vi: 'Quà Chủ tịch nước', en: "President's gift" },
  province: { vi: 'Quà của tỉnh', en: "Province's gift" },
  other: { vi: 'Nguồn khác', en: 'Other sources' },
};

export const GIFT_OCCASIONS = ['tet', '27_7', 'other'] as const;
export type GiftOccasion = (typeof GIFT_OCCASIONS)[number];

/** "N suất, X đồng", the way a report states gifts. */
export function giftTotalText(count: number, amount: number): string {
  return `${formatNumberVi(count)} suất, ${formatNumberVi(amount)} đồng`;
}

/** The yearly count (Mẫu 100) covers 01/01–31/12 and is due before 31/01 of the next year (Art. 128). */
export function yearlyCountPeriod(year: number): { from: string; to: string; due: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31`, due: `${year + 1}-01-31` };
}
