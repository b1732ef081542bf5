/**
 * Numbers written the Vietnamese way: "." between thousands, "," before decimals
 * ("8.601.610.000", "13.676,5", "73,95%"). docs/legal/document-format.md notes this is the usage of official
 * texts (NĐ 30/2020/NĐ-CP documents); no rule sets it.
 *
 * Formatting is done by hand rather than with `Intl.NumberFormat('vi')`: the output must be the
 * same in every browser and in Node builds without full ICU, and rounding must be half-up on the
 * decimal value a person sees.
 */

/** Result of reading a number typed by a person or found in a spreadsheet. */
export type ParseNumberResult = { ok: true; value: number } | { ok: false; message: string };

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function formatFixed(scaled: bigint, decimals: number): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const intPart = digits.slice(0, digits.length - decimals);
  const fracPart = digits.slice(digits.length - decimals);
  return (negative ? '-' : '') + groupThousands(intPart) + (decimals > 0 ? ',' + fracPart : '');
}

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be an integer from 0 to 20, got ${decimals}`);
  }
}

// The shortest decimal text that reads back as the same double ("1.005", not 1.00499999…), so that
// rounding works on the digits a person would write down.
function plainDecimal(abs: number): { intDigits: string; fracDigits: string } {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(abs));
  if (!match) throw new RangeError(`Cannot format ${abs}`);
  const digits = match[1]! + (match[2] ?? '');
  const point = match[1]!.length + Number(match[3] ?? 0);
  let intDigits: string;
  let fracDigits: string;
  if (point <= 0) {
    intDigits = '0';
    fracDigits = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    intDigits = digits + '0'.repeat(point - digits.length);
    fracDigits = '';
  } else {
    intDigits = digits.slice(0, point);
    fracDigits = digits.slice(point);
  }
  return { intDigits: intDigits.replace(/^0+(?=\d)/, ''), fracDigits: fracDigits.replace(/0+$/, '') };
}

/**
 * Formats a number the Vietnamese way: `formatNumberVi(8601610000)` → "8.601.610.000",
 * `formatNumberVi(13676.5)` → "13.676,5". With `decimals`, rounds half away from zero to exactly
 * that many decimals (`formatNumberVi(2.5, 2)` → "2,50"); without, shows every decimal the value
 * has. Throws a RangeError for NaN and infinities.
 */
export function formatNumberVi(n: number | bigint, decimals?: number): string {
  if (decimals !== undefined) checkDecimals(decimals);
  if (typeof n === 'bigint') return formatFixed(n * 10n ** BigInt(decimals ?? 0), decimals ?? 0);
  if (!Number.isFinite(n)) throw new RangeError(`Cannot format ${n}`);
  const { intDigits, fracDigits } = plainDecimal(Math.abs(n));
  const sign = n < 0 ? -1n : 1n;
  if (decimals === undefined) {
    const scaled = BigInt(intDigits + fracDigits) * sign;
    return formatFixed(scaled, fracDigits.length);
  }
  let scaled = BigInt(intDigits + fracDigits.slice(0, decimals).padEnd(decimals, '0'));
  if ((fracDigits[decimals] ?? '0') >= '5') scaled += 1n;
  return formatFixed(scaled * sign, decimals);
}

function toBigInt(n: number, name: string): bigint {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be a safe integer, got ${n}`);
  return BigInt(n);
}

/**
 * Formats numerator ÷ denominator, computed exactly from integers and rounded half away from zero
 * to `decimals` places: `formatRatioVi(13676500000, 1000000, 1)` → "13.676,5". This is how every
 * derived figure in a report is shown: the stored values stay integers, only the display rounds.
 * Throws a RangeError when an argument is not a safe integer or the denominator is 0.
 */
export function formatRatioVi(numerator: number | bigint, denominator: number | bigint, decimals: number): string {
  checkDecimals(decimals);
  let num = typeof numerator === 'bigint' ? numerator : toBigInt(numerator, 'numerator');
  let den = typeof denominator === 'bigint' ? denominator : toBigInt(denominator, 'denominator');
  if (den === 0n) throw new RangeError('denominator is 0');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const scaledNum = num * 10n ** BigInt(decimals);
  const absNum = scaledNum < 0n ? -scaledNum : scaledNum;
  let q = absNum / den;
  if ((absNum % den) * 2n >= den) q += 1n;
  return formatFixed(scaledNum < 0n ? -q : q, decimals);
}

/**
 * A percentage from two integers, rounded half-up at display (docs/architecture.md, "Data"):
 * 28101 of 38000 → "73,95%", 9210 of 8000 → "115,13%", 157 of 160 → "98,13%". No space before
 * "%", as in official texts ("1,7%"). Throws a RangeError when the denominator is 0: what to show
 * for "no target" ("—", "không có kế hoạch") is the report's decision, not this function's.
 */
export function formatPercentVi(numerator: number, denominator: number, decimals = 2): string {
  return formatRatioVi(toBigInt(numerator, 'numerator') * 100n, toBigInt(denominator, 'denominator'), decimals) + '%';
}

const HOW_TO_WRITE =
  'Ghi số theo kiểu Việt Nam: dấu chấm ngăn cách hàng nghìn, dấu phẩy trước phần thập phân, ví dụ 1.624.000 hoặc 2,5.';

/**
 * Reads a number as typed in a form or found in a spreadsheet: "1.624.000", "1,5", "2,5",
 * "1.624.000đ", "1.624.000 đồng", " 360 000 ", "-12", plain "1624000", or a number.
 *
 * How separators are read:
 * - Vietnamese first: "." groups thousands, "," starts decimals; "1.624.000,5" → 1624000.5.
 * - A single "." followed by exactly three digits is a thousands separator: "1.500" → 1500, as a
 *   Vietnamese reader takes it. Otherwise a single "." is a decimal point ("1.5", "0.500"): it
 *   cannot be a thousands separator, and a value pasted from an English source means that.
 * - A single "," is always a decimal comma: "1,500" → 1.5. Callers that expect whole numbers
 *   (money: `parseDong`) refuse the result, so an English "1,500" does not pass silently.
 * - Several commas, or commas before a final ".", are English grouping: "1,624,000.5" → 1624000.5.
 * - Spaces (including NBSP) group thousands: "360 000".
 * Groups must have three digits; anything else is refused with a message saying how to write it.
 */
export function parseNumberVi(input: string | number): ParseNumberResult {
  if (typeof input === 'number') {
    return Number.isFinite(input)
      ? { ok: true, value: input }
      : { ok: false, message: `Không đọc được số. ${HOW_TO_WRITE}` };
  }
  const shown = input.normalize('NFC').trim();
  const fail = (): ParseNumberResult => ({ ok: false, message: `Không đọc được số "${shown}". ${HOW_TO_WRITE}` });
  let s = shown
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .replace(/^(?:vnđ|vnd)\s*/i, '')
    .replace(/\s*(?:đồng|vnđ|vnd|đ|₫|d)\.?$/i, '')
    .trim();
  if (s === '') return { ok: false, message: `Chưa nhập số. ${HOW_TO_WRITE}` };

  let negative = false;
  const sign = /^([-−–+])\s*/.exec(s);
  if (sign) {
    negative = sign[1] !== '+';
    s = s.slice(sign[0].length);
  }
  if (!/^\d[\d., ]*$/.test(s) || /\D$/.test(s)) return fail();

  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  let decimalSep: string | null = null;
  let groupSep: string | null = s.includes(' ') ? ' ' : null;
  if (dots > 0 && commas > 0) {
    decimalSep = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    if (groupSep) return fail();
    groupSep = decimalSep === ',' ? '.' : ',';
  } else if (commas > 0 || dots > 0) {
    const sep = commas > 0 ? ',' : '.';
    const count = commas + dots;
    const looksGrouped = /^[1-9]\d{0,2}[.,]\d{3}$/.test(s);
    if (count > 1 || (sep === '.' && looksGrouped && groupSep === null)) {
      if (groupSep) return fail();
      groupSep = sep;
    } else {
      decimalSep = sep;
    }
  }

  // "1 500.000" could be 1500 or 1500000 depending on who typed it: ask rather than guess.
  if (groupSep === ' ' && decimalSep === '.') return fail();
  const [intPart = '', fracPart = '', ...rest] = decimalSep ? s.split(decimalSep) : [s];
  if (rest.length > 0 || (decimalSep && fracPart === '')) return fail();
  if (!/^\d*$/.test(fracPart)) return fail();
  let intDigits = intPart;
  if (groupSep) {
    const grouped = new RegExp(`^\\d{1,3}(?:\\${groupSep}\\d{3})*$`);
    if (!grouped.test(intPart)) return fail();
    intDigits = intPart.split(groupSep).join('');
  }
  if (!/^\d+$/.test(intDigits)) return fail();

  const value = Number(`${intDigits}.${fracPart || '0'}`) * (negative ? -1 : 1);
  if (!Number.isSafeInteger(Math.trunc(value))) {
    return { ok: false, message: `Số "${shown}" quá lớn. Kiểm tra lại số đã nhập.` };
  }
  return { ok: true, value: value === 0 ? 0 : value };
}
