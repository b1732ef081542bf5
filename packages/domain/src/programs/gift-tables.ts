/**
 * The President's gifts to people with meritorious service at Tết and on 27/7 (War Invalids and
 * Martyrs' Day): two amounts, and a list saying which people get which (docs/legal/merit.md). Each
 * occasion has its own decision of the President (Quyết định …/QĐ-CTN); the lists have barely
 * changed for a decade, the amounts rose from 400.000đ/200.000đ to 600.000đ/300.000đ.
 *
 * Everything here was read in news reports of the decisions, not in the decisions ([R2]), so every
 * entry is `verified: false`.
 */

import type { Dong } from '../money.js';
import { effectiveTable, valueOn, type EffectiveTable } from './effective.js';

/** The occasion: Lunar New Year, or War Invalids and Martyrs' Day (27 July). */
export type GiftKind = 'tet' | '27_7';

export const GIFT_KINDS: readonly GiftKind[] = ['tet', '27_7'];

const GIFT_KIND_LABELS: Readonly<Record<GiftKind, string>> = {
  tet: 'quà Tết Nguyên đán',
  '27_7': 'quà nhân ngày Thương binh - Liệt sĩ 27/7',
};

/**
 * Meritorious categories, as coded in the registry catalogue (`STATUS_CATEGORIES.meritorious`):
 * Pháp lệnh 02/2020/UBTVQH14 Art. 3(1)(a)–(m), and relatives (Art. 3(2)).
 */
export type MeritoriousCategory =
  'a' | 'b' | 'c' | 'd' | 'dd' | 'e' | 'g' | 'h' | 'i' | 'k' | 'l' | 'm' | 'relative_of_martyr' | 'relative';

export const MERITORIOUS_CATEGORIES: readonly MeritoriousCategory[] = [
  'a',
  'b',
  'c',
  'd',
  'dd',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'relative_of_martyr',
  'relative',
];

/** Categories whose gift depends on the body injury rate (tỷ lệ tổn thương cơ thể). */
const DEGREE_CATEGORIES: ReadonlySet<MeritoriousCategory> = new Set(['g', 'h', 'i']);

export type GiftLevel = 'high' | 'standard';

/** The two gift amounts of an occasion. */
export interface GiftLevels {
  readonly high: Dong;
  readonly standard: Dong;
}

/**
 * One line of a gift list. It applies to a person of one of `categories` when every condition it
 * has holds; a person on several lines gets the highest level.
 */
export interface GiftListRule {
  readonly level: GiftLevel;
  readonly categories: readonly MeritoriousCategory[];
  /** Body injury rate at least this (percent, inclusive). */
  readonly minDegree?: number;
  /** Body injury rate at most this (percent, inclusive). */
  readonly maxDegree?: number;
  /** Only while receiving a monthly care allowance (trợ cấp nuôi dưỡng / tuất nuôi dưỡng). */
  readonly needsCareAllowance?: true;
  /** Only for relatives of at least this many martyrs. */
  readonly minMartyrs?: number;
  /** The line as the decision words it, shortened. */
  readonly vi: string;
}

/**
 * Gift amounts at Tết.
 *
 * - 400.000đ / 200.000đ: Tết Đinh Dậu 2017 [R2: baoninhbinh.org.vn] and Tết Kỷ Hợi 2019, QĐ
 *   56/QĐ-CTN (08/01/2019) [R2: hieuluat.vn]; 2018, 2020 and 2021 assumed the same [M].
 * - 600.000đ / 300.000đ: Tết Bính Ngọ 2026, QĐ 01/QĐ-CTN (05/01/2026) [R2: thanhnien.vn,
 *   luatvietnam.vn]; Tết 2022–2025 assumed the same, the 27/7 gift having risen in 2021 [M].
 *
 * Look up by the date of the occasion (the first day of the lunar year, e.g. 2026-02-17), not by
 * the date of the decision, which may fall in the previous December.
 */
export const TET_GIFT_AMOUNTS: EffectiveTable<GiftLevels> = effectiveTable('Mức quà Tết người có công', [
  {
    from: '2017-01-01',
    to: '2021-12-31',
    value: { high: 400_000, standard: 200_000 },
    source:
      'Quyết định của Chủ tịch nước tặng quà Tết (Tết 2017; Tết 2019: QĐ 56/QĐ-CTN) — theo báo chí, chưa đối chiếu',
    verified: false,
  },
  {
    from: '2022-01-01',
    to: null,
    value: { high: 600_000, standard: 300_000 },
    source:
      'Quyết định của Chủ tịch nước tặng quà Tết (Tết 2026: QĐ 01/QĐ-CTN ngày 05/01/2026) — theo báo chí, chưa đối chiếu',
    verified: false,
  },
]);

/**
 * Gift amounts on 27/7.
 *
 * - 400.000đ / 200.000đ: 27/7/2015, QĐ 1328/QĐ-CTN [R2: news]; other years to 2020 assumed the
 *   same [R2: "earlier years"].
 * - 600.000đ / 300.000đ: 27/7/2021 [R2: vtv.vn, 05/7/2021] and 27/7/2023, QĐ 715/QĐ-CTN (19/6/2023)
 *   [R2: vneconomy.vn, tulieuvankien.dangcongsan.vn]; later years assumed the same [M].
 *
 * Look up by the date of the occasion (27 July of the year).
 */
export const JULY_27_GIFT_AMOUNTS: EffectiveTable<GiftLevels> = effectiveTable('Mức quà 27/7 người có công', [
  {
    from: '2015-01-01',
    to: '2020-12-31',
    value: { high: 400_000, standard: 200_000 },
    source: 'Quyết định của Chủ tịch nước tặng quà 27/7 (2015: QĐ 1328/QĐ-CTN) — theo báo chí, chưa đối chiếu',
    verified: false,
  },
  {
    from: '2021-01-01',
    to: null,
    value: { high: 600_000, standard: 300_000 },
    source:
      'Quyết định của Chủ tịch nước tặng quà 27/7 (2023: QĐ 715/QĐ-CTN ngày 19/6/2023) — theo báo chí, chưa đối chiếu',
    verified: false,
  },
]);

/**
 * Who gets which Tết gift, as in QĐ 01/QĐ-CTN (05/01/2026) [R2: thanhnien.vn, vtcnews.vn,
 * luatvietnam.vn] and, with the same groups, QĐ 56/QĐ-CTN for Tết 2019 [R2: hieuluat.vn].
 *
 * - 600.000đ: revolutionaries before 01/01/1945 and up to the August 1945 uprising; Heroic Mothers;
 *   Armed Forces Heroes and Labour Heroes of the resistance; war invalids (incl. category B and those
 *   treated as invalids), sick soldiers and chemical-agent victims with an injury rate of 81% or
 *   more; people who helped the revolution receiving a monthly care allowance; martyrs' relatives
 *   receiving a monthly care allowance; relatives of two or more martyrs.
 * - 300.000đ: war invalids, sick soldiers and chemical-agent victims at 80% or less; imprisoned or
 *   exiled activists (k) [R2]; and "others" (docs/legal/merit.md), taken here as people who helped the
 *   revolution without care allowance, one representative of each martyr's relatives, resistance
 *   activists (l) and relatives of other people with meritorious service [M: the end of the list
 *   was not read; check it against the decision of the year].
 * - Martyrs themselves (c) receive nothing: the gift goes to a relative.
 *
 * Every person on the list must be receiving a monthly preferential allowance; that is the
 * caller's selection, not checked here.
 */
const TET_LIST: readonly GiftListRule[] = [
  {
    level: 'high',
    categories: ['a', 'b', 'd', 'dd', 'e'],
    vi: 'người hoạt động cách mạng trước Tổng khởi nghĩa tháng Tám 1945, Bà mẹ Việt Nam anh hùng, Anh hùng LLVTND, Anh hùng Lao động trong kháng chiến',
  },
  {
    level: 'high',
    categories: ['g', 'h', 'i'],
    minDegree: 81,
    vi: 'thương binh, bệnh binh, người hoạt động kháng chiến bị nhiễm chất độc hóa học có tỷ lệ tổn thương cơ thể từ 81% trở lên',
  },
  {
    level: 'high',
    categories: ['m'],
    needsCareAllowance: true,
    vi: 'người có công giúp đỡ cách mạng đang hưởng trợ cấp nuôi dưỡng hằng tháng',
  },
  {
    level: 'high',
    categories: ['relative_of_martyr'],
    needsCareAllowance: true,
    vi: 'thân nhân liệt sĩ đang hưởng trợ cấp tuất nuôi dưỡng hằng tháng',
  },
  { level: 'high', categories: ['relative_of_martyr'], minMartyrs: 2, vi: 'thân nhân của hai liệt sĩ trở lên' },
  {
    level: 'standard',
    categories: ['g', 'h', 'i'],
    maxDegree: 80,
    vi: 'thương binh, bệnh binh, người hoạt động kháng chiến bị nhiễm chất độc hóa học có tỷ lệ tổn thương cơ thể từ 80% trở xuống',
  },
  { level: 'standard', categories: ['k'], vi: 'người hoạt động cách mạng, kháng chiến bị địch bắt tù, đày' },
  { level: 'standard', categories: ['m'], vi: 'người có công giúp đỡ cách mạng' },
  { level: 'standard', categories: ['relative_of_martyr'], vi: 'đại diện thân nhân liệt sĩ (mỗi liệt sĩ một suất)' },
  { level: 'standard', categories: ['l', 'relative'], vi: 'đối tượng khác (chưa đối chiếu danh sách đầy đủ)' },
];

/**
 * Who gets which 27/7 gift, as in QĐ 715/QĐ-CTN (19/6/2023) [R2: tulieuvankien.dangcongsan.vn],
 * the 2021 decision [R2: vtv.vn] and QĐ 1328/QĐ-CTN of 2015 [R2]. This list is narrower than the
 * Tết list: it names no revolutionaries before 1945, Heroes or helpers of the revolution.
 *
 * - 600.000đ: Heroic Mothers; war invalids, sick soldiers and chemical-agent victims at 81% or
 *   more; martyrs' relatives receiving a monthly care allowance; relatives of two or more martyrs.
 * - 300.000đ: war invalids, sick soldiers and chemical-agent victims at 80% or less; one
 *   representative of each martyr's relatives (2015 and plo.vn: "đại diện thân nhân chủ yếu của
 *   liệt sĩ", "đại diện gia đình thờ cúng liệt sĩ").
 * - Other categories are not on the parts of the lists that were read, so they get no 27/7 gift
 *   here [M: check the end of the list of the year's decision].
 */
const JULY_27_LIST: readonly GiftListRule[] = [
  { level: 'high', categories: ['d'], vi: 'Bà mẹ Việt Nam anh hùng' },
  {
    level: 'high',
    categories: ['g', 'h', 'i'],
    minDegree: 81,
    vi: 'thương binh, bệnh binh, người hoạt động kháng chiến bị nhiễm chất độc hóa học có tỷ lệ tổn thương cơ thể từ 81% trở lên',
  },
  {
    level: 'high',
    categories: ['relative_of_martyr'],
    needsCareAllowance: true,
    vi: 'thân nhân liệt sĩ đang hưởng trợ cấp tuất nuôi dưỡng hằng tháng',
  },
  { level: 'high', categories: ['relative_of_martyr'], minMartyrs: 2, vi: 'thân nhân của hai liệt sĩ trở lên' },
  {
    level: 'standard',
    categories: ['g', 'h', 'i'],
    maxDegree: 80,
    vi: 'thương binh, bệnh binh, người hoạt động kháng chiến bị nhiễm chất độc hóa học có tỷ lệ tổn thương cơ thể từ 80% trở xuống',
  },
  { level: 'standard', categories: ['relative_of_martyr'], vi: 'đại diện thân nhân liệt sĩ (mỗi liệt sĩ một suất)' },
];

/** The Tết gift list, effective-dated (see {@link TET_LIST}). */
export const TET_GIFT_LISTS: EffectiveTable<readonly GiftListRule[]> = effectiveTable(
  'Danh sách quà Tết người có công',
  [
    {
      from: '2017-01-01',
      to: null,
      value: TET_LIST,
      source:
        'Quyết định của Chủ tịch nước tặng quà Tết (Tết 2019: QĐ 56/QĐ-CTN; Tết 2026: QĐ 01/QĐ-CTN) — theo báo chí, chưa đối chiếu',
      verified: false,
    },
  ],
);

/** The 27/7 gift list, effective-dated (see {@link JULY_27_LIST}). */
export const JULY_27_GIFT_LISTS: EffectiveTable<readonly GiftListRule[]> = effectiveTable(
  'Danh sách quà 27/7 người có công',
  [
    {
      from: '2015-01-01',
      to: null,
      value: JULY_27_LIST,
      source:
        'Quyết định của Chủ tịch nước tặng quà 27/7 (2015: QĐ 1328/QĐ-CTN; 2023: QĐ 715/QĐ-CTN) — theo báo chí, chưa đối chiếu',
      verified: false,
    },
  ],
);

const AMOUNTS: Readonly<Record<GiftKind, EffectiveTable<GiftLevels>>> = {
  tet: TET_GIFT_AMOUNTS,
  '27_7': JULY_27_GIFT_AMOUNTS,
};
const LISTS: Readonly<Record<GiftKind, EffectiveTable<readonly GiftListRule[]>>> = {
  tet: TET_GIFT_LISTS,
  '27_7': JULY_27_GIFT_LISTS,
};

export interface GiftFlags {
  /** Receives a monthly care allowance (helpers of the revolution; martyrs' relatives). */
  readonly receivesCareAllowance?: boolean;
  /** For a martyr's relative: how many martyrs they are a relative of. */
  readonly martyrsCount?: number;
}

/** A gift a person is entitled to on one occasion. */
export interface GiftEntitlement {
  readonly kind: GiftKind;
  readonly category: MeritoriousCategory;
  readonly level: GiftLevel;
  readonly amount: Dong;
  /** The line of the list applied, in Vietnamese. */
  readonly rule: string;
  readonly source: string;
  readonly verified: boolean;
}

const fail = (vi: string, en: string): never => {
  throw new Error(`${vi} / ${en}`);
};

function ruleApplies(
  rule: GiftListRule,
  category: MeritoriousCategory,
  degree: number | null,
  flags: GiftFlags,
): boolean {
  if (!rule.categories.includes(category)) return false;
  if (rule.minDegree !== undefined && (degree === null || degree < rule.minDegree)) return false;
  if (rule.maxDegree !== undefined && (degree === null || degree > rule.maxDegree)) return false;
  if (rule.needsCareAllowance && !flags.receivesCareAllowance) return false;
  if (rule.minMartyrs !== undefined && (flags.martyrsCount ?? 1) < rule.minMartyrs) return false;
  return true;
}

/**
 * The gift a person of a meritorious `category` gets on an occasion, or null when the category is
 * not on that occasion's list (a martyr, or on 27/7 a category the 27/7 list does not name).
 *
 * `onDate` is the date of the occasion (Tết: first day of the lunar year; 27/7: 27 July), which
 * selects the amounts and the list. `degree` is the body injury rate in percent, required for war
 * invalids (g), sick soldiers (h) and chemical-agent victims (i), whose gift is 600.000đ from 81%
 * and 300.000đ up to 80%; it is ignored for other categories.
 *
 * Throws an Error (Vietnamese, then English) for an unknown kind or category, a missing or invalid
 * degree, an invalid martyrs count, or a date with no gift data.
 */
export function giftAmount(
  kind: GiftKind,
  category: MeritoriousCategory,
  degree: number | null | undefined,
  onDate: string,
  flags: GiftFlags = {},
): GiftEntitlement | null {
  if (!GIFT_KINDS.includes(kind))
    fail(
      `Dịp tặng quà "${String(kind)}" không có; chọn "tet" hoặc "27_7".`,
      `Unknown gift kind ${JSON.stringify(kind)}.`,
    );
  if (!MERITORIOUS_CATEGORIES.includes(category)) {
    fail(
      `Mã diện người có công "${String(category)}" không có. Chọn một trong: ${MERITORIOUS_CATEGORIES.join(', ')}.`,
      `Unknown meritorious category ${JSON.stringify(category)}.`,
    );
  }
  let rate: number | null = null;
  if (DEGREE_CATEGORIES.has(category)) {
    if (degree === null || degree === undefined || !Number.isInteger(degree) || degree < 1 || degree > 100) {
      fail(
        'Nhập tỷ lệ tổn thương cơ thể (%) là số nguyên từ 1 đến 100: mức quà của thương binh, bệnh binh và người nhiễm chất độc hóa học ' +
          'là 600.000đ từ 81% trở lên và 300.000đ từ 80% trở xuống.',
        `Category ${category} needs the injury rate (integer 1–100), got ${String(degree)}.`,
      );
    }
    rate = degree!;
  }
  if (flags.martyrsCount !== undefined && (!Number.isInteger(flags.martyrsCount) || flags.martyrsCount < 1)) {
    fail(
      'Số liệt sĩ phải là số nguyên từ 1 trở lên.',
      `martyrsCount must be an integer of at least 1, got ${flags.martyrsCount}.`,
    );
  }

  const label = GIFT_KIND_LABELS[kind];
  const amounts = valueOn(AMOUNTS[kind], onDate, `Mức ${label}`);
  const list = valueOn(LISTS[kind], onDate, `Danh sách ${label}`);
  const matching = list.value.filter((r) => ruleApplies(r, category, rate, flags));
  const rule = matching.find((r) => r.level === 'high') ?? matching[0];
  if (!rule) return null;
  return {
    kind,
    category,
    level: rule.level,
    amount: amounts.value[rule.level],
    rule: rule.vi,
    source: `${amounts.source}; ${list.source}`,
    verified: amounts.verified && list.verified,
  };
}

/**
 * One gift per person per occasion, at the highest level (docs/legal/merit.md [R2: vietnamnet.vn]): of
 * the gifts a person is entitled to under several categories (say a war invalid at 61% who is also
 * a martyr's relative on care allowance), the largest; the first on a tie; null if none.
 * Throws when the gifts are of different occasions, which are separate gifts.
 */
export function highestGift(entitlements: readonly (GiftEntitlement | null | undefined)[]): GiftEntitlement | null {
  const gifts = entitlements.filter((g): g is GiftEntitlement => g !== null && g !== undefined);
  const kinds = new Set(gifts.map((g) => g.kind));
  if (kinds.size > 1) {
    fail(
      'Quà Tết và quà 27/7 là hai dịp khác nhau: chọn mức cao nhất trong từng dịp.',
      'Gifts of different occasions cannot be compared.',
    );
  }
  return gifts.reduce<GiftEntitlement | null>((best, g) => (best === null || g.amount > best.amount ? g : best), null);
}
