import { fallbackDaysOff, holidayYear, type DayOff } from './holidays.js';

/**
 * Working days for administrative deadlines. Limits of administrative procedures are counted in
 * working days: Saturdays, Sundays, public holidays and the official days off (Tết, days in
 * lieu, swapped days) are not counted, and a Saturday worked in exchange is (docs/legal/one-stop.md,
 * "Counting"; Bộ luật Lao động 2019 Art. 111–112). Holidays are data per year (holidays.ts).
 */
export interface WorkCalendar {
  isWorkingDay(date: string): boolean;
  /** Why a weekday is not worked ("Tết Nguyên đán Ất Tỵ"), or null. */
  dayOffName(date: string): string | null;
  /**
   * Whether the official calendar of this year is in the data (false: only the fixed solar
   * holidays, or a provisional year whose Tết is not decided yet).
   */
  hasYear(year: number): boolean;
}

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

function toUtc(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}
function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `n` calendar days after `date` (n may be negative). */
export function addDays(date: string, n: number): string {
  return fromUtc(toUtc(date) + n * DAY_MS);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

/** Calendar days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** A calendar from the shipped data, with optional extra days (a province's own decisions). */
export function workCalendar(
  extra: { daysOff?: readonly DayOff[]; workingWeekends?: readonly string[] } = {},
): WorkCalendar {
  const off = new Map<string, string>();
  const worked = new Set<string>(extra.workingWeekends ?? []);
  const loaded = new Set<number>();
  const load = (year: number) => {
    if (loaded.has(year)) return;
    loaded.add(year);
    const y = holidayYear(year);
    for (const x of y ? y.daysOff : fallbackDaysOff(year)) {
      // A fixed holiday on a weekend without data for the year: nothing to add (no day in lieu known).
      off.set(x.date, x.name);
    }
    for (const w of y?.workingWeekends ?? []) worked.add(w.date);
  };
  for (const x of extra.daysOff ?? []) off.set(x.date, x.name);
  return {
    isWorkingDay(date) {
      load(Number(date.slice(0, 4)));
      if (worked.has(date)) return true;
      const wd = weekday(date);
      if (wd === 0 || wd === 6) return false;
      return !off.has(date);
    },
    dayOffName(date) {
      load(Number(date.slice(0, 4)));
      return off.get(date) ?? null;
    },
    hasYear: (year) => {
      const y = holidayYear(year);
      return y !== undefined && !y.provisional;
    },
  };
}

/** The shipped calendar (one instance: it caches the years it has read). */
export const defaultCalendar: WorkCalendar = workCalendar();

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: WorkCalendar, date: string): string {
  let d = addDays(date, 1);
  for (let i = 0; i < 60 && !cal.isWorkingDay(d); i++) d = addDays(d, 1);
  return d;
}

/** `date` itself when it is a working day, else the next one. */
export function workingDayOnOrAfter(cal: WorkCalendar, date: string): string {
  return cal.isWorkingDay(date) ? date : nextWorkingDay(cal, date);
}

/**
 * The last day of a limit of `n` working days whose first day is `start` (itself a working day,
 * counted as day 1; `clockStart` gives it). `n = 0` gives `start`.
 */
export function lastWorkingDay(cal: WorkCalendar, start: string, n: number): string {
  let d = workingDayOnOrAfter(cal, start);
  for (let i = 1; i < n; i++) d = nextWorkingDay(cal, d);
  return d;
}

/** `n` working days after `date` (the date itself not counted); n ≤ 0 gives `date`. */
export function addWorkingDays(cal: WorkCalendar, date: string, n: number): string {
  let d = date;
  for (let i = 0; i < n; i++) d = nextWorkingDay(cal, d);
  return d;
}

/** The number of working days d with from < d ≤ to (0 when to ≤ from). */
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
  return n;
}

/** The Vietnamese local date and minute of the day of a UTC instant (UTC+7, no daylight saving). */
export function vietnamLocal(iso: string): { date: string; minutes: number } {
  const local = new Date(new Date(iso).getTime() + VN_OFFSET_MS);
  return {
    date: local.toISOString().slice(0, 10),
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60,
  };
}

/** 15:00 local time: NĐ 61/2018/NĐ-CP Art. 18(1). */
export const CUT_OFF_MINUTES = 15 * 60;

/**
 * The day a dossier counts as received. NĐ 61/2018/NĐ-CP Art. 18(1): a dossier received at the
 * counter is transferred to the handling body the same working day, or early the next working
 * day when received after 15:00. So: the receipt day when it is a working day and the receipt is
 * at or before 15:00:00, otherwise the next working day (15:01, a Saturday, a holiday).
 */
export function receiptDay(cal: WorkCalendar, receivedAtIso: string): string {
  const { date, minutes } = vietnamLocal(receivedAtIso);
  if (cal.isWorkingDay(date) && minutes <= CUT_OFF_MINUTES) return date;
  return nextWorkingDay(cal, date);
}

/**
 * The first working day of a dossier's clock (day 1 of its limit): the working day AFTER the day
 * it counts as received. Bộ luật Dân sự 2015 Art. 147(1): a period counted in days starts on the
 * day after the event that starts it, so the receipt day itself is never counted; a dossier
 * received after 15:00 counts as received the next working day (`receiptDay`) and its period
 * starts the working day after that (docs/legal/one-stop.md, "Counting").
 */
export function clockStart(cal: WorkCalendar, receivedAtIso: string): string {
  return nextWorkingDay(cal, receiptDay(cal, receivedAtIso));
}

/**
 * The warning a deadline carries when it crosses a year with no official holiday calendar in the
 * data: such a year counts every weekday as worked (only the fixed solar holidays are known), so
 * the date may come early. Null when every year from `from` to `to` has its calendar.
 */
export function calendarWarning(cal: WorkCalendar, from: string, to: string): string | null {
  const missing: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!cal.hasYear(y)) missing.push(y);
  if (!missing.length) return null;
  return `Chưa có lịch nghỉ lễ, Tết chính thức năm ${missing.join(', ')}: hạn được tính coi mọi ngày thường là ngày làm việc, có thể sớm hơn thực tế. Kiểm tra lại khi có thông báo nghỉ Tết. / No official holiday calendar for ${missing.join(', ')}: this date treats every weekday as a working day and may be early.`;
}
