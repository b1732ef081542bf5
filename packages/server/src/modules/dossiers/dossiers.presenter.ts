import {
  calendarWarning,
  defaultCalendar,
  vietnamLocal,
  todayInVietnam,
  urgency,
  type DossierListItem,
  type DossierOut,
  type ProcedureOut,
  officerText,
} from '@ansinh/domain';
import type { DossierListRow, DossierRow, StepRow } from './repo/dossiers.repo.js';
import type { ProcedureRow } from './repo/procedures.repo.js';

type LevelCode = ProcedureOut['decisionLevel'];

export function presentProcedure(r: ProcedureRow): ProcedureOut {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    field: r.field,
    decisionLevel: r.decision_level as LevelCode,
    path: JSON.parse(r.path_json) as ProcedureOut['path'],
    totalDays: r.total_days,
    fee: r.fee,
    documents: JSON.parse(r.documents_json) as string[],
    resultDocument: r.result_document,
    onlineMode: r.online_mode as ProcedureOut['onlineMode'],
    onlineLevel: r.online_level,
    onNationalPortal: r.on_national_portal === 1,
    legalBasis: officerText(r.legal_basis),
    active: r.active === 1,
    isDemo: r.is_demo === 1,
  };
}

const OPEN = new Set(['processing', 'supplement']);

export function presentListItem(
  r: DossierListRow,
  names: Map<string, string>,
  today = todayInVietnam(),
): DossierListItem {
  return {
    id: r.id,
    code: r.code,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    applicantName: r.applicant_name,
    channel: r.channel as DossierListItem['channel'],
    state: r.state as DossierListItem['state'],
    currentLevel: (r.current_level as LevelCode | null) ?? null,
    currentAreaName: r.current_area_code ? (names.get(r.current_area_code) ?? r.current_area_code) : null,
    receivedAt: r.received_at,
    levelDueDate: r.level_due_date,
    dueDate: r.due_date,
    appointmentDate: r.appointment_date,
    urgency:
      OPEN.has(r.state) && r.state !== 'supplement' && r.level_due_date
        ? urgency(defaultCalendar, today, r.level_due_date)
        : null,
    calendarWarning: calendarWarning(defaultCalendar, vietnamLocal(r.received_at).date, r.due_date),
    timeliness: (r.timeliness as DossierListItem['timeliness']) ?? null,
    communeName: names.get(r.commune_code) ?? r.commune_code,
  };
}

export function presentDossier(
  r: DossierRow,
  p: ProcedureRow,
  steps: StepRow[],
  events: {
    id: number;
    at: string;
    actor: string;
    action: string;
    level: string | null;
    area_code: string | null;
    note: string;
  }[],
  files: { id: number; name: string; mime: string; size: number; uploaded_at: string; uploaded_by: string }[],
  names: Map<string, string>,
  actions: string[],
  /** Full names of the accounts named (received by, events' actors), by username. */
  people: Map<string, string> = new Map(),
): DossierOut {
  const name = (c: string | null) => (c ? (names.get(c) ?? c) : null);
  return {
    ...presentListItem({ ...r, procedure_code: p.code, procedure_name: p.name }, names),
    procedure: presentProcedure(p),
    personId: r.person_id,
    applicantPhone: r.applicant_phone,
    lookupSecret: r.lookup_secret,
    applicantIdNumber: r.applicant_id_number,
    applicantAddress: r.applicant_address,
    delivery: r.delivery as DossierOut['delivery'],
    assistedBy: r.assisted_by,
    assistedReason: (r.assisted_reason as DossierOut['assistedReason']) ?? null,
    assistedNote: r.assisted_note,
    documents: JSON.parse(r.documents_json) as string[],
    note: r.note,
    receivedBy: r.received_by,
    receivedByName: people.get(r.received_by) ?? null,
    assistedByName: r.assisted_by ? (people.get(r.assisted_by) ?? null) : null,
    receivingAreaName: name(r.receiving_area_code)!,
    startDate: r.start_date,
    apologies: r.apologies,
    apologyReason: r.apology_reason,
    supplementRequest: r.supplement_request,
    settledDate: r.settled_date,
    returnedAt: r.returned_at,
    lateLevel: (r.late_level as LevelCode | null) ?? null,
    outcomeNote: r.outcome_note,
    communeCode: r.commune_code,
    districtName: name(r.district_code),
    provinceName: name(r.province_code)!,
    steps: steps.map((s) => ({
      seq: s.seq,
      level: s.level as LevelCode,
      areaCode: s.area_code,
      areaName: name(s.area_code)!,
      days: s.days,
      startedAt: s.started_at,
      startDate: s.start_date,
      dueDate: s.due_date,
      finishedAt: s.finished_at,
      finishedDate: s.finished_date,
      pausedDays: s.paused_days,
      timeliness: (s.timeliness as DossierOut['timeliness']) ?? null,
    })),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      actor: e.actor,
      actorName: people.get(e.actor) ?? null,
      level: (e.level as LevelCode | null) ?? null,
      areaName: name(e.area_code),
      note: e.note,
    })),
    files: files.map((f) => ({
      id: f.id,
      name: f.name,
      mime: f.mime,
      size: f.size,
      uploadedAt: f.uploaded_at,
      uploadedBy: f.uploaded_by,
    })),
    actions,
  };
}

/** A name shown to someone who knows only the code and a phone number: initials and given name. */
export function maskName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length <= 1) return fullName;
  return [...parts.slice(0, -1).map((p) => `${p[0]}.`), parts[parts.length - 1]].join(' ');
}

export const STATE_LABELS: Record<string, string> = {
  processing: 'Đang giải quyết',
  supplement: 'Chờ bổ sung hồ sơ',
  result_ready: 'Đã có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
  refused: 'Từ chối giải quyết',
  withdrawn: 'Đã rút hồ sơ',
};
