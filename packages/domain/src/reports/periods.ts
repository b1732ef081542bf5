/**
 * Periods of plans and reports: a plan runs for a calendar year, a report covers a year or a
 * quarter, and its figures are taken as of a date that is never after the period's end.
 * Dates are 'YYYY-MM-DD' strings (docs/architecture.md, Data).
 */
import type { ReportBody } from '../contracts/reports.js';

export interface ReportPeriod {
  from: string;
  to: string;
}

/** 1 January to 31 December of a year. */
export const yearRange = (year: number): ReportPeriod => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The last day of a month (1–12). */
export const monthEnd = (year: number, month: number): string =>
  new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/** A quarter (1–4) of a year: Q1 is 1 January to 31 March. */
export function quarterRange(year: number, quarter: number): ReportPeriod {
  const m = (quarter - 1) * 3 + 1;
  return { from: `${year}-${String(m).padStart(2, '0')}-01`, to: monthEnd(year, m + 2) };
}

/** The first six months of a year (the "6 tháng đầu năm" report): 1 January to 30 June. */
export const halfRange = (year: number): ReportPeriod => ({ from: `${year}-01-01`, to: `${year}-06-30` });

/** The earlier of two dates. */
export const minDate = (a: string, b: string): string => (a < b ? a : b);

/** A quarter in Roman numerals, as Vietnamese reports write it ("quý IV"); '' for none. */
export const romanQuarter = (quarter: number | null | undefined): string =>
  quarter ? (['I', 'II', 'III', 'IV'][quarter - 1] ?? '') : '';

/** How many months of a year have begun by `asOf`: 0 before the year, 12 after it. */
export function monthsBegun(year: number, asOf: string): number {
  const { from, to } = yearRange(year);
  return asOf < from ? 0 : asOf > to ? 12 : Number(asOf.slice(5, 7));
}

/**
 * Applies the officers' new narrative to a report body: `texts` maps a text block's id (or
 * "<id>.zero" / "<id>.otherwise" of a when_zero block) to its new text. Returns the edited body
 * (a copy) and the keys that name no narrative block of the report.
 */
export function applyNarrative(
  body: ReportBody,
  texts: Record<string, string>,
): { body: ReportBody; unknown: string[] } {
  const doc = structuredClone(body);
  const known = new Set<string>();
  for (const sec of doc.sections) {
    for (const b of sec.blocks) {
      if (b.type === 'text') {
        known.add(b.id);
        if (b.id in texts) b.text = texts[b.id]!;
      } else if (b.type === 'when_zero') {
        known.add(`${b.id}.zero`).add(`${b.id}.otherwise`);
        if (`${b.id}.zero` in texts) b.zero = texts[`${b.id}.zero`]!;
        if (`${b.id}.otherwise` in texts) b.otherwise = texts[`${b.id}.otherwise`]!;
      }
    }
  }
  return { body: doc, unknown: Object.keys(texts).filter((k) => !known.has(k)) };
}
