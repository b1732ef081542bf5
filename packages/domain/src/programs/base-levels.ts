/**
 * Base levels that allowances are computed from: amount = base level × coefficient. Each is an
 * effective-dated table (docs/legal/social-assistance.md, docs/legal/merit.md and the currency warning in docs/legal/README.md); all amounts are integer
 * đồng per month.
 */

import type { Dong } from '../money.js';
import { effectiveTable, valueOn, type EffectiveTable, type EffectiveValue } from './effective.js';

/**
 * Social-assistance base level (mức chuẩn trợ giúp xã hội), per person per month.
 *
 * - 270.000đ from 01/01/2014 to 30/6/2021: NĐ 136/2013/NĐ-CP Art. 4(1) (in force 25/11/2013, its
 *   allowances paid from 01/01/2014; replaced by NĐ 20/2021 from 01/7/2021) [M: the amount and the
 *   start of payment recalled, the text not read here: `verified: false`]. January–June 2021
 *   lists are computed with it.
 * - 360.000đ from 01/7/2021: NĐ 20/2021/NĐ-CP Art. 4(2) [R: PD
 *   `chinh-sach-xa-hoi/chinh-sach-tro-giup-xa-hoi-doi-voi-doi-tuong-bao-tro-xa-hoi.md`].
 * - 500.000đ from 01/7/2024: NĐ 76/2024/NĐ-CP (01/7/2024), amending NĐ 20/2021 [M: only seed data
 *   in the code corpus names the decree; its text, and so the amount and article, were not read].
 *
 * A province may set a higher level by resolution of its People's Council (Art. 4(3)); see the
 * `provincialBaseLevel` input of `socialAssistanceMonthly`.
 */
export const SOCIAL_ASSISTANCE_BASE_LEVELS: EffectiveTable<Dong> = effectiveTable('Mức chuẩn trợ giúp xã hội', [
  {
    from: '2014-01-01',
    to: '2021-06-30',
    value: 270_000,
    source:
      'Nghị định 136/2013/NĐ-CP, Điều 4 khoản 1 (mức chuẩn trợ cấp xã hội; chế độ thực hiện từ 01/01/2014; chưa đối chiếu văn bản gốc)',
    verified: false,
  },
  {
    from: '2021-07-01',
    to: '2024-06-30',
    value: 360_000,
    source: 'Nghị định 20/2021/NĐ-CP, Điều 4 khoản 2',
    verified: true,
  },
  {
    from: '2024-07-01',
    to: null,
    value: 500_000,
    source: 'Nghị định 76/2024/NĐ-CP sửa đổi Nghị định 20/2021/NĐ-CP (chưa đối chiếu văn bản gốc)',
    verified: false,
  },
]);

/**
 * Standard level for people with meritorious service (mức chuẩn trợ cấp ưu đãi người có công),
 * per month. Each decree takes effect some weeks after it is signed but applies its levels from an
 * earlier 1 July, so `from` is the day the amounts apply, which is what payments need:
 *
 * - 1.624.000đ: NĐ 75/2021/NĐ-CP Art. 3 [R: PD `chinh-sach-xa-hoi/uu-dai-nguoi-co-cong-voi-cach-mang.md`;
 *   CB consolidated text]. The decree is in force from 15/9/2021, but its levels apply from
 *   01/7/2021 (docs/legal/merit.md: Arts. 4, 5 and 12 apply from that date).
 * - 2.055.000đ: NĐ 55/2023/NĐ-CP (21/7/2023), in force 05/9/2023, levels from 01/7/2023 [R: CB
 *   `data/55_2023_NĐ_CP/`].
 * - 2.789.000đ: NĐ 77/2024/NĐ-CP, from 01/7/2024 [R: CB consolidated text 4804/VBHN-BLĐTBXH].
 *
 * The table starts on 01/7/2021, when Pháp lệnh 02/2020/UBTVQH14 and NĐ 75/2021 began to apply;
 * earlier periods (NĐ 58/2019/NĐ-CP) are not modelled. No 2026 change was found.
 */
export const MERITORIOUS_STANDARD_LEVELS: EffectiveTable<Dong> = effectiveTable('Mức chuẩn người có công', [
  {
    from: '2021-07-01',
    to: '2023-06-30',
    value: 1_624_000,
    source: 'Nghị định 75/2021/NĐ-CP, Điều 3 (hiệu lực 15/9/2021, mức hưởng áp dụng từ 01/7/2021)',
    verified: true,
  },
  {
    from: '2023-07-01',
    to: '2024-06-30',
    value: 2_055_000,
    source:
      'Nghị định 55/2023/NĐ-CP sửa đổi Nghị định 75/2021/NĐ-CP, Điều 3 (hiệu lực 05/9/2023, mức hưởng áp dụng từ 01/7/2023)',
    verified: true,
  },
  {
    from: '2024-07-01',
    to: null,
    value: 2_789_000,
    source: 'Nghị định 77/2024/NĐ-CP sửa đổi Nghị định 75/2021/NĐ-CP, Điều 3 (áp dụng từ 01/7/2024)',
    verified: true,
  },
]);

/**
 * Base salary (lương cơ sở), per month.
 *
 * - 2.340.000đ from 01/7/2024: NĐ 73/2024/NĐ-CP (30/6/2024) [M: the amount is quoted as the level in
 *   force in the summary of NĐ 161/2026 in PD, and NĐ 161/2026 Art. 6(2) repeals NĐ 73/2024; the
 *   text of NĐ 73/2024 and its start date were not read].
 * - 2.530.000đ from 01/7/2026: NĐ 161/2026/NĐ-CP Art. 3(2) [R: PD `lao-dong/161-2026-nd-cp-tang-luong-co-so.md`].
 *
 * Earlier levels (1.800.000đ from 01/7/2023 and before) are not modelled.
 */
export const BASE_SALARIES: EffectiveTable<Dong> = effectiveTable('Mức lương cơ sở', [
  {
    from: '2024-07-01',
    to: '2026-06-30',
    value: 2_340_000,
    source: 'Nghị định 73/2024/NĐ-CP (chưa đối chiếu văn bản gốc; bị thay thế bởi Nghị định 161/2026/NĐ-CP)',
    verified: false,
  },
  {
    from: '2026-07-01',
    to: null,
    value: 2_530_000,
    source: 'Nghị định 161/2026/NĐ-CP, Điều 3 khoản 2',
    verified: true,
  },
]);

/** The social-assistance base level in force on `date`, with its source. */
export function socialAssistanceBaseOn(date: string): EffectiveValue<Dong> {
  return valueOn(SOCIAL_ASSISTANCE_BASE_LEVELS, date, 'Mức chuẩn trợ giúp xã hội');
}

/** The meritorious standard level in force on `date`, with its source. */
export function meritoriousStandardOn(date: string): EffectiveValue<Dong> {
  return valueOn(MERITORIOUS_STANDARD_LEVELS, date, 'Mức chuẩn người có công');
}

/** The base salary in force on `date`, with its source. */
export function baseSalaryOn(date: string): EffectiveValue<Dong> {
  return valueOn(BASE_SALARIES, date, 'Mức lương cơ sở');
}

/**
 * An amount set as a multiple of the meritorious standard level, rounded to the nearest 1.000đ as
 * NĐ 75/2021/NĐ-CP Art. 3(2) (as amended) requires [R]; an exact half rounds up [M: the text says
 * only "làm tròn"]. Example from Art. 6: home convalescence is 0,9 × the standard, so on 01/7/2024
 * 0,9 × 2.789.000 = 2.510.100 → 2.510.000đ. The coefficient is in tenths (0,9 → 9) so the
 * arithmetic stays in integers.
 */
export function meritoriousAmount(coefficientTenths: number, date: string): Dong {
  if (!Number.isSafeInteger(coefficientTenths) || coefficientTenths < 0) {
    throw new RangeError(
      `Hệ số phải là số nguyên không âm tính theo phần mười (2,5 → 25). / Coefficient must be a non-negative integer in tenths, got ${coefficientTenths}`,
    );
  }
  const exactTenths = meritoriousStandardOn(date).value * coefficientTenths; // đồng × 10
  // Nearest 1.000đ = nearest 10.000 in tenths of a đồng, half up.
  return Math.floor((exactTenths + 5_000) / 10_000) * 1_000;
}
