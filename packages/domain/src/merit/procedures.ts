/**
 * The merit procedures of NĐ 131/2021/NĐ-CP as chains the dossiers module runs (docs/legal/merit.md,
 * "Procedures in the dossiers module"): each step is the body that acts, its level, its legal
 * limit as the decree writes it, and the article. The dossiers module counts each level in working
 * days, once per level (commune → district → province): `meritProcedurePath` turns a chain into
 * that path, adding the steps of one level and turning calendar days into working days.
 */

import type { MeritStep } from './time-limits.js';

export type MeritProcedureLevel = 'commune' | 'district' | 'province';

export interface MeritProcedureStep {
  readonly level: MeritProcedureLevel;
  /** The time-limit table's step (time-limits.ts) this step's limit comes from. */
  readonly step: MeritStep;
  readonly amount: number;
  readonly unit: 'working_days' | 'days';
  readonly vi: string;
}

export interface MeritProcedure {
  /** AnSinh's code in the catalogue ("NCC131." + the article); not the national procedure code. */
  readonly code: string;
  readonly name: string;
  readonly article: string;
  readonly resultDocument: string;
  readonly steps: readonly MeritProcedureStep[];
  /** Whether the chain and its days were checked against the decree's text. */
  readonly verified: boolean;
  readonly note: string;
}

const ND131 = 'Nghị định 131/2021/NĐ-CP';

export const MERIT_PROCEDURES: readonly MeritProcedure[] = [
  {
    code: 'NCC131.D7',
    name: 'Công nhận và giải quyết chế độ ưu đãi người có công (trình tự Điều 7)',
    article: `${ND131}, Điều 7`,
    resultDocument: 'Quyết định trợ cấp, phụ cấp (Mẫu 50) và Giấy chứng nhận (Mẫu 102)',
    steps: [
      { level: 'commune', step: 'commune_confirm', amount: 5, unit: 'working_days', vi: 'UBND xã xác nhận' },
      {
        level: 'province',
        step: 'competent_decision',
        amount: 20,
        unit: 'days',
        vi: 'Cơ quan có thẩm quyền ra quyết định công nhận (Mẫu 49)',
      },
      {
        level: 'province',
        step: 'department_allowance',
        amount: 12,
        unit: 'days',
        vi: 'Sở ra quyết định trợ cấp (Mẫu 50), cấp giấy chứng nhận (Mẫu 102)',
      },
    ],
    verified: true,
    note: 'Chuỗi và số ngày theo Điều 7 (đã đối chiếu). Cơ quan có thẩm quyền ghi ở cấp tỉnh vì thủ tục chỉ có ba cấp.',
  },
  {
    code: 'NCC131.D131',
    name: 'Di chuyển hồ sơ người có công sang tỉnh khác (nơi đi)',
    article: `${ND131}, Điều 131`,
    resultDocument: 'Phiếu di chuyển hồ sơ (Mẫu 93)',
    steps: [
      {
        level: 'province',
        step: 'transfer_slip',
        amount: 12,
        unit: 'days',
        vi: 'Sở nơi đi lập phiếu di chuyển, gửi hồ sơ bảo đảm',
      },
    ],
    verified: true,
    note: 'Điều 131 (đã đối chiếu). Nơi đến đăng ký trong 12 ngày: ghi ở hồ sơ chuyển của mô-đun người có công.',
  },
  {
    code: 'NCC131.D118',
    name: 'Tạm đình chỉ, đình chỉ chế độ ưu đãi người có công',
    article: `${ND131}, Điều 118`,
    resultDocument: 'Quyết định tạm đình chỉ / đình chỉ (Mẫu 72)',
    steps: [
      { level: 'province', step: 'suspension_decision', amount: 5, unit: 'working_days', vi: 'Sở ra quyết định' },
    ],
    verified: true,
    note: 'Điều 118 (đã đối chiếu): 5 ngày làm việc từ khi có bản án hoặc kết luận.',
  },
  {
    code: 'NCC131.D145',
    name: 'Xác định danh tính hài cốt liệt sĩ không qua giám định ADN',
    article: `${ND131}, Điều 145`,
    resultDocument: 'Quyết định xác định danh tính hài cốt liệt sĩ (Mẫu 76)',
    steps: [
      { level: 'commune', step: 'identify_commune', amount: 5, unit: 'working_days', vi: 'UBND xã' },
      { level: 'district', step: 'identify_district', amount: 7, unit: 'working_days', vi: 'Cấp huyện' },
      { level: 'province', step: 'identify_department', amount: 3, unit: 'working_days', vi: 'Sở' },
    ],
    verified: false,
    note: 'Điều 145: 5 + 7 + 3 ngày làm việc (đã đối chiếu số ngày); cấp của từng bước chưa đối chiếu, và NĐ 128/2025 chuyển việc của cấp huyện.',
  },
];

/**
 * Calendar days as working days, rounded down (5 working days in a week of 7), so the dossier's
 * due date never falls after the legal one. AnSinh's rule, not the decree's.
 */
export function calendarToWorkingDays(days: number): number {
  return Math.floor((days * 5) / 7);
}

/** The dossiers-module path of a merit procedure: one step per level, in working days. */
export function meritProcedurePath(p: MeritProcedure): { level: MeritProcedureLevel; days: number }[] {
  const out: { level: MeritProcedureLevel; days: number }[] = [];
  for (const s of p.steps) {
    const days = s.unit === 'working_days' ? s.amount : calendarToWorkingDays(s.amount);
    const last = out[out.length - 1];
    if (last && last.level === s.level) last.days += days;
    else out.push({ level: s.level, days });
  }
  return out;
}
