import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { AreaColumn } from './authz.js';

/**
 * The contract by which a module offers computed indicators (chỉ tiêu) to plans, dashboards and
 * reports (issue 6). Each module exports its own list from `<module>.indicators.ts` through its
 * index; the reports module gathers them. A computed indicator is defined over the module's own
 * records for an area (and everything under it), a period and an as-of date: a record created,
 * changed or paid after `asOf` does not count, so a report can be reproduced for any date.
 */
export type IndicatorUnit =
  | 'persons'
  | 'households'
  | 'gifts'
  | 'dong'
  | 'kg'
  | 'tonnes'
  | 'cards'
  | 'procedures'
  | 'dossiers'
  | 'lists'
  | 'jobs'
  | 'percent'
  | 'sessions'
  | 'samples'
  | 'cases';

/** Where to count: the rows whose `column` equals `code` (province, district or commune code). */
export interface IndicatorArea {
  code: string;
  level: 1 | 2 | 3;
  column: AreaColumn;
}

export interface IndicatorQuery {
  area: IndicatorArea;
  /** The period, inclusive dates 'YYYY-MM-DD'. */
  from: string;
  to: string;
  /** Count the records as they stood at the end of this date. */
  asOf: string;
}

/**
 * A value. Counts and sums roll up by adding; a ratio carries its numerator and denominator and
 * is recomputed from them at every level, never averaged. `value` of a ratio is a percentage.
 */
export interface IndicatorValue {
  value: number;
  numerator?: number;
  denominator?: number;
}

export interface IndicatorRecord {
  /** What the record is and where to open it in the web app ('/registry/persons/12'). */
  kind: string;
  id: number | string;
  label: string;
  href: string | null;
  areaCode: string;
  date: string | null;
  /** The record's share of the value (đồng, kg, 1 for a count). */
  amount: number | null;
}

export interface ComputedIndicator {
  /** Stable code, module-prefixed: 'programs.paid_amount'. */
  code: string;
  module: string;
  nameVi: string;
  nameEn: string;
  unit: IndicatorUnit;
  rollup: 'sum' | 'ratio';
  /** For targets: whether a lower value is better (late dossiers, poverty rate). */
  lowerIsBetter?: boolean;
  /**
   * The entered indicator (seeded in `indicators`, e.g. 'petitions.reception_visits') that this one
   * computes from records (issue 11). The reports catalogue then offers one indicator under the
   * entered code: computed for the periods the module's records cover, entered before that, so
   * the years typed in before the module was used stay readable. See docs/modules/reports.md.
   */
  replaces?: string;
  /** Optional parameters the indicator takes (a program id, a review year), as named strings. */
  params?: readonly string[];
  compute(db: Kysely<DB>, q: IndicatorQuery, params?: Record<string, string>): Promise<IndicatorValue>;
  /** The records behind the value, a page at a time (for traceability). */
  records(
    db: Kysely<DB>,
    q: IndicatorQuery,
    page: { limit: number; offset: number },
    params?: Record<string, string>,
  ): Promise<{ total: number; rows: IndicatorRecord[] }>;
}

/** The area column for an area level. */
export function indicatorArea(code: string, level: number): IndicatorArea {
  const lv = (level === 1 ? 1 : level === 2 ? 2 : 3) as 1 | 2 | 3;
  return { code, level: lv, column: lv === 1 ? 'province_code' : lv === 2 ? 'district_code' : 'commune_code' };
}
