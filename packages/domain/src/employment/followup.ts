import { addDays } from '../dossiers/calendar.js';
import { addMonths } from '../dates.js';

/**
 * Follow-up of a worker placed by an employment service centre: Nghị định 23/2021/NĐ-CP Art. 12
 * — the centre follows the placed worker for at least three months (form Mẫu 04)
 * (docs/legal/employment.md, "Placement follow-up"). The decree fixes the length, not the dates
 * of the contacts: AnSinh sets one checkpoint at the end of each month, the last one closing
 * the follow-up (our choice, not the decree's).
 */
export const FOLLOW_UP = Object.freeze({
  months: 3,
  source: 'Nghị định 23/2021/NĐ-CP, Điều 12 (Mẫu số 04)',
  verified: true,
});

/** The checkpoints (1, 2, 3 months after the start) and their due dates. */
export function checkpointsOf(startDate: string): { month: number; due: string }[] {
  return Array.from({ length: FOLLOW_UP.months }, (_v, i) => ({ month: i + 1, due: addMonths(startDate, i + 1) }));
}

export type CheckpointResult = 'working' | 'left' | 'unreachable';

export interface CheckpointDone {
  month: number;
  date: string;
  result: CheckpointResult;
}

export interface FollowUpState {
  /** Every checkpoint recorded and the last one at least three months after the start. */
  complete: boolean;
  /** Still working at the last checkpoint recorded. */
  working: boolean | null;
  /** The next checkpoint to record, or null when complete or the worker left. */
  next: { month: number; due: string } | null;
  /** The next checkpoint is past due on `today`. */
  overdue: boolean;
}

/**
 * Where a placement's follow-up stands on `today`. A worker who left ends the follow-up early
 * (nothing more to follow); otherwise it is complete only at a checkpoint three months on.
 */
export function followUpState(startDate: string, done: readonly CheckpointDone[], today: string): FollowUpState {
  const sorted = [...done].sort((a, b) => a.month - b.month);
  const last = sorted.at(-1) ?? null;
  const end = addMonths(startDate, FOLLOW_UP.months);
  const left = sorted.some((c) => c.result === 'left');
  const complete = !!last && last.month >= FOLLOW_UP.months && last.date >= end;
  const next =
    complete || left ? null : (checkpointsOf(startDate).find((c) => !sorted.some((s) => s.month === c.month)) ?? null);
  return {
    complete,
    working: last ? last.result === 'working' : null,
    next,
    overdue: !!next && next.due < today,
  };
}

/**
 * Why a checkpoint cannot be recorded, or null: its month must be 1–3, its date not before the
 * start, and the 3-month checkpoint not before three months have passed.
 */
export function checkpointProblem(startDate: string, month: number, date: string): string | null {
  if (!Number.isInteger(month) || month < 1 || month > FOLLOW_UP.months)
    return `Mốc theo dõi phải là tháng 1 đến ${FOLLOW_UP.months}.`;
  if (date < startDate) return 'Ngày theo dõi không được trước ngày bắt đầu làm việc.';
  if (month === FOLLOW_UP.months && date < addMonths(startDate, FOLLOW_UP.months))
    return `Mốc cuối chỉ ghi được từ ngày ${addDays(addMonths(startDate, FOLLOW_UP.months), 0)} (đủ 3 tháng theo dõi).`;
  return null;
}
