import type { EntryOut, ListDetail, ListOut, ProgramOut } from '@ansinh/domain';
import {
  AmountRule,
  EligibilityRule,
  officerText,
  type BatchOut,
  type PaymentChannel,
  type PaymentState,
} from '@ansinh/domain';
import type { Actor } from '../../platform/actor.js';
import type { ListJoined } from './repo/lists.repo.js';
import type { EntryRow, ProgramRow, ProgramRuleRow } from './repo/types.js';

export type { ListJoined };

/** Row → API shapes of the programs module. Quantities are stored in thousandths. */
export const fromMilli = (n: number) => Math.round(n) / 1000;

export function presentProgram(p: ProgramRow, rules: ProgramRuleRow[]): ProgramOut {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    legalBasis: officerText(p.legal_basis),
    legalDate: p.legal_date,
    kind: p.kind as ProgramOut['kind'],
    unit: p.unit as ProgramOut['unit'],
    per: p.per as ProgramOut['per'],
    periodKind: p.period_kind as ProgramOut['periodKind'],
    refDate: p.ref_date,
    periodFrom: p.period_from,
    periodTo: p.period_to,
    budget: p.budget,
    fundingSource: p.funding_source,
    group: p.group_code,
    isDemo: p.is_demo === 1,
    listByImport: p.list_by_import === 1,
    rules: rules.map((r) => ({
      id: r.id,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      eligibility: EligibilityRule.parse(JSON.parse(r.eligibility_json)),
      amount: AmountRule.parse(JSON.parse(r.amount_json)),
      note: r.note,
    })),
  };
}

export function presentList(l: ListJoined): ListOut {
  return {
    id: l.id,
    programId: l.program_id,
    programCode: l.program_code,
    programName: l.program_name,
    unit: l.unit as ListOut['unit'],
    period: l.period,
    refDate: l.ref_date,
    seq: l.seq,
    parentListId: l.parent_list_id,
    communeCode: l.commune_code,
    communeName: l.commune_name,
    districtCode: l.district_code,
    levels: l.levels,
    state: l.state as ListOut['state'],
    entriesCount: l.entries_count,
    totalAmount: l.total_amount,
    totalQuantity: fromMilli(l.total_quantity_milli),
    decisionNo: l.decision_no,
    decisionDate: l.decision_date,
    publishedAt: l.published_at,
    createdBy: l.created_by,
    updatedAt: l.updated_at,
  };
}

export function presentEntry(
  e: EntryRow & { pay_state: string | null; paid_on: string | null; pay_reference: string | null },
): EntryOut {
  return {
    id: e.id,
    personId: e.person_id,
    householdId: e.household_id,
    fullName: e.full_name,
    birthDate: e.birth_date,
    citizenId: e.citizen_id,
    village: e.village,
    category: e.category,
    amount: e.amount,
    arrearsAmount: e.arrears_amount,
    arrearsNote: e.arrears_note,
    quantity: fromMilli(e.quantity_milli),
    reason: e.reason,
    manual: e.manual === 1,
    manualReason: e.manual_reason,
    batchId: e.batch_id,
    payment: e.pay_state ? { state: e.pay_state as PaymentState, paidOn: e.paid_on, reference: e.pay_reference } : null,
  };
}

/** Published data: the last three digits of an ID, the year of birth. */
export const idTail = (id: string | null) => (id ? id.slice(-3) : null);
export const birthYear = (d: string | null) => (d && /^\d{4}/.test(d) ? Number(d.slice(0, 4)) : null);

/** A published list's header, as anyone may read it. */
export function presentPublicSummary(l: ListJoined) {
  return {
    id: l.id,
    programName: l.program_name,
    legalBasis: officerText(l.legal_basis),
    unit: l.unit as ListOut['unit'],
    period: l.period,
    communeName: l.commune_name,
    decisionNo: l.decision_no,
    decisionDate: l.decision_date,
    publishedAt: l.published_at ?? '',
    entriesCount: l.entries_count,
    totalAmount: l.total_amount,
  };
}

interface StepRow {
  action: string;
  from_state: string;
  to_state: string;
  actor: string;
  actor_name: string | null;
  comment: string | null;
  decision_no: string | null;
  decision_date: string | null;
  at: string;
}

export function presentListDetail(l: ListJoined, steps: StepRow[], openRemarks: number): ListDetail {
  return {
    ...presentList(l),
    steps: steps.map((s) => ({
      action: s.action,
      fromState: s.from_state,
      toState: s.to_state,
      actor: s.actor,
      actorName: s.actor_name,
      comment: s.comment,
      decisionNo: s.decision_no,
      decisionDate: s.decision_date,
      at: s.at,
    })),
    openRemarks,
  };
}

type EntryWithPayment = EntryRow & { pay_state: string | null; paid_on: string | null; pay_reference: string | null };

/** An entry as this actor may see it: supervisors see what the published list shows (birth year, last three ID digits). */
export function presentEntryFor(actor: Actor, r: EntryWithPayment): EntryOut {
  const e = presentEntry(r);
  if (actor.role !== 'supervisor') return e;
  return {
    ...e,
    birthDate: e.birthDate?.slice(0, 4) ?? null,
    citizenId: e.citizenId ? `*********${e.citizenId.slice(-3)}` : null,
  };
}

interface RemarkRow {
  id: number;
  entry_id: number | null;
  author: string;
  text: string;
  created_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  /** The accounts' full names, when the query joined them (officers read names, not usernames). */
  author_name?: string | null;
  answered_name?: string | null;
}

export function presentRemark(r: RemarkRow) {
  return {
    id: r.id,
    entryId: r.entry_id,
    author: r.author_name ?? r.author,
    text: r.text,
    createdAt: r.created_at,
    answer: r.answer,
    answeredBy: r.answered_name ?? r.answered_by,
    answeredAt: r.answered_at,
  };
}

interface PublishedEntryRow {
  id: number;
  full_name: string;
  birth_date: string | null;
  village: string | null;
  citizen_id: string | null;
  category: string | null;
  amount: number;
  arrears_amount: number;
  quantity_milli: number;
}

/** A published list as anyone reads it: name, birth year, village, the last three ID digits. */
/** A remark as the public reads it: the units, not the accounts, of who wrote and who answered. */
function presentPublicRemark(r: RemarkRow & { author_unit: string | null; answered_unit: string | null }) {
  return {
    ...presentRemark(r),
    author: r.author_unit ? `Giám sát, ${r.author_unit}` : 'Tổ chức giám sát',
    answeredBy: r.answered_by ? (r.answered_unit ?? 'Cơ quan lập danh sách') : null,
  };
}

export function presentPublicList(
  l: ListJoined,
  entries: PublishedEntryRow[],
  remarks: (RemarkRow & { author_unit: string | null; answered_unit: string | null })[],
) {
  return {
    ...presentPublicSummary(l),
    entries: entries.map((e) => ({
      id: e.id,
      fullName: e.full_name,
      birthYear: birthYear(e.birth_date),
      village: e.village,
      idTail: idTail(e.citizen_id),
      category: e.category,
      amount: e.amount + e.arrears_amount,
      quantity: e.quantity_milli / 1000,
    })),
    remarks: remarks.map(presentPublicRemark),
  };
}

/** A payment batch with what was recorded of it so far. */
export function presentBatch(
  b: {
    id: number;
    program_id: number;
    program_name: string;
    unit: string;
    period: string;
    channel: string;
    area_code: string;
    area_name: string;
    entries_count: number;
    total_amount: number;
    created_by: string;
    created_at: string;
  },
  progress: { paidCount: number; paidAmount: number; failedCount: number },
): BatchOut {
  return {
    id: b.id,
    programId: b.program_id,
    programName: b.program_name,
    unit: b.unit as BatchOut['unit'],
    period: b.period,
    channel: b.channel as PaymentChannel,
    areaCode: b.area_code,
    areaName: b.area_name,
    entriesCount: b.entries_count,
    totalAmount: b.total_amount,
    ...progress,
    createdBy: b.created_by,
    createdAt: b.created_at,
  };
}
