import { describe, it, expect } from 'vitest';
import { compareVietnameseNames, viCollator } from '../text.js';
import { givenNameSortPrefixes, vietnameseSortKey } from './sort-key.js';

const byKey = (a: string, b: string): number => {
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};
const sortByKey = (names: readonly string[]): string[] => [...names].sort(byKey);

// Byte comparison of the UTF-8 encodings: what PostgreSQL `COLLATE "C"` and SQLite BINARY do.
const utf8 = new TextEncoder();
function compareBytes(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

// A small deterministic PRNG (mulberry32) so a failure can be reproduced.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INITIALS = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gh',
  'gi',
  'h',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'ngh',
  'nh',
  'p',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
];
const NUCLEI = [
  'a',
  'ă',
  'â',
  'e',
  'ê',
  'i',
  'o',
  'ô',
  'ơ',
  'u',
  'ư',
  'y',
  'ai',
  'ao',
  'au',
  'ay',
  'âu',
  'ây',
  'eo',
  'êu',
  'ia',
  'iê',
  'iu',
  'oa',
  'oă',
  'oe',
  'oi',
  'ôi',
  'ơi',
  'ua',
  'uâ',
  'uô',
  'ươ',
  'ưa',
  'ui',
  'ưi',
  'uy',
  'uyê',
  'oai',
  'uôi',
  'ươi',
  'ươu',
  'yê',
];
const FINALS = ['', '', '', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'];
/** '' (thanh ngang), huyền, hỏi, ngã, sắc, nặng. */
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const VOWELS = 'aăâeêioôơuưy';

/**
 * Puts the tone on one vowel by a rule that depends only on the letters (the "new" placement:
 * "hoà", "thuỷ"), so that two syllables with the same letters always carry it on the same letter.
 * Real orthography also depends on the letters only, which is why one convention at a time is
 * what the collator and the key must agree on.
 */
function placeTone(syllable: string, tone: string): string {
  const chars = Array.from(syllable);
  if (!tone) return syllable;
  const vowelAt = chars.flatMap((c, i) => (VOWELS.includes(c) ? [i] : []));
  if (vowelAt.length === 0) return syllable;
  const modified = vowelAt.filter((i) => 'ăâêôơư'.includes(chars[i]!));
  let pos: number;
  if (modified.length > 0) {
    pos = modified[modified.length - 1]!;
  } else {
    const last = vowelAt[vowelAt.length - 1]!;
    let first = last;
    while (first > 0 && VOWELS.includes(chars[first - 1]!)) first--;
    const run = last - first + 1;
    if (last < chars.length - 1 || run === 1) pos = last;
    else if (run >= 3) pos = first + 1;
    else pos = ['oa', 'oe', 'uy'].includes(chars[first]! + chars[last]!) ? last : first;
  }
  chars[pos] = (chars[pos]! + tone).normalize('NFC');
  return chars.join('');
}

const titleCase = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function randomSyllable(next: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return titleCase(placeTone(pick(INITIALS) + pick(NUCLEI) + pick(FINALS), pick(TONES)));
}

/**
 * Names as they are stored (title case, one tone convention) but with every letter and tone:
 * family names and given names come partly from small pools, so many people share a given name
 * and the tie-break on the whole name is exercised; some are Central Highlands names with an
 * apostrophe or a hyphen; some are decomposed (NFD), as pasted from some Mac applications.
 */
function generateNames(count: number, seed: number): string[] {
  const next = rng(seed);
  const familyPool = [
    'Nguyễn',
    'Trần',
    'Lê',
    'Phạm',
    'Hoàng',
    'Huỳnh',
    'Vũ',
    'Võ',
    'Đặng',
    'Bùi',
    'Đỗ',
    'Hồ',
    'Ngô',
    'Dương',
    'Lý',
    'Đào',
    'Đinh',
    'Ksor',
    'Niê',
  ];
  const givenPool = Array.from({ length: 40 }, () => randomSyllable(next));
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    const family = next() < 0.7 ? familyPool[Math.floor(next() * familyPool.length)]! : randomSyllable(next);
    const middles = Array.from({ length: Math.floor(next() * 3) }, () => randomSyllable(next));
    let given = next() < 0.5 ? givenPool[Math.floor(next() * givenPool.length)]! : randomSyllable(next);
    const r = next();
    if (r < 0.03) given = `H'${given}`;
    else if (r < 0.06) given = `Y-${given}`;
    let name = [family, ...middles, given].join(' ');
    if (next() < 0.1) name = name.normalize('NFD');
    names.push(name);
  }
  return names;
}

describe('vietnameseSortKey', () => {
  it('orders by given name first: An < Ánh < Bình', () => {
    expect(sortByKey(['Lê Văn Bình', 'Trần Thị Ánh', 'Nguyễn Văn An'])).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Ánh',
      'Lê Văn Bình',
    ]);
  });

  it('orders people with the same given name by the whole name from the family name', () => {
    expect(sortByKey(['Nguyễn Thị An', 'Lê Văn An', 'Lê An'])).toEqual(['Lê An', 'Lê Văn An', 'Nguyễn Thị An']);
  });

  it('puts đ after d: "Đào" after "Dương", as a given name and as a family name', () => {
    expect(sortByKey(['Lê Thị Đào', 'Lê Thị Dương'])).toEqual(['Lê Thị Dương', 'Lê Thị Đào']);
    expect(sortByKey(['Đào Văn An', 'Dương Văn An'])).toEqual(['Dương Văn An', 'Đào Văn An']);
    // Đ is a letter of its own, after the whole of d: "Dz…" still comes before "Đa…".
    expect(sortByKey(['Lê Đa', 'Lê Dzung'])).toEqual(['Lê Dzung', 'Lê Đa']);
  });

  it('follows the Vietnamese alphabet: a ă â b c d đ e ê … o ô ơ … u ư …', () => {
    const alphabet = 'a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z'.split(' ');
    const names = alphabet.map((l) => `Lê Văn ${l.toUpperCase()}n`);
    expect(sortByKey([...names].reverse())).toEqual(names);
    expect([...names].reverse().sort(compareVietnameseNames)).toEqual(names);
  });

  it('puts the tones in the collator order: none, huyền, hỏi, ngã, sắc, nặng', () => {
    const names = ['Lê An', 'Lê Àn', 'Lê Ản', 'Lê Ãn', 'Lê Án', 'Lê Ạn'];
    expect([...names].reverse().sort(compareVietnameseNames)).toEqual(names);
    expect(sortByKey([...names].reverse())).toEqual(names);
  });

  it('sorts the letter before the tone: "Ánh" after "Anh" but before "Ăn"', () => {
    expect(sortByKey(['Lê Ăn', 'Lê Ánh', 'Lê Anh', 'Lê An'])).toEqual(['Lê An', 'Lê Anh', 'Lê Ánh', 'Lê Ăn']);
  });

  it('ignores letter case, NFC/NFD, extra and invisible spaces and curly apostrophes', () => {
    const key = vietnameseSortKey('Nguyễn Văn An');
    expect(vietnameseSortKey('NGUYỄN VĂN AN')).toBe(key);
    expect(vietnameseSortKey('nguyễn văn an')).toBe(key);
    expect(vietnameseSortKey('Nguyễn Văn An'.normalize('NFD'))).toBe(key);
    expect(vietnameseSortKey('  Nguyễn\u00A0 Văn\tAn\u200B ')).toBe(key);
    expect(vietnameseSortKey('H’Hen Niê')).toBe(vietnameseSortKey("H'Hen Niê"));
    expect(vietnameseSortKey('Y–Ngông Niê')).toBe(vietnameseSortKey('Y-Ngông Niê'));
  });

  it('gives old and new tone placement the same key', () => {
    expect(vietnameseSortKey('Lê Thị Hoà')).toBe(vietnameseSortKey('Lê Thị Hòa'));
    expect(vietnameseSortKey('Trần Thị Thuỷ')).toBe(vietnameseSortKey('Trần Thị Thủy'));
    expect(vietnameseSortKey('Phạm Văn Khoẻ')).toBe(vietnameseSortKey('Phạm Văn Khỏe'));
    expect(vietnameseSortKey('Hoà Thị Hoà')).toBe(vietnameseSortKey('Hòa Thị Hòa'));
    // …but still tells the tones apart.
    expect(vietnameseSortKey('Lê Thị Hoà')).not.toBe(vietnameseSortKey('Lê Thị Hoá'));
    expect(byKey('Lê Thị Hòa', 'Lê Thị Hoá')).toBeLessThan(0);
  });

  it('is printable ASCII apart from the one \\u0001 separator, so byte order is code-unit order', () => {
    for (const name of ['Nguyễn Văn An', 'Đặng Thị Ựng', "H'Hen Niê", 'Lê Văn 2', 'Ωmega', '']) {
      const parts = vietnameseSortKey(name).split('\u0001');
      expect(parts).toHaveLength(2);
      for (const part of parts) expect(part).toMatch(/^[ -~]*$/);
    }
  });

  it('orders 2,500 generated names like compareVietnameseNames (Intl.Collator "vi")', () => {
    const names = generateNames(2500, 20260715);
    const tones = new Set(
      names
        .join('')
        .normalize('NFD')
        .match(/[\u0300\u0301\u0303\u0309\u0323]/g),
    );
    expect(tones.size).toBe(5);
    const text = names.join(' ').normalize('NFC');
    expect(text).toContain('Đ');
    expect(['đ', 'ư', 'ơ', 'â', 'ă', 'ê', 'ô'].filter((l) => !text.toLowerCase().includes(l))).toEqual([]);

    const keys = new Map(names.map((n) => [n, vietnameseSortKey(n)]));
    const key = (n: string): string => keys.get(n)!;
    const sorted = [...names].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const wrong: string[] = [];
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1]!;
      const b = sorted[i]!;
      const sameKey = key(a) === key(b);
      const cmp = compareVietnameseNames(a, b);
      // Equal keys are ties the collator must also see as equal; otherwise it must agree strictly.
      if (sameKey ? cmp !== 0 : cmp >= 0) wrong.push(`${a} | ${b}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);

    // The same ordering when compared as UTF-8 bytes, as the database does.
    const bytes = [...names].sort((a, b) => compareBytes(key(a), key(b)));
    expect(bytes.map(key)).toEqual(sorted.map(key));

    // And pair by pair, in a random sample: the key never contradicts the collator.
    const next = rng(7);
    let disagreements = 0;
    for (let n = 0; n < 20_000; n++) {
      const a = names[Math.floor(next() * names.length)]!;
      const b = names[Math.floor(next() * names.length)]!;
      const byKeys = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
      if (byKeys !== Math.sign(compareVietnameseNames(a, b))) disagreements++;
    }
    expect(disagreements).toBe(0);
  });

  it('matches the collator on punctuation and digits inside names', () => {
    const names = ['Lê A-Bình', "Lê A'Bình", 'Lê A.Bình', 'Lê A2', 'Lê A(Bình)', 'Lê AB', 'Lê Ab-C'];
    expect(sortByKey(names)).toEqual([...names].sort(compareVietnameseNames));
    const punctuation = Array.from(' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789');
    // The backtick is read as an apostrophe (text.ts does the same), so it is left out here.
    const asNames = punctuation.filter((p) => p !== '`').map((p) => `Lê A${p}b`);
    expect(sortByKey(asNames)).toEqual([...asNames].sort(compareVietnameseNames));
    expect([...punctuation].sort(viCollator.compare)).toEqual(punctuation);
  });
});

describe('givenNameSortPrefixes', () => {
  it('covers every accented spelling of an unaccented given-name prefix, in order', () => {
    const names = [
      'Nguyễn Thị Thu',
      'Lê Thư',
      'Trần Văn Thuận',
      'Phạm Thị Thủy',
      'Hoàng Thừa',
      'Lê Văn Tú',
      'Đỗ Thị Hà',
    ];
    const prefixes = givenNameSortPrefixes('thu')!;
    expect(prefixes).toHaveLength(2);
    expect(prefixes).toEqual([...prefixes].sort());
    const hit = (n: string) => prefixes.some((p) => vietnameseSortKey(n).startsWith(p));
    expect(names.filter(hit)).toEqual(['Nguyễn Thị Thu', 'Lê Thư', 'Trần Văn Thuận', 'Phạm Thị Thủy', 'Hoàng Thừa']);
    expect(givenNameSortPrefixes('dat')!.filter((p) => vietnameseSortKey('Lê Đạt').startsWith(p))).toHaveLength(1);
    expect(givenNameSortPrefixes('hoang')).toHaveLength(9);
    expect(givenNameSortPrefixes('aaaaaa')).toBeNull();
    expect(givenNameSortPrefixes('ø')).toBeNull();
  });
});
