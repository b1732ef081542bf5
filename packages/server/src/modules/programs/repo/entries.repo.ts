import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import { entryMatches } from './entry-search.repo.js';
import { CHUNK, type EntryRow, type NewEntry, type SqliteHandle } from './types.js';

/** SQL of list entries: insert, recount, find, remove, pages, and what approval stamps. */
export const entriesRepo = {
  async insertEntries(
    db: Executor,
    rows: NewEntry[],
    sqlite?: SqliteHandle | null,
    onProgress?: (written: number) => void,
  ): Promise<void> {
    // 22 columns: 600 rows stay under SQLite's 32.766 bound parameters.
    // Every row names every column: SQLite fills a column missing from some rows with NULL.
    const full = rows.map((r) => ({
      ...r,
      arrears_amount: r.arrears_amount ?? 0,
      quantity_milli: r.quantity_milli ?? 0,
      manual: r.manual ?? 0,
      arrears_note: r.arrears_note ?? null,
      arrears_months: r.arrears_months ?? null,
    }));
    if (sqlite && full.length > 0) {
      // SQLite: a prepared statement per row on the transaction's own connection is the fastest path.
      const cols = Object.keys(full[0]!) as (keyof (typeof full)[number])[];
      const stmt = sqlite.prepare(
        `insert into list_entries (${cols.join(',')}) values (${cols.map(() => '?').join(',')})`,
      );
      // Chunks with a turn of the event loop between them (docs/architecture.md: no handler holds
      // the loop over 50 ms), telling the progress after each.
      for (let i = 0; i < full.length; i += 2000) {
        for (const r of full.slice(i, i + 2000)) stmt.run(cols.map((c) => r[c]));
        onProgress?.(Math.min(full.length, i + 2000));
        if (i + 2000 < full.length) await new Promise((r) => setImmediate(r));
      }
      return;
    }
    for (let i = 0; i < full.length; i += 600) {
      await db
        .insertInto('list_entries')
        .values(full.slice(i, i + 600))
        .execute();
      onProgress?.(Math.min(full.length, i + 600));
    }
  },

  /** Recount a list's entries and totals from its rows (one pass over each list's entries). */
  async refreshTotals(db: Executor, listIds: number[], now: string): Promise<void> {
    for (let i = 0; i < listIds.length; i += CHUNK) {
      await sql`update program_lists set (entries_count, total_amount, total_quantity_milli) = (
          select count(*), coalesce(sum(e.amount + e.arrears_amount), 0), coalesce(sum(e.quantity_milli), 0)
          from list_entries e where e.list_id = program_lists.id
        ), updated_at = ${now}
        where id in (${sql.join(listIds.slice(i, i + CHUNK))})`.execute(db);
    }
  },

  /** How many entries each list has (lists without any are absent). */
  async countsByList(db: Executor, listIds: number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    for (let i = 0; i < listIds.length; i += CHUNK) {
      const rows = await db
        .selectFrom('list_entries')
        .select(['list_id', (e) => e.fn.countAll<number>().as('n')])
        .where('list_id', 'in', listIds.slice(i, i + CHUNK))
        .groupBy('list_id')
        .execute();
      for (const r of rows) out.set(r.list_id, Number(r.n));
    }
    return out;
  },

  /**
   * Every `every`-th entry id of a list, in id order: the bounds of slices of `every` entries.
   * Each bound is a short walk of the list's index from the one before (a window function over
   * the list cost ten times more: 31 ms against 2,5 ms for a 99.165-entry programme).
   */
  async idSteps(db: Executor, listId: number, every: number): Promise<number[]> {
    const steps: number[] = [];
    for (;;) {
      const r = await db
        .selectFrom('list_entries')
        .select('id')
        .where('list_id', '=', listId)
        .where('id', '>', steps[steps.length - 1] ?? 0)
        .orderBy('id')
        .limit(1)
        .offset(every - 1)
        .executeTakeFirst();
      if (!r) return steps;
      steps.push(Number(r.id));
    }
  },

  /** Beneficiaries held by more than one entry of the program and period (found on its index). */
  async twinKeys(db: Executor, programId: number, period: string): Promise<string[]> {
    const rows = await db
      .selectFrom('list_entries')
      .select('beneficiary_key')
      .where('program_id', '=', programId)
      .where('period', '=', period)
      .groupBy('beneficiary_key')
      .having((h) => h.fn.countAll(), '>', 1)
      .execute();
    return rows.map((r) => r.beneficiary_key);
  },

  /**
   * Keep one entry per beneficiary in each of `listIds`, the one `entitlement()` would pick: the
   * highest amount, then the first category (then the first written). Generation writes a row per
   * qualifying status (`candidatesRepo.insertGeneratedSql`); a beneficiary with several is among
   * `keys` (`candidatesRepo.severalQualifying`), or else among those held twice in the program and
   * period (`twinKeys`, on its index). Usually none, and then nothing else runs. The keys go to the
   * delete as values: just after the insert the planner has no statistics of these rows, and with
   * the search as a subquery PostgreSQL re-ran it for every entry. Entries of other lists are not
   * touched. Answers the entries removed.
   */
  async dropOutranked(
    db: Executor,
    a: { programId: number; period: string; listIds: number[]; keys?: string[] },
  ): Promise<number> {
    const keys = a.keys ?? (await entriesRepo.twinKeys(db, a.programId, a.period));
    const cat = (t: string) => sql`coalesce(${sql.ref(`${t}.category`)}, '')`;
    let dropped = 0;
    for (let i = 0; i < keys.length; i += CHUNK) {
      const res = await sql`delete from list_entries where id in (
          select e.id from list_entries e
          where e.program_id = ${a.programId} and e.period = ${a.period}
            and e.beneficiary_key in (${sql.join(keys.slice(i, i + CHUNK))})
            and e.list_id in (${sql.join(a.listIds)})
            and exists (select 1 from list_entries o where o.program_id = e.program_id and o.period = e.period
              and o.beneficiary_key = e.beneficiary_key and o.list_id = e.list_id and o.id <> e.id
              and (o.amount > e.amount or (o.amount = e.amount and (${cat('o')} < ${cat('e')}
                or (${cat('o')} = ${cat('e')} and o.id < e.id))))))`.execute(db);
      dropped += Number(res.numAffectedRows ?? 0);
    }
    return dropped;
  },

  /**
   * For each entry of the lists, the communes of other lists (same program and period) holding
   * the same beneficiary. Only the beneficiaries held twice in the program and period are joined
   * (found on the index by program, period and beneficiary): usually none.
   */
  async elsewhere(
    db: Executor,
    a: { programId: number; period: string; listIds: number[] },
  ): Promise<Map<number, string[]>> {
    const { listIds } = a;
    const out = new Map<number, string[]>();
    for (let i = 0; i < listIds.length; i += CHUNK) {
      const rows = await db
        .selectFrom('list_entries as e')
        .innerJoin('list_entries as o', (j) =>
          j
            .onRef('o.program_id', '=', 'e.program_id')
            .onRef('o.period', '=', 'e.period')
            .onRef('o.beneficiary_key', '=', 'e.beneficiary_key')
            .onRef('o.list_id', '<>', 'e.list_id'),
        )
        .select(['e.id', 'o.commune_code'])
        .where('e.list_id', 'in', listIds.slice(i, i + CHUNK))
        .where('e.program_id', '=', a.programId)
        .where('e.period', '=', a.period)
        .where('e.beneficiary_key', 'in', (eb) =>
          eb
            .selectFrom('list_entries as t')
            .select('t.beneficiary_key')
            .where('t.program_id', '=', a.programId)
            .where('t.period', '=', a.period)
            .groupBy('t.beneficiary_key')
            .having((h) => h.fn.countAll(), '>', 1),
        )
        .execute();
      for (const r of rows) {
        const a = out.get(r.id) ?? [];
        if (!a.includes(r.commune_code)) a.push(r.commune_code);
        out.set(r.id, a);
      }
    }
    return out;
  },

  /** A page of entries of a list or a batch, with their payment, optionally searched by name or ID. */
  async entriesPage(
    db: Executor,
    by: { list_id: number } | { batch_id: number },
    q: { q?: string; limit: number; offset: number },
  ) {
    let base = db
      .selectFrom('list_entries as e')
      .leftJoin('payments as pay', 'pay.entry_id', 'e.id')
      // The registry as it is now: an unapproved list shows it (use-cases/read-lists.ts).
      .leftJoin('persons as rp', 'rp.id', 'e.person_id')
      .selectAll('e')
      .select(['pay.state as pay_state', 'pay.paid_on', 'pay.reference as pay_reference'])
      .select(['rp.full_name as reg_full_name', 'rp.citizen_id as reg_citizen_id', 'rp.birth_date as reg_birth_date']);
    base = 'list_id' in by ? base.where('e.list_id', '=', by.list_id) : base.where('e.batch_id', '=', by.batch_id);
    if (q.q) base = base.where((eb) => entryMatches(eb, q.q!));
    const total = await base
      .clearSelect()
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const rows = await base.orderBy('e.commune_code').orderBy('e.id').limit(q.limit).offset(q.offset).execute();
    return { rows, total: Number(total?.n ?? 0) };
  },

  async find(ex: Executor, listId: number, entryId: number): Promise<EntryRow | undefined> {
    return ex
      .selectFrom('list_entries')
      .selectAll()
      .where('id', '=', entryId)
      .where('list_id', '=', listId)
      .executeTakeFirst();
  },

  /** Remove an entry, the remarks on it and, for an imported entry, where it came from. */
  async remove(ex: Executor, entryId: number): Promise<void> {
    await ex.deleteFrom('list_remarks').where('entry_id', '=', entryId).execute();
    await ex.deleteFrom('list_entry_sources').where('entry_id', '=', entryId).execute();
    await ex.deleteFrom('list_entries').where('id', '=', entryId).execute();
  },

  async hasBeneficiary(ex: Executor, listId: number, beneficiaryKey: string): Promise<boolean> {
    const r = await ex
      .selectFrom('list_entries')
      .select('id')
      .where('list_id', '=', listId)
      .where('beneficiary_key', '=', beneficiaryKey)
      .executeTakeFirst();
    return !!r;
  },

  /** The months ('YYYY-MM') approved lists of a program paid each beneficiary, as "key|month". */
  async paidMonths(ex: Executor, programId: number, keys: string[]): Promise<Set<string>> {
    const paid = new Set<string>();
    for (let i = 0; i < keys.length; i += CHUNK) {
      const rows = await ex
        .selectFrom('list_entries')
        .select(['beneficiary_key', 'period', 'arrears_months'])
        .where('program_id', '=', programId)
        .where('approved_key', 'is not', null)
        .where('beneficiary_key', 'in', keys.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) {
        paid.add(`${r.beneficiary_key}|${r.period}`);
        for (const m of r.arrears_months?.split(',') ?? []) if (m) paid.add(`${r.beneficiary_key}|${m}`);
      }
    }
    return paid;
  },

  /** Beneficiaries of a commune already on an approved list of the program and period. */
  async approvedKeys(ex: Executor, programId: number, period: string, communeCode: string): Promise<Set<string>> {
    const rows = await ex
      .selectFrom('list_entries')
      .select('beneficiary_key')
      .where('program_id', '=', programId)
      .where('period', '=', period)
      .where('approved_key', 'is not', null)
      .where('commune_code', '=', communeCode)
      .execute();
    return new Set(rows.map((r) => r.beneficiary_key));
  },

  /**
   * Copy the registry's current name, ID and birth date into a list's entries of persons: done
   * when the list is submitted and approved, so that what was approved is what the registry held
   * then (an ID fixed after the check reaches the list).
   */
  async refreshFromRegistry(ex: Executor, listId: number): Promise<void> {
    await ex
      .updateTable('list_entries')
      .set((eb) => ({
        full_name: eb
          .selectFrom('persons as p')
          .select('p.full_name')
          .whereRef('p.id', '=', 'list_entries.person_id')
          .$castTo<string>(),
        citizen_id: eb
          .selectFrom('persons as p')
          .select('p.citizen_id')
          .whereRef('p.id', '=', 'list_entries.person_id'),
        birth_date: eb
          .selectFrom('persons as p')
          .select('p.birth_date')
          .whereRef('p.id', '=', 'list_entries.person_id'),
      }))
      .where('list_id', '=', listId)
      .where('person_id', 'is not', null)
      .where((eb) =>
        eb.exists(eb.selectFrom('persons as p').select('p.id').whereRef('p.id', '=', 'list_entries.person_id')),
      )
      .execute();
  },

  /** Approval stamps each entry; the unique key refuses a person approved twice in one period. */
  async stampApproved(ex: Executor, listId: number): Promise<void> {
    await ex
      .updateTable('list_entries')
      .set({ approved_key: sql<string>`cast(program_id as text) || ':' || period || ':' || beneficiary_key` })
      .where('list_id', '=', listId)
      .execute();
  },

  /** What a published list shows of its entries (masked by the presenter). */
  async published(ex: Executor, listId: number) {
    return ex
      .selectFrom('list_entries')
      .select([
        'id',
        'full_name',
        'birth_date',
        'village',
        'citizen_id',
        'category',
        'amount',
        'arrears_amount',
        'quantity_milli',
      ])
      .where('list_id', '=', listId)
      .orderBy('id')
      .execute();
  },
};
