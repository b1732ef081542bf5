import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { ListEntriesTable, ProgramListsTable, ProgramsTable } from '../../db/schema-programs.js';
import type { AreaColumn } from '../../platform/authz.js';

export type ProgramRow = Selectable<ProgramsTable>;
export type ListRow = Selectable<ProgramListsTable>;
export type EntryRow = Selectable<ListEntriesTable>;
export type NewEntry = Omit<EntryRow, 'id' | 'approved_key' | 'batch_id' | 'arrears_amount' | 'quantity_milli' | 'manual'> & {
  arrears_amount?: number;
  quantity_milli?: number;
  manual?: number;
};

/** A status row of a candidate, with what the rules and the list need to know. */
export interface CandidateRow {
  person_id: number | null;
  household_id: number | null;
  kind: string;
  category: string;
  year: number | null;
  degree: number | null;
  valid_from: string;
}

/** What a list shows of a person. */
export interface HolderColumns {
  full_name: string;
  birth_date: string | null;
  citizen_id: string | null;
  village: string | null;
  province_code: string;
  district_code: string | null;
  commune_code: string;
}

export interface Scope {
  column: AreaColumn;
  code: string;
}

const CHUNK = 800;

/** SQL of the programs module. */
export const programsRepo = {
  /**
   * Statuses in force on `refDate` of the given kinds, in an area, whose holder is alive, still
   * living there and not merged into another record (persons), or still active (households).
   */
  async candidateStatuses(db: Executor, per: 'person' | 'household', kinds: string[], scope: Scope, refDate: string): Promise<(CandidateRow & Partial<HolderColumns>)[]> {
    if (per === 'person') {
      // One pass: the statuses with their holder's columns.
      return db
        .selectFrom('statuses as s')
        .innerJoin('persons as p', 'p.id', 's.person_id')
        .select(['s.person_id', 's.household_id', 's.kind', 's.category', 's.year', 's.degree', 's.valid_from'])
        .select(['p.full_name', 'p.birth_date', 'p.citizen_id', 'p.village', 'p.province_code', 'p.district_code', 'p.commune_code'])
        .where(`s.${scope.column}`, '=', scope.code)
        .where('s.kind', 'in', kinds)
        .where('s.valid_from', '<=', refDate)
        .where((eb) => eb.or([eb('s.valid_to', 'is', null), eb('s.valid_to', '>=', refDate)]))
        .where('p.merged_into_id', 'is', null)
        .where((eb) => eb.or([eb('p.deceased_on', 'is', null), eb('p.deceased_on', '>', refDate)]))
        .where((eb) => eb.or([eb('p.moved_out_on', 'is', null), eb('p.moved_out_on', '>', refDate)]))
        .execute();
    }
    let q = db
      .selectFrom('statuses as s')
      .select(['s.person_id', 's.household_id', 's.kind', 's.category', 's.year', 's.degree', 's.valid_from'])
      .where(`s.${scope.column}`, '=', scope.code)
      .where('s.kind', 'in', kinds)
      .where('s.valid_from', '<=', refDate)
      .where((eb) => eb.or([eb('s.valid_to', 'is', null), eb('s.valid_to', '>=', refDate)]));
    q = q.innerJoin('households as h', 'h.id', 's.household_id').where('h.state', '=', 'active');
    return q.execute();
  },

  async personsByIds(db: Executor, ids: number[]) {
    const out = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      out.push(
        ...(await db
          .selectFrom('persons')
          .select(['id', 'full_name', 'birth_date', 'citizen_id', 'village', 'deceased_on', 'moved_out_on', 'province_code', 'district_code', 'commune_code', 'household_id'])
          .where('id', 'in', ids.slice(i, i + CHUNK))
          .execute()),
      );
    }
    return out;
  },

  /** Households with their head (name and ID shown on the list) and how many members live there. */
  async householdsByIds(db: Executor, ids: number[]) {
    const out = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      out.push(
        ...(await db
          .selectFrom('households as h')
          .leftJoin('persons as p', 'p.id', 'h.head_person_id')
          .select([
            'h.id',
            'h.code',
            'h.village',
            'h.province_code',
            'h.district_code',
            'h.commune_code',
            'p.full_name',
            'p.birth_date',
            'p.citizen_id',
            'p.deceased_on',
            'p.moved_out_on',
            (eb) =>
              eb
                .selectFrom('persons as m')
                .select((e) => e.fn.countAll<number>().as('n'))
                .whereRef('m.household_id', '=', 'h.id')
                .where('m.deceased_on', 'is', null)
                .where('m.moved_out_on', 'is', null)
                .as('members'),
          ])
          .where('h.id', 'in', ids.slice(i, i + CHUNK))
          .execute()),
      );
    }
    return out;
  },

  /** Statuses of the given persons or households in force on a date (for checks and manual additions). */
  async statusesOf(db: Executor, per: 'person' | 'household', ids: number[], refDate: string): Promise<CandidateRow[]> {
    const out: CandidateRow[] = [];
    const col = per === 'person' ? 'person_id' : 'household_id';
    for (let i = 0; i < ids.length; i += CHUNK) {
      out.push(
        ...(await db
          .selectFrom('statuses')
          .select(['person_id', 'household_id', 'kind', 'category', 'year', 'degree', 'valid_from'])
          .where(col, 'in', ids.slice(i, i + CHUNK))
          .where('valid_from', '<=', refDate)
          .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', refDate)]))
          .execute()),
      );
    }
    return out;
  },

  async insertEntries(db: Executor, rows: NewEntry[]): Promise<void> {
    // 22 columns: 600 rows stay under SQLite's 32.766 bound parameters.
    // Every row names every column: SQLite fills a column missing from some rows with NULL.
    const full = rows.map((r) => ({ ...r, arrears_amount: r.arrears_amount ?? 0, quantity_milli: r.quantity_milli ?? 0, manual: r.manual ?? 0, arrears_note: r.arrears_note ?? null, arrears_months: r.arrears_months ?? null }));
    for (let i = 0; i < full.length; i += 600) await db.insertInto('list_entries').values(full.slice(i, i + 600)).execute();
  },

  /** Recount a list's entries and totals from its rows. */
  async refreshTotals(db: Executor, listIds: number[], now: string): Promise<void> {
    for (let i = 0; i < listIds.length; i += CHUNK) {
      const ids = listIds.slice(i, i + CHUNK);
      await db
        .updateTable('program_lists as l')
        .set((eb) => ({
          entries_count: eb.selectFrom('list_entries as e').select((e) => e.fn.countAll<number>().as('n')).whereRef('e.list_id', '=', 'l.id'),
          total_amount: eb
            .selectFrom('list_entries as e')
            .select(sql<number>`coalesce(sum(e.amount + e.arrears_amount), 0)`.as('t'))
            .whereRef('e.list_id', '=', 'l.id'),
          total_quantity_milli: eb
            .selectFrom('list_entries as e')
            .select(sql<number>`coalesce(sum(e.quantity_milli), 0)`.as('t'))
            .whereRef('e.list_id', '=', 'l.id'),
          updated_at: now,
        }))
        .where('l.id', 'in', ids)
        .execute();
    }
  },

  /** For each entry of the lists, the communes of other lists (same program and period) holding the same beneficiary. */
  async elsewhere(db: Executor, listIds: number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    for (let i = 0; i < listIds.length; i += CHUNK) {
      const rows = await db
        .selectFrom('list_entries as e')
        .innerJoin('list_entries as o', (j) =>
          j.onRef('o.program_id', '=', 'e.program_id').onRef('o.period', '=', 'e.period').onRef('o.beneficiary_key', '=', 'e.beneficiary_key').onRef('o.list_id', '<>', 'e.list_id'),
        )
        .select(['e.id', 'o.commune_code'])
        .where('e.list_id', 'in', listIds.slice(i, i + CHUNK))
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
  async entriesPage(db: Executor, by: { list_id: number } | { batch_id: number }, q: { q?: string; limit: number; offset: number }) {
    let base = db
      .selectFrom('list_entries as e')
      .leftJoin('payments as pay', 'pay.entry_id', 'e.id')
      .selectAll('e')
      .select(['pay.state as pay_state', 'pay.paid_on', 'pay.reference as pay_reference']);
    base = 'list_id' in by ? base.where('e.list_id', '=', by.list_id) : base.where('e.batch_id', '=', by.batch_id);
    if (q.q) base = base.where((eb) => eb.or([eb('e.full_name', 'like', `%${q.q}%`), eb('e.citizen_id', '=', q.q!)]));
    const total = await base.clearSelect().select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await base.orderBy('e.commune_code').orderBy('e.id').limit(q.limit).offset(q.offset).execute();
    return { rows, total: Number(total?.n ?? 0) };
  },

  /** Lists joined with their program and commune name. */
  listsQuery(db: Executor) {
    return db
      .selectFrom('program_lists as l')
      .innerJoin('programs as g', 'g.id', 'l.program_id')
      .innerJoin('areas as a', 'a.code', 'l.commune_code')
      .selectAll('l')
      .select(['g.code as program_code', 'g.name as program_name', 'g.unit', 'g.legal_basis', 'a.name as commune_name']);
  },
};
