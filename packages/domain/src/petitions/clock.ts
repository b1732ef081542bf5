import { addDays, workingDayOnOrAfter, type WorkCalendar } from '../dossiers/calendar.js';
import type { Limit } from './limits.js';

/**
 * The clocks of petitions: a limit of N working or calendar days counted from a start date, which
 * a suspension stops and a resumption restarts (docs/legal/petitions.md, "Counting").
 *
 * Counting: the start day itself is not counted, the limit runs from the next day (Bộ luật Dân sự
 * 2015 Art. 147); for working days only working days of the calendar count; a calendar-day limit
 * that ends on a day off ends on the next working day (Art. 148). Days from a suspension decision
 * up to the day before the resumption are not counted; the clock runs again from the resumption day.
 */
export interface Suspension {
  /** The day the suspension decision takes effect (not counted). */
  from: string;
  /** The resumption day (counted again), or null while still suspended. */
  to: string | null;
}

export interface ClockInput {
  start: string;
  limit: Limit;
  suspensions?: readonly Suspension[];
}

const MAX_SCAN_DAYS = 3_000;

function suspendedOn(suspensions: readonly Suspension[], d: string): boolean {
  return suspensions.some((s) => d >= s.from && (s.to === null || d < s.to));
}

function counts(cal: WorkCalendar, kind: Limit['kind'], suspensions: readonly Suspension[], d: string): boolean {
  if (suspendedOn(suspensions, d)) return false;
  return kind === 'calendar' || cal.isWorkingDay(d);
}

/**
 * The last day of the limit, or null while a suspension without resumption stops the clock before
 * the limit is used up (the due date is then unknown).
 */
export function dueDate(cal: WorkCalendar, c: ClockInput): string | null {
  const sus = c.suspensions ?? [];
  if (c.limit.days <= 0) return c.start;
  let n = 0;
  let d = c.start;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    d = addDays(d, 1);
    if (sus.some((s) => s.to === null && d >= s.from)) return null;
    if (!counts(cal, c.limit.kind, sus, d)) continue;
    n++;
    if (n === c.limit.days) return c.limit.kind === 'calendar' ? workingDayOnOrAfter(cal, d) : d;
  }
  throw new Error(`Không tính được hạn (quá ${MAX_SCAN_DAYS} ngày). / Due date beyond ${MAX_SCAN_DAYS} days.`);
}

/** Counting days d with a < d ≤ b (the clock's own kind of day, suspensions excluded). */
function countBetween(cal: WorkCalendar, kind: Limit['kind'], sus: readonly Suspension[], a: string, b: string) {
  let n = 0;
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (counts(cal, kind, sus, d)) n++;
  return n;
}

export type ClockStatus = 'running' | 'due_soon' | 'overdue' | 'suspended' | 'done_on_time' | 'done_late';

export interface ClockState {
  due: string | null;
  /** Days left after `asOf` (negative: days overdue); while suspended, the days the clock keeps. */
  remaining: number;
  status: ClockStatus;
  kind: Limit['kind'];
}

/**
 * Where a clock stands on `asOf`: its due date, the days left (working or calendar, as the limit
 * counts) and a status; `doneOn` (the day the step was done) stops it as on time or late.
 * `warnDays`: how many days before the due date it shows as due soon.
 */
export function clockState(
  cal: WorkCalendar,
  c: ClockInput,
  asOf: string,
  doneOn: string | null = null,
  warnDays = 3,
): ClockState {
  const sus = c.suspensions ?? [];
  const kind = c.limit.kind;
  const due = dueDate(cal, c);
  if (doneOn !== null) {
    const late = due !== null && doneOn > due;
    return { due, remaining: 0, status: late ? 'done_late' : 'done_on_time', kind };
  }
  if (due === null) {
    const open = sus.find((s) => s.to === null)!;
    const used = countBetween(cal, kind, sus, c.start, addDays(open.from, -1));
    return { due, remaining: c.limit.days - used, status: 'suspended', kind };
  }
  if (suspendedOn(sus, asOf)) {
    return { due, remaining: countBetween(cal, kind, sus, asOf, due), status: 'suspended', kind };
  }
  if (asOf > due) return { due, remaining: -countBetween(cal, kind, [], due, asOf), status: 'overdue', kind };
  const remaining = countBetween(cal, kind, sus, asOf, due);
  return { due, remaining, status: remaining <= warnDays ? 'due_soon' : 'running', kind };
}

export type ClockEventKind = 'suspend' | 'resume';

/**
 * The suspended intervals from a case's clock events in date order. Refuses (Error, Vietnamese
 * then English) a resumption without a suspension, a second suspension while suspended, and a
 * resumption before its suspension.
 */
export function suspensionsOf(events: readonly { kind: ClockEventKind; date: string }[]): Suspension[] {
  const out: Suspension[] = [];
  for (const e of events) {
    const open = out.at(-1);
    if (e.kind === 'suspend') {
      if (open && open.to === null) {
        throw new Error('Hồ sơ đang tạm đình chỉ; phải tiếp tục giải quyết trước. / Already suspended.');
      }
      if (open && open.to !== null && e.date < open.to) {
        throw new Error('Ngày tạm đình chỉ trước ngày tiếp tục lần trước. / Suspension before the last resumption.');
      }
      out.push({ from: e.date, to: null });
    } else {
      if (!open || open.to !== null) {
        throw new Error('Hồ sơ không tạm đình chỉ nên không thể tiếp tục. / Not suspended.');
      }
      if (e.date < open.from) {
        throw new Error('Ngày tiếp tục trước ngày tạm đình chỉ. / Resumption before the suspension.');
      }
      open.to = e.date;
    }
  }
  return out;
}
