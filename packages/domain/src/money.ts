/**
 * Money. An amount is an integer number of đồng: no floats, no minor unit (docs/architecture.md,
 * "Data"). The đồng has had no coins or subdivisions in use for decades, and every legal amount
 * (1.624.000đ, 360.000đ) is whole.
 */

import { formatNumberVi, formatRatioVi, parseNumberVi } from './numbers.js';

/** An amount of money in đồng; always a safe integer (see {@link assertDong}). */
export type Dong = number;

/**
 * Throws a RangeError unless `n` is a safe integer, the only valid amount of đồng. Beyond 2^53 an
 * integer is no longer exact in a JavaScript number, and a fraction of a đồng does not exist.
 */
export function assertDong(n: unknown): asserts n is Dong {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new RangeError(`An amount in đồng must be a safe integer, got ${String(n)}`);
  }
}

/** Formats an amount as in official texts: 1624000 → "1.624.000 đồng". */
export function formatDong(n: Dong): string {
  assertDong(n);
  return `${formatNumberVi(n)} đồng`;
}

/** Formats an amount in the short form used in tables and lists: 1624000 → "1.624.000đ". */
export function formatDongShort(n: Dong): string {
  assertDong(n);
  return `${formatNumberVi(n)}đ`;
}

/**
 * Formats an amount in millions, as report totals are written: 13676500000 →
 * "13.676,5 triệu đồng". Rounded half-up (away from zero) to `decimals` places from the exact
 * integer, never through a float division.
 */
export function formatMillionDong(n: Dong, decimals = 1): string {
  assertDong(n);
  return `${formatRatioVi(n, 1_000_000, decimals)} triệu đồng`;
}

const DIGIT_WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

function digitWord(d: number): string {
  return DIGIT_WORDS[d]!;
}

// One group of three digits. `full` is set when a higher group has already been read: then the
// hundreds are said even when zero ("một triệu không trăm năm mươi nghìn").
function readGroup(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const words: string[] = [];
  if (full || h > 0) words.push(digitWord(h), 'trăm');
  if (t === 0) {
    // "linh" rather than the southern "lẻ": 105 → "một trăm linh năm".
    if (u > 0) {
      if (words.length > 0) words.push('linh');
      words.push(digitWord(u));
    }
  } else {
    // "mười" (10–19) has a falling tone, "mươi" (20–90) has none; after "mươi" a 1 is said "mốt";
    // after either, a 5 is "lăm". A 4 after "mươi" may be "tư"; payment sheets use "bốn".
    words.push(...(t === 1 ? ['mười'] : [digitWord(t), 'mươi']));
    if (u === 5) words.push('lăm');
    else if (u === 1 && t > 1) words.push('mốt');
    else if (u > 0) words.push(digitWord(u));
  }
  return words;
}

function readBelowBillion(n: number, leading: boolean): string[] {
  const groups: [number, string][] = [
    [Math.floor(n / 1_000_000), 'triệu'],
    [Math.floor(n / 1_000) % 1_000, 'nghìn'],
    [n % 1_000, ''],
  ];
  const words: string[] = [];
  let started = !leading;
  for (const [group, scale] of groups) {
    if (group === 0) continue;
    words.push(...readGroup(group, started));
    if (scale) words.push(scale);
    started = true;
  }
  return words;
}

// Above a billion the count of "tỷ" is itself read as a number, so 2.500 tỷ is "hai nghìn năm trăm
// tỷ" (not "hai nghìn tỷ năm trăm tỷ").
function readNumber(n: number, leading: boolean): string[] {
  if (n < 1_000_000_000) return readBelowBillion(n, leading);
  const below = n % 1_000_000_000;
  const billions = (n - below) / 1_000_000_000;
  return [...readNumber(billions, leading), 'tỷ', ...(below > 0 ? readBelowBillion(below, false) : [])];
}

/**
 * An amount in words, as written on payment sheets and receipts ("Số tiền bằng chữ"):
 * 1624000 → "Một triệu sáu trăm hai mươi bốn nghìn đồng", 1055000 → "Một triệu không trăm năm
 * mươi lăm nghìn đồng", 105000 → "Một trăm linh năm nghìn đồng", 0 → "Không đồng".
 *
 * Choices where usage varies: "linh" (not "lẻ"), "nghìn" (not "ngàn"), "tỷ" (not "tỉ"), "bốn"
 * (not "tư"); empty millions or thousands groups are skipped ("Một tỷ đồng"). Throws a RangeError
 * for a negative amount (a sum to pay is never negative) and for anything that is not a safe integer.
 */
export function amountInWords(n: Dong): string {
  assertDong(n);
  if (n < 0) throw new RangeError(`Cannot write a negative amount in words: ${n}`);
  const words = n === 0 ? ['không'] : readNumber(n, true);
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Result of reading an amount of money. */
export type ParseDongResult = { ok: true; value: Dong } | { ok: false; message: string };

/**
 * Reads an amount of money typed in a form or found in a spreadsheet ("1.624.000", "1.624.000đ",
 * "360 000", 1624000), with the separator rules of `parseNumberVi`. An amount with a fractional
 * part is refused rather than rounded: "1,500" means 1,5 in Vietnamese, so it is most likely an
 * English-style "1.500" and the officer must say which.
 */
export function parseDong(input: string | number): ParseDongResult {
  const parsed = parseNumberVi(input);
  if (!parsed.ok) return parsed;
  if (!Number.isSafeInteger(parsed.value)) {
    const shown = typeof input === 'string' ? input.trim() : String(input);
    return {
      ok: false,
      message:
        `Số tiền "${shown}" có phần lẻ. Số tiền tính bằng đồng chẵn; ` +
        'dùng dấu chấm để ngăn cách hàng nghìn, ví dụ 1.624.000.',
    };
  }
  return { ok: true, value: parsed.value };
}
