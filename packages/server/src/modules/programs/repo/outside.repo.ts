import type { Executor } from '../../../db/database.js';
import type { ListEntrySourcesTable } from '../../../db/schema-programs.js';
import { chunked } from './types.js';

type NewSource = Omit<ListEntrySourcesTable, 'id' | 'person_created'> & { person_created: number };

/**
 * SQL of lists imported for people outside the registry (use-cases/import-list.ts): the import's
 * one read of the registry's persons (by personal ID), the beneficiaries already on a list of the
 * program and period, and where each imported entry came from (`list_entry_sources`).
 */
export const outsideRepo = {
  /** Registry persons holding these personal IDs (merged records excluded), by ID. */
  async personsByCitizenIds(ex: Executor, ids: string[]) {
    const rows = await chunked(ids, (slice) =>
      ex
        .selectFrom('persons')
        .select(['id', 'citizen_id', 'name_key', 'birth_date', 'full_name', 'commune_code'])
        .where('citizen_id', 'in', slice)
        .where('merged_into_id', 'is', null)
        .execute(),
    );
    return new Map(rows.map((r) => [r.citizen_id!, r]));
  },

  /** Of these beneficiary keys, those already on a list of the program and period (any state). */
  async onProgram(ex: Executor, programId: number, period: string, keys: string[]): Promise<Set<string>> {
    const rows = await chunked(keys, (slice) =>
      ex
        .selectFrom('list_entries')
        .select('beneficiary_key')
        .where('program_id', '=', programId)
        .where('period', '=', period)
        .where('beneficiary_key', 'in', slice)
        .execute(),
    );
    return new Set(rows.map((r) => r.beneficiary_key));
  },

  /** The entry ids of a list by beneficiary key (to link each imported row to its entry). */
  async entryIdsOf(ex: Executor, listId: number): Promise<Map<string, number>> {
    const rows = await ex
      .selectFrom('list_entries')
      .select(['id', 'beneficiary_key'])
      .where('list_id', '=', listId)
      .execute();
    return new Map(rows.map((r) => [r.beneficiary_key, r.id]));
  },

  async insertSources(ex: Executor, rows: NewSource[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500)
      await ex
        .insertInto('list_entry_sources')
        .values(rows.slice(i, i + 500))
        .execute();
  },

  /** Who sent the files a list was imported from, with how many entries and created persons each. */
  async importedInto(ex: Executor, listId: number) {
    const rows = await ex
      .selectFrom('list_entry_sources')
      .select(['submitted_by', 'file_name'])
      .select((e) => [e.fn.countAll<number>().as('n'), e.fn.sum<number>('person_created').as('created')])
      .where('list_id', '=', listId)
      .groupBy(['submitted_by', 'file_name'])
      .orderBy('submitted_by')
      .execute();
    return rows.map((r) => ({
      submittedBy: r.submitted_by,
      fileName: r.file_name,
      entries: Number(r.n),
      createdPersons: Number(r.created ?? 0),
    }));
  },

  async setListByImport(ex: Executor, programId: number, on: boolean, at: string): Promise<void> {
    await ex
      .updateTable('programs')
      .set({ list_by_import: on ? 1 : 0, updated_at: at })
      .where('id', '=', programId)
      .execute();
  },
};
