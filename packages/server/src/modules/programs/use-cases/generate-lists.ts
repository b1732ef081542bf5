import type { GenerateListsBody } from '@ansinh/domain';
import type { Executor, Trx } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { areaColumnScope } from '../../../platform/authz.js';
import { inTransaction, nextTurn, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { programsPolicy } from '../programs.policy.js';
import { areasReader } from '../repo/areas.repo.js';
import { candidatesRepo } from '../repo/candidates.repo.js';
import { entriesRepo } from '../repo/entries.repo.js';
import { listsRepo } from '../repo/lists.repo.js';
import type { NewEntry, Scope } from '../repo/types.js';
import { addArrears, eligibleIn } from './find-beneficiaries.js';
import { communeOf, inSql, loadProgram, periodOf, ruleOn, type ProgramsDeps } from './load.js';

/** How a run in the background follows the generation (platform/background-jobs.ts). */
export interface GenerateRun {
  /** Entries written so far and to write; read by whoever polls the job. */
  progress?: { done: number; total: number };
  /** Mark the job done in the generation's own transaction (generated exactly once). */
  finishIn?(trx: Trx, result: GenerateResult): Promise<void>;
}
export type GenerateResult = { lists: number; entries: number; listIds: number[] };

/**
 * What a generation will do, checked before it runs (the request answers 4xx at once, the job
 * only runs what passed): the program, its period and rule, the communes, and the area the lists
 * belong to (where the background job lives).
 */
export async function planGeneration(db: Executor, actor: Actor, programId: number, body: GenerateListsBody) {
  const p = await loadProgram(db, actor, programId, 'prepare');
  if (p.list_by_import === 1)
    throw errors.conflict(
      'PROGRAM_BY_IMPORT',
      'Chương trình này lấy danh sách từ tệp Excel của xã hoặc doanh nghiệp (người ngoài sổ nhân khẩu). Dùng "Nhập danh sách từ Excel".',
    );
  const { period, refDate } = periodOf(p, body.period);
  const rule = await ruleOn(db, programId, refDate);
  let communes: { code: string; path: string }[];
  let areaPath: string;
  if (body.communeCode) {
    const c = await areasReader.byCode(db, body.communeCode);
    if (!c || c.level !== 3) throw errors.notFound('Xã');
    const codes = communeOf(c.code, c.path);
    programsPolicy.guard(actor, 'prepare', codes, 'Xã');
    communes = [{ code: c.code, path: c.path }];
    areaPath = c.path;
  } else {
    const root = await areasReader.byCode(db, actor.kind === 'system' ? p.province_code : (actor.areaCode ?? ''));
    if (!root) throw errors.notFound('Địa bàn');
    programsPolicy.guard(actor, 'prepare', { areaPath: root.path }, 'Địa bàn');
    communes = await areasReader.communesUnder(db, root.path);
    areaPath = root.path;
  }
  const place = { provinceCode: p.province_code, areaPath, agencyCode: p.agency_code };
  return { p, period, refDate, rule, communes, place };
}

/** The refusal of a commune that already has its list for the period. */
export const listExists = (period: string) =>
  errors.conflict('LIST_EXISTS', `Xã đã có danh sách của chương trình cho kỳ ${period}. Mở danh sách đó để sửa.`);

/**
 * Generate lists from the rule: for one commune, or for every commune of the actor's area (the
 * program's province for the system) that has no main list for the period yet. Each list starts
 * as a draft with its entries, reasons and amounts. One transaction: a generation cut short wrote
 * nothing, and one run again finds the lists already there (and, as a job, its mark already set).
 */
export function generateListsUseCase({ database }: ProgramsDeps) {
  const db = database.db;

  return async function generate(
    actor: Actor,
    programId: number,
    body: GenerateListsBody,
    run: GenerateRun = {},
  ): Promise<GenerateResult> {
    const { p, period, refDate, rule, communes } = await planGeneration(db, actor, programId, body);
    const scope = areaColumnScope(actor);
    const progress = run.progress ?? { done: 0, total: 0 };
    return inTransaction(database, actor, async (trx, audit) => {
      const existing = await listsRepo.communesWithMainList(trx, programId, period, scope);
      const todo = communes.filter((c) => !existing.has(c.code));
      if (body.communeCode && todo.length === 0) throw listExists(period);
      if (todo.length === 0) {
        const none = { lists: 0, entries: 0, listIds: [] };
        await run.finishIn?.(trx, none);
        return none;
      }
      // One pass over the whole area when many communes are generated at once.
      const wide: Scope = body.communeCode
        ? { column: 'commune_code', code: body.communeCode }
        : (scope ?? { column: 'province_code', code: p.province_code });
      const now = nowIso();
      const listIds = new Map<string, number>();
      for (const c of todo) {
        const codes = communeOf(c.code, c.path);
        const id = await listsRepo.insert(trx, {
          program_id: p.id,
          period,
          ref_date: refDate,
          seq: 0,
          parent_list_id: null,
          province_code: codes.province_code,
          district_code: codes.district_code,
          commune_code: codes.commune_code,
          levels: codes.levels,
          state: 'draft',
          created_by: actor.username,
          created_at: now,
          updated_at: now,
        });
        listIds.set(c.code, id);
      }
      const ids = [...listIds.values()];
      let count = 0;
      if (p.period_kind === 'once' && inSql(rule)) {
        // SQLite runs a statement without a turn of the event loop: a province's lists in one
        // statement held it ~400 ms on 1.000.000 persons, a large district's ~100 ms. There, one
        // statement per commune (a turn between them: db/database.ts); PostgreSQL runs the whole
        // area in one.
        const passes: Scope[] =
          database.sqlite && !body.communeCode && todo.length > 1
            ? todo.map((c) => ({ column: 'commune_code', code: c.code }))
            : [wide];
        for (const scope of passes) {
          // Each commune's statement in a turn of its own (the largest held the loop ~35 ms).
          if (passes.length > 1) await nextTurn();
          count += await candidatesRepo.insertGeneratedSql(trx, {
            programId: p.id,
            period,
            refDate,
            scope,
            eligibility: rule.eligibility,
            amount: rule.amount,
            listIds: ids,
            communeList: scope.column === 'commune_code' ? listIds.get(scope.code) : undefined,
            now,
            dialect: database.dialect,
          });
          progress.done = progress.total = count;
        }
        // A row was written per qualifying status: one entry per beneficiary stays. Who has several
        // is read from the statuses on PostgreSQL (the fresh entries' index is not index-only
        // there yet), from the entries' own index on SQLite (one statement, not one per commune).
        await nextTurn();
        const keys = database.sqlite
          ? undefined
          : await candidatesRepo.severalQualifying(trx, {
              refDate,
              eligibility: rule.eligibility,
              amount: rule.amount,
              scope: wide,
            });
        count -= await entriesRepo.dropOutranked(trx, { programId: p.id, period, listIds: ids, keys });
        progress.done = progress.total = count;
      } else {
        const items = await eligibleIn(trx, p, rule, wide, refDate);
        await addArrears(trx, p, period, items);
        const entries: NewEntry[] = [];
        for (const it of items) {
          const listId = listIds.get(it.entry.commune_code);
          if (!listId) continue;
          entries.push({ ...it.entry, period, list_id: listId, created_at: now });
        }
        const byName = new Intl.Collator('vi').compare;
        entries.sort((a, b) => a.list_id - b.list_id || byName(a.full_name, b.full_name));
        progress.total = entries.length;
        await entriesRepo.insertEntries(trx, entries, database.sqlite, (n) => (progress.done = n));
        count = entries.length;
      }
      await entriesRepo.refreshTotals(trx, ids, now);
      for (const [commune, id] of listIds) {
        await audit({
          action: 'program_list.generate',
          entity: 'program_list',
          entityId: id,
          areaCode: commune,
          after: { programId: p.id, period },
        });
      }
      const result = { lists: ids.length, entries: count, listIds: ids };
      await run.finishIn?.(trx, result);
      // The commit (the whole generation's pages written at once) in a turn of its own.
      await nextTurn();
      return result;
    });
  };
}
