import type { Executor } from '../../../db/database.js';
import type { PersonsTable } from '../../../db/schema.js';
import { applyPersonFilter, type PersonFilter } from './person-filter.repo.js';
import { searchPersonsPage } from './person-search.repo.js';
import { LIST_COLUMNS, type Scope } from './shared.js';

export type PersonRow = Omit<PersonsTable, 'id'> & { id: number };
export type NewPerson = Omit<PersonsTable, 'id'>;
export type { PersonFilter };

/** Persons: search (paged and keyset), one person, writes. */
export const personsRepo = {
  /** One page of a search (repo/person-search.repo.ts). */
  searchPersons(db: Executor, scope: Scope, f: PersonFilter, page: number, pageSize: number) {
    return searchPersonsPage(db, scope, f, page, pageSize);
  },

  /** Keyset iteration over a filtered list, for exports of any size. */
  async *iteratePersons(db: Executor, scope: Scope, f: PersonFilter, batch = 2000) {
    let after: { sort: string; id: number } | null = null;
    for (;;) {
      let q = applyPersonFilter(db.selectFrom('persons'), scope, f)
        .leftJoin('households as h', 'h.id', 'persons.household_id')
        .innerJoin('areas as a', 'a.code', 'persons.commune_code')
        .select([
          ...LIST_COLUMNS,
          'persons.sort_key',
          'persons.disability',
          'persons.old_id_number',
          'h.code as household_code',
          'a.name as commune_name',
        ]);
      if (after) {
        const a = after;
        q = q.where((eb) =>
          eb.or([
            eb('persons.sort_key', '>', a.sort),
            eb.and([eb('persons.sort_key', '=', a.sort), eb('persons.id', '>', a.id)]),
          ]),
        );
      }
      const rows = await q.orderBy('persons.sort_key').orderBy('persons.id').limit(batch).execute();
      if (rows.length === 0) return;
      yield rows;
      const last = rows[rows.length - 1]!;
      after = { sort: last.sort_key, id: last.id };
    }
  },

  findPerson(db: Executor, id: number) {
    return db
      .selectFrom('persons')
      .leftJoin('households as h', 'h.id', 'persons.household_id')
      .innerJoin('areas as a', 'a.code', 'persons.commune_code')
      .selectAll('persons')
      .select(['h.code as household_code', 'a.name as commune_name'])
      .where('persons.id', '=', id)
      .executeTakeFirst();
  },

  findPersonByCitizenId(db: Executor, citizenId: string) {
    return db.selectFrom('persons').selectAll().where('citizen_id', '=', citizenId).executeTakeFirst();
  },

  async insertPerson(db: Executor, row: NewPerson): Promise<number> {
    return (await db.insertInto('persons').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async updatePerson(db: Executor, id: number, set: Partial<NewPerson>): Promise<void> {
    await db.updateTable('persons').set(set).where('id', '=', id).execute();
  },

  householdMembers(db: Executor, householdId: number) {
    return db
      .selectFrom('persons')
      .innerJoin('areas as a', 'a.code', 'persons.commune_code')
      .select([...LIST_COLUMNS, 'a.name as commune_name'])
      .where('household_id', '=', householdId)
      .where('merged_into_id', 'is', null)
      .orderBy('persons.birth_date')
      .execute();
  },
};
