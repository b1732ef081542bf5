import { arrearsOf, entitlement, monthStart, unpaidMonths, type Candidate } from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import { candidatesRepo } from '../repo/candidates.repo.js';
import { entriesRepo } from '../repo/entries.repo.js';
import type { CandidateRow, NewEntry, ProgramRow, Scope } from '../repo/types.js';
import { ruleOn, type Rule } from './load.js';

/** A beneficiary the rule gives, as the entry it becomes (list, period and time set by the caller). */
export interface Beneficiary {
  id: number;
  entry: Omit<NewEntry, 'list_id' | 'created_at'>;
  /** The first day a qualifying status was in force. */
  since: string;
  candidate: Candidate;
}

interface Holder {
  name: string;
  birth: string | null;
  cid: string | null;
  village: string | null;
  codes: { province_code: string; district_code: string | null; commune_code: string };
  members: number;
}

/** The beneficiaries a rule gives in a commune (or a wider area), with their entitlements. */
export async function eligibleIn(
  ex: Executor,
  p: ProgramRow,
  rule: Rule,
  scope: Scope,
  refDate: string,
): Promise<Beneficiary[]> {
  const per = rule.eligibility.per;
  const kinds = [...new Set(rule.eligibility.any.map((s) => s.status))];
  const rows = await candidatesRepo.candidateStatuses(ex, per, kinds, scope, refDate);
  const byKey = new Map<number, CandidateRow[]>();
  for (const r of rows) {
    const id = (per === 'person' ? r.person_id : r.household_id)!;
    const a = byKey.get(id);
    if (a) a.push(r);
    else byKey.set(id, [r]);
  }
  const info = new Map<number, Holder>();
  if (per === 'person') {
    for (const r of rows) {
      if (r.full_name === undefined) continue;
      const h = r as Required<typeof r>;
      info.set(h.person_id!, {
        name: h.full_name,
        birth: h.birth_date,
        cid: h.citizen_id,
        village: h.village,
        codes: h,
        members: 1,
      });
    }
  } else {
    for (const h of await candidatesRepo.householdsByIds(ex, [...byKey.keys()])) {
      info.set(h.id, {
        name: h.full_name ?? `Hộ ${h.code}`,
        birth: h.birth_date,
        cid: h.citizen_id,
        village: h.village,
        codes: h,
        members: Number(h.members ?? 1),
      });
    }
  }
  const out: Beneficiary[] = [];
  for (const [id, sts] of byKey) {
    const who = info.get(id);
    if (!who) continue;
    const candidate: Candidate = { birthDate: who.birth, statuses: sts, members: who.members };
    const ent = entitlement(rule.eligibility, rule.amount, candidate, refDate);
    if (!ent) continue;
    out.push({
      id,
      since: sts.reduce((m, s) => (s.valid_from < m ? s.valid_from : m), sts[0]!.valid_from),
      candidate,
      entry: {
        program_id: p.id,
        period: '',
        person_id: per === 'person' ? id : null,
        household_id: per === 'household' ? id : null,
        beneficiary_key: `${per === 'person' ? 'p' : 'h'}:${id}`,
        full_name: who.name,
        birth_date: who.birth,
        citizen_id: who.cid,
        village: who.village,
        category: ent.category,
        amount: ent.amount,
        quantity_milli: Math.round(ent.quantity * 1000),
        reason: ent.reason,
        manual_reason: null,
        arrears_note: null,
        arrears_months: null,
        province_code: who.codes.province_code,
        district_code: who.codes.district_code,
        commune_code: who.codes.commune_code,
      },
    });
  }
  return out;
}

/**
 * Arrears (truy lĩnh) of a monthly program (the rule is `arrearsOf` in @ansinh/domain): the months
 * since the beneficiary qualified (and since the program began) that no approved list paid, each
 * at the rule in force that month. Sets the arrears columns of the entries in place.
 */
export async function addArrears(ex: Executor, p: ProgramRow, period: string, items: Beneficiary[]): Promise<void> {
  if (p.period_kind !== 'monthly' || items.length === 0) return;
  const paidKeys = await entriesRepo.paidMonths(
    ex,
    p.id,
    items.map((i) => i.entry.beneficiary_key),
  );
  const paidBy = new Map<string, Set<string>>();
  for (const k of paidKeys) {
    const [key, month] = k.split('|') as [string, string];
    const set = paidBy.get(key) ?? new Set<string>();
    set.add(month);
    paidBy.set(key, set);
  }
  const inputs = items.map((it) => ({
    it,
    input: {
      period,
      since: it.since,
      programStart: p.period_from.slice(0, 7),
      paid: paidBy.get(it.entry.beneficiary_key) ?? new Set<string>(),
    },
  }));
  // The rules of the months owed, read once each.
  const rules = new Map<string, Rule | null>();
  for (const { input } of inputs)
    for (const m of unpaidMonths(input))
      if (!rules.has(m)) rules.set(m, await ruleOn(ex, p.id, monthStart(m)).catch(() => null));
  for (const { it, input } of inputs) {
    const a = arrearsOf(input, (m) => {
      const r = rules.get(m);
      return r ? (entitlement(r.eligibility, r.amount, it.candidate, monthStart(m))?.amount ?? null) : null;
    });
    if (a) {
      it.entry.arrears_amount = a.amount;
      it.entry.arrears_note = a.note;
      it.entry.arrears_months = a.months.join(',');
    }
  }
}
