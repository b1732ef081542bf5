import { checkListEntries, entitlement, type CheckResult, type EntryForCheck } from '@ansinh/domain';
import type { Database, Executor } from '../../../db/database.js';
import { nextTurn } from '../../../platform/context.js';
import type { Actor } from '../../../platform/actor.js';
import { areaColumnScope } from '../../../platform/authz.js';
import { programsPolicy } from '../programs.policy.js';
import { candidatesRepo } from '../repo/candidates.repo.js';
import { entriesRepo } from '../repo/entries.repo.js';
import { listsRepo } from '../repo/lists.repo.js';
import type { CandidateRow, CheckRow } from '../repo/types.js';
import { inSql, loadList, loadProgram, ruleOn, type ProgramsDeps, type Rule } from './load.js';

type Problems = CheckResult['problems'];
type Head = { id: number; program_id: number; period: string; ref_date: string };

/**
 * Entries per statement of the set-based check: a few ms each on this machine, so that one
 * statement stays well under the 50 ms a request may hold the loop (docs/architecture.md). With
 * 3.000, before the rows were read as arrays and the rule's lookup was index-only, the loop's p99
 * was 70 ms on the loaded bench machine. PostgreSQL: 1.000, since with ~2.000 its planner reads
 * the whole persons table into a hash for each statement (70 ms each on 200.000 persons, instead
 * of a few by index).
 */
const ENTRIES_PER_STATEMENT = 1000;
/** SQLite, rows read as arrays (`sqliteArrays`): 2.000 take ~5 ms; the bench's province check holds the loop 13–15 ms. */
const SQLITE_ENTRIES_PER_STATEMENT = 2000;

/** One entry as `checkListEntries()` sees it, with the registry as it is now (picked in SQL). */
function forCheck(e: CheckRow, expected: EntryForCheck['expected'], elsewhere: readonly string[]): EntryForCheck {
  return {
    id: e.id,
    beneficiaryKey: e.beneficiary_key,
    fullName: e.full_name,
    birthDate: e.birth_date,
    citizenId: e.citizen_id,
    deceasedOn: e.deceased_on,
    movedOutOn: e.moved_out_on,
    amount: e.amount,
    quantity: e.quantity_milli / 1000,
    expected,
    manual: e.manual === 1,
    elsewhere,
    arrearsMonths: e.arrears_months ? e.arrears_months.split(',').filter(Boolean).length : 0,
  };
}

type Unit = { listIds: number[]; after?: number; upTo?: number };

/**
 * The statements of a check, in list order: about `size` entries each, short lists together, long
 * ones in slices (a pack of short lists goes before the next long list: lists are judged as soon
 * as a statement starts past them).
 */
async function unitsOf(ex: Executor, ids: number[], counts: Map<number, number>, size: number): Promise<Unit[]> {
  const units: Unit[] = [];
  let pack: number[] = [];
  let packed = 0;
  const flush = () => {
    if (pack.length > 0) units.push({ listIds: pack });
    pack = [];
    packed = 0;
  };
  for (const id of ids) {
    const n = counts.get(id) ?? 0;
    if (n > size) {
      flush();
      let after: number | undefined;
      for (const upTo of [...(await entriesRepo.idSteps(ex, id, size)), undefined]) {
        units.push({ listIds: [id], after, upTo });
        after = upTo;
      }
    } else if (n > 0) {
      if (packed + n > size) flush();
      pack.push(id);
      packed += n;
    }
  }
  flush();
  return units;
}

/**
 * What the rule gives each entry of `rows`, recomputed with `entitlement()` from the statuses in
 * force (`statuses`, by beneficiary) and, for households, how many members live there.
 */
async function recomputed(
  ex: Executor,
  rows: CheckRow[],
  rule: Rule,
  refDate: string,
  statuses: Map<string, CandidateRow[]>,
): Promise<Map<number, EntryForCheck['expected']>> {
  const householdIds = rows.filter((e) => e.household_id != null).map((e) => e.household_id!);
  const members = new Map(
    (await candidatesRepo.householdsByIds(ex, householdIds)).map((h) => [h.id, Number(h.members ?? 1)]),
  );
  const out = new Map<number, EntryForCheck['expected']>();
  for (const e of rows) {
    const ent = entitlement(
      rule.eligibility,
      rule.amount,
      {
        birthDate: e.birth_date,
        statuses: statuses.get(e.beneficiary_key) ?? [],
        members: e.household_id != null ? (members.get(e.household_id) ?? 1) : 1,
      },
      refDate,
    );
    out.set(e.id, ent ? { amount: ent.amount, quantity: Math.round(ent.quantity * 1000) / 1000 } : null);
  }
  return out;
}

/** The problems of one list's entries (those read, in id order), names attached. */
function judge(l: Head, entries: EntryForCheck[], count: number): Problems {
  // A list with entries but none suspect has no problem; an empty one is said to be empty.
  if (entries.length === 0 && count > 0) return [];
  const names = new Map(entries.map((e) => [e.id, e.fullName]));
  return checkListEntries(entries, l.ref_date).map((pr) => ({
    entryId: pr.entryId,
    code: pr.code,
    blocking: pr.blocking,
    message: pr.message,
    fullName: names.get(pr.entryId) ?? '',
  }));
}

/** What receives each list's problems, as soon as its entries are all read. */
type OnList = (listId: number, problems: Problems) => void;

/**
 * The check of lists of one program, period and reference date (one rule). Where SQL states the
 * rule exactly (status kinds and categories, review year, degree; a fixed amount or amounts by
 * category), set-based: the database returns only the entries that may have a problem and what
 * the rule gives them now, and the domain check words them; the other entries are never read.
 * Otherwise (ages, formulas; or `everyEntry`), every entry is read and `entitlement()` recomputed.
 * Both read the same rows the same way, in statements of about ENTRIES_PER_STATEMENT entries with
 * a turn of the event loop between them.
 */
async function checkGroup(
  ex: Executor,
  lists: Head[],
  rule: Rule,
  counts: Map<number, number>,
  onList: OnList,
  opts: CheckOptions,
) {
  const { program_id: programId, period, ref_date: refDate } = lists[0]!;
  const ids = lists.map((l) => l.id);
  const twinKeys = await entriesRepo.twinKeys(ex, programId, period);
  // Another commune's list can only hold a beneficiary held twice in the program and period.
  const elsewhere =
    twinKeys.length > 0
      ? await entriesRepo.elsewhere(ex, { programId, period, listIds: ids })
      : new Map<number, string[]>();
  const suspectsOf =
    inSql(rule) && !opts.everyEntry
      ? { programId, period, refDate, eligibility: rule.eligibility, amount: rule.amount, twinKeys }
      : undefined;
  let statuses: Map<string, CandidateRow[]> | null = null;
  if (!suspectsOf) {
    statuses = new Map();
    for (const s of await candidatesRepo.statusesOfListed(ex, ids, refDate)) {
      const a = statuses.get(s.beneficiary_key);
      if (a) a.push(s);
      else statuses.set(s.beneficiary_key, [s]);
    }
  }
  // Statements run in list order: the lists before a statement's first are all read, and are
  // judged then (their rows do not outlive the list: a long check keeps little in memory).
  const rows = new Map<number, EntryForCheck[]>();
  let next = 0;
  const judgeBefore = (listId: number) => {
    for (; next < lists.length && lists[next]!.id < listId; next++) {
      const l = lists[next]!;
      onList(l.id, judge(l, rows.get(l.id) ?? [], counts.get(l.id) ?? 0));
      rows.delete(l.id);
    }
  };
  const size =
    opts.entriesPerStatement ?? (opts.database?.sqliteCached ? SQLITE_ENTRIES_PER_STATEMENT : ENTRIES_PER_STATEMENT);
  for (const unit of await unitsOf(ex, ids, counts, size)) {
    judgeBefore(unit.listIds[0]!);
    // A turn between statements: a check never holds the loop longer than one of them.
    await nextTurn();
    const found = await candidatesRepo.entriesForCheck(ex, { ...unit, suspectsOf, database: opts.database });
    const expected = statuses ? await recomputed(ex, found, rule, refDate, statuses) : null;
    for (const e of found) {
      const entry = forCheck(
        e,
        expected
          ? (expected.get(e.id) ?? null)
          : e.expected_amount == null
            ? null
            : { amount: e.expected_amount, quantity: 0 },
        elsewhere.get(e.id) ?? [],
      );
      const a = rows.get(e.list_id);
      if (a) a.push(entry);
      else rows.set(e.list_id, [entry]);
    }
  }
  judgeBefore(Infinity);
}

/**
 * `everyEntry` reads and recomputes every entry even where SQL states the rule (tests compare);
 * `database`, when given, lets SQLite hand the rows over as arrays (db/database.ts sqliteArrays).
 */
type CheckOptions = {
  everyEntry?: boolean;
  database?: Pick<Database, 'sqliteCached'>;
  /** Entries per statement (tests: a few); by default as the database reads best (above). */
  entriesPerStatement?: number;
};

/**
 * Check lists: the problems of every entry, from the registry as it is now and the rule, handed
 * to `onList` list by list (`CheckOptions`).
 */
export async function checkEachList(ex: Executor, listIds: number[], onList: OnList, opts: CheckOptions = {}) {
  if (listIds.length === 0) return;
  const lists = await listsRepo.heads(ex, listIds);
  const counts = await entriesRepo.countsByList(ex, listIds);
  // Lists of one program, period and reference date share a rule and a duplicate search.
  const groups = new Map<string, Head[]>();
  for (const l of lists.sort((a, b) => a.id - b.id)) {
    const key = `${l.program_id}|${l.period}|${l.ref_date}`;
    const g = groups.get(key);
    if (g) g.push(l);
    else groups.set(key, [l]);
  }
  for (const g of groups.values()) {
    const rule = await ruleOn(ex, g[0]!.program_id, g[0]!.ref_date);
    await checkGroup(ex, g, rule, counts, onList, opts);
  }
}

/** The problems of every entry of the lists, by list (see `checkEachList`). */
export async function checkLists(ex: Executor, listIds: number[], opts: CheckOptions = {}) {
  const problemsByList = new Map<number, Problems>();
  await checkEachList(ex, listIds, (id, problems) => problemsByList.set(id, problems), opts);
  return problemsByList;
}

/** The check of one list, and of every list of a program and period in the actor's area. */
export function checkListsUseCases({ database }: ProgramsDeps) {
  const db = database.db;
  return {
    async check(actor: Actor, listId: number): Promise<CheckResult> {
      const l = await loadList(db, actor, listId, 'check');
      const problems = (await checkLists(db, [l.id], { database })).get(l.id) ?? [];
      return { ok: !problems.some((p) => p.blocking), problems, checkedEntries: l.entries_count };
    },

    /** Check every list of a program and period in the actor's area: lists with problems and counts. */
    async checkAll(actor: Actor, programId: number, period: string) {
      await loadProgram(db, actor, programId, 'read');
      programsPolicy.guard(actor, 'check');
      const ids = await listsRepo.idsOf(db, programId, period, areaColumnScope(actor));
      // Counted as each list is checked: a province's problems are not all kept at once.
      let problems = 0;
      let blocking = 0;
      const listsWithProblems: number[] = [];
      await checkEachList(
        db,
        ids,
        (id, ps) => {
          const b = ps.filter((p) => p.blocking).length;
          problems += ps.length;
          blocking += b;
          if (b > 0) listsWithProblems.push(id);
        },
        { database },
      );
      return { lists: ids.length, problems, blocking, listsWithProblems };
    },
  };
}
