import { addDays, clockStart, lastWorkingDay, workingDaysBetween, type WorkCalendar } from './calendar.js';

/** The levels of government a dossier can pass through, top down. */
export const DOSSIER_LEVELS = ['province', 'district', 'commune'] as const;
export type DossierLevel = (typeof DOSSIER_LEVELS)[number];
export const LEVEL_NUMBER: Record<DossierLevel, 1 | 2 | 3> = { province: 1, district: 2, commune: 3 };
export const LEVEL_LABELS: Record<DossierLevel, { vi: string; en: string }> = {
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  district: { vi: 'Cấp huyện', en: 'District' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
};

/** One step of a procedure's path: the level and its share of the limit in working days. */
export interface LevelStep {
  level: DossierLevel;
  days: number;
}

/**
 * The levels a dossier actually passes through: the procedure's path without the levels the
 * area tree does not have (since 01/7/2025 most provinces have no district level: Luật
 * 72/2025/QH15). A skipped level's days are dropped with it.
 */
export function effectivePath(path: readonly LevelStep[], hasDistrict: boolean): LevelStep[] {
  return path.filter((s) => s.level !== 'district' || hasDistrict);
}

export interface PlannedStep extends LevelStep {
  start: string;
  due: string;
}

/**
 * Plan the levels' due dates from the start of the clock: each level starts the working day
 * after the previous level's due date and has its own days; the dossier's due date is the last
 * level's. A level that finishes early hands over early: the next level's own due date is then
 * recomputed from the actual transfer (see `stepDue`), the dossier's due date stays.
 */
export function planSteps(
  cal: WorkCalendar,
  start: string,
  path: readonly LevelStep[],
): { steps: PlannedStep[]; due: string } {
  const steps: PlannedStep[] = [];
  let s = start;
  for (const step of path) {
    const due = lastWorkingDay(cal, s, step.days);
    steps.push({ ...step, start: s, due });
    s = lastWorkingDay(cal, addDays(due, 1), 1);
  }
  return { steps, due: steps.length ? steps[steps.length - 1]!.due : start };
}

/** The due date of a level that receives the dossier at `receivedAtIso` and has `days` working days. */
export function stepDue(cal: WorkCalendar, receivedAtIso: string, days: number): { start: string; due: string } {
  const start = clockStart(cal, receivedAtIso);
  return { start, due: lastWorkingDay(cal, start, days) };
}

/**
 * Early, on time or late: TT 01/2018/TT-VPCP Art. 13 compares the time taken with the limit.
 * Finished before the due date is early, on the due date on time, after it late.
 */
export type Timeliness = 'early' | 'on_time' | 'late';
export function timeliness(finished: string, due: string): Timeliness {
  return finished < due ? 'early' : finished === due ? 'on_time' : 'late';
}

/** The score of TT 01/2018/TT-VPCP Art. 13: early 2, on time 1, late 0. */
export const TIMELINESS_SCORE: Record<Timeliness, number> = { early: 2, on_time: 1, late: 0 };

/** Where a dossier still being handled stands against its due date. */
export type Urgency = 'overdue' | 'due_today' | 'due_tomorrow' | 'due_soon' | 'in_time';
export function urgency(cal: WorkCalendar, today: string, due: string): Urgency {
  if (due < today) return 'overdue';
  if (due === today) return 'due_today';
  const next = lastWorkingDay(cal, addDays(today, 1), 1);
  if (due <= next) return 'due_tomorrow';
  // At most two working days after today (counted only as far as a third: a due date months
  // ahead is not walked day by day on every list row).
  let n = 0;
  for (let d = addDays(today, 1); d <= due; d = addDays(d, 1)) if (cal.isWorkingDay(d) && ++n > 2) return 'in_time';
  return 'due_soon';
}

/**
 * The clock stops while the applicant supplements the dossier (NĐ 61/2018 Art. 19(1)(b)): the
 * working days between the request and the supplement (request day excluded, supplement day
 * included) are added back to the open due dates.
 */
export function pauseShift(cal: WorkCalendar, pausedOn: string, resumedOn: string): number {
  return workingDaysBetween(cal, pausedOn, resumedOn);
}

/**
 * The apology and new appointment (Phiếu xin lỗi và hẹn lại ngày trả kết quả, form 04 of TT
 * 01/2018/TT-VPCP): NĐ 61/2018 Art. 19(1)(c) — sent before the due date (at least one day
 * before: AnSinh refuses it on or after the due date), rescheduling allowed only once, and the
 * new date must be later than the old one. Returns the Vietnamese reason it is refused, or null.
 */
export function apologyProblem(input: {
  today: string;
  due: string;
  apologies: number;
  newDate: string;
}): string | null {
  if (input.apologies >= 1) return 'Hồ sơ đã được hẹn lại một lần; theo NĐ 61/2018 chỉ được hẹn lại một lần.';
  if (input.today >= input.due)
    return `Phiếu xin lỗi phải gửi trước ngày hẹn trả (${input.due}); hồ sơ này đã đến hạn.`;
  if (input.newDate <= input.due) return 'Ngày hẹn lại phải sau ngày hẹn trả ban đầu.';
  return null;
}

/** The whole path's limit in working days. */
export function totalDays(path: readonly LevelStep[]): number {
  return path.reduce((a, s) => a + s.days, 0);
}
