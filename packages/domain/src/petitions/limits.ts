import { effectiveTable, valueOn, type EffectiveTable, type EffectiveValue } from '../programs/effective.js';

/**
 * Legal time limits of citizen reception, complaints and denunciations, as effective-dated data
 * (docs/legal/petitions.md). Each limit says whether it counts working days (Saturdays, Sundays
 * and the days off of the one working-day calendar, dossiers/calendar.ts, are not counted) or
 * calendar days, exactly as its article says. A clock takes the rule in force on the day it starts
 * (the day of receipt, or of acceptance): a case accepted on 30/6/2026 keeps the old limits.
 */
export type DayKind = 'working' | 'calendar';

export interface Limit {
  days: number;
  kind: DayKind;
}

/** The day the 2026 decrees (NĐ 154/155/156/2026/NĐ-CP) came into force. */
export const DECREES_2026 = '2026-07-01';
const BEFORE_2026 = '2026-06-30';

/**
 * Accepting (thụ lý) a complaint, first or second instance, counted from receipt.
 * Before 1/7/2026: 10 days (Luật Khiếu nại 02/2011/QH13 Art. 27, 36; counted in working days as
 * TT 07/2013/TT-TTCP read them). From 1/7/2026: 7 working days (NĐ 155/2026/NĐ-CP Art. 10,
 * amending NĐ 124/2020).
 */
export const COMPLAINT_ACCEPTANCE: EffectiveTable<Limit> = effectiveTable('Thời hạn thụ lý khiếu nại', [
  {
    from: '2012-07-01',
    to: BEFORE_2026,
    value: { days: 10, kind: 'working' },
    source: 'Luật Khiếu nại 02/2011/QH13 Điều 27, 36; TT 07/2013/TT-TTCP (ngày làm việc)',
    verified: true,
  },
  {
    from: DECREES_2026,
    to: null,
    value: { days: 7, kind: 'working' },
    source: 'NĐ 155/2026/NĐ-CP Điều 10 (sửa NĐ 124/2020/NĐ-CP)',
    verified: true,
  },
]);

/** Settlement limits in calendar days from acceptance, by instance and the complex/remote flags. */
export interface SettlementDays {
  normal: number;
  complex: number;
  remote: number;
  remoteComplex: number;
}

/**
 * Settling a complaint (Luật Khiếu nại 02/2011/QH13 Art. 28 first instance: 30 days, 45 if
 * complex; remote areas 45, 60 if complex. Art. 37 second instance: 45, 60; remote 60, 70).
 * Counted in days ("ngày"), i.e. calendar days, from acceptance. NĐ 155/2026 keeps them (whether
 * Luật 136/2025/QH15 changed them was not read: the entry from 1/7/2026 is marked unverified).
 */
export const COMPLAINT_SETTLEMENT: Record<1 | 2, EffectiveTable<SettlementDays>> = {
  1: effectiveTable('Thời hạn giải quyết khiếu nại lần đầu', [
    {
      from: '2012-07-01',
      to: BEFORE_2026,
      value: { normal: 30, complex: 45, remote: 45, remoteComplex: 60 },
      source: 'Luật Khiếu nại 02/2011/QH13 Điều 28',
      verified: true,
    },
    {
      from: DECREES_2026,
      to: null,
      value: { normal: 30, complex: 45, remote: 45, remoteComplex: 60 },
      source: 'Luật Khiếu nại 02/2011/QH13 Điều 28 (sửa bởi Luật 136/2025/QH15: chưa đối chiếu)',
      verified: false,
    },
  ]),
  2: effectiveTable('Thời hạn giải quyết khiếu nại lần hai', [
    {
      from: '2012-07-01',
      to: BEFORE_2026,
      value: { normal: 45, complex: 60, remote: 60, remoteComplex: 70 },
      source: 'Luật Khiếu nại 02/2011/QH13 Điều 37',
      verified: true,
    },
    {
      from: DECREES_2026,
      to: null,
      value: { normal: 45, complex: 60, remote: 60, remoteComplex: 70 },
      source: 'Luật Khiếu nại 02/2011/QH13 Điều 37 (sửa bởi Luật 136/2025/QH15: chưa đối chiếu)',
      verified: false,
    },
  ]),
};

/** Checking a denunciation: 7 working days from receipt, at most 10 when it must be verified. */
export const DENUNCIATION_CHECK: EffectiveTable<{ normal: Limit; extended: Limit; forward: Limit }> = effectiveTable(
  'Thời hạn kiểm tra tố cáo',
  [
    {
      from: '2019-01-01',
      to: null,
      value: {
        normal: { days: 7, kind: 'working' },
        extended: { days: 10, kind: 'working' },
        forward: { days: 5, kind: 'working' },
      },
      source: 'Luật Tố cáo 25/2018/QH14 Điều 24',
      verified: true,
    },
  ],
);

/**
 * Settling a denunciation: 30 days from acceptance; a complex case may be extended once, a very
 * complex one twice, by at most 30 days each (Luật Tố cáo 25/2018/QH14 Art. 30).
 */
export const DENUNCIATION_SETTLEMENT: EffectiveTable<{ days: number; extensionDays: number; maxExtensions: number }> =
  effectiveTable('Thời hạn giải quyết tố cáo', [
    {
      from: '2019-01-01',
      to: null,
      value: { days: 30, extensionDays: 30, maxExtensions: 2 },
      source: 'Luật Tố cáo 25/2018/QH14 Điều 30',
      verified: true,
    },
  ]);

/** Telling the citizen what became of their letter: 10 working days (Luật Tiếp công dân Art. 28). */
export const CITIZEN_NOTICE: EffectiveTable<Limit> = effectiveTable('Thời hạn thông báo cho công dân', [
  {
    from: '2014-07-01',
    to: null,
    value: { days: 10, kind: 'working' },
    source: 'Luật Tiếp công dân 42/2013/QH13 Điều 28',
    verified: true,
  },
]);

/** The refusal notice Mẫu 01/TCD: 3 working days, from 1/7/2026 (NĐ 154/2026/NĐ-CP Art. 4). */
export const REFUSAL_NOTICE: EffectiveTable<Limit> = effectiveTable('Thời hạn thông báo từ chối tiếp', [
  {
    from: DECREES_2026,
    to: null,
    value: { days: 3, kind: 'working' },
    source: 'NĐ 154/2026/NĐ-CP Điều 4',
    verified: true,
  },
]);

/**
 * Whether a suspension (tạm đình chỉ) stops the settlement clock, and from when. Denunciations:
 * Luật Tố cáo 2018 Art. 36 (the suspended time is not counted; verified: false, read in a
 * secondary summary). Complaints: NĐ 155/2026 Art. 28a–b (Mẫu 14a/14b), from 1/7/2026; before,
 * no suspension of a complaint is provided for.
 */
export const SUSPENSION_STOPS_CLOCK: Record<'complaint' | 'denunciation', EffectiveTable<boolean>> = {
  complaint: effectiveTable('Tạm đình chỉ giải quyết khiếu nại', [
    {
      from: DECREES_2026,
      to: null,
      value: true,
      source: 'NĐ 155/2026/NĐ-CP Điều 28a, 28b (Mẫu 14a, 14b)',
      verified: true,
    },
  ]),
  denunciation: effectiveTable('Tạm đình chỉ giải quyết tố cáo', [
    {
      from: '2019-01-01',
      to: null,
      value: true,
      source: 'Luật Tố cáo 25/2018/QH14 Điều 36',
      verified: false,
    },
  ]),
};

/** Dialogue at the second instance is mandatory from 1/7/2026 (NĐ 155/2026/NĐ-CP Art. 11). */
export const DIALOGUE_MANDATORY_2ND: EffectiveTable<boolean> = effectiveTable('Đối thoại bắt buộc lần hai', [
  {
    from: '2012-07-01',
    to: BEFORE_2026,
    value: false,
    source: 'Luật Khiếu nại 02/2011/QH13 Điều 39 (đối thoại khi cần)',
    verified: false,
  },
  { from: DECREES_2026, to: null, value: true, source: 'NĐ 155/2026/NĐ-CP Điều 11', verified: true },
]);

/** Online reception sessions exist from 1/7/2026 (NĐ 154/2026/NĐ-CP Arts. 16–24). */
export const ONLINE_RECEPTION: EffectiveTable<boolean> = effectiveTable('Tiếp công dân trực tuyến', [
  { from: DECREES_2026, to: null, value: true, source: 'NĐ 154/2026/NĐ-CP Điều 16–24', verified: true },
]);

/** The entry in force on `date`, or null when the table has none (a rule not yet in force). */
export function ruleOn<T>(table: EffectiveTable<T>, date: string): EffectiveValue<T> | null {
  if (!table.some((e) => e.from <= date && (e.to === null || date <= e.to))) return null;
  return valueOn(table, date);
}

/** The settlement limit of a complaint accepted on `date`, with its source. */
export function complaintSettlementLimit(
  instance: 1 | 2,
  acceptedOn: string,
  flags: { complex: boolean; remote: boolean },
): { limit: Limit; source: string } {
  const e = valueOn(COMPLAINT_SETTLEMENT[instance], acceptedOn);
  const d = e.value;
  const days = flags.remote ? (flags.complex ? d.remoteComplex : d.remote) : flags.complex ? d.complex : d.normal;
  return { limit: { days, kind: 'calendar' }, source: e.source };
}

/** The settlement limit of a denunciation accepted on `date` with `extensions` granted (0–2). */
export function denunciationSettlementLimit(
  acceptedOn: string,
  extensions: number,
): { limit: Limit; source: string; maxExtensions: number } {
  const e = valueOn(DENUNCIATION_SETTLEMENT, acceptedOn);
  const n = Math.max(0, Math.min(extensions, e.value.maxExtensions));
  return {
    limit: { days: e.value.days + n * e.value.extensionDays, kind: 'calendar' },
    source: e.source,
    maxExtensions: e.value.maxExtensions,
  };
}
