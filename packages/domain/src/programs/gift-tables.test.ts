import { describe, it, expect } from 'vitest';
import { STATUS_CATEGORIES } from '../registry/catalogues.js';
import {
  JULY_27_GIFT_AMOUNTS,
  JULY_27_GIFT_LISTS,
  MERITORIOUS_CATEGORIES,
  TET_GIFT_AMOUNTS,
  TET_GIFT_LISTS,
  giftAmount,
  highestGift,
} from './gift-tables.js';

const TET_2026 = '2026-02-17'; // Tết Bính Ngọ; QĐ 01/QĐ-CTN (05/01/2026)
const JULY_2023 = '2023-07-27'; // QĐ 715/QĐ-CTN (19/6/2023)

describe('Tết gift (QĐ 01/QĐ-CTN 2026)', () => {
  it.each(['a', 'b', 'd', 'dd', 'e'] as const)('category %s gets 600.000đ', (category) => {
    expect(giftAmount('tet', category, null, TET_2026)).toMatchObject({
      level: 'high',
      amount: 600_000,
      verified: false,
    });
  });

  it('a war invalid at 81% gets 600.000đ, at 80% 300.000đ; sick soldiers and chemical-agent victims alike', () => {
    expect(giftAmount('tet', 'g', 81, TET_2026)?.amount).toBe(600_000);
    expect(giftAmount('tet', 'g', 80, TET_2026)?.amount).toBe(300_000);
    expect(giftAmount('tet', 'h', 81, TET_2026)?.amount).toBe(600_000);
    expect(giftAmount('tet', 'h', 41, TET_2026)?.amount).toBe(300_000);
    expect(giftAmount('tet', 'i', 100, TET_2026)?.amount).toBe(600_000);
    expect(giftAmount('tet', 'i', 61, TET_2026)?.amount).toBe(300_000);
  });

  it('helpers of the revolution and martyrs’ relatives get 600.000đ on care allowance, relatives of 2+ martyrs too', () => {
    expect(giftAmount('tet', 'm', null, TET_2026, { receivesCareAllowance: true })?.amount).toBe(600_000);
    expect(giftAmount('tet', 'm', null, TET_2026)?.amount).toBe(300_000);
    expect(giftAmount('tet', 'relative_of_martyr', null, TET_2026, { receivesCareAllowance: true })?.amount).toBe(
      600_000,
    );
    expect(giftAmount('tet', 'relative_of_martyr', null, TET_2026, { martyrsCount: 2 })?.amount).toBe(600_000);
    expect(giftAmount('tet', 'relative_of_martyr', null, TET_2026, { martyrsCount: 1 })).toMatchObject({
      amount: 300_000,
      rule: 'đại diện thân nhân liệt sĩ (mỗi liệt sĩ một suất)',
    });
  });

  it('others get 300.000đ; a martyr receives nothing (the relatives do)', () => {
    expect(giftAmount('tet', 'k', null, TET_2026)?.amount).toBe(300_000);
    expect(giftAmount('tet', 'l', null, TET_2026)?.amount).toBe(300_000);
    expect(giftAmount('tet', 'relative', null, TET_2026)?.amount).toBe(300_000);
    expect(giftAmount('tet', 'c', null, TET_2026)).toBeNull();
  });

  it('earlier years paid 400.000đ / 200.000đ (Tết 2019, QĐ 56/QĐ-CTN)', () => {
    expect(giftAmount('tet', 'd', null, '2019-02-05')?.amount).toBe(400_000);
    expect(giftAmount('tet', 'g', 61, '2019-02-05')?.amount).toBe(200_000);
    expect(() => giftAmount('tet', 'd', null, '2016-02-08')).toThrow(/không có giá trị nào có hiệu lực/);
  });
});

describe('27/7 gift (QĐ 715/QĐ-CTN 2023)', () => {
  it('600.000đ to Heroic Mothers, invalids at 81% or more, martyrs’ relatives on care allowance or of 2+ martyrs', () => {
    expect(giftAmount('27_7', 'd', null, JULY_2023)?.amount).toBe(600_000);
    expect(giftAmount('27_7', 'g', 81, JULY_2023)?.amount).toBe(600_000);
    expect(giftAmount('27_7', 'relative_of_martyr', null, JULY_2023, { receivesCareAllowance: true })?.amount).toBe(
      600_000,
    );
    expect(giftAmount('27_7', 'relative_of_martyr', null, JULY_2023, { martyrsCount: 3 })?.amount).toBe(600_000);
  });

  it('300.000đ to invalids at 80% or less and to the representative of a martyr’s relatives', () => {
    expect(giftAmount('27_7', 'g', 80, JULY_2023)?.amount).toBe(300_000);
    expect(giftAmount('27_7', 'i', 21, JULY_2023)?.amount).toBe(300_000);
    expect(giftAmount('27_7', 'relative_of_martyr', null, JULY_2023)?.amount).toBe(300_000);
  });

  it('names no revolutionaries before 1945, Heroes or helpers of the revolution', () => {
    for (const category of ['a', 'b', 'dd', 'e', 'k', 'l', 'm', 'relative', 'c'] as const) {
      expect(giftAmount('27_7', category, null, JULY_2023, { receivesCareAllowance: true }), category).toBeNull();
    }
  });

  it('paid 400.000đ / 200.000đ in 2015 (QĐ 1328/QĐ-CTN), 600.000đ / 300.000đ from 2021', () => {
    expect(giftAmount('27_7', 'd', null, '2015-07-27')?.amount).toBe(400_000);
    expect(giftAmount('27_7', 'h', 61, '2020-07-27')?.amount).toBe(200_000);
    expect(giftAmount('27_7', 'd', null, '2021-07-27')?.amount).toBe(600_000);
  });
});

describe('refusals', () => {
  it('needs the injury rate of invalids, sick soldiers and chemical-agent victims', () => {
    expect(() => giftAmount('tet', 'g', null, TET_2026)).toThrow(/Nhập tỷ lệ tổn thương cơ thể/);
    expect(() => giftAmount('tet', 'i', undefined, TET_2026)).toThrow(/Nhập tỷ lệ tổn thương cơ thể/);
    expect(() => giftAmount('tet', 'h', 101, TET_2026)).toThrow(/từ 1 đến 100/);
    expect(() => giftAmount('tet', 'h', 80.5, TET_2026)).toThrow(/số nguyên/);
  });

  it('refuses unknown kinds and categories and a bad martyrs count', () => {
    expect(() => giftAmount('30_4' as 'tet', 'd', null, TET_2026)).toThrow(/Dịp tặng quà "30_4" không có/);
    expect(() => giftAmount('tet', 'x' as 'd', null, TET_2026)).toThrow(/Mã diện người có công "x" không có/);
    expect(() => giftAmount('tet', 'relative_of_martyr', null, TET_2026, { martyrsCount: 0 })).toThrow(/Số liệt sĩ/);
  });
});

describe('highestGift: one gift per person, at the highest level', () => {
  it('a war invalid at 61% who is also a martyr’s relative on care allowance gets one gift of 600.000đ', () => {
    const best = highestGift([
      giftAmount('tet', 'g', 61, TET_2026),
      giftAmount('tet', 'relative_of_martyr', null, TET_2026, { receivesCareAllowance: true }),
    ]);
    expect(best).toMatchObject({ category: 'relative_of_martyr', amount: 600_000 });
  });

  it('keeps the first on a tie, ignores categories without a gift, and returns null when there is none', () => {
    expect(highestGift([giftAmount('tet', 'g', 61, TET_2026), giftAmount('tet', 'k', null, TET_2026)])?.category).toBe(
      'g',
    );
    expect(
      highestGift([giftAmount('27_7', 'a', null, JULY_2023), giftAmount('27_7', 'g', 50, JULY_2023)])?.amount,
    ).toBe(300_000);
    expect(highestGift([giftAmount('27_7', 'a', null, JULY_2023), null, undefined])).toBeNull();
    expect(highestGift([])).toBeNull();
  });

  it('refuses to compare gifts of different occasions', () => {
    expect(() =>
      highestGift([giftAmount('tet', 'd', null, TET_2026), giftAmount('27_7', 'd', null, JULY_2023)]),
    ).toThrow(/hai dịp khác nhau/);
  });
});

describe('data', () => {
  it('uses the registry’s meritorious codes', () => {
    expect(STATUS_CATEGORIES.meritorious.categories.map((c) => c.code)).toEqual([...MERITORIOUS_CATEGORIES]);
  });

  it('marks every gift table unverified ([R2])', () => {
    for (const table of [TET_GIFT_AMOUNTS, JULY_27_GIFT_AMOUNTS, TET_GIFT_LISTS, JULY_27_GIFT_LISTS]) {
      for (const e of table) expect(e.verified).toBe(false);
    }
  });
});
