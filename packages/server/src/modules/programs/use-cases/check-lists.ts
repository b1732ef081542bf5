import { checkListEntries, entitlement, type CheckResult, type EntryForCheck } from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { areaColumnScope } from '../../../platform/authz.js';
import { programsPolicy } from '../programs.policy.js';
import { candidatesRepo } from '../repo/candidates.repo.js';
import { entriesRepo } from '../repo/entries.repo.js';
import { listsRepo } from '../repo/lists.repo.js';
import type { CandidateRow } from '../repo/types.js';
import { inSql, loadList, loadProgram, ruleOn, type ProgramsDeps, type Rule } from './load.js';

/** Check lists: the problems of every entry, from the registry as it is now and the rule. */
export async function checkLists(ex: Executor, listIds: number[]) {
  const problemsByList = new Map<number, CheckResult['problems']>();
  if (listIds.length === 0) return problemsByList;
  const lists = await listsRepo.heads(ex, listIds);
  const elsewhere = await entriesRepo.elsewhere(ex, listIds);
  const ruleCache = new Map<string, Rule>();
  for (const l of lists) {
    const key = `${l.program_id}|${l.ref_date}`;
    if (!ruleCache.has(key)) ruleCache.set(key, await ruleOn(ex, l.program_id, l.ref_date));
  }
  const entries = await candidatesRepo.entriesForCheck(ex, listIds);
  const householdIds = entries.filter((e) => e.household_id !== null).map((e) => e.household_id!);
  const households = new Map((await candidatesRepo.householdsByIds(ex, householdIds)).map((h) => [h.id, h]));
  // What the rule gives now: in SQL for the rules generation runs in SQL (the same query), else
  // through entitlement() from the statuses in force on each list's reference date.
  const expectedSql = new Map<string, Map<string, number>>();
  const statuses = new Map<string, CandidateRow[]>();
  for (const [key, rule] of ruleCache) {
    const [programId, refDate] = [Number(key.split('|')[0]), key.split('|')[1]!];
    const ids = lists.filter((l) => l.program_id === programId && l.ref_date === refDate).map((l) => l.id);
    if (inSql(rule)) {
      expectedSql.set(
        key,
        await candidatesRepo.expectedSql(ex, {
          listIds: ids,
          refDate,
          eligibility: rule.eligibility,
          amount: rule.amount,
        }),
      );
      continue;
    }
    for (const s of await candidatesRepo.statusesOfListed(ex, ids, refDate)) {
      const k = `${s.beneficiary_key}|${refDate}`;
      const a = statuses.get(k);
      if (a) a.push(s);
      else statuses.set(k, [s]);
    }
  }
  const listById = new Map(lists.map((l) => [l.id, l]));
  const perList = new Map<number, { forCheck: EntryForCheck[]; names: Map<number, string> }>();
  for (const e of entries) {
    const l = listById.get(e.list_id)!;
    const rule = ruleCache.get(`${l.program_id}|${l.ref_date}`)!;
    const p =
      e.person_id !== null
        ? {
            birth_date: e.p_birth_date,
            citizen_id: e.p_citizen_id,
            deceased_on: e.p_deceased_on,
            moved_out_on: e.p_moved_out_on,
          }
        : undefined;
    const h = e.household_id !== null ? households.get(e.household_id) : undefined;
    const birthDate = p?.birth_date ?? h?.birth_date ?? e.birth_date;
    const fromSql = expectedSql.get(`${l.program_id}|${l.ref_date}`);
    let ent: { amount: number; quantity: number } | null;
    if (fromSql) {
      const amount = fromSql.get(e.beneficiary_key);
      ent = amount === undefined ? null : { amount, quantity: 0 };
    } else {
      const sts = statuses.get(`${e.beneficiary_key}|${l.ref_date}`) ?? [];
      ent = entitlement(
        rule.eligibility,
        rule.amount,
        { birthDate, statuses: sts, members: h ? Number(h.members ?? 1) : 1 },
        l.ref_date,
      );
    }
    const bucket: { forCheck: EntryForCheck[]; names: Map<number, string> } = perList.get(e.list_id) ?? {
      forCheck: [],
      names: new Map<number, string>(),
    };
    bucket.forCheck.push({
      id: e.id,
      beneficiaryKey: e.beneficiary_key,
      fullName: e.full_name,
      birthDate,
      citizenId: p ? p.citizen_id : h ? h.citizen_id : e.citizen_id,
      deceasedOn: p?.deceased_on ?? h?.deceased_on ?? null,
      movedOutOn: p?.moved_out_on ?? null,
      amount: e.amount,
      quantity: e.quantity_milli / 1000,
      expected: ent ? { amount: ent.amount, quantity: Math.round(ent.quantity * 1000) / 1000 } : null,
      manual: e.manual === 1,
      elsewhere: elsewhere.get(e.id) ?? [],
      arrearsMonths: e.arrears_months ? e.arrears_months.split(',').filter(Boolean).length : 0,
    });
    bucket.names.set(e.id, e.full_name);
    perList.set(e.list_id, bucket);
  }
  for (const l of lists) {
    const b = perList.get(l.id) ?? { forCheck: [], names: new Map<number, string>() };
    problemsByList.set(
      l.id,
      checkListEntries(b.forCheck, l.ref_date).map((pr) => ({ ...pr, fullName: b.names.get(pr.entryId) ?? '' })),
    );
  }
  return problemsByList;
}

/** The check of one list, and of every list of a program and period in the actor's area. */
export function checkListsUseCases({ database }: ProgramsDeps) {
  const db = database.db;
  return {
    async check(actor: Actor, listId: number): Promise<CheckResult> {
      const l = await loadList(db, actor, listId, 'check');
      const problems = (await checkLists(db, [l.id])).get(l.id) ?? [];
      return { ok: !problems.some((p) => p.blocking), problems, checkedEntries: l.entries_count };
    },

    /** Check every list of a program and period in the actor's area: lists with problems and counts. */
    async checkAll(actor: Actor, programId: number, period: string) {
      await loadProgram(db, actor, programId, 'read');
      programsPolicy.guard(actor, 'check');
      const ids = await listsRepo.idsOf(db, programId, period, areaColumnScope(actor));
      const out = await checkLists(db, ids);
      let problems = 0;
      let blocking = 0;
      for (const ps of out.values()) {
        problems += ps.length;
        blocking += ps.filter((p) => p.blocking).length;
      }
      return {
        lists: ids.length,
        problems,
        blocking,
        listsWithProblems: [...out.entries()].filter(([, ps]) => ps.some((p) => p.blocking)).map(([id]) => id),
      };
    },
  };
}
