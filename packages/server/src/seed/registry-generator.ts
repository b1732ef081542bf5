/**
 * Synthetic population for the demo province: households, their members and their statuses.
 *
 * NOTHING HERE IS ABOUT REAL PEOPLE. Every full name is assembled at random, syllable group by
 * syllable group, from the aggregate weight tables in `data/names/` (surname, then a middle name
 * and a given name drawn from the tables of the person's gender); citizen IDs, phone numbers and
 * house numbers are drawn from seeded permutations. Any resemblance to a real person is chance.
 *
 * Deterministic: the output depends only on the options (seed, persons, communes, today) and the
 * name tables. The random numbers come from xoshiro128** seeded per commune, never Math.random,
 * so the same seed gives the same households, byte for byte, and another seed gives others.
 *
 * Streaming: {@link generateHouseholds} is a generator that yields one household at a time,
 * commune by commune in code order; only small per-commune tables and the counters that keep IDs
 * unique are held in memory, so a million persons need a few megabytes, not a gigabyte.
 *
 * The rows use the column names of `households`, `persons` and `statuses` (snake_case). Search
 * keys (name_key, given_key, sort_key), birth_year, ids and timestamps are for the inserter.
 *
 * ## The demo's assumptions (made-up but plausible shares for a province like Bình Phước)
 *
 * These are not statistics of Bình Phước: they are round figures chosen so that lists, reports
 * and dashboards have realistic sizes. Measured on 1,000,000 persons they come out close to the
 * targets below (the test checks bands around them).
 *
 * Households and persons
 * - About 3.6 persons per household. Wards and townships (urban) carry about 1.3 times the
 *   population of a rural commune, with ±30 % noise per commune; that makes about 27 % urban.
 * - Head of household: male 65 %, aged 22–85. Spouse for most heads (fewer for women heads and
 *   old heads: widowhood). Children born to mothers aged 19–42, so always at least 18 years
 *   younger than both parents; adult children stay at home less often the older they are
 *   (daughters less than sons). Sometimes a parent of the head, grandchildren with their parent
 *   and the parent's spouse (child_in_law), grandchildren left with grandparents, a sibling.
 * - Surnames: children take the father's surname; a woman head without a husband at home gives
 *   her children the surname of their (absent) father. Women born before 1975 are more often
 *   "Thị", men born before 1970 more often "Văn".
 * - Ethnicity (persons): Kinh about 80 %, Xtiêng (22) 8 %, Khơ-me (05) 3 %, Nùng (07) 2.5 %,
 *   Tày (02) 2 %, Hoa (04) 1 %, Mnông (20) 1 %, others 2 % (Mường, Dao, Thái, Mạ, Chăm, Sán Dìu,
 *   Hmông, ...). Minority households are concentrated in some rural communes (log-normal factor
 *   per commune) and in their "Sóc" villages; urban wards have few. A household mostly shares one
 *   ethnicity (spouse from another group 5–15 %, children follow the father).
 * - Birth dates: about 85 % full date, 10 % month and year, 5 % year only; under 14 always full,
 *   the old far more often partial.
 * - Citizen ID (12 digits, docs/legal/identity.md) for about 92 % of persons aged 14 or more, and a few
 *   under 14 (voluntary since 2024). Birth-registration code 070 (Bình Phước) for most; migrants
 *   from Thanh Hóa, Nghệ An, Hà Tĩnh, Thái Bình, Nam Định, TP.HCM, Bình Dương, Đồng Nai, ...;
 *   Tày/Nùng from Cao Bằng and Lạng Sơn; Khmer from the Mekong provinces. Digits 7–12 come from
 *   a per-prefix counter run through a keyed permutation of 000000–999999: no two persons in a run
 *   can get the same number. About 3 % of persons aged 40+ have only a 9-digit CMND number;
 *   some CCCD holders also keep their old CMND number.
 * - Household phone for about 70 % of households (mobile prefixes 03x, 07x, 08x, 09x, 10 digits,
 *   unique in a run); the head carries it; other adults sometimes have their own.
 * - Deceased about 0.5 % of persons (mostly old; date in the last 5 years), moved out about
 *   0.5 % (mostly aged 18–40, in the last 3 years). Heads are never deceased or moved out.
 * - Disability about 1.5 % of persons, more among the old: mild 35 %, severe 45 %, especially
 *   severe 20 % (Luật Người khuyết tật 51/2010/QH12 Art. 3(2)).
 *
 * Statuses (persons who are alive and still living here; deceased and moved-out persons get none)
 * - Poverty, review of the year before `today` (2025 with the default today), households:
 *   poor ≈ 1.5 %, near-poor ≈ 2.5 %, average living standard ≈ 4 %, more likely for rural,
 *   ethnic-minority, old-only and disability households. Recognised by the commune chair (one
 *   decision per commune, "NNN/QĐ-UBND", in December of the review year), valid for today's
 *   calendar year: 2026-01-01 to 2026-12-31 by default (docs/legal/poverty.md: the 2022–2025
 *   standard still applies in 2026).
 * - Social assistance ≈ 2 % of persons (NĐ 20/2021/NĐ-CP Art. 5, read in the PD mirror):
 *   5c (80+ without pension: 45 % of them) and clause 6 (severe / especially severe disability,
 *   90 % of them, category matching `disability`) make most of it; 5a (old, poor, no carer),
 *   5d (same, cared for by someone in the community), 5b (75–80, poor or near-poor, in an extremely
 *   difficult commune), 4 (poor or near-poor single parent with a child under 16, besides any other
 *   clause, Art. 6(2)), 7 (child under 3 of a poor or near-poor household in an extremely difficult
 *   commune), 1 and 2 (children left with grandparents, rare), 8 (HIV, poor household, very rare).
 *   One status per person, the clause with the highest coefficient (Art. 6(2)), plus clause 4.
 *   Start as in Art. 8(1)(đ) (see assistanceStatus), end at the age limit for clauses 1, 2 and 7,
 *   open-ended otherwise; "NNN/QĐ-UBND".
 * - Meritorious service ≈ 0.8 % of persons, mostly old (Pháp lệnh 02/2020/UBTVQH14 Art. 3):
 *   war invalids 'g' (degree 21–100 %, most below 41 %), sick soldiers 'h' (41–100 %), the only
 *   categories with a degree in the domain catalogue; chemical-agent victims 'i', resistance
 *   activists 'l', ex-prisoners 'k', helpers
 *   'm', a few Heroes 'dd' / 'e', Heroic Mothers 'd' only among women aged 90+, relatives of
 *   martyrs ('relative_of_martyr': parents, widows, children) and other relatives ('relative'),
 *   the younger ones. Recognition decisions "NNN/QĐ-SLĐTBXH" (before 2025-03-01) or "QĐ-SNV"
 *   (the Sở LĐ-TBXH merged into the Sở Nội vụ, docs/legal/agencies.md), valid from the next month.
 * - Ethnic-minority area (2026–2030 classification, one provincial decision in December of the
 *   review year, valid from 1 January, open-ended):
 *   rural communes with many minority households are 'extremely_difficult' or 'difficult';
 *   90 % of the minority persons living there carry the status.
 * - Health insurance for today's year, from the commune's December list decision (one card per
 *   person, the first ground that applies): meritorious, poor,
 *   social_assistance, ethnic_minority_difficult_area, child_under_6 (from birth to the day before
 *   the 6th birthday), near_poor, then elderly_80 for half of the other persons aged 80+.
 *
 * Ages used for "at least N years old" tests are counted from the LATEST day a partial birth date
 * can mean ("1946" → 31/12/1946), so a status never depends on how a reader fills in the date.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Relation, StatusKind } from '@ansinh/domain';

// --- Public types -------------------------------------------------------------------------------

export interface GeneratorArea {
  code: string;
  districtCode: string | null;
  provinceCode: string;
  name: string;
  /** 'ward' | 'township' | 'commune' | 'special_zone' */
  type: string;
}

export interface GeneratorOptions {
  seed: number;
  /** Target number of persons; the output ends at the first household that reaches it. */
  persons: number;
  communes: GeneratorArea[];
  /** The repository's `data/` folder (the one holding `names/`). */
  dataDir: string;
  /** YYYY-MM-DD; default {@link DEFAULT_TODAY}. */
  today?: string;
}

export type Gender = 'male' | 'female';
export type Disability = 'mild' | 'severe' | 'especially_severe';

export interface GenStatus {
  kind: StatusKind;
  category: string;
  year: number | null;
  degree: number | null;
  valid_from: string;
  valid_to: string | null;
  decision_no: string;
  decision_date: string;
}

export interface GenPerson {
  relation: Relation;
  full_name: string;
  gender: Gender;
  /** 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD' */
  birth_date: string;
  citizen_id: string | null;
  old_id_number: string | null;
  ethnic_code: string;
  phone: string | null;
  disability: Disability | null;
  deceased_on: string | null;
  moved_out_on: string | null;
  village: string;
  statuses: GenStatus[];
}

export interface GenHousehold {
  code: string;
  province_code: string;
  district_code: string | null;
  commune_code: string;
  village: string;
  address: string;
  residence: 'urban' | 'rural';
  phone: string | null;
  state: 'active';
  members: GenPerson[];
  /** Household statuses (poverty). */
  statuses: GenStatus[];
}

/** One weight table: values and their positive weights, in file order. */
export interface WeightedList {
  readonly values: readonly string[];
  readonly weights: readonly number[];
}

export interface NameWeights {
  readonly surnames: WeightedList;
  readonly middleMale: WeightedList;
  readonly middleFemale: WeightedList;
  readonly givenMale: WeightedList;
  readonly givenFemale: WeightedList;
}

export const DEFAULT_TODAY = '2026-11-29';

// --- Name tables --------------------------------------------------------------------------------

const nameWeightsCache = new Map<string, NameWeights>();

function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function readWeights(file: string, column: string, allowEmpty: boolean): WeightedList {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = splitCsvLine(lines[0] ?? '');
  if (header[0] !== column || header[1] !== 'weight') {
    throw new Error(`${file}: expected the header "${column},weight", found "${lines[0] ?? ''}"`);
  }
  const values: string[] = [];
  const weights: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [value = '', weight = ''] = splitCsvLine(lines[i]!);
    const w = Number(weight);
    if (!Number.isFinite(w) || w <= 0) throw new Error(`${file}:${i + 1}: weight must be a positive number`);
    const v = value.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (v === '' && !allowEmpty) throw new Error(`${file}:${i + 1}: empty ${column}`);
    values.push(v);
    weights.push(w);
  }
  if (values.length === 0) throw new Error(`${file}: no rows`);
  return { values, weights };
}

/**
 * Reads the five name weight tables under `<dataDir>/names/`. Read once per folder and cached.
 * An empty middle name means "no middle name".
 */
export function loadNameWeights(dataDir: string): NameWeights {
  const dir = resolve(dataDir);
  const cached = nameWeightsCache.get(dir);
  if (cached) return cached;
  const f = (name: string) => join(dir, 'names', name);
  const weights: NameWeights = {
    surnames: readWeights(f('surnames.csv'), 'surname', false),
    middleMale: readWeights(f('middle-male.csv'), 'middle', true),
    middleFemale: readWeights(f('middle-female.csv'), 'middle', true),
    givenMale: readWeights(f('given-male.csv'), 'given', false),
    givenFemale: readWeights(f('given-female.csv'), 'given', false),
  };
  nameWeightsCache.set(dir, weights);
  return weights;
}

// --- Random numbers -----------------------------------------------------------------------------

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of numbers and strings, for deriving independent seeds. */
function hash32(...parts: (number | string)[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    if (typeof p === 'number') {
      h = fmix32((h ^ (p >>> 0)) + 0x9e3779b9);
      h = fmix32(h ^ Math.floor(p / 4294967296));
    } else {
      for (let i = 0; i < p.length; i++) h = Math.imul(h ^ p.charCodeAt(i), 0x01000193);
      h = fmix32(h ^ p.length);
    }
  }
  return h >>> 0;
}

/** xoshiro128** (Blackman and Vigna), seeded through splitmix32. */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  u32(): number {
    const r = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return r;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  /** Standard normal (Box–Muller, one of the pair). */
  normal(): number {
    const u = 1 - this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Walker/Vose alias table: O(1) weighted draws. */
class Alias<T> {
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;
  private readonly n: number;

  constructor(
    private readonly values: readonly T[],
    weights: readonly number[],
  ) {
    const n = values.length;
    if (n === 0 || weights.length !== n) throw new Error('alias table needs values with one weight each');
    this.n = n;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    const total = weights.reduce((s, w) => s + w, 0);
    if (!(total > 0)) throw new Error('alias table needs a positive total weight');
    const scaled = weights.map((w) => (w * n) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.prob[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      (scaled[l]! < 1 ? small : large).push(l);
    }
    for (const i of large) this.prob[i] = 1;
    for (const i of small) this.prob[i] = 1;
  }

  sample(rng: Rng): T {
    return this.values[this.index(rng)]!;
  }

  /** Index of a weighted draw into the values. */
  index(rng: Rng): number {
    const u = rng.float() * this.n;
    const i = Math.floor(u);
    return u - i < this.prob[i]! ? i : this.alias[i]!;
  }
}

/**
 * Unique numbers per prefix: a counter per prefix, run through a keyed bijection of [0, a·b) so
 * that distinct counters always give distinct numbers. The bijection is a Feistel network over
 * Z_a × Z_b with modular addition and an even number of rounds (the halves end where they
 * started); its round keys come from the seed, a salt and the prefix.
 */
class UniqueNumbers {
  private readonly counts: Int32Array;
  private readonly base: Uint32Array;
  private readonly size: number;
  private readonly hiPad: readonly string[];
  private readonly loPad: readonly string[];

  constructor(
    seed: number,
    private readonly salt: string,
    private readonly a: number,
    private readonly b: number,
    /** Prefixes are integers in [0, maxPrefix). */
    maxPrefix: number,
  ) {
    this.counts = new Int32Array(maxPrefix);
    this.base = Uint32Array.from([0, 1, 2, 3, 4, 5], (i) => hash32(seed, salt, i));
    this.size = a * b;
    const pad = (n: number) => (n === 1000 ? PAD3 : n === 10000 ? PAD4 : padTable(Math.round(Math.log10(n))));
    if (10 ** Math.round(Math.log10(a)) !== a || 10 ** Math.round(Math.log10(b)) !== b)
      throw new Error('a and b must be powers of 10');
    this.hiPad = pad(a);
    this.loPad = pad(b);
  }

  /** The next number for this prefix, written with exactly log10(a) + log10(b) digits. */
  nextDigits(prefix: number): string {
    const n = this.counts[prefix]!;
    if (n >= this.size) throw new Error(`${this.salt}: all numbers under prefix ${prefix} are used`);
    this.counts[prefix] = n + 1;
    const { a, b, base } = this;
    const tweak = Math.imul(prefix + 1, 0x9e3779b1);
    let hi = Math.floor(n / b); // in Z_a
    let lo = n - hi * b; // in Z_b
    for (let r = 0; r < 6; r += 2) {
      // (hi ∈ Z_a, lo ∈ Z_b) → (lo ∈ Z_b, hi' ∈ Z_a) → (hi' ∈ Z_a, lo' ∈ Z_b). The round function
      // maps a 32-bit hash onto [0, a) by multiply-and-shift (exact in doubles: a < 2^21).
      hi += Math.floor((fmix32(lo ^ base[r]! ^ tweak) * a) / 4294967296);
      if (hi >= a) hi -= a;
      lo += Math.floor((fmix32(hi ^ base[r + 1]! ^ tweak) * b) / 4294967296);
      if (lo >= b) lo -= b;
    }
    return this.hiPad[hi]! + this.loPad[lo]!;
  }
}

/** Zero-padded strings of 0 … 10^width − 1, built once: number-to-string is a hot spot. */
function padTable(width: number): readonly string[] {
  return Array.from({ length: 10 ** width }, (_v, i) => String(i).padStart(width, '0'));
}
const PAD2 = padTable(2);
const PAD3 = padTable(3);
const PAD4 = padTable(4);

/** `n` (0 ≤ n < 10^6) as exactly 6 digits. */
function digits6(n: number): string {
  const hi = Math.floor(n / 1000);
  return PAD3[hi]! + PAD3[n - hi * 1000]!;
}

// --- Dates (days since 1970-01-01, proleptic Gregorian) -----------------------------------------

const DAYS_PER_YEAR = 365.2425;

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function civilFromDays(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const YEARS = Array.from({ length: 400 }, (_v, i) => String(1800 + i));
const yearString = (y: number): string => (y >= 1800 && y < 2200 ? YEARS[y - 1800]! : String(y));

function isoYmd(y: number, m: number, d: number): string {
  return yearString(y) + '-' + PAD2[m]! + '-' + PAD2[d]!;
}

function isoDays(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return isoYmd(y, m, d);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The day `years` after (y, m, d); 29 February becomes 28 February in a common year. */
function addYears(y: number, m: number, d: number, years: number): number {
  const ny = y + years;
  return daysFromCivil(ny, m, Math.min(d, daysInMonth(ny, m)));
}

function firstOfMonth(days: number): number {
  const { y, m } = civilFromDays(days);
  return daysFromCivil(y, m, 1);
}

function firstOfNextMonth(days: number): number {
  const { y, m } = civilFromDays(days);
  return m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1);
}

function parseIso(s: string, what: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new RangeError(`${what} must be YYYY-MM-DD, got ${JSON.stringify(s)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo))
    throw new RangeError(`${what} is not a calendar date: ${s}`);
  return daysFromCivil(y, mo, d);
}

// --- Fixed tables -------------------------------------------------------------------------------

/** Minority groups of the province and their share of all persons, in %. Kinh (01) is the rest. */
const MINORITY_SHARES: readonly [string, number][] = [
  ['22', 8], // Xtiêng
  ['05', 3], // Khơ-me
  ['07', 2.5], // Nùng
  ['02', 2], // Tày
  ['04', 1], // Hoa
  ['20', 1], // Mnông
  ['06', 0.5], // Mường
  ['09', 0.4], // Dao
  ['28', 0.3], // Mạ
  ['03', 0.3], // Thái
  ['17', 0.2], // Chăm
  ['18', 0.2], // Sán Dìu
  ['08', 0.2], // Hmông
  ['15', 0.1], // Sán Chay
  ['12', 0.05], // Ê-đê
];
const KINH = '01';
/** Share of households whose head is from a minority; a bit under the person share (bigger households). */
const MINORITY_HOUSEHOLD_SHARE = 0.18;

/**
 * Surname tilts by ethnic group: factors on the national weights for surnames common in that group
 * (only those present in surnames.csv are used). Other groups use the national table.
 */
const SURNAME_TILTS: Record<string, Record<string, number>> = {
  khmer: { Thạch: 400, Danh: 400, Lâm: 30, Châu: 10 },
  tay_nung: { Hoàng: 6, Nông: 120, Vi: 120, Vy: 120, Lương: 10, Triệu: 30, Hà: 10, Đàm: 20, Mã: 20, Lã: 10, Lục: 60 },
  hoa: {
    Lý: 8,
    Trương: 4,
    Lâm: 10,
    Quách: 20,
    Hứa: 25,
    Diệp: 30,
    Mã: 30,
    Tăng: 20,
    La: 20,
    Châu: 8,
    Vương: 10,
    Từ: 10,
    Lưu: 5,
  },
};
const SURNAME_GROUP: Record<string, keyof typeof SURNAME_TILTS> = {
  '05': 'khmer',
  '02': 'tay_nung',
  '07': 'tay_nung',
  '04': 'hoa',
};

/** Codes of birth-registration provinces for people not registered in Bình Phước (070). */
const MIGRANT_ORIGINS: Record<string, readonly [string, number][]> = {
  default: [
    ['038', 10], // Thanh Hóa
    ['040', 10], // Nghệ An
    ['042', 5], // Hà Tĩnh
    ['034', 5], // Thái Bình
    ['036', 4], // Nam Định
    ['037', 2], // Ninh Bình
    ['079', 8], // TP.HCM
    ['074', 8], // Bình Dương
    ['075', 6], // Đồng Nai
    ['072', 3], // Tây Ninh
    ['052', 4], // Bình Định
    ['051', 4], // Quảng Ngãi
    ['049', 4], // Quảng Nam
    ['046', 2], // Thừa Thiên Huế
    ['080', 2], // Long An
    ['066', 2], // Đắk Lắk
    ['067', 3], // Đắk Nông
  ],
  tay_nung: [
    ['004', 5], // Cao Bằng
    ['020', 5], // Lạng Sơn
    ['008', 1], // Tuyên Quang
    ['024', 2], // Bắc Giang
    ['006', 1], // Bắc Kạn
  ],
  khmer: [
    ['094', 4], // Sóc Trăng
    ['084', 4], // Trà Vinh
    ['089', 2], // An Giang
    ['091', 2], // Kiên Giang
    ['072', 2], // Tây Ninh
  ],
  hoa: [
    ['079', 6], // TP.HCM
    ['074', 2], // Bình Dương
    ['075', 2], // Đồng Nai
  ],
  indigenous: [
    ['067', 3], // Đắk Nông
    ['075', 1], // Đồng Nai
    ['068', 1], // Lâm Đồng
  ],
};
const ORIGIN_GROUP: Record<string, string> = {
  '02': 'tay_nung',
  '07': 'tay_nung',
  '05': 'khmer',
  '04': 'hoa',
  '22': 'indigenous',
  '20': 'indigenous',
  '28': 'indigenous',
};

/** Mobile prefixes (Viettel 03x/086/09x, MobiFone 07x/089/090/093, VinaPhone 08x/091/094) and rough market weights. */
const PHONE_PREFIXES: readonly [string, number][] = [
  ['032', 4],
  ['033', 4],
  ['034', 4],
  ['035', 4],
  ['036', 4],
  ['037', 4],
  ['038', 4],
  ['039', 4],
  ['086', 4],
  ['096', 5],
  ['097', 6],
  ['098', 6],
  ['070', 2],
  ['076', 2],
  ['077', 2],
  ['078', 2],
  ['079', 2],
  ['089', 2],
  ['090', 4],
  ['093', 4],
  ['081', 2],
  ['082', 2],
  ['083', 2],
  ['084', 2],
  ['085', 2],
  ['088', 2],
  ['091', 4],
  ['094', 3],
];

/**
 * Old identity card (CMND) number prefixes. [M] Not verified: 28x is believed to be the former
 * Sông Bé series (285 Bình Phước, 280 Bình Dương) and 02x TP.HCM; used only to look plausible.
 */
const CMND_PREFIXES: readonly [number, number][] = [
  [285, 75],
  [280, 15],
  [25, 10],
];

/** Head age bands (from, to inclusive) and weights. */
const HEAD_AGE_BANDS: readonly [number, number, number][] = [
  [22, 24, 3],
  [25, 29, 7],
  [30, 34, 10],
  [35, 39, 11],
  [40, 44, 11],
  [45, 49, 11],
  [50, 54, 10],
  [55, 59, 9],
  [60, 64, 8],
  [65, 69, 7],
  [70, 74, 5],
  [75, 79, 4],
  [80, 85, 3],
];

// Village-name syllables: common Sino-Vietnamese place-name words, combined at random.
const PLACE_FIRST = [
  'Tân',
  'Phú',
  'Bình',
  'Thanh',
  'Hòa',
  'Đồng',
  'Thuận',
  'Hưng',
  'Long',
  'An',
  'Phước',
  'Thành',
  'Tiến',
  'Quảng',
  'Minh',
];
const PLACE_SECOND = [
  'Lập',
  'Hòa',
  'Lợi',
  'Thịnh',
  'Tiến',
  'Phát',
  'Hiệp',
  'An',
  'Bình',
  'Hưng',
  'Lộc',
  'Thành',
  'Trung',
  'Phú',
  'Xuân',
];
// Sóc names in the style of Xtiêng / Khmer place names ("Bù ...", "Sa ..."), made up.
const SOC_NAMES = [
  'Bưng',
  'Lớn',
  'Nhỏ',
  'Bù Tam',
  'Bù Dinh',
  'Bù Ka',
  'Bù Lạch',
  'Bù Nâm',
  'Sa Cát',
  'Cần Dực',
  'Trà Thanh',
  'Bom Lớn',
  'Ruộng',
  'Suối Đá',
];
/** [M] Bù Đăng district (696) names its villages "thôn"; the rest of the province "ấp" (and "sóc"). */
const THON_DISTRICTS = new Set(['696']);

// --- Context ------------------------------------------------------------------------------------

/** A middle-name table with each entry's first and last word precomputed. */
interface MiddleTable {
  alias: Alias<string>;
  values: readonly string[];
  first: readonly string[];
  last: readonly string[];
}

interface Samplers {
  surname: Map<string, Alias<string>>;
  surnameDefault: Alias<string>;
  middleMale: MiddleTable;
  middleFemale: MiddleTable;
  givenMale: Alias<string>;
  givenFemale: Alias<string>;
}

function middleTable(list: WeightedList): MiddleTable {
  return {
    alias: new Alias(list.values, list.weights),
    values: list.values,
    first: list.values.map((v) => v.split(' ')[0]!),
    last: list.values.map((v) => v.slice(v.lastIndexOf(' ') + 1)),
  };
}

const samplerCache = new WeakMap<NameWeights, Samplers>();

function buildSamplers(w: NameWeights): Samplers {
  const cached = samplerCache.get(w);
  if (cached) return cached;
  const surname = new Map<string, Alias<string>>();
  for (const [group, tilt] of Object.entries(SURNAME_TILTS)) {
    surname.set(
      group,
      new Alias(
        w.surnames.values,
        w.surnames.values.map((v, i) => w.surnames.weights[i]! * (tilt[v] ?? 1)),
      ),
    );
  }
  const s: Samplers = {
    surname,
    surnameDefault: new Alias(w.surnames.values, w.surnames.weights),
    middleMale: middleTable(w.middleMale),
    middleFemale: middleTable(w.middleFemale),
    givenMale: new Alias(w.givenMale.values, w.givenMale.weights),
    givenFemale: new Alias(w.givenFemale.values, w.givenFemale.weights),
  };
  samplerCache.set(w, s);
  return s;
}

interface Decision {
  no: string;
  date: string;
}

type EmaClass = 'difficult' | 'extremely_difficult' | null;

interface Village {
  name: string; // "Ấp 3", "Sóc Bưng", "Khu phố 2"
  soc: boolean;
  groups: number; // tổ count
}

interface CommuneSetup {
  area: GeneratorArea;
  urban: boolean;
  weight: number;
  minorityFactor: number;
  minorityShare: number;
  minorityMix: Alias<string>;
  ema: EmaClass;
  villages: Village[];
  socVillages: Village[];
  poverty: Decision;
  insurance: Decision;
  seed: number;
}

interface Ctx {
  todayDays: number;
  today: Ymd;
  /** 1 January and 31 December of today's year: the validity of the yearly lists. */
  yearFrom: string;
  yearTo: string;
  s: Samplers;
  citizenIds: UniqueNumbers;
  oldIds: UniqueNumbers;
  phones: UniqueNumbers;
  phonePrefix: Alias<number>;
  cmndPrefix: Alias<number>;
  origins: Map<string, Alias<string>>;
  ema: Decision;
  poorBase: number;
  nearBase: number;
  avgBase: number;
}

// --- Persons ------------------------------------------------------------------------------------

interface Member {
  relation: Relation;
  gender: Gender;
  surname: string;
  fullName: string;
  birthDays: number;
  by: number;
  bm: number;
  bd: number;
  /** 0 full date, 1 month and year, 2 year only. */
  precision: 0 | 1 | 2;
  /** Completed years today, from the true date. */
  age: number;
  /** Completed years today counted from the latest day the recorded date can mean. */
  recAge: number;
  ethnic: string;
  disability: Disability | null;
  deceased: number | null;
  moved: number | null;
  phone: string | null;
  citizenId: string | null;
  oldId: string | null;
  statuses: GenStatus[];
  /** Set for grandchildren whose parents do not live in the household. */
  noParentsHere: boolean;
}

function completedAge(ctx: Ctx, y: number, m: number, d: number): number {
  const t = ctx.today;
  return t.y - y - (t.m < m || (t.m === m && t.d < d) ? 1 : 0);
}

function birthDateString(p: Member): string {
  if (p.precision === 2) return yearString(p.by);
  if (p.precision === 1) return yearString(p.by) + '-' + PAD2[p.bm]!;
  return isoYmd(p.by, p.bm, p.bd);
}

function pickName(ctx: Ctx, rng: Rng, gender: Gender, surname: string, birthYear: number): string {
  const female = gender === 'female';
  const table = female ? ctx.s.middleFemale : ctx.s.middleMale;
  let k = table.alias.index(rng);
  // Never a middle name that repeats the surname ("Nguyễn Nguyễn Ngọc ...").
  for (let i = 0; i < 4 && table.first[k] === surname; i++) k = table.alias.index(rng);
  let middle = table.values[k]!;
  let last = middle === '' ? surname : table.last[k]!;
  // The middle tables come from a young, northern-leaning sample; older southerners are mostly
  // "Thị" (women) and "Văn" (men).
  if (table.first[k] === surname || (female && birthYear < 1975 && table.first[k] !== 'Thị' && rng.chance(0.6))) {
    middle = female ? 'Thị' : 'Văn';
    last = middle;
  } else if (!female && birthYear < 1970 && rng.chance(0.35)) {
    middle = 'Văn';
    last = middle;
  }
  const givenTable = female ? ctx.s.givenFemale : ctx.s.givenMale;
  let given = givenTable.sample(rng);
  for (let i = 0; i < 6 && given === last; i++) given = givenTable.sample(rng);
  return middle === '' ? surname + ' ' + given : surname + ' ' + middle + ' ' + given;
}

function drawSurname(ctx: Ctx, rng: Rng, ethnic: string): string {
  const group = SURNAME_GROUP[ethnic];
  return (group ? ctx.s.surname.get(group)! : ctx.s.surnameDefault).sample(rng);
}

/** A person aged `ageYears` (fractional) today. */
function makeMember(
  ctx: Ctx,
  rng: Rng,
  relation: Relation,
  gender: Gender,
  ageYears: number,
  surname: string,
  ethnic: string,
): Member {
  const birthDays = Math.min(ctx.todayDays, ctx.todayDays - Math.floor(ageYears * DAYS_PER_YEAR));
  const { y, m, d } = civilFromDays(birthDays);
  const age = completedAge(ctx, y, m, d);
  let precision: 0 | 1 | 2 = 0;
  if (age >= 14) {
    const r = rng.float();
    const ym = age < 40 ? 0.07 : age < 60 ? 0.15 : 0.2;
    const yo = age < 40 ? 0.02 : age < 60 ? 0.07 : 0.2;
    precision = r < yo ? 2 : r < yo + ym ? 1 : 0;
  }
  const recAge =
    precision === 0 ? age : precision === 1 ? completedAge(ctx, y, m, daysInMonth(y, m)) : completedAge(ctx, y, 12, 31);
  return {
    relation,
    gender,
    surname,
    fullName: pickName(ctx, rng, gender, surname, y),
    birthDays,
    by: y,
    bm: m,
    bd: d,
    precision,
    age,
    recAge,
    ethnic,
    disability: null,
    deceased: null,
    moved: null,
    phone: null,
    citizenId: null,
    oldId: null,
    statuses: [],
    noParentsHere: false,
  };
}

function headAge(rng: Rng, gender: Gender): number {
  let total = 0;
  for (const b of HEAD_AGE_BANDS) total += b[2];
  let r = rng.float() * total;
  let band = HEAD_AGE_BANDS[HEAD_AGE_BANDS.length - 1]!;
  for (const b of HEAD_AGE_BANDS) {
    if (r < b[2]) {
      band = b;
      break;
    }
    r -= b[2];
  }
  let a = band[0] + rng.float() * (band[1] - band[0] + 1);
  // Women heads are more often widows: older.
  if (gender === 'female' && rng.chance(0.5)) a = Math.min(85.9, a + 6 + rng.float() * 6);
  return Math.min(a, 85.99);
}

function otherEthnic(ctx: Ctx, rng: Rng, c: CommuneSetup, ethnic: string): string {
  return ethnic === KINH ? c.minorityMix.sample(rng) : KINH;
}

// --- Households ---------------------------------------------------------------------------------

function buildMembers(ctx: Ctx, rng: Rng, c: CommuneSetup, ethnic: string): Member[] {
  const headGender: Gender = rng.chance(0.65) ? 'male' : 'female';
  const hAge = headAge(rng, headGender);
  const head = makeMember(ctx, rng, 'head', headGender, hAge, drawSurname(ctx, rng, ethnic), ethnic);
  const members: Member[] = [head];
  const minority = ethnic !== KINH;

  // Spouse.
  let pSpouse: number;
  if (headGender === 'male') pSpouse = hAge < 27 ? 0.7 : hAge < 65 ? 0.94 : hAge < 75 ? 0.82 : 0.62;
  else pSpouse = hAge < 60 ? 0.62 : 0.3;
  let spouse: Member | null = null;
  if (rng.chance(pSpouse)) {
    const gap = Math.max(-5, Math.min(15, 3 + rng.normal() * 3.5)); // husband older by `gap` years
    const sAge = headGender === 'male' ? hAge - gap : hAge + gap;
    if (sAge >= 18 && sAge < 100) {
      const sEthnic = rng.chance(minority ? 0.85 : 0.97) ? ethnic : otherEthnic(ctx, rng, c, ethnic);
      spouse = makeMember(
        ctx,
        rng,
        'spouse',
        headGender === 'male' ? 'female' : 'male',
        sAge,
        drawSurname(ctx, rng, sEthnic),
        sEthnic,
      );
      members.push(spouse);
    }
  }
  const father = headGender === 'male' ? head : spouse;
  const mother = headGender === 'female' ? head : spouse;
  const fatherAge = father ? father.age + 0.5 : null;
  // Children of a woman head without a husband at home carry their absent father's surname.
  const childSurname = father ? father.surname : drawSurname(ctx, rng, ethnic);
  const childEthnic = father ? father.ethnic : ethnic;

  // Parent of the head.
  if (hAge < 62 && rng.chance(hAge < 40 ? 0.2 : 0.12)) {
    const pAge = hAge + 20 + rng.float() * 14;
    if (pAge < 98) {
      const pGender: Gender = rng.chance(0.35) ? 'male' : 'female';
      const pSurname = pGender === 'male' ? head.surname : drawSurname(ctx, rng, ethnic);
      members.push(makeMember(ctx, rng, 'parent', pGender, pAge, pSurname, ethnic));
    }
  }

  // Children: births by the mother's age (or the head's when no mother is at home).
  const motherAge = mother ? mother.age + 0.5 : hAge - 3;
  const parentCap = Math.min(motherAge, fatherAge ?? motherAge, hAge) - 18;
  const children: Member[] = [];
  if (parentCap > 0) {
    const birthYear = ctx.today.y - motherAge;
    let births =
      birthYear < 1960
        ? rng.between(3, 6)
        : birthYear < 1980
          ? rng.between(2, 4)
          : rng.chance(0.15)
            ? 1
            : rng.chance(0.6)
              ? 2
              : 3;
    if (minority && rng.chance(0.5)) births++;
    if (rng.chance(0.08)) births = 0;
    let atBirth = 19 + rng.float() * 9;
    for (let i = 0; i < births && atBirth <= 42; i++) {
      const cAge = motherAge - atBirth;
      atBirth += 1.6 + rng.float() * 3.5;
      if (cAge < 0) break;
      if (cAge > parentCap) continue;
      const cGender: Gender = rng.chance(0.51) ? 'male' : 'female';
      let stay = cAge < 18 ? 0.98 : cAge < 25 ? 0.82 : cAge < 35 ? 0.45 : 0.18;
      if (cGender === 'female' && cAge >= 18) stay *= 0.7;
      if (!rng.chance(stay)) continue;
      children.push(makeMember(ctx, rng, 'child', cGender, cAge, childSurname, childEthnic));
    }
  }
  children.sort((a, b) => a.birthDays - b.birthDays);
  members.push(...children);

  // Grandchildren with one of their parents, or left with the grandparents.
  const adult = children.find((ch) => ch.age >= 21);
  if (adult && rng.chance(0.5)) {
    let inLaw: Member | null = null;
    const inLawAge = adult.age + (adult.gender === 'male' ? -2 : 3) + rng.normal() * 2;
    if (rng.chance(adult.gender === 'male' ? 0.75 : 0.4) && inLawAge >= 18) {
      const lEthnic = rng.chance(0.9) ? ethnic : otherEthnic(ctx, rng, c, ethnic);
      inLaw = makeMember(
        ctx,
        rng,
        'child_in_law',
        adult.gender === 'male' ? 'female' : 'male',
        inLawAge,
        drawSurname(ctx, rng, lEthnic),
        lEthnic,
      );
      members.push(inLaw);
    }
    const gFather = adult.gender === 'male' ? adult : inLaw;
    const gSurname = gFather ? gFather.surname : drawSurname(ctx, rng, ethnic);
    const cap = Math.min(adult.age, inLaw ? inLaw.age : adult.age) - 19;
    const n = rng.chance(0.55) ? 1 : 2;
    for (let i = 0; i < n && cap > 0; i++) {
      const gAge = rng.float() * Math.min(cap, 14);
      members.push(
        makeMember(
          ctx,
          rng,
          'grandchild',
          rng.chance(0.51) ? 'male' : 'female',
          gAge,
          gSurname,
          gFather ? gFather.ethnic : adult.ethnic,
        ),
      );
    }
  } else if (!adult && hAge >= 48 && rng.chance(0.07)) {
    const n = rng.chance(0.6) ? 1 : 2;
    const gSurname = headGender === 'male' && rng.chance(0.6) ? head.surname : drawSurname(ctx, rng, ethnic);
    const cap = Math.min(hAge - 38, 17);
    for (let i = 0; i < n && cap > 0; i++) {
      const g = makeMember(
        ctx,
        rng,
        'grandchild',
        rng.chance(0.51) ? 'male' : 'female',
        rng.float() * cap,
        gSurname,
        ethnic,
      );
      g.noParentsHere = true;
      members.push(g);
    }
  }

  // A younger sibling of a young head (same father, same surname).
  if (hAge < 40 && !spouse && rng.chance(0.05)) {
    const sAge = hAge - 1 - rng.float() * 8;
    if (sAge >= 10)
      members.push(makeMember(ctx, rng, 'sibling', rng.chance(0.5) ? 'male' : 'female', sAge, head.surname, ethnic));
  }
  return members;
}

function birthRegistrationCode(ctx: Ctx, rng: Rng, p: Member): string {
  const local = p.age < 30 ? 0.88 : p.age < 50 ? 0.7 : 0.6;
  const group = ORIGIN_GROUP[p.ethnic];
  const localShare = group === 'indigenous' ? 0.95 : local;
  if (rng.chance(localShare)) return '070';
  return ctx.origins.get(group ?? 'default')!.sample(rng);
}

/** IDs, phone, disability, death, moving out. */
function personFacts(ctx: Ctx, rng: Rng, p: Member, householdPhone: string | null): void {
  // Citizen ID (CCCD) and old ID card (CMND).
  let cccd = false;
  let oldOnly = false;
  const r = rng.float();
  if (p.age >= 40) {
    cccd = r < 0.9;
    oldOnly = !cccd && r < 0.93;
  } else if (p.age >= 14) cccd = r < 0.93;
  else if (p.age >= 6) cccd = r < 0.04;
  if (cccd) {
    const province = birthRegistrationCode(ctx, rng, p);
    const centurySex = (p.by >= 2000 ? 2 : 0) + (p.gender === 'female' ? 1 : 0);
    const yy = p.by % 100;
    const prefix = Number(province) * 1000 + centurySex * 100 + yy;
    p.citizenId = province + centurySex + PAD2[yy]! + ctx.citizenIds.nextDigits(prefix);
  }
  if (oldOnly || (cccd && p.age >= 30 && rng.chance(0.25))) {
    const prefix = ctx.cmndPrefix.sample(rng);
    p.oldId = PAD3[prefix]! + ctx.oldIds.nextDigits(prefix);
  }

  // Phone.
  if (p.relation === 'head') p.phone = householdPhone;
  else if (p.age >= 16 && rng.chance(p.age < 60 ? 0.4 : p.age < 75 ? 0.2 : 0.05)) p.phone = newPhone(ctx, rng);

  // Disability.
  const pDis = p.age < 18 ? 0.005 : p.age < 60 ? 0.013 : p.age < 80 ? 0.035 : 0.06;
  if (rng.chance(pDis)) {
    const d = rng.float();
    p.disability = d < 0.35 ? 'mild' : d < 0.8 ? 'severe' : 'especially_severe';
  }

  // Deaths and moves (never the head: the household would have a new head).
  if (p.relation !== 'head') {
    const pDeath = p.age >= 80 ? 0.15 : p.age >= 70 ? 0.06 : p.age >= 60 ? 0.021 : p.age >= 40 ? 0.007 : 0.0009;
    if (rng.chance(pDeath)) {
      const from = Math.max(p.birthDays, ctx.todayDays - 5 * 365);
      p.deceased = from + rng.int(ctx.todayDays - from + 1);
    } else {
      const pMove = p.age >= 18 && p.age <= 40 ? 0.018 : p.age > 40 && p.age < 60 ? 0.004 : 0.0008;
      if (rng.chance(pMove)) {
        const from = Math.max(p.birthDays, ctx.todayDays - 3 * 365);
        p.moved = from + rng.int(ctx.todayDays - from + 1);
      }
    }
  }
}

function newPhone(ctx: Ctx, rng: Rng): string {
  const prefix = ctx.phonePrefix.sample(rng);
  return '0' + PAD2[prefix]! + ctx.phones.nextDigits(prefix);
}

// --- Statuses -----------------------------------------------------------------------------------

function randomDay(rng: Rng, from: number, to: number): number {
  return to <= from ? from : from + rng.int(to - from + 1);
}

function decisionNo(rng: Rng, max: number, suffix: string): string {
  return `${1 + rng.int(max)}/QĐ-${suffix}`;
}

const SNV_FROM = daysFromCivil(2025, 3, 1);

type PovertyCategory = 'poor' | 'near_poor' | 'average' | null;

function povertyOf(ctx: Ctx, rng: Rng, c: CommuneSetup, members: Member[]): PovertyCategory {
  const living = members.filter((m) => m.deceased === null && m.moved === null);
  let m = c.urban ? 0.35 : 1;
  if (members[0]!.ethnic !== KINH) m *= 3.5;
  if (!living.some((p) => p.age >= 18 && p.age < 60)) m *= 2.5;
  if (living.some((p) => p.disability === 'severe' || p.disability === 'especially_severe')) m *= 2;
  const r = rng.float();
  const poor = ctx.poorBase * m;
  const near = ctx.nearBase * Math.sqrt(m) * 1.0;
  const avg = ctx.avgBase * (0.6 + 0.4 * Math.sqrt(m));
  if (r < poor) return 'poor';
  if (r < poor + near) return 'near_poor';
  if (r < poor + near + avg) return 'average';
  return null;
}

/**
 * Social-assistance clause for one person, or null. Only the clause with the highest coefficient
 * is kept (NĐ 20/2021 Art. 6(2)); clause 4 is added separately by the caller.
 */
function assistanceClause(
  rng: Rng,
  c: CommuneSetup,
  p: Member,
  poverty: PovertyCategory,
  noCarer: boolean,
): string | null {
  const poorish = poverty === 'poor' || poverty === 'near_poor';
  const childOrElderly = p.age < 16 || p.recAge >= 60;
  let best: string | null = null;
  let coef = 0;
  if (p.disability === 'especially_severe' && rng.chance(0.9)) {
    best = '6_especially_severe';
    coef = childOrElderly ? 2.5 : 2;
  } else if (p.disability === 'severe' && rng.chance(0.9)) {
    best = '6_severe';
    coef = childOrElderly ? 2 : 1.5;
  }
  if (p.recAge >= 60 && poverty === 'poor' && noCarer && rng.chance(0.8)) {
    const d = rng.chance(0.1);
    const k = d ? 3 : p.recAge >= 80 ? 2 : 1.5;
    if (k > coef) [best, coef] = [d ? '5d' : '5a', k];
  }
  if (coef < 1 && p.recAge >= 75 && p.age < 80 && poorish && c.ema === 'extremely_difficult' && rng.chance(0.9))
    [best, coef] = ['5b', 1];
  if (coef < 1 && p.recAge >= 80 && rng.chance(0.45)) [best, coef] = ['5c', 1];
  if (coef < 1.5 && p.age < 3 && poorish && c.ema === 'extremely_difficult' && rng.chance(0.9))
    [best, coef] = ['7', 1.5];
  if (p.noParentsHere && p.age < 16 && rng.chance(0.04)) {
    const k = p.age < 4 ? 2.5 : 1.5;
    if (k > coef) [best, coef] = ['1', k];
  }
  if (coef < 1.5 && p.noParentsHere && p.age >= 16 && p.age < 22 && rng.chance(0.04)) [best, coef] = ['2', 1.5];
  if (coef < 1.5 && poverty === 'poor' && p.age >= 18 && p.age < 60 && rng.chance(0.01)) [best, coef] = ['8', 1.5];
  return best;
}

/** The day a person turns `years`, counted from the latest day their recorded birth date can mean. */
function birthdayAtLeast(p: Member, years: number): number {
  if (p.precision === 0) return addYears(p.by, p.bm, p.bd, years);
  if (p.precision === 1) return addYears(p.by, p.bm, daysInMonth(p.by, p.bm), years);
  return addYears(p.by, 12, 31, years);
}

/**
 * A social-assistance decision. Start of the allowance (NĐ 20/2021 Art. 8(1)(đ), read in the PD
 * mirror): 5b and 5c from the day the person turns 75 or 80, disability from the month the
 * disability certificate was issued, everyone else from the month the decision was signed.
 * Decisions come 10–200 days after the person became eligible (the dossier), not before 2010.
 */
function assistanceStatus(ctx: Ctx, rng: Rng, p: Member, clause: string): GenStatus {
  const floor = Math.max(p.birthDays + 30, daysFromCivil(2010, 1, 1));
  let eligible = Math.max(floor, ctx.todayDays - Math.floor((2 + rng.float() * 12) * DAYS_PER_YEAR));
  let fromBirthday = false;
  if (clause === '5b' || clause === '5c') {
    const birthday = birthdayAtLeast(p, clause === '5b' ? 75 : 80);
    if (birthday >= eligible) {
      eligible = birthday;
      fromBirthday = true;
    }
  }
  const last = ctx.todayDays;
  const decided = randomDay(rng, Math.min(eligible + 10, last), Math.min(eligible + 200, last));
  let validFrom = firstOfMonth(decided);
  if (fromBirthday) validFrom = eligible;
  else if (clause.startsWith('6')) validFrom = firstOfMonth(Math.min(eligible, decided));
  let validTo: string | null = null;
  const until = (years: number) => isoDays(addYears(p.by, p.bm, p.bd, years) - 1);
  if (clause === '1') validTo = until(16);
  else if (clause === '2') validTo = until(22);
  else if (clause === '7') validTo = until(3);
  return {
    kind: 'social_assistance',
    category: clause,
    year: null,
    degree: null,
    valid_from: isoDays(validFrom),
    valid_to: validTo,
    decision_no: decisionNo(rng, 400, 'UBND'),
    decision_date: isoDays(decided),
  };
}

function meritoriousCategory(rng: Rng, p: Member): string | null {
  const a = p.recAge;
  const pm = a >= 90 ? 0.12 : a >= 75 ? 0.08 : a >= 65 ? 0.045 : a >= 45 ? 0.007 : a >= 25 ? 0.0017 : 0;
  if (!rng.chance(pm)) return null;
  let table: [string, number][];
  const male = p.gender === 'male';
  if (a >= 90)
    table = male
      ? [
          ['relative_of_martyr', 40],
          ['m', 20],
          ['l', 30],
          ['g', 10],
        ]
      : [
          ['d', 30],
          ['relative_of_martyr', 50],
          ['m', 12],
          ['l', 8],
        ];
  else if (a >= 65) {
    table = male
      ? [
          ['g', 35],
          ['h', 7],
          ['l', 25],
          ['i', 12],
          ['k', 4],
          ['relative_of_martyr', 12],
          ['dd', 0.5],
        ]
      : [
          ['relative_of_martyr', 60],
          ['l', 20],
          ['i', 5],
          ['g', 5],
          ['k', 2],
        ];
    if (a >= 80) table.push(['m', 4], ['e', 0.3]);
  } else if (a >= 45)
    table = male
      ? [
          ['relative_of_martyr', 45],
          ['relative', 30],
          ['g', 25],
        ]
      : [
          ['relative_of_martyr', 60],
          ['relative', 40],
        ];
  else
    table = male
      ? [
          ['relative', 60],
          ['g', 40],
        ]
      : [['relative', 100]];
  let total = 0;
  for (const t of table) total += t[1];
  let r = rng.float() * total;
  for (const [cat, w] of table) {
    if (r < w) return cat;
    r -= w;
  }
  return table[table.length - 1]![0];
}

/** Recognition years by category (decision dates). */
const RECOGNITION_YEARS: Record<string, [number, number]> = {
  g: [1976, 2015],
  h: [1976, 1998],
  i: [2001, 2016],
  l: [1996, 2015],
  k: [1998, 2012],
  m: [1978, 2000],
  d: [1995, 2018],
  dd: [1976, 2010],
  e: [1985, 2010],
  relative_of_martyr: [1978, 2012],
  relative: [2002, 2025],
};

function meritoriousStatus(ctx: Ctx, rng: Rng, p: Member, category: string): GenStatus {
  let [y0, y1] = RECOGNITION_YEARS[category] ?? [1990, 2015];
  if (category === 'g' && p.age < 55) [y0, y1] = [2005, 2025]; // injured on duty in peacetime
  const from = Math.max(daysFromCivil(y0, 1, 1), addYears(p.by, p.bm, p.bd, 18));
  const to = Math.min(daysFromCivil(y1, 12, 31), ctx.todayDays - 60);
  const decided = randomDay(rng, Math.min(from, to), to);
  // Only war invalids and sick soldiers carry a degree in the catalogue (validateStatusGrant).
  let degree: number | null = null;
  if (category === 'g') {
    const r = rng.float();
    degree =
      r < 0.5
        ? rng.between(21, 40)
        : r < 0.75
          ? rng.between(41, 60)
          : r < 0.9
            ? rng.between(61, 80)
            : rng.between(81, 100);
  } else if (category === 'h') degree = rng.chance(0.7) ? rng.between(41, 60) : rng.between(61, 100);
  return {
    kind: 'meritorious',
    category,
    year: null,
    degree,
    valid_from: isoDays(firstOfNextMonth(decided)),
    valid_to: null,
    decision_no: decisionNo(rng, 2500, decided >= SNV_FROM ? 'SNV' : 'SLĐTBXH'),
    decision_date: isoDays(decided),
  };
}

function yearStatus(
  kind: StatusKind,
  category: string,
  year: number | null,
  d: Decision,
  from: string,
  to: string | null,
): GenStatus {
  return {
    kind,
    category,
    year,
    degree: null,
    valid_from: from,
    valid_to: to,
    decision_no: d.no,
    decision_date: d.date,
  };
}

function assignStatuses(ctx: Ctx, rng: Rng, c: CommuneSetup, members: Member[], poverty: PovertyCategory): void {
  const living = members.filter((m) => m.deceased === null && m.moved === null);
  const noCarer = !living.some((m) => m.age >= 18 && m.age < 60 && m.disability !== 'especially_severe');
  const head = members[0]!;
  const spouse = members.find((m) => m.relation === 'spouse' && m.deceased === null && m.moved === null);
  const singleParent =
    (poverty === 'poor' || poverty === 'near_poor') &&
    !spouse &&
    living.some((m) => m.relation === 'child' && m.age < 16);
  for (const p of living) {
    // Meritorious service.
    const merit = meritoriousCategory(rng, p);
    if (merit) p.statuses.push(meritoriousStatus(ctx, rng, p, merit));
    // Social assistance.
    // Nobody is recognised in the first three months of life: the dossier takes time.
    const sa = p.birthDays > ctx.todayDays - 90 ? null : assistanceClause(rng, c, p, poverty, noCarer);
    if (sa) p.statuses.push(assistanceStatus(ctx, rng, p, sa));
    if (p === head && singleParent && rng.chance(0.8)) p.statuses.push(assistanceStatus(ctx, rng, p, '4'));
    // Ethnic-minority area.
    const ema = c.ema !== null && p.ethnic !== KINH && rng.chance(0.9);
    if (ema) p.statuses.push(yearStatus('ethnic_minority_area', c.ema!, null, ctx.ema, ctx.yearFrom, null));
    // Health insurance: one card, the first ground that applies.
    let hi: string | null = null;
    if (merit) hi = 'meritorious';
    else if (poverty === 'poor') hi = 'poor';
    else if (sa || (p === head && singleParent && p.statuses.some((s) => s.category === '4'))) hi = 'social_assistance';
    else if (ema) hi = 'ethnic_minority_difficult_area';
    else if (p.age < 6) hi = 'child_under_6';
    else if (poverty === 'near_poor') hi = 'near_poor';
    else if (p.recAge >= 80 && rng.chance(0.5)) hi = 'elderly_80';
    if (hi === 'child_under_6') {
      const to = addYears(p.by, p.bm, p.bd, 6) - 1;
      p.statuses.push(yearStatus('health_insurance', hi, null, c.insurance, isoDays(p.birthDays), isoDays(to)));
    } else if (hi) p.statuses.push(yearStatus('health_insurance', hi, null, c.insurance, ctx.yearFrom, ctx.yearTo));
  }
}

// --- Communes -----------------------------------------------------------------------------------

function isUrban(type: string): boolean {
  return type === 'ward' || type === 'township';
}

function typeWeight(type: string): number {
  return type === 'ward' ? 1.35 : type === 'township' ? 1.3 : type === 'special_zone' ? 0.8 : 1;
}

function decemberDecision(rng: Rng, max: number, year: number): Decision {
  return { no: decisionNo(rng, max, 'UBND'), date: isoYmd(year, 12, rng.between(8, 29)) };
}

function setupCommune(seed: number, area: GeneratorArea, reviewYear: number): CommuneSetup {
  const cseed = hash32(seed, 'commune', area.code);
  const rng = new Rng(hash32(cseed, 'setup'));
  const urban = isUrban(area.type);
  const weight = typeWeight(area.type) * (0.7 + 0.6 * rng.float());
  const minorityFactor = (urban ? 0.25 : 1) * Math.exp(1.1 * rng.normal());
  // Each commune's minority mix leans towards one or two groups.
  const tilt = MINORITY_SHARES.map(([, w]) => w * (rng.chance(0.25) ? 4 : 1));
  const minorityMix = new Alias(
    MINORITY_SHARES.map(([code]) => code),
    tilt,
  );
  const villages: Village[] = [];
  const usedNames = new Set<string>();
  const placeName = () => {
    for (;;) {
      const n = `${PLACE_FIRST[rng.int(PLACE_FIRST.length)]!} ${PLACE_SECOND[rng.int(PLACE_SECOND.length)]!}`;
      if (!usedNames.has(n) && n.split(' ')[0] !== n.split(' ')[1]) {
        usedNames.add(n);
        return n;
      }
    }
  };
  if (urban) {
    const n = rng.between(3, 10);
    const named = rng.chance(0.25);
    for (let i = 1; i <= n; i++)
      villages.push({ name: `Khu phố ${named ? placeName() : i}`, soc: false, groups: rng.between(3, 10) });
  } else {
    const word = area.districtCode !== null && THON_DISTRICTS.has(area.districtCode) ? 'Thôn' : 'Ấp';
    const n = rng.between(5, 14);
    const named = rng.chance(0.4);
    for (let i = 1; i <= n; i++)
      villages.push({ name: `${word} ${named ? placeName() : i}`, soc: false, groups: rng.between(3, 8) });
  }
  return {
    area,
    urban,
    weight,
    minorityFactor,
    minorityShare: 0,
    minorityMix,
    ema: null,
    villages,
    socVillages: [],
    poverty: decemberDecision(rng, 400, reviewYear),
    insurance: decemberDecision(rng, 400, reviewYear),
    seed: cseed,
  };
}

/** Scales the per-commune minority factors so the province-wide household share is on target. */
function calibrateMinorities(setups: CommuneSetup[]): void {
  const totalW = setups.reduce((s, c) => s + c.weight, 0);
  const share = (k: number) => setups.reduce((s, c) => s + c.weight * Math.min(0.9, k * c.minorityFactor), 0) / totalW;
  let lo = 0;
  let hi = 100;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (share(mid) < MINORITY_HOUSEHOLD_SHARE) lo = mid;
    else hi = mid;
  }
  for (const c of setups) {
    c.minorityShare = Math.min(0.9, lo * c.minorityFactor);
    if (!c.urban) c.ema = c.minorityShare >= 0.4 ? 'extremely_difficult' : c.minorityShare >= 0.18 ? 'difficult' : null;
    if (!c.urban && c.minorityShare >= 0.2) {
      // Sóc villages where minority households mostly live.
      const rng = new Rng(hash32(c.seed, 'soc'));
      const n = 1 + rng.int(c.minorityShare >= 0.5 ? 4 : 2);
      const names = new Set<string>();
      for (let i = 0; i < n; i++) {
        const name = `Sóc ${SOC_NAMES[rng.int(SOC_NAMES.length)]!}`;
        if (names.has(name)) continue;
        names.add(name);
        const v = { name, soc: true, groups: rng.between(2, 6) };
        c.villages.push(v);
        c.socVillages.push(v);
      }
    }
  }
}

function makeHousehold(ctx: Ctx, rng: Rng, c: CommuneSetup, seq: number): GenHousehold {
  const minority = rng.chance(c.minorityShare);
  const ethnic = minority ? c.minorityMix.sample(rng) : KINH;
  const village =
    minority && c.socVillages.length > 0 && rng.chance(0.6)
      ? c.socVillages[rng.int(c.socVillages.length)]!
      : c.villages[rng.int(c.villages.length)]!;
  const group = 1 + rng.int(village.groups);
  let villageName: string;
  let address: string;
  if (c.urban) {
    villageName = `Tổ ${group}, ${village.name}`;
    const no = rng.between(1, 250);
    address = `Số ${no}${rng.chance(0.2) ? `/${rng.between(1, 30)}` : ''}, ${villageName}`;
  } else {
    villageName = village.name;
    address = rng.chance(0.3) ? `Tổ ${group}, ${villageName}` : villageName;
  }
  const phone = rng.chance(0.7) ? newPhone(ctx, rng) : null;

  const members = buildMembers(ctx, rng, c, ethnic);
  for (const p of members) personFacts(ctx, rng, p, phone);
  const poverty = povertyOf(ctx, rng, c, members);
  assignStatuses(ctx, rng, c, members, poverty);

  const area = c.area;
  return {
    code: area.code + '-' + digits6(seq),
    province_code: area.provinceCode,
    district_code: area.districtCode,
    commune_code: area.code,
    village: villageName,
    address,
    residence: c.urban ? 'urban' : 'rural',
    phone,
    state: 'active',
    members: members.map((p) => ({
      relation: p.relation,
      full_name: p.fullName,
      gender: p.gender,
      birth_date: birthDateString(p),
      citizen_id: p.citizenId,
      old_id_number: p.oldId,
      ethnic_code: p.ethnic,
      phone: p.phone,
      disability: p.disability,
      deceased_on: p.deceased === null ? null : isoDays(p.deceased),
      moved_out_on: p.moved === null ? null : isoDays(p.moved),
      village: villageName,
      statuses: p.statuses,
    })),
    statuses: poverty ? [yearStatus('poverty', poverty, ctx.today.y - 1, c.poverty, ctx.yearFrom, ctx.yearTo)] : [],
  };
}

// --- Entry point --------------------------------------------------------------------------------

/**
 * Yields synthetic households for the given communes until `persons` persons have been produced
 * (the last household may go a few persons over). Communes are visited in code order; each gets a
 * share of the persons by its type (wards and townships larger) with some noise, and its own
 * random stream. Household codes are `<commune code>-<6-digit sequence in the commune>`.
 */
export function* generateHouseholds(opts: GeneratorOptions): Generator<GenHousehold> {
  const { seed, persons } = opts;
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  if (!Number.isInteger(persons) || persons < 0) throw new RangeError('persons must be a non-negative integer');
  const todayIso = opts.today ?? DEFAULT_TODAY;
  const todayDays = parseIso(todayIso, 'today');
  if (persons === 0) return;
  if (opts.communes.length === 0) throw new RangeError('communes must not be empty');
  const seen = new Set<string>();
  for (const a of opts.communes) {
    if (seen.has(a.code)) throw new RangeError(`commune ${a.code} is listed twice`);
    seen.add(a.code);
  }

  const todayYear = civilFromDays(todayDays).y;
  const s = buildSamplers(loadNameWeights(opts.dataDir));
  const globalRng = new Rng(hash32(seed, 'province'));
  const origins = new Map<string, Alias<string>>();
  for (const [group, list] of Object.entries(MIGRANT_ORIGINS))
    origins.set(
      group,
      new Alias(
        list.map((x) => x[0]),
        list.map((x) => x[1]),
      ),
    );
  const ctx: Ctx = {
    todayDays,
    today: civilFromDays(todayDays),
    yearFrom: `${todayYear}-01-01`,
    yearTo: `${todayYear}-12-31`,
    s,
    citizenIds: new UniqueNumbers(seed, 'cccd', 1000, 1000, 1_000_000),
    oldIds: new UniqueNumbers(seed, 'cmnd', 1000, 1000, 1000),
    phones: new UniqueNumbers(seed, 'phone', 1000, 10000, 100),
    phonePrefix: new Alias(
      PHONE_PREFIXES.map((x) => Number(x[0])),
      PHONE_PREFIXES.map((x) => x[1]),
    ),
    cmndPrefix: new Alias(
      CMND_PREFIXES.map((x) => x[0]),
      CMND_PREFIXES.map((x) => x[1]),
    ),
    origins,
    ema: decemberDecision(globalRng, 3000, todayYear - 1),
    // Calibrated on 1,000,000 persons to give about 1.5 %, 2.5 % and 4 % of households.
    poorBase: 0.01,
    nearBase: 0.0224,
    avgBase: 0.038,
  };

  const setups = [...opts.communes]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((a) => setupCommune(seed, a, todayYear - 1));
  calibrateMinorities(setups);
  const totalWeight = setups.reduce((sum, c) => sum + c.weight, 0);

  let produced = 0;
  let cumulative = 0;
  for (const c of setups) {
    cumulative += c.weight;
    const target = Math.round((persons * cumulative) / totalWeight);
    const rng = new Rng(hash32(c.seed, 'households'));
    let seq = 0;
    while (produced < target) {
      seq++;
      if (seq > 999_999) throw new Error(`commune ${c.area.code}: more than 999,999 households`);
      const hh = makeHousehold(ctx, rng, c, seq);
      produced += hh.members.length;
      yield hh;
    }
  }
}
