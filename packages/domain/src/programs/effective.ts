/**
 * Effective-dated values: every legal amount or table is a list of entries, each in force from one
 * date to another, because the law changes by date (docs/legal/README.md: "model them as effective-dated
 * data, never as constants"). A computation asks which entry was in force on the day it is about.
 */

import { formatDateVi, isValidIsoDate } from '../dates.js';

/**
 * One value of a legal rule and the period it is in force.
 *
 * - `from`, `to`: calendar dates `YYYY-MM-DD`, both inclusive; `to: null` means still in force.
 * - `source`: the document and article it comes from, with how it was checked.
 * - `verified`: false when the fact was not read in the legal text itself ([M] or [R2] in
 *   docs/legal/README.md); a screen or report showing an amount from such an entry should say so.
 */
export interface EffectiveValue<T> {
  readonly from: string;
  readonly to: string | null;
  readonly value: T;
  readonly source: string;
  readonly verified: boolean;
}

/** A table of effective-dated values. Entries may leave gaps but must not overlap. */
export type EffectiveTable<T> = readonly EffectiveValue<T>[];

const shown = (date: string): string => (isValidIsoDate(date) ? formatDateVi(date) : JSON.stringify(date));
const period = (e: EffectiveValue<unknown>): string => `${shown(e.from)}–${e.to === null ? '…' : shown(e.to)}`;

/**
 * Checks that a table is well formed: every `from`/`to` is a real date, no entry ends before it
 * starts, and no two entries are in force on the same day (so {@link valueOn} can never have to
 * choose). Gaps are allowed: a programme may not run every year. Throws an Error, in Vietnamese
 * then English, naming the entries at fault.
 */
export function checkNoOverlap<T>(table: EffectiveTable<T>, name = 'bảng giá trị'): void {
  for (const e of table) {
    if (!isValidIsoDate(e.from) || (e.to !== null && !isValidIsoDate(e.to))) {
      throw new Error(
        `${name}: ngày hiệu lực ${period(e)} không hợp lệ (phải là YYYY-MM-DD). / ` +
          `${name}: invalid effective dates ${e.from} to ${String(e.to)} (must be YYYY-MM-DD).`,
      );
    }
    if (e.to !== null && e.to < e.from) {
      throw new Error(
        `${name}: ngày kết thúc ${shown(e.to)} trước ngày bắt đầu ${shown(e.from)}. / ` +
          `${name}: entry ends (${e.to}) before it starts (${e.from}).`,
      );
    }
  }
  const sorted = [...table].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const next = sorted[i]!;
    if (prev.to === null || next.from <= prev.to) {
      throw new Error(
        `${name}: hai giá trị cùng có hiệu lực (${period(prev)} và ${period(next)}); ` +
          'sửa ngày kết thúc của giá trị trước. / ' +
          `${name}: two entries overlap (${prev.from} to ${String(prev.to)} and ${next.from} to ${String(next.to)}); ` +
          'end the earlier one before the later one starts.',
      );
    }
  }
}

/**
 * Checks a table with {@link checkNoOverlap} and freezes it. Every legal table in this folder is
 * built through it, so an overlapping table fails when the module loads, not on the day a payment
 * is computed.
 */
export function effectiveTable<T>(name: string, entries: readonly EffectiveValue<T>[]): EffectiveTable<T> {
  checkNoOverlap(entries, name);
  return Object.freeze(entries.map((e) => Object.freeze({ ...e })));
}

/**
 * The entry in force on `date` (`YYYY-MM-DD`). Throws an Error, in Vietnamese then English, when
 * the date is not a real date or no entry covers it: a missing rate is a gap in the data to fix,
 * never a reason to fall back on another year's amount.
 */
export function valueOn<T>(table: EffectiveTable<T>, date: string, name = 'bảng giá trị'): EffectiveValue<T> {
  if (!isValidIsoDate(date)) {
    throw new Error(
      `${name}: ngày ${JSON.stringify(date)} không hợp lệ (phải là YYYY-MM-DD). / ${name}: not a date: ${JSON.stringify(date)}.`,
    );
  }
  const entry = table.find((e) => e.from <= date && (e.to === null || date <= e.to));
  if (!entry) {
    const known = table.length === 0 ? 'bảng trống' : `có số liệu cho: ${table.map(period).join('; ')}`;
    throw new Error(
      `${name}: không có giá trị nào có hiệu lực vào ngày ${formatDateVi(date)} (${known}). ` +
        'Kiểm tra lại ngày, hoặc bổ sung văn bản quy định cho thời kỳ này. / ' +
        `${name}: no entry in force on ${date}.`,
    );
  }
  return entry;
}
