import type { EntryOut, ListOut, ProgramOut } from '@ansinh/domain';
import { AmountRule, EligibilityRule, type PaymentState } from '@ansinh/domain';
import type { Selectable } from 'kysely';
import type { ProgramRulesTable } from '../../db/schema-programs.js';
import type { EntryRow, ListRow, ProgramRow } from './programs.repo.js';

/** Row → API shapes of the programs module. Quantities are stored in thousandths. */
export const fromMilli = (n: number) => Math.round(n) / 1000;

export function presentProgram(p: ProgramRow, rules: Selectable<ProgramRulesTable>[]): ProgramOut {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    legalBasis: p.legal_basis,
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
    isDemo: p.is_demo === 1,
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

export type ListJoined = ListRow & { program_code: string; program_name: string; unit: string; commune_name: string };

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
export function presentPublicSummary(l: ListJoined & { legal_basis: string }) {
  return {
    id: l.id,
    programName: l.program_name,
    legalBasis: l.legal_basis,
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
