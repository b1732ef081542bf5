import {
  checkCitizenId,
  ethnicGroupName,
  statusCategoryLabel,
  type DisabilityDegree,
  type Gender,
  type HouseholdState,
  type PersonListItem,
  type Relation,
  type Residence,
  type StatusKind,
  type StatusOut,
  type TransferIncoming,
  type TransferOutgoing,
  type TransferState,
} from '@ansinh/domain';
import type { StatusRow } from './repo/index.js';

export interface ListRow {
  id: number;
  household_id: number | null;
  household_code?: string | null;
  full_name: string;
  gender: string;
  birth_date: string;
  citizen_id: string | null;
  ethnic_code: string | null;
  phone: string | null;
  commune_code: string;
  commune_name: string;
  village: string | null;
  deceased_on: string | null;
  moved_out_on: string | null;
  relation?: string | null;
}

export function presentListItem(r: ListRow): PersonListItem {
  return {
    id: r.id,
    householdId: r.household_id,
    householdCode: r.household_code ?? null,
    fullName: r.full_name,
    gender: r.gender as Gender,
    birthDate: r.birth_date,
    citizenId: r.citizen_id,
    ethnicName: r.ethnic_code ? ethnicGroupName(r.ethnic_code) : null,
    phone: r.phone,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    village: r.village,
    deceasedOn: r.deceased_on,
    movedOutOn: r.moved_out_on,
  };
}

export function presentStatus(s: StatusRow, onDate: string): StatusOut {
  return {
    id: s.id,
    kind: s.kind as StatusKind,
    subject: s.subject as 'person' | 'household',
    personId: s.person_id,
    householdId: s.household_id,
    category: s.category,
    categoryLabel: statusCategoryLabel(s.kind as StatusKind, s.category),
    year: s.year,
    degree: s.degree,
    validFrom: s.valid_from,
    validTo: s.valid_to,
    decisionNo: s.decision_no,
    decisionDate: s.decision_date,
    endedReason: s.ended_reason,
    active: s.valid_from <= onDate && (s.valid_to === null || s.valid_to >= onDate),
  };
}

/** Problems an officer should see on a stored ID (e.g. a foreign birth-registration code). */
export function idWarnings(p: { citizen_id: string | null; gender: string; birth_year: number }) {
  if (!p.citizen_id) return [];
  return checkCitizenId(p.citizen_id, { gender: p.gender as Gender, birthYear: p.birth_year }).problems.map((x) => ({
    code: x.code,
    message: x.message,
  }));
}

export const asRelation = (r: string | null) => (r as Relation | null) ?? null;
export const asDisability = (d: string | null) => (d as DisabilityDegree | null) ?? null;
export const asResidence = (r: string) => r as Residence;
export const asHouseholdState = (s: string) => s as HouseholdState;

/** A transfer request as the holding commune sees it: the person asked for and the requesting commune. */
export function presentTransferIncoming(r: {
  id: number;
  state: string;
  citizen_id: string;
  person_id: number;
  full_name: string;
  birth_date: string;
  to_commune_code: string;
  to_commune_name: string;
  note: string | null;
  requested_at: string;
  decided_at: string | null;
  refusal_reason: string | null;
}): TransferIncoming {
  return {
    id: r.id,
    state: r.state as TransferState,
    citizenId: r.citizen_id,
    personId: r.person_id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    toCommuneCode: r.to_commune_code,
    toCommuneName: r.to_commune_name,
    note: r.note,
    requestedAt: r.requested_at,
    decidedAt: r.decided_at,
    refusalReason: r.refusal_reason,
  };
}

/** A transfer request as the requester sees it: the answer only, never the holder or its area. */
export function presentTransferOutgoing(r: {
  id: number;
  state: string;
  citizen_id: string;
  to_commune_code: string;
  note: string | null;
  requested_at: string;
  decided_at: string | null;
  refusal_reason: string | null;
}): TransferOutgoing {
  return {
    id: r.id,
    state: r.state as TransferState,
    citizenId: r.citizen_id,
    toCommuneCode: r.to_commune_code,
    note: r.note,
    requestedAt: r.requested_at,
    decidedAt: r.decided_at,
    refusalReason: r.refusal_reason,
  };
}
