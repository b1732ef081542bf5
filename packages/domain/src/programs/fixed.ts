/**
 * Fixed amounts per person or per household. The first set is the 2021 COVID-19 package:
 * NQ 68/NQ-CP (01/7/2021), implemented by QĐ 23/2021/QĐ-TTg (07/7/2021), amended by NQ 126/NQ-CP
 * (08/10/2021) and QĐ 33/2021/QĐ-TTg (06/11/2021) (docs/legal/covid-support.md).
 *
 * The package and its documents are [R2]; every amount below is [M]: recalled, not checked against
 * QĐ 23/2021 (the corpus copy of NQ 68 was empty), so every entry is `verified: false`, and the
 * article numbers of QĐ 23/2021 are not cited because they were not read.
 */

import { formatDong, type Dong } from '../money.js';
import { effectiveTable, valueOn, type EffectiveTable } from './effective.js';

/** Who a fixed amount is paid to. */
export type PaidPer = 'person' | 'household';

/** A fixed amount and who it is paid to. */
export interface FixedAmount {
  readonly amount: Dong;
  readonly per: PaidPer;
  readonly vi: string;
}

/** The amounts of the 2021 COVID-19 package used by {@link covidSupportAmount}. */
export interface Covid2021Amounts {
  /** Labour contract suspended or unpaid leave, 15 days in a row to under 1 month. */
  readonly contractSuspendedUnderOneMonth: FixedAmount;
  /** Labour contract suspended or unpaid leave, 1 month or more. */
  readonly contractSuspendedOneMonthOrMore: FixedAmount;
  /** Work stoppage (ngừng việc) of 14 days in a row or more. */
  readonly workStoppage: FixedAmount;
  /** Contract ended without qualifying for unemployment benefit. */
  readonly contractEnded: FixedAmount;
  /** Added for a pregnant worker (suspension, stoppage, contract ended). */
  readonly pregnantSupplement: FixedAmount;
  /** Added per child under 6 (suspension, stoppage, contract ended), paid to one parent only. */
  readonly perChildUnder6Supplement: FixedAmount;
  /** Food for a COVID patient (F0) or a person in medical isolation (F1), per day. */
  readonly f0F1FoodPerDay: FixedAmount;
  /** Added once for a child who is F0 or F1. */
  readonly f0F1ChildSupplement: FixedAmount;
  /** Performing artist (viên chức, người lao động in the performing arts) who lost work. */
  readonly performingArtist: FixedAmount;
  /** Licensed tour guide. */
  readonly tourGuide: FixedAmount;
  /** Registered household business that had to stop for 15 days in a row or more. */
  readonly householdBusiness: FixedAmount;
  /** Minimum length of a contract suspension, in days. */
  readonly minSuspensionDays: number;
  /** Minimum length of a work stoppage, in days. */
  readonly minStoppageDays: number;
}

const p = (amount: Dong, vi: string): FixedAmount => ({ amount, per: 'person', vi });

/**
 * The 2021 COVID-19 package, from NQ 68/NQ-CP (01/7/2021) as implemented by QĐ 23/2021/QĐ-TTg
 * [R2 for the documents; M for every amount]. The end of the period (the deadlines for applications
 * set by QĐ 23/2021 and extended by QĐ 33/2021) was not read, so the entry stays open.
 *
 * Not modelled: the occupational accident insurance holiday and the pension fund suspension (no
 * payment to a person); training to keep jobs (a ceiling of 1.500.000đ per person per month for up
 * to 6 months, not a fixed amount); workers without a contract (amounts set by each province); loans
 * to pay wages.
 */
export const COVID_2021_AMOUNTS: EffectiveTable<Covid2021Amounts> = effectiveTable('Gói hỗ trợ COVID-19 năm 2021', [
  {
    from: '2021-07-01',
    to: null,
    value: {
      contractSuspendedUnderOneMonth: p(
        1_855_000,
        'tạm hoãn hợp đồng lao động, nghỉ việc không hưởng lương từ 15 ngày liên tục đến dưới 01 tháng',
      ),
      contractSuspendedOneMonthOrMore: p(
        3_710_000,
        'tạm hoãn hợp đồng lao động, nghỉ việc không hưởng lương từ 01 tháng trở lên',
      ),
      workStoppage: p(1_000_000, 'ngừng việc từ 14 ngày liên tục trở lên'),
      contractEnded: p(3_710_000, 'chấm dứt hợp đồng lao động nhưng không đủ điều kiện hưởng trợ cấp thất nghiệp'),
      pregnantSupplement: p(1_000_000, 'hỗ trợ thêm cho lao động nữ đang mang thai'),
      perChildUnder6Supplement: p(
        1_000_000,
        'hỗ trợ thêm cho mỗi trẻ em chưa đủ 6 tuổi (chỉ một người cha hoặc mẹ nhận)',
      ),
      f0F1FoodPerDay: p(80_000, 'tiền ăn cho người điều trị nhiễm COVID-19 (F0) hoặc cách ly y tế (F1), mỗi ngày'),
      f0F1ChildSupplement: p(1_000_000, 'hỗ trợ thêm một lần cho trẻ em là F0 hoặc F1'),
      performingArtist: p(3_710_000, 'viên chức, người lao động là diễn viên, người làm nghệ thuật biểu diễn'),
      tourGuide: p(3_710_000, 'hướng dẫn viên du lịch có thẻ'),
      householdBusiness: {
        amount: 3_000_000,
        per: 'household',
        vi: 'hộ kinh doanh có đăng ký thuế phải dừng hoạt động từ 15 ngày liên tục trở lên',
      },
      minSuspensionDays: 15,
      minStoppageDays: 14,
    },
    source:
      'Nghị quyết 68/NQ-CP ngày 01/7/2021; Quyết định 23/2021/QĐ-TTg ngày 07/7/2021 (sửa đổi bởi Nghị quyết 126/NQ-CP và Quyết định 33/2021/QĐ-TTg) — số tiền chưa đối chiếu văn bản gốc',
    verified: false,
  },
]);

/** The kinds of COVID-19 support that {@link covidSupportAmount} computes. */
export type CovidSupportKind =
  | 'contract_suspended'
  | 'work_stoppage'
  | 'contract_ended'
  | 'f0_f1'
  | 'performing_artist'
  | 'tour_guide'
  | 'household_business';

export const COVID_SUPPORT_KINDS: readonly CovidSupportKind[] = [
  'contract_suspended',
  'work_stoppage',
  'contract_ended',
  'f0_f1',
  'performing_artist',
  'tour_guide',
  'household_business',
];

export interface CovidSupportParams {
  /** The date the support is for (`YYYY-MM-DD`); selects the amounts in force. */
  readonly onDate: string;
  /** contract_suspended: days of suspension or unpaid leave in a row. */
  readonly suspendedDays?: number;
  /**
   * contract_suspended: the suspension lasted one month or more. Given separately from the days
   * because "một tháng" is a calendar month, not a number of days.
   */
  readonly oneMonthOrMore?: boolean;
  /** work_stoppage: days of stoppage in a row. */
  readonly stoppageDays?: number;
  /** contract_suspended, work_stoppage, contract_ended: the worker is pregnant. */
  readonly pregnant?: boolean;
  /** contract_suspended, work_stoppage, contract_ended: children under 6 this parent claims for. */
  readonly childrenUnder6?: number;
  /** f0_f1: days of treatment or isolation. */
  readonly days?: number;
  /** f0_f1: the person is a child (under 16). */
  readonly isChild?: boolean;
}

/** One line of a computed amount. */
export interface SupportLine {
  readonly vi: string;
  readonly amount: Dong;
}

export interface FixedSupport {
  readonly eligible: boolean;
  readonly amount: Dong;
  readonly per: PaidPer;
  readonly lines: readonly SupportLine[];
  /** Why not eligible, in Vietnamese; empty when eligible. */
  readonly reason: string;
  readonly source: string;
  readonly verified: boolean;
}

const fail = (vi: string, en: string): never => {
  throw new Error(`${vi} / ${en}`);
};

function count(value: number | undefined, name: string, vi: string): number {
  if (value === undefined) return 0;
  if (!Number.isSafeInteger(value) || value < 0)
    fail(`${vi} phải là số nguyên không âm.`, `${name} must be a non-negative integer, got ${value}.`);
  return value;
}

/**
 * The support of one kind from the 2021 COVID-19 package (see {@link COVID_2021_AMOUNTS}, all [M]):
 *
 * - contract_suspended: 1.855.000đ for 15 days in a row to under 1 month, 3.710.000đ for 1 month or
 *   more; under 15 days is not eligible;
 * - work_stoppage: 1.000.000đ for 14 days in a row or more;
 * - contract_ended: 3.710.000đ;
 * - each of these three: +1.000.000đ if pregnant, +1.000.000đ per child under 6 (one parent only);
 * - f0_f1: 80.000đ per day of treatment or isolation, +1.000.000đ once for a child;
 * - performing_artist, tour_guide: 3.710.000đ per person; household_business: 3.000.000đ per household.
 *
 * Returns `eligible: false` with a reason (amount 0) when the duration is too short; throws an
 * Error (Vietnamese, then English) for an unknown kind, a missing duration, or a date outside the
 * package.
 */
export function covidSupportAmount(kind: CovidSupportKind, params: CovidSupportParams): FixedSupport {
  if (!COVID_SUPPORT_KINDS.includes(kind)) {
    fail(
      `Loại hỗ trợ "${String(kind)}" không có. Chọn một trong: ${COVID_SUPPORT_KINDS.join(', ')}.`,
      `Unknown kind ${JSON.stringify(kind)}.`,
    );
  }
  const table = valueOn(COVID_2021_AMOUNTS, params.onDate, 'Gói hỗ trợ COVID-19 năm 2021');
  const a = table.value;
  const lines: SupportLine[] = [];
  const add = (f: FixedAmount, times = 1): void => {
    if (times > 0) lines.push({ vi: times === 1 ? f.vi : `${f.vi} × ${times}`, amount: f.amount * times });
  };
  const result = (per: PaidPer, reason = ''): FixedSupport => ({
    eligible: reason === '',
    amount: lines.reduce((s, l) => s + l.amount, 0),
    per,
    lines,
    reason,
    source: table.source,
    verified: table.verified,
  });
  const supplements = (): void => {
    if (params.pregnant) add(a.pregnantSupplement);
    add(a.perChildUnder6Supplement, count(params.childrenUnder6, 'childrenUnder6', 'Số con chưa đủ 6 tuổi'));
  };

  switch (kind) {
    case 'contract_suspended': {
      if (params.oneMonthOrMore) {
        add(a.contractSuspendedOneMonthOrMore);
      } else {
        if (params.suspendedDays === undefined) {
          fail(
            'Nhập số ngày tạm hoãn hợp đồng liên tục, hoặc chọn "từ 01 tháng trở lên".',
            'contract_suspended needs suspendedDays or oneMonthOrMore.',
          );
        }
        const days = count(params.suspendedDays, 'suspendedDays', 'Số ngày tạm hoãn');
        if (days < a.minSuspensionDays) {
          return result(
            'person',
            `Tạm hoãn hợp đồng ${days} ngày, dưới ${a.minSuspensionDays} ngày liên tục: không thuộc diện hỗ trợ.`,
          );
        }
        add(a.contractSuspendedUnderOneMonth);
      }
      supplements();
      return result('person');
    }
    case 'work_stoppage': {
      if (params.stoppageDays === undefined)
        fail('Nhập số ngày ngừng việc liên tục.', 'work_stoppage needs stoppageDays.');
      const days = count(params.stoppageDays, 'stoppageDays', 'Số ngày ngừng việc');
      if (days < a.minStoppageDays) {
        return result(
          'person',
          `Ngừng việc ${days} ngày, dưới ${a.minStoppageDays} ngày liên tục: không thuộc diện hỗ trợ.`,
        );
      }
      add(a.workStoppage);
      supplements();
      return result('person');
    }
    case 'contract_ended':
      add(a.contractEnded);
      supplements();
      return result('person');
    case 'f0_f1': {
      if (params.days === undefined) fail('Nhập số ngày điều trị hoặc cách ly.', 'f0_f1 needs days.');
      add(a.f0F1FoodPerDay, count(params.days, 'days', 'Số ngày điều trị, cách ly'));
      if (params.isChild) add(a.f0F1ChildSupplement);
      return result('person');
    }
    case 'performing_artist':
      add(a.performingArtist);
      return result('person');
    case 'tour_guide':
      add(a.tourGuide);
      return result('person');
    case 'household_business':
      add(a.householdBusiness);
      return result('household');
  }
}

/** A one-line Vietnamese summary of a computed support: "3.710.000 đồng (… 3.710.000 đồng; …)". */
export function describeSupport(s: FixedSupport): string {
  if (!s.eligible) return s.reason;
  return `${formatDong(s.amount)} (${s.lines.map((l) => `${l.vi}: ${formatDong(l.amount)}`).join('; ')})`;
}
