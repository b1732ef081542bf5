/**
 * A sort key for people's names that a database can order by plain byte comparison.
 *
 * Lists of people are ordered the Vietnamese way: by the given name (tên, the last syllable)
 * first, then by the whole name from the family name on ({@link compareVietnameseNames}). The
 * database cannot do that itself: PostgreSQL's "vi" collations depend on the ICU/glibc build of the
 * server, SQLite has no Vietnamese collation, and neither orders by the last word. So the server
 * stores this key next to the name and sorts on it with `COLLATE "C"` (PostgreSQL) or the default
 * BINARY collation (SQLite), which compare bytes. The key is ASCII, so byte order, UTF-16 code-unit
 * order (JavaScript `<`) and code-point order are all the same.
 */

import { cleanText } from '../text.js';

// Apostrophe variants, as in text.ts: "H’Hen" and "H'Hen" are the same name.
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;

// Dashes that word processors put in hyphenated names ("Y–Ngông"); sorted as a hyphen.
const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * Everything with a primary weight that a name can reasonably contain, in the order the ICU
 * collator for "vi" (CLDR) gives: space, punctuation, symbols, digits, then the 29 letters of the
 * Vietnamese alphabet, in which ă, â, đ, ê, ô, ơ, ư are letters of their own (a < ă < â < b …).
 * sort-key.test.ts checks this order against `Intl.Collator('vi')`.
 */
const PRIMARY_ORDER: readonly string[] = [
  ' ',
  ...'_-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$',
  ...'0123456789',
  ...['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm'],
  ...['n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'],
];

/**
 * The tone marks in collation order, as combining characters: huyền (grave), hỏi (hook above),
 * ngã (tilde), sắc (acute), nặng (dot below). A syllable without a tone (thanh ngang) sorts before
 * all of them: a < à < ả < ã < á < ạ. This is what `Intl.Collator('vi')` does (CLDR tailors the
 * tones in exactly this order); sort-key.test.ts checks it.
 */
const TONE_ORDER: readonly string[] = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

// Combining marks that make a letter of its own rather than a tone: breve, circumflex, horn.
const LETTER_MARKS: ReadonlyMap<string, string> = new Map([
  ['a\u0306', 'ă'],
  ['a\u0302', 'â'],
  ['e\u0302', 'ê'],
  ['o\u0302', 'ô'],
  ['o\u031B', 'ơ'],
  ['u\u031B', 'ư'],
]);

/** Separates the primary part of a key from the tone part; below every primary character. */
const LEVEL_SEPARATOR = '!';
/** Separates the given-name key from the full-name key; below everything else in a key. */
const NAME_SEPARATOR = '\u0001';
/** A letter run (syllable) without any mark. Tones are '1'–'5'; any other mark is '6'. */
const NO_TONE = '0';
const OTHER_MARK = '6';
/** Prefix of a character outside {@link PRIMARY_ORDER}, followed by its code point in hex. */
const UNKNOWN = '~';

// One ASCII character per entry of PRIMARY_ORDER, ascending from '#', skipping the characters that
// need escaping in SQL literals, CSV or JSON, so a key can be pasted into a query when debugging.
const PRIMARY_CODE: ReadonlyMap<string, string> = (() => {
  const codes: string[] = [];
  for (let c = 0x23; codes.length < PRIMARY_ORDER.length; c++) {
    const ch = String.fromCharCode(c);
    if (ch !== "'" && ch !== '\\' && ch !== '`') codes.push(ch);
  }
  return new Map(PRIMARY_ORDER.map((p, i) => [p, codes[i]!]));
})();

const TONE_CODE: ReadonlyMap<string, string> = new Map(TONE_ORDER.map((t, i) => [t, String(i + 1)]));

const IS_MARK = /\p{M}/u;
const IS_LETTER = /\p{L}/u;
// Controls and format characters: ignorable in collation, so they must not change the key.
const IS_IGNORABLE = /[\p{Cc}\p{Cf}]/u;

function unknownCode(ch: string): string {
  return UNKNOWN + ch.codePointAt(0)!.toString(16).padStart(6, '0');
}

/**
 * Key of one text: primary letters, the level separator, then one tone code per letter run.
 *
 * Tones are collected per letter run (syllable) rather than per letter so that old and new tone
 * placement ("Hòa"/"Hoà", "Thủy"/"Thuỷ") give the same key. Within one spelling convention this
 * orders exactly as the collator's secondary level: two names whose letters are equal differ first
 * at the first syllable whose tone differs, and there the one without a tone, or with the lower
 * tone, comes first.
 */
function textKey(text: string): string {
  const chars = Array.from(text.normalize('NFKD').toLowerCase());
  let primary = '';
  let secondary = '';
  let runMarks: string | null = null;
  const endRun = () => {
    if (runMarks !== null) secondary += runMarks === '' ? NO_TONE : runMarks;
    runMarks = null;
  };
  let i = 0;
  while (i < chars.length) {
    let base = chars[i]!;
    i++;
    const marks: string[] = [];
    while (i < chars.length && IS_MARK.test(chars[i]!)) marks.push(chars[i++]!);
    // A mark with no base (text starting with a combining character) has no weight of its own.
    if (IS_MARK.test(base) || IS_IGNORABLE.test(base)) continue;

    if (!IS_LETTER.test(base)) {
      endRun();
      primary += PRIMARY_CODE.get(base) ?? unknownCode(base);
      continue;
    }
    runMarks ??= '';
    for (let m = 0; m < marks.length; m++) {
      const letter = LETTER_MARKS.get(base + marks[m]!);
      if (letter !== undefined) {
        base = letter;
        marks.splice(m, 1);
        break;
      }
    }
    primary += PRIMARY_CODE.get(base) ?? unknownCode(base);
    for (const mark of marks) runMarks += TONE_CODE.get(mark) ?? OTHER_MARK;
  }
  endRun();
  return primary + LEVEL_SEPARATOR + secondary;
}

/**
 * The sort key of a person's full name: ordering keys by plain byte (or JavaScript `<`)
 * comparison gives the order of {@link compareVietnameseNames}: given name first ("Nguyễn Văn An" <
 * "Trần Thị Ánh" < "Lê Văn Bình"), then the whole name from the family name ("Lê Văn An" <
 * "Nguyễn Thị An"), in Vietnamese alphabet order (d < đ, so "Dương" < "Đào") with tones after the
 * bare letter (An < Àn < Ản < Ãn < Án < Ạn).
 *
 * The key is deliberately blind to what is not part of the name: letter case, NFC/NFD, invisible
 * characters and extra spaces, curly apostrophes, and old/new tone placement ("Hoà" = "Hòa"). Two
 * spellings that differ only in those ways get the same key, where the collator would still order
 * them by its tertiary (case) or accent-position level; the database then orders them by id.
 *
 * Structure: `key(given name) + "\u0001" + key(full name)`, where each key is the letters mapped
 * to ASCII in alphabet order, "!", then the tone of each syllable ('0' none, '1' huyền, '2' hỏi,
 * '3' ngã, '4' sắc, '5' nặng). Characters outside the Vietnamese alphabet, digits and common
 * punctuation are placed after the letters, by code point.
 */
export function vietnameseSortKey(fullName: string): string {
  const clean = cleanText(fullName).replace(APOSTROPHES, "'").replace(DASHES, '-');
  const given = clean.slice(clean.lastIndexOf(' ') + 1);
  return textKey(given) + NAME_SEPARATOR + textKey(clean);
}

// The letters an unaccented letter of a search stands for, as primary letters of the sort key.
const FOLDED_LETTERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['a', ['a', 'ă', 'â']],
  ['d', ['d', 'đ']],
  ['e', ['e', 'ê']],
  ['o', ['o', 'ô', 'ơ']],
  ['u', ['u', 'ư']],
]);

/**
 * Where the persons whose given name starts with an unaccented search word sit in the Vietnamese
 * order: the sort-key prefixes (ascending, disjoint) that a sort key of such a person starts with.
 * The sort key begins with the given name's primary letters, in which ă, â, đ, ê, ô, ơ, ư are
 * letters of their own, so "thu" is two runs of the order ("thu…" and "thư…"), "hoang" nine. A
 * search reads each run in order and stops after a page instead of sorting every match.
 * `null` when the word has a character outside the alphabet, or would give more than `max` runs.
 */
export function givenNameSortPrefixes(folded: string, max = 32): string[] | null {
  let out = [''];
  for (const ch of folded) {
    const letters = FOLDED_LETTERS.get(ch) ?? [ch];
    const codes = letters.map((l) => PRIMARY_CODE.get(l));
    if (codes.some((c) => c === undefined) || ch === ' ') return null;
    out = out.flatMap((p) => codes.map((c) => p + c!));
    if (out.length > max) return null;
  }
  return out.sort();
}
