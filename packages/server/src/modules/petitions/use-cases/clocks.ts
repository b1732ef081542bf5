import {
  CITIZEN_NOTICE,
  COMPLAINT_ACCEPTANCE,
  complaintSettlementLimit,
  defaultCalendar,
  denunciationCheckLimit,
  denunciationSettlementLimit,
  dueDate,
  suspensionsOf,
  valueOn,
  type ClockEventKind,
  type ClockInput,
} from '@ansinh/domain';
import type { CaseRow, ClockEventRow } from '../repo/cases.repo.js';

/** The clocks of a letter and of a case, from their rows (docs/legal/petitions.md, "Clocks"). */
export function noticeClock(receivedDate: string): { clock: ClockInput; source: string } {
  const rule = valueOn(CITIZEN_NOTICE, receivedDate);
  return { clock: { start: receivedDate, limit: rule.value }, source: rule.source };
}

export const noticeDue = (receivedDate: string): string => dueDate(defaultCalendar, noticeClock(receivedDate).clock)!;

/** Accepting a complaint, or checking a denunciation (7 working days, 10 when extended). */
export function acceptanceClock(
  kind: string,
  receivedDate: string,
  checkExtended = false,
): { clock: ClockInput; source: string } {
  if (kind === 'complaint') {
    const r = valueOn(COMPLAINT_ACCEPTANCE, receivedDate);
    return { clock: { start: receivedDate, limit: r.value }, source: r.source };
  }
  const r = denunciationCheckLimit(receivedDate, checkExtended);
  return { clock: { start: receivedDate, limit: r.limit }, source: r.source };
}

type CaseClockFields = Pick<CaseRow, 'kind' | 'instance' | 'accepted_date' | 'complex' | 'remote' | 'extensions'>;

export function settlementClock(
  c: CaseClockFields,
  events: readonly Pick<ClockEventRow, 'kind' | 'date'>[],
): { clock: ClockInput; source: string } {
  const suspensions = suspensionsOf(
    events.filter((e) => e.kind === 'suspend' || e.kind === 'resume') as { kind: ClockEventKind; date: string }[],
  );
  const { limit, source } =
    c.kind === 'complaint'
      ? complaintSettlementLimit(c.instance === 2 ? 2 : 1, c.accepted_date, {
          complex: c.complex === 1,
          remote: c.remote === 1,
        })
      : denunciationSettlementLimit(c.accepted_date, c.extensions);
  return { clock: { start: c.accepted_date, limit, suspensions }, source };
}

/** The settlement due date to store (null while suspended). */
export const settleDue = (c: CaseClockFields, events: readonly Pick<ClockEventRow, 'kind' | 'date'>[]) =>
  dueDate(defaultCalendar, settlementClock(c, events).clock);
