/**
 * Calendar dates as Vietnamese offices write them, and partial birth dates.
 *
 * Calendar dates are `YYYY-MM-DD` strings end to end; display and deadlines use Asia/Ho_Chi_Minh
 * (docs/architecture.md, "Data"). Real records often know only the year of birth, or the month and
 * year, so a birth date is a {@link PartialDate}.
 */

/**
 * A date that may be known only to the year or the month: "1950", "1950-01" or "1950-01-05".
 * Stored as is; plain string order is chronological order, and "1950" sorts before "1950-01-05".
 */
export type PartialDate = string;

/** Result of reading a date typed by a person or found in a spreadsheet. */
export type ParsePartialDateResult = { ok: true; value: PartialDate } | { ok: false; message: string };

/** Options for {@link parsePartialDate}. */
export interface ParsePartialDateOptions {
  /** Today's date (YYYY-MM-DD); later dates are refused. Defaults to {@link todayInVietnam}. */
  readonly today?: string;
  /** How the date is named in messages, capitalised: "Ngày sinh" (default), "Ngày mất", "Ngày cấp". */
  readonly label?: string;
}

// The oldest people in social-affairs records (Heroic Mothers, pre-1945 revolutionaries and their
// relatives) were born in the 1880s at the earliest; anything before is a typing error.
const EARLIEST_YEAR = 1880;

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

interface Parts {
  y: number;
  m?: number;
  d?: number;
}

function partsOf(p: string): Parts | null {
  const match = PARTIAL_DATE.exec(p);
  if (!match) return null;
  const y = Number(match[1]);
  const m = match[2] === undefined ? undefined : Number(match[2]);
  const d = match[3] === undefined ? undefined : Number(match[3]);
  if (m !== undefined && (m < 1 || m > 12)) return null;
  if (m !== undefined && d !== undefined && (d < 1 || d > daysInMonth(y, m))) return null;
  return { y, m, d };
}

function requireParts(p: string): Parts {
  const parts = partsOf(p);
  if (!parts) throw new RangeError(`Not a partial date (YYYY, YYYY-MM or YYYY-MM-DD): ${JSON.stringify(p)}`);
  return parts;
}

/** Whether a value is a real calendar date written `YYYY-MM-DD` (so "1950-02-31" is not). */
export function isValidIsoDate(s: unknown): s is string {
  return typeof s === 'string' && ISO_DATE.test(s) && partsOf(s) !== null;
}

/** Whether a value is a valid {@link PartialDate}: "YYYY", "YYYY-MM" or a real "YYYY-MM-DD". */
export function isPartialDate(s: unknown): s is PartialDate {
  return typeof s === 'string' && partsOf(s) !== null;
}

/**
 * Today's calendar date in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year, no daylight saving), as
 * `YYYY-MM-DD`. Computed by offset rather than through `Intl` time zones so it gives the same
 * answer in every browser and server build.
 */
export function todayInVietnam(now: Date = new Date()): string {
  const t = now.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid Date');
  return new Date(t + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Formats a date the Vietnamese way, dd/mm/yyyy: "2026-01-05" → "05/01/2026". An instant with a
 * time and an offset ("2026-01-05T20:00:00Z") is first converted to the calendar date in Vietnam
 * ("06/01/2026"), because instants are stored in UTC. Throws a RangeError for anything else.
 */
export function formatDateVi(iso: string): string {
  let date = iso;
  if (!ISO_DATE.test(iso)) {
    const instant = /^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})$/i.test(iso) ? new Date(iso) : null;
    if (!instant || Number.isNaN(instant.getTime())) {
      throw new RangeError(`Not an ISO date or instant: ${JSON.stringify(iso)}`);
    }
    date = todayInVietnam(instant);
  }
  const { y, m, d } = requireParts(date);
  return `${pad2(d!)}/${pad2(m!)}/${pad4(y)}`;
}

/**
 * Formats a partial date for display: "1950-01-05" → "05/01/1950", "1950-01" → "01/1950",
 * "1950" → "1950". Throws a RangeError when the value is not a valid partial date.
 */
export function formatPartialDateVi(p: PartialDate): string {
  const { y, m, d } = requireParts(p);
  if (d !== undefined) return `${pad2(d)}/${pad2(m!)}/${pad4(y)}`;
  if (m !== undefined) return `${pad2(m)}/${pad4(y)}`;
  return pad4(y);
}

/** The year of a partial date: "1950-01-05" → 1950. Throws a RangeError when invalid. */
export function birthYearOf(p: PartialDate): number {
  return requireParts(p).y;
}

/**
 * Age in completed years on a given date (`YYYY-MM-DD`), from a possibly partial birth date.
 *
 * When the day or month is unknown, it is taken as the first of the month or of the year: the age
 * is the one the person reaches during that month or year. So someone recorded as born "1946"
 * counts as 80 on every day of 2026. This is the reading that does not delay an age-based benefit
 * for people whose papers show only a year; a rule that must read it otherwise has to say so.
 *
 * Someone born on 29 February reaches a new age on 1 March in non-leap years [M: Bộ luật Dân sự
 * 2015, Art. 148 may instead end such periods on the last day of February; not verified].
 *
 * Throws a RangeError when `onDate` is before the birth: asking the age of someone not yet born is
 * a mistake in the caller (for example a report date before a child was born), and a negative age
 * would silently pass "under 16" tests.
 */
export function ageOn(p: PartialDate, onDate: string): number {
  const birth = requireParts(p);
  if (!isValidIsoDate(onDate)) throw new RangeError(`Not an ISO date: ${JSON.stringify(onDate)}`);
  const on = requireParts(onDate);
  const bm = birth.m ?? 1;
  const bd = birth.d ?? 1;
  const age = on.y - birth.y - (on.m! < bm || (on.m === bm && on.d! < bd) ? 1 : 0);
  if (age < 0) throw new RangeError(`Date ${onDate} is before the birth date ${p}`);
  return age;
}

// --- Reading dates typed by people or found in spreadsheets -----------------------------------

// Excel counts days from 1900-01-01 = 1 and, copying Lotus 1-2-3, treats 1900 as a leap year: serial
// 60 is the non-existent 29/02/1900. From serial 61 on, counting from 1899-12-30 gives the right day.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_FAKE_LEAP_DAY = 60;

/**
 * Reads a date as found in forms and spreadsheets and returns a {@link PartialDate}, or a message
 * in Vietnamese that says what is wrong and how to type it.
 *
 * Accepted, with surrounding spaces:
 * - day/month/year with "/", "-" or ".": "05/01/1950", "5/1/1950", "05-01-1950", "05.01.1950";
 * - month/year: "01/1950", "1/1950"; year alone: "1950";
 * - year first: "1950-01-05", "1950-01";
 * - words: "ngày 5 tháng 1 năm 1950", "tháng 1 năm 1950", "năm 1950";
 * - a number: an integer from 1880 up to the current year is a year (a "Năm sinh" column typed as
 *   numbers); any other number is an Excel date serial, 18268 → "1950-01-05" (Windows 1900 date
 *   system; a workbook in the Mac 1904 system would read 4 years and a day early). Serials
 *   1880–9999 (days in 1905–1927) are therefore read as years: an importer that knows a cell is
 *   date-formatted should pass it as a `Date`;
 * - a `Date`, read with its UTC parts: spreadsheet readers give dates at UTC midnight.
 *
 * Refused, with an explanation: days that do not exist (31/02/1950, 00/01/1950, 29/02/1951),
 * years before 1880, dates after `today`, and two-digit years (is "50" 1950 or 2050?).
 * The day always comes first: "12/25/1950" is refused with a hint that day and month look swapped.
 */
export function parsePartialDate(
  input: string | number | Date | null | undefined,
  options: ParsePartialDateOptions = {},
): ParsePartialDateResult {
  const today = options.today ?? todayInVietnam();
  if (!isValidIsoDate(today)) throw new RangeError(`today must be YYYY-MM-DD: ${JSON.stringify(today)}`);
  const label = options.label ?? 'Ngày sinh';
  const howTo = `Nhập theo dạng ngày/tháng/năm, ví dụ 05/01/1950, hoặc chỉ ${label.replace(/^Ngày/, 'năm')}, ví dụ 1950.`;
  const ctx: Ctx = { today, label, howTo };

  if (input === null || input === undefined || (typeof input === 'string' && input.trim() === '')) {
    return { ok: false, message: `Chưa nhập ${label.toLowerCase()}. ${howTo}` };
  }
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) {
      return { ok: false, message: `${label} không đọc được. ${howTo}` };
    }
    const y = input.getUTCFullYear();
    const m = input.getUTCMonth() + 1;
    const d = input.getUTCDate();
    return check(ctx, `${pad2(d)}/${pad2(m)}/${y}`, y, m, d);
  }
  if (typeof input === 'number') return fromNumber(ctx, input);
  return fromText(ctx, input);
}

interface Ctx {
  today: string;
  label: string;
  howTo: string;
}

function fromNumber(ctx: Ctx, n: number): ParsePartialDateResult {
  if (!Number.isFinite(n)) return { ok: false, message: `${ctx.label} không đọc được. ${ctx.howTo}` };
  if (Number.isInteger(n) && n >= EARLIEST_YEAR && n <= 9999) return check(ctx, String(n), n);
  // A date cell can carry a time of day as a fraction; the day is the integer part.
  const serial = Math.floor(n);
  if (serial < 1) return { ok: false, message: `${ctx.label} (${n}) không phải là ngày. ${ctx.howTo}` };
  if (serial === EXCEL_FAKE_LEAP_DAY) {
    return {
      ok: false,
      message: `${ctx.label} 29/02/1900 không có thật: năm 1900 không phải năm nhuận (lỗi của Excel). ${ctx.howTo}`,
    };
  }
  const dayMs =
    serial < EXCEL_FAKE_LEAP_DAY ? EXCEL_EPOCH_MS + (serial + 1) * DAY_MS : EXCEL_EPOCH_MS + serial * DAY_MS;
  const date = new Date(dayMs);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return check(ctx, `${pad2(d)}/${pad2(m)}/${y}`, y, m, d);
}

function fromText(ctx: Ctx, raw: string): ParsePartialDateResult {
  const shown = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  const s = shown
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s*([-/.])\s*/g, '$1');

  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})$/.exec(s))) return check(ctx, shown, Number(match[1]));
  if ((match = /^(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?$/.exec(s))) {
    return check(ctx, shown, Number(match[1]), Number(match[3]), match[4] === undefined ? undefined : Number(match[4]));
  }
  if ((match = /^(\d{1,2})([-/.])(\d{1,2})\2(\d+)$/.exec(s))) {
    if (match[4]!.length !== 4) return shortYear(ctx, shown);
    return check(ctx, shown, Number(match[4]), Number(match[3]), Number(match[1]));
  }
  if ((match = /^(\d{1,2})[-/.](\d+)$/.exec(s))) {
    if (match[2]!.length !== 4) return shortYear(ctx, shown);
    return check(ctx, shown, Number(match[2]), Number(match[1]));
  }
  if ((match = /^(?:ngày (\d{1,2}),? )?(?:tháng (\d{1,2}),? )?năm (\d+)$/.exec(s))) {
    const [, d, m, y] = match;
    if (d !== undefined && m === undefined) return unreadable(ctx, shown);
    if (y!.length !== 4) return shortYear(ctx, shown);
    return check(
      ctx,
      shown,
      Number(y),
      m === undefined ? undefined : Number(m),
      d === undefined ? undefined : Number(d),
    );
  }
  return unreadable(ctx, shown);
}

function unreadable(ctx: Ctx, shown: string): ParsePartialDateResult {
  return { ok: false, message: `Không đọc được ${ctx.label.toLowerCase()} "${shown}". ${ctx.howTo}` };
}

function shortYear(ctx: Ctx, shown: string): ParsePartialDateResult {
  return {
    ok: false,
    message:
      `${ctx.label} ${shown} không ghi năm đủ 4 chữ số, nên không biết chắc là năm nào ` +
      '(ví dụ 50 có thể là 1950 hoặc 2050). Ghi năm đủ 4 chữ số, ví dụ 05/01/1950.',
  };
}

function check(ctx: Ctx, shown: string, y: number, m?: number, d?: number): ParsePartialDateResult {
  const notReal = (why: string): ParsePartialDateResult => ({
    ok: false,
    message: `${ctx.label} ${shown} không có thật: ${why}. ${ctx.howTo}`,
  });
  if (m !== undefined && (m < 1 || m > 12)) {
    const swapped = d !== undefined && d >= 1 && d <= 12 && m <= 31;
    const why = swapped
      ? `không có tháng ${m} (có thể đã ghi tháng trước ngày; ngày phải ghi trước)`
      : `không có tháng ${m}`;
    return notReal(why);
  }
  if (m !== undefined && d !== undefined) {
    if (d < 1) return notReal('không có ngày 0');
    if (d > daysInMonth(y, m)) {
      return notReal(
        m === 2 && d === 29
          ? `tháng 2 năm ${y} không có ngày 29 (năm ${y} không phải năm nhuận)`
          : `tháng ${m} không có ngày ${d}`,
      );
    }
  }
  // A bare year is named as such ("Năm sinh 1850"), not as a date ("Ngày sinh 1850").
  const subject = m === undefined ? `${ctx.label.replace(/^Ngày/, 'Năm')} ${shown}` : `${ctx.label} ${shown}`;
  if (y < EARLIEST_YEAR) {
    const which = m === undefined ? '' : ` có năm ${y},`;
    return { ok: false, message: `${subject}${which} trước năm ${EARLIEST_YEAR}. Kiểm tra lại năm.` };
  }
  const value =
    pad4(y) + (m === undefined ? '' : `-${pad2(m)}`) + (m === undefined || d === undefined ? '' : `-${pad2(d)}`);
  if (value > ctx.today.slice(0, value.length)) {
    const unit = d !== undefined ? 'ngày' : m !== undefined ? 'tháng' : 'năm';
    return {
      ok: false,
      message: `${subject} là ${unit} chưa tới (hôm nay là ${formatDateVi(ctx.today)}). Kiểm tra lại.`,
    };
  }
  return { ok: true, value };
}

/** `date` plus `n` months, kept inside a shorter month (31/1 + 1 month = 28/2 or 29/2). */
export function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const d = Number(date.slice(8, 10));
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
