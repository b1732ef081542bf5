/**
 * Vietnamese text: cleaning names and addresses as typed or pasted, search keys, and sorting.
 *
 * Names and addresses are stored NFC, and each searchable text has a key (lower case, no
 * diacritics, đ -> d) so that "nguyen van a" finds "Nguyễn Văn A" (docs/architecture.md, "Data").
 */

// Invisible characters that Word, Excel and web pages leave inside pasted text. They are removed,
// not turned into spaces: the officer saw the text without them, so "Ngu\u200Byễn" must stay one
// word. A zero-width character between two spaces disappears and the spaces collapse anyway.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g;

// `\s` already covers tab, newline, NBSP (U+00A0), U+2000–U+200A, U+202F, U+205F and U+3000.
const WHITESPACE_RUN = /\s+/g;

// Icelandic Ð (U+00D0) looks exactly like Vietnamese Đ (U+0110) and comes in through some
// keyboard layouts and fonts; left alone it lowercases to "ð" and never matches "đ" in search.
const ETH_LOOKALIKE = /\u00D0/g;

// Ê Đê and other Central Highlands names are written with an apostrophe ("H'Hen Niê"); curly
// variants from word processors must not make two spellings of the same name.
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;

function normalise(s: string): string {
  return s.normalize('NFC').replace(INVISIBLE, '').replace(ETH_LOOKALIKE, 'Đ').replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * Normalises free text such as an address: NFC, invisible characters removed, every run of
 * whitespace (tabs, NBSP, line breaks) turned into one space, trimmed. Letter case is kept, because
 * addresses carry meaningful capitals ("Tổ 5, KP. Bình An") that title-casing would break.
 */
export function cleanText(s: string): string {
  return normalise(s);
}

/**
 * Cleans a person's full name as typed or pasted and title-cases each syllable:
 * `cleanPersonName("  NGUYỄN   văn  a ")` → `"Nguyễn Văn A"`.
 *
 * Works on decomposed (NFD) input because it composes to NFC first, so the tone mark stays on
 * its letter. A letter after an apostrophe, hyphen or opening bracket also starts a capital, which
 * keeps ethnic-minority names right ("H'HEN NIÊ" → "H'Hen Niê") and nicknames ("(tèo)" → "(Tèo)").
 * Tone placement ("Hoà" / "Hòa") is left as written: it is the spelling on the person's papers;
 * {@link searchKey} makes both spellings match.
 */
export function cleanPersonName(s: string): string {
  return normalise(s)
    .replace(APOSTROPHES, "'")
    .split(' ')
    .map((syllable) =>
      syllable
        .toLowerCase()
        .replace(/(^|['\-(])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase()),
    )
    .join(' ');
}

/**
 * The search key of a text: lower case, no diacritics, đ → d, whitespace collapsed. All of
 * "Nguyễn Văn Á", "NGUYEN VAN A" and the decomposed form give `"nguyen van a"`, and old and new
 * tone placement give the same key ("Hoà"/"Hòa" → "hoa", "Thuỷ"/"Thủy" → "thuy").
 *
 * NFKD is used so that full-width digits and letters pasted from some fonts also match.
 * Punctuation is kept, so a key can still tell "12/3" from "123" in an address.
 */
export function searchKey(s: string): string {
  return normalise(s)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(APOSTROPHES, "'")
    .toLowerCase()
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

/**
 * A collator with the Vietnamese alphabet order (a ă â b c d đ e ê … o ô ơ … u ư …, tones after
 * the bare letter). Reuse it rather than calling `localeCompare` in a loop: building a collator is
 * the expensive part.
 */
export const viCollator: Intl.Collator = new Intl.Collator('vi');

/** Compares two texts in Vietnamese alphabet order; usable directly as an `Array.sort` callback. */
export function compareVi(a: string, b: string): number {
  return viCollator.compare(a, b);
}

function givenName(fullName: string): string {
  const clean = normalise(fullName);
  return clean.slice(clean.lastIndexOf(' ') + 1);
}

/**
 * Compares two full names the way Vietnamese offices order lists of people: by the given name
 * (tên, the last syllable) first, then by the whole name from the family name on. So "Trần Thị
 * Bình" comes before "Lê Văn Cường", and among the "An"s, "Lê Văn An" comes before "Nguyễn Thị An".
 * A Vietnamese full name is family name + middle name(s) + given name, and people are called and
 * looked up by the given name, which is why payment lists and beneficiary lists are sorted by it.
 */
export function compareVietnameseNames(a: string, b: string): number {
  return viCollator.compare(givenName(a), givenName(b)) || viCollator.compare(normalise(a), normalise(b));
}

/**
 * The edit distance between the search keys of two names: how many single-character insertions,
 * deletions, substitutions or swaps of two neighbouring characters turn one into the other
 * ("Nguyen" / "Ngyuen" is 1). Swaps count as one edit because swapped letters are the most common
 * typing slip, which is exactly what duplicate detection looks for.
 */
export function fuzzyNameDistance(a: string, b: string): number {
  const s = Array.from(searchKey(a));
  const t = Array.from(searchKey(b));
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  // Three rows of the optimal-string-alignment table are enough: a swap looks two rows back.
  let twoBack: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        d = Math.min(d, twoBack[j - 2]! + 1);
      }
      cur.push(d);
    }
    twoBack = prev;
    prev = cur;
  }
  return prev[t.length]!;
}

/** Shortest search key on which one edit is still treated as "the same name, mistyped". */
const MIN_KEY_LENGTH_FOR_FUZZY = 8;

/**
 * Whether two names are near-identical, for flagging possible duplicate registrations: the same
 * search key, or one edit apart when both keys have at least 8 characters. Short names are not
 * matched fuzzily: one edit between short keys ("Lê An" / "Lê Anh") is usually another person.
 * Equal keys ignore diacritics, so "Lê Văn An" and "Lê Văn Ân" are flagged: a person checks.
 */
export function nameSimilar(a: string, b: string): boolean {
  const ka = searchKey(a);
  const kb = searchKey(b);
  if (ka === kb) return true;
  if (Math.min(Array.from(ka).length, Array.from(kb).length) < MIN_KEY_LENGTH_FOR_FUZZY) return false;
  return fuzzyNameDistance(ka, kb) <= 1;
}

// Developer notes written into legal sources and labels: "(chưa đối chiếu văn bản gốc)", "— theo báo
// chí, chưa đối chiếu", "[M]", "[R2: …]", "(unverified)". They belong in the data (`verified: false`)
// and in docs/legal, not in what officers read or print.
const NOTE_MARK = /\s*\[(?:M|R\d)(?::[^\]]*)?\]/g;
const NOTE_CLAUSE = /chưa đối chiếu|chưa kiểm chứng|nhớ lại|theo báo chí|unverified|not verified|giả định/i;
const NOTE_AFTER_COLON = /:\s*(?:chưa đối chiếu|chưa kiểm chứng)[^;,)]*/gi;

function dropNoteClauses(inner: string): string {
  return inner
    .split(/\s*;\s*/)
    .filter((c) => c && !NOTE_CLAUSE.test(c))
    .join('; ');
}

/**
 * A legal source or label as officers see it: the developer notes about what was not checked are
 * removed (the record keeps its `verified` flag). "Nghị định 76/2024/NĐ-CP (chưa đối chiếu văn bản
 * gốc)" → "Nghị định 76/2024/NĐ-CP"; "Điều 28 (sửa bởi Luật 136/2025/QH15: chưa đối chiếu)" →
 * "Điều 28 (sửa bởi Luật 136/2025/QH15)".
 */
export function officerText(s: string): string {
  let out = s.replace(NOTE_MARK, '').replace(NOTE_AFTER_COLON, '');
  out = out.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => {
    if (!NOTE_CLAUSE.test(inner)) return whole;
    const kept = dropNoteClauses(inner);
    return kept ? ` (${kept})` : '';
  });
  // A note after a dash at the end: "… — theo báo chí, chưa đối chiếu".
  out = out.replace(/\s+[—–]\s+([^—–()]*)$/, (whole, tail: string) => {
    if (!NOTE_CLAUSE.test(tail)) return whole;
    const kept = dropNoteClauses(tail.replace(/,\s*(?=chưa|nhớ lại|theo báo chí)/gi, '; '));
    return kept ? ` — ${kept}` : '';
  });
  // A sentence that is only a note: "Chưa đối chiếu đủ."
  out = out.replace(/(?:^|\s)[^.;]*(?:chưa đối chiếu|chưa kiểm chứng)[^.;]*[.;]/gi, '');
  return out.replace(/\s{2,}/g, ' ').trim();
}
