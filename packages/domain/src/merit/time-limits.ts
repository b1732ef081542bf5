/**
 * Time limits of the merit procedures of NĐ 131/2021/NĐ-CP (in force 15/02/2022), as
 * effective-dated data (docs/legal/merit.md, "NĐ 131/2021 procedures"). Each step says whether
 * its limit counts working days (the product's one calendar, dossiers/calendar.ts), calendar
 * days or months, and the article it comes from.
 */

import {
  addDays,
  lastWorkingDay,
  nextWorkingDay,
  workingDayOnOrAfter,
  type WorkCalendar,
} from '../dossiers/calendar.js';
import { effectiveTable, valueOn, type EffectiveTable } from '../programs/effective.js';
import { addMonths } from '../dates.js';

export type LimitUnit = 'working_days' | 'days' | 'months';

export interface MeritStepLimit {
  readonly amount: number;
  readonly unit: LimitUnit;
  readonly article: string;
  readonly vi: string;
  readonly en: string;
}

export const MERIT_STEPS = [
  'commune_confirm',
  'competent_decision',
  'department_allowance',
  'transfer_slip',
  'transfer_register',
  'suspension_decision',
  'remains_receive',
  'dna_request_answer',
  'sample_dispatch',
  'lab_result',
  'result_notice',
  'sample_return',
  'identify_commune',
  'identify_district',
  'identify_department',
  'remains_move_letter',
] as const;
export type MeritStep = (typeof MERIT_STEPS)[number];

const NĐ131 = 'Nghị định 131/2021/NĐ-CP';

/**
 * The limits of NĐ 131/2021. The article numbers and figures come from the full text as read
 * for docs/legal/merit.md; where the text says "ngày" without "làm việc" the step counts
 * calendar days.
 */
export const MERIT_TIME_LIMITS: EffectiveTable<Readonly<Record<MeritStep, MeritStepLimit>>> = effectiveTable(
  'Thời hạn thủ tục người có công',
  [
    {
      from: '2022-02-15',
      to: null,
      source: `${NĐ131} (hiệu lực 15/02/2022)`,
      verified: true,
      value: {
        commune_confirm: {
          amount: 5,
          unit: 'working_days',
          article: `${NĐ131}, Điều 7`,
          vi: 'UBND xã xác nhận',
          en: 'Commune confirms',
        },
        competent_decision: {
          amount: 20,
          unit: 'days',
          article: `${NĐ131}, Điều 7`,
          vi: 'Cơ quan có thẩm quyền quyết định (Mẫu 49)',
          en: 'Competent body decides (Form 49)',
        },
        department_allowance: {
          amount: 12,
          unit: 'days',
          article: `${NĐ131}, Điều 7`,
          vi: 'Sở ra quyết định trợ cấp (Mẫu 50)',
          en: 'Department sets the allowance (Form 50)',
        },
        transfer_slip: {
          amount: 12,
          unit: 'days',
          article: `${NĐ131}, Điều 131`,
          vi: 'Sở nơi đi lập phiếu di chuyển hồ sơ (Mẫu 93)',
          en: 'Sending department issues the transfer slip (Form 93)',
        },
        transfer_register: {
          amount: 12,
          unit: 'days',
          article: `${NĐ131}, Điều 131`,
          vi: 'Sở nơi đến tiếp nhận, đăng ký quản lý',
          en: 'Receiving department registers the person',
        },
        suspension_decision: {
          amount: 5,
          unit: 'working_days',
          article: `${NĐ131}, Điều 118`,
          vi: 'Quyết định tạm đình chỉ / đình chỉ (Mẫu 72)',
          en: 'Suspension / termination decision (Form 72)',
        },
        remains_receive: {
          amount: 1,
          unit: 'working_days',
          article: `${NĐ131}, Điều 147 khoản 1`,
          vi: 'Sở tiếp nhận hài cốt, mã hóa mẫu, đề nghị giám định ADN',
          en: 'Department receives remains, codes the sample, asks for DNA testing',
        },
        dna_request_answer: {
          amount: 1,
          unit: 'working_days',
          article: `${NĐ131}, Điều 147 khoản 1`,
          vi: 'Cục Người có công trả lời đề nghị',
          en: 'The Cục answers the request',
        },
        sample_dispatch: {
          amount: 1,
          unit: 'working_days',
          article: `${NĐ131}, Điều 147 khoản 1`,
          vi: 'Sở gửi mẫu đến cơ quan giám định',
          en: 'Department ships the sample to the laboratory',
        },
        lab_result: {
          amount: 6,
          unit: 'months',
          article: `${NĐ131}, Điều 148`,
          vi: 'Cơ quan giám định trả kết quả',
          en: 'Laboratory returns the result',
        },
        result_notice: {
          amount: 3,
          unit: 'working_days',
          article: `${NĐ131}, Điều 148`,
          vi: 'Cục thông báo kết quả',
          en: 'The Cục notifies the result',
        },
        sample_return: {
          amount: 5,
          unit: 'working_days',
          article: `${NĐ131}, Điều 148`,
          vi: 'Sở hoàn trả mẫu về mộ, báo gia đình',
          en: 'Department returns the sample to the grave and informs the family',
        },
        identify_commune: {
          amount: 5,
          unit: 'working_days',
          article: `${NĐ131}, Điều 145`,
          vi: 'Xác định danh tính không qua ADN: cấp xã',
          en: 'Identification without DNA: commune',
        },
        identify_district: {
          amount: 7,
          unit: 'working_days',
          article: `${NĐ131}, Điều 145`,
          vi: 'Xác định danh tính không qua ADN: cấp trung gian',
          en: 'Identification without DNA: intermediate level',
        },
        identify_department: {
          amount: 3,
          unit: 'working_days',
          article: `${NĐ131}, Điều 145`,
          vi: 'Xác định danh tính không qua ADN: Sở',
          en: 'Identification without DNA: department',
        },
        remains_move_letter: {
          amount: 3,
          unit: 'working_days',
          article: `${NĐ131}, Điều 160`,
          vi: 'Giấy giới thiệu di chuyển hài cốt',
          en: 'Introduction letter for moving remains',
        },
      },
    },
  ],
);

/** The limit of a step in force on `on` (YYYY-MM-DD). Throws before 15/02/2022 (no data). */
export function stepLimit(step: MeritStep, on: string): MeritStepLimit {
  return valueOn(MERIT_TIME_LIMITS, on, 'Thời hạn thủ tục người có công').value[step];
}

/**
 * The last day of a step that starts with an event on `start`. Working days count from the next
 * working day (the day of the event is day 0): a remains intake on Friday must be coded by the
 * next Monday. Calendar days and months count from the day after the event; a last day that is
 * not a working day moves to the next working day (Bộ luật Dân sự 2015 Art. 148(5)).
 */
export function stepDueDate(cal: WorkCalendar, step: MeritStep, start: string): string {
  const limit = stepLimit(step, start);
  if (limit.unit === 'working_days') return lastWorkingDay(cal, nextWorkingDay(cal, start), limit.amount);
  const end = limit.unit === 'days' ? addDays(start, limit.amount) : addMonths(start, limit.amount);
  return workingDayOnOrAfter(cal, end);
}

export type MeritClockState = 'done_on_time' | 'done_late' | 'overdue' | 'due_today' | 'running';

export interface StepClock {
  readonly step: MeritStep;
  readonly start: string;
  readonly due: string;
  readonly done: string | null;
  readonly state: MeritClockState;
}

/** The clock of one step: its due date and where it stands on `today` or when it was done. */
export function stepClock(
  cal: WorkCalendar,
  step: MeritStep,
  start: string,
  done: string | null,
  today: string,
): StepClock {
  const due = stepDueDate(cal, step, start);
  let state: MeritClockState;
  if (done) state = done <= due ? 'done_on_time' : 'done_late';
  else if (today > due) state = 'overdue';
  else if (today === due) state = 'due_today';
  else state = 'running';
  return { step, start, due, done, state };
}
