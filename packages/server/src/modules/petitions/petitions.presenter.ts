import {
  DIALOGUE_MANDATORY_2ND,
  isGroup,
  ruleOn,
  type CaseOut,
  type HotlineCallOut,
  type IdentityOut,
  type LetterOut,
  type ReceptionEntryOut,
  type ReceptionSessionOut,
} from '@ansinh/domain';
import type { CaseRow, CaseStepRow, ClockEventRow } from './repo/cases.repo.js';
import type { CallRow } from './repo/calls.repo.js';
import type { IdentityRow, LetterRow } from './repo/letters.repo.js';
import type { EntryRow, SessionRow } from './repo/reception.repo.js';
import { acceptanceClock, noticeClock, settlementClock } from './use-cases/clocks.js';
import { areaCodeOf, presentClock } from './use-cases/shared.js';

/**
 * Rows to response bodies. The denouncer's identity is never in a row the lists read (it lives in
 * petition_identities), so a restricted record shows nulls here; only `presentIdentity`, behind
 * the audited identity read, shows it.
 */

export function presentSession(r: SessionRow & { entries?: number | string | null }): ReceptionSessionOut {
  return {
    id: r.id,
    kind: r.kind as ReceptionSessionOut['kind'],
    date: r.date,
    areaCode: areaCodeOf(r),
    host: r.host,
    place: r.place,
    noticeRef: r.notice_ref,
    recordingRef: r.recording_ref,
    note: r.note,
    entries: Number(r.entries ?? 0),
  };
}

export function presentEntry(r: EntryRow): ReceptionEntryOut {
  const restricted = r.identity_restricted === 1;
  return {
    id: r.id,
    seq: r.seq,
    sessionId: r.session_id,
    date: r.date,
    areaCode: areaCodeOf(r),
    name: restricted ? null : r.name,
    address: restricted ? null : r.address,
    idNumber: restricted ? null : r.id_number,
    identityRestricted: restricted,
    summary: r.summary,
    kind: r.kind as ReceptionEntryOut['kind'],
    people: r.people,
    group: isGroup(r.people),
    settledBy: r.settled_by,
    withinCompetence: r.within_competence === 1,
    guidance: r.guidance,
    acceptedBy: r.accepted_by,
    followUp: r.follow_up,
    note: r.note,
    statementSigned: r.statement_signed === 1,
  };
}

export function presentCall(r: CallRow): HotlineCallOut {
  return {
    id: r.id,
    calledAt: new Date(r.called_at).toISOString(),
    areaCode: areaCodeOf(r),
    callerName: r.caller_name,
    callerPhone: r.caller_phone,
    topic: r.topic,
    programCode: r.program_code,
    answer: r.answer,
    forwardedTo: r.forwarded_to,
    letterId: r.letter_id,
  };
}

function checkClockOf(r: LetterRow, asOf: string) {
  const c = acceptanceClock('denunciation', r.received_date, r.check_extended_date !== null);
  return presentClock(c.clock, c.source, asOf, r.decision_date);
}

export function presentLetter(r: LetterRow, asOf: string, abilities?: string[]): LetterOut {
  const restricted = r.identity_restricted === 1;
  const n = noticeClock(r.received_date);
  const counted = r.state !== 'split';
  return {
    id: r.id,
    code: r.code,
    parentId: r.parent_id,
    receivedDate: r.received_date,
    channel: r.channel as LetterOut['channel'],
    areaCode: areaCodeOf(r),
    senderName: restricted ? null : r.sender_name,
    senderAddress: restricted ? null : r.sender_address,
    identityRestricted: restricted,
    summary: r.summary,
    kind: r.kind as LetterOut['kind'],
    signers: r.signers,
    group: isGroup(r.signers),
    fit: r.fit === null ? null : r.fit === 1,
    failedChecks: JSON.parse(r.failed_json) as string[],
    withinCompetence: r.within_competence === null ? null : r.within_competence === 1,
    decision: r.decision as LetterOut['decision'],
    decisionDate: r.decision_date,
    decisionTo: r.decision_to,
    transfers: r.transfers,
    state: r.state as LetterOut['state'],
    caseId: r.case_id,
    personId: restricted ? null : r.person_id,
    notifiedDate: r.notified_date,
    noticeClock: counted ? presentClock(n.clock, n.source, asOf, r.notified_date) : null,
    checkClock: counted && r.kind === 'denunciation' ? checkClockOf(r, asOf) : null,
    checkExtendedDate: r.check_extended_date,
    checkExtensionReason: r.check_extension_reason,
    sameContentAs: r.same_content_of,
    ...(abilities ? { abilities } : {}),
  };
}

export function presentCase(
  r: CaseRow,
  events: readonly ClockEventRow[],
  asOf: string,
  extra: { steps?: readonly CaseStepRow[]; stepBy?: (s: CaseStepRow) => string; abilities?: string[] } = {},
): CaseOut {
  const a = acceptanceClock(r.kind, r.received_date, r.check_extended === 1);
  const s = settlementClock(r, events);
  return {
    id: r.id,
    code: r.code,
    kind: r.kind as CaseOut['kind'],
    instance: r.instance,
    letterId: r.letter_id,
    areaCode: areaCodeOf(r),
    summary: r.summary,
    receivedDate: r.received_date,
    acceptedDate: r.accepted_date,
    complex: r.complex === 1,
    remote: r.remote === 1,
    extensions: r.extensions,
    state: r.state as CaseOut['state'],
    result: r.result as CaseOut['result'],
    decidedDate: r.decided_date,
    dialogueRequired:
      r.kind === 'complaint' && r.instance === 2 && !!ruleOn(DIALOGUE_MANDATORY_2ND, r.accepted_date)?.value,
    acceptanceClock: presentClock(a.clock, a.source, asOf, r.accepted_date),
    settlementClock: presentClock(s.clock, s.source, asOf, r.decided_date),
    ...(extra.steps
      ? {
          steps: extra.steps.map((x) => ({
            id: x.id,
            kind: x.kind as NonNullable<CaseOut['steps']>[number]['kind'],
            date: x.date,
            note: x.note,
            documentRef: x.document_ref,
            by: x.created_by,
          })),
        }
      : {}),
    ...(extra.abilities ? { abilities: extra.abilities } : {}),
  };
}

export function presentIdentity(r: IdentityRow): IdentityOut {
  return { name: r.name, address: r.address, idNumber: r.id_number, phone: r.phone };
}
