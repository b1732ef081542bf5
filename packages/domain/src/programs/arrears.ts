/**
 * Arrears (truy lĩnh) of a monthly allowance: the months a beneficiary qualified for and no
 * approved list paid, each at the amount of the rule in force that month. A month counts from the
 * later of the day the person qualified and the first month of the programme, up to (not
 * including) the month being prepared, and none after the month the person died or moved away.
 * Source: Nghị định 20/2021/NĐ-CP, Điều 8 (hưởng từ tháng quyết định có hiệu lực) — see
 * docs/legal/social-assistance.md. verified: false (the arrears practice is the province's).
 */

/** The months 'YYYY-MM' from `fromPeriod` up to, not including, `toPeriodExclusive` (at most 20 years). */
export function monthsBetween(fromPeriod: string, toPeriodExclusive: string): string[] {
  const out: string[] = [];
  let [y, m] = fromPeriod.split('-').map(Number) as [number, number];
  for (let i = 0; i < 240; i++) {
    const p = `${y}-${String(m).padStart(2, '0')}`;
    if (p >= toPeriodExclusive) break;
    out.push(p);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The first day of a 'YYYY-MM' period. */
export const monthStart = (period: string) => `${period}-01`;

export interface ArrearsInput {
  /** The month being prepared ('YYYY-MM'): arrears are the months before it. */
  period: string;
  /** The first day the beneficiary qualified ('YYYY-MM-DD'). */
  since: string;
  /** The first month of the programme ('YYYY-MM'). */
  programStart: string;
  /** Months already paid ('YYYY-MM'), on an approved list or as arrears of one. */
  paid: ReadonlySet<string>;
  /** The day the beneficiary died or moved out, if any: no month after that one is owed. */
  endsOn?: string | null;
}

/** The months owed: qualified, within the programme, before the period, not paid, not after an end. */
export function unpaidMonths(a: ArrearsInput): string[] {
  const since = a.since.slice(0, 7);
  const from = since > a.programStart ? since : a.programStart;
  const last = a.endsOn ? a.endsOn.slice(0, 7) : null;
  return monthsBetween(from, a.period).filter((m) => !a.paid.has(m) && (last === null || m <= last));
}

export interface Arrears {
  /** The sum owed in đồng. */
  amount: number;
  /** The months paid as arrears ('YYYY-MM'), stored so that they are not paid twice. */
  months: string[];
  /** What the list shows: "Truy lĩnh 2 tháng: 05/2024, 06/2024". */
  note: string;
}

/**
 * The arrears of one beneficiary: each unpaid month at the amount of the rule in force that month
 * (`amountOn(month)`, null when no rule gives anything), or null when nothing is owed.
 */
export function arrearsOf(a: ArrearsInput, amountOn: (month: string) => number | null): Arrears | null {
  let amount = 0;
  const months: string[] = [];
  for (const m of unpaidMonths(a)) {
    const e = amountOn(m);
    if (e !== null && e > 0) {
      amount += e;
      months.push(m);
    }
  }
  if (amount === 0) return null;
  const words = months.map((m) => `${m.slice(5)}/${m.slice(0, 4)}`);
  return { amount, months, note: `Truy lĩnh ${months.length} tháng: ${words.join(', ')}` };
}
