import { AmountRule, EligibilityRule, monthStart } from '@ansinh/domain';
import type { Database, Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { codesOfCommune } from '../../../platform/authz.js';
import { errors } from '../../../platform/errors.js';
import { listRecord, programsPolicy } from '../programs.policy.js';
import { listsRepo, type ListJoined } from '../repo/lists.repo.js';
import { programsRepo } from '../repo/programs.repo.js';
import type { ProgramRow } from '../repo/types.js';

/** What the programs use cases need: the database (and its dialect) only. */
export interface ProgramsDeps {
  database: Database;
}

type Action = Parameters<typeof programsPolicy.guard>[1];

export interface Rule {
  eligibility: EligibilityRule;
  amount: AmountRule;
}

/** A program the actor may act on: 404 when it does not exist or belongs to another province or agency. */
export async function loadProgram(ex: Executor, actor: Actor, id: number, action: Action): Promise<ProgramRow> {
  const p = await programsRepo.byId(ex, id);
  if (!p) throw errors.notFound('Chương trình');
  programsPolicy.guard(actor, action, { provinceCode: p.province_code, agencyCode: p.agency_code }, 'Chương trình');
  return p;
}

/** A list the actor may act on (404 outside their area, or unpublished for a supervisor). */
export async function loadList(ex: Executor, actor: Actor, id: number, action: Action): Promise<ListJoined> {
  const l = await listsRepo.byId(ex, id);
  if (!l) throw errors.notFound('Danh sách');
  // Whoever may act on a list may first see it: a list outside the area, or unpublished for a
  // supervisor, answers 404 before the action's own rule answers 403.
  programsPolicy.guard(actor, 'readList', listRecord(l), 'Danh sách');
  if (action !== 'read' && action !== 'readList') programsPolicy.guard(actor, action, listRecord(l), 'Danh sách');
  return l;
}

/** The rule in force on a date, or an error that says which dates the program has rules for. */
export async function ruleOn(ex: Executor, programId: number, date: string): Promise<Rule> {
  const r = await programsRepo.ruleOn(ex, programId, date);
  if (!r)
    throw errors.badRequest(
      'NO_RULE_IN_FORCE',
      `Chương trình chưa có quy định áp dụng cho ngày ${date}. Bổ sung quy định có hiệu lực từ ngày đó.`,
    );
  return {
    eligibility: EligibilityRule.parse(JSON.parse(r.eligibility_json)),
    amount: AmountRule.parse(JSON.parse(r.amount_json)),
  };
}

/** The period key and reference date of a list of this program. */
export function periodOf(p: ProgramRow, requested?: string): { period: string; refDate: string } {
  if (p.period_kind === 'monthly') {
    if (!requested)
      throw errors.validation([
        { path: 'body.period', message: 'Chương trình trợ cấp hằng tháng: chọn tháng (YYYY-MM).' },
      ]);
    const ref = monthStart(requested);
    if (ref < p.period_from.slice(0, 8) + '01' || (p.period_to && ref > p.period_to)) {
      throw errors.validation([
        { path: 'body.period', message: `Tháng ${requested} nằm ngoài thời gian của chương trình.` },
      ]);
    }
    return { period: requested, refDate: ref };
  }
  return { period: p.ref_date.slice(0, 4), refDate: p.ref_date };
}

/** Whether generation can run as one INSERT…SELECT (see candidatesRepo.insertGeneratedSql). */
export function inSql(rule: Rule): boolean {
  return (
    (rule.amount.type === 'fixed' || rule.amount.type === 'by_category') &&
    rule.eligibility.any.every((s) => s.minAge === undefined && s.maxAge === undefined)
  );
}

/** A commune's province and district codes, and how many levels its tree has, read from its path. */
export function communeOf(code: string, path: string) {
  const codes = codesOfCommune(code, path);
  return { ...codes, levels: codes.district_code ? 3 : 2, path };
}
