import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import { LIST_COLUMNS, type Scope } from './shared.js';

/** Candidate duplicate persons and the decisions officers took on pairs. */
export const duplicatesRepo = {
  /** Groups of persons in one commune with the same name key and birth year. */
  sameNameAndYear(db: Executor, scope: Scope, limit: number) {
    let q = db
      .selectFrom('persons')
      .select(['commune_code', 'name_key', 'birth_year', (eb) => eb.fn.countAll<number>().as('n')])
      .where('merged_into_id', 'is', null);
    if (scope) q = q.where(scope.column, '=', scope.code);
    return q
      .groupBy(['commune_code', 'name_key', 'birth_year'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .limit(limit)
      .execute();
  },

  /** Groups of persons in one commune sharing a full birth date (candidates for similar names). */
  sameBirthDate(db: Executor, scope: Scope, limit: number) {
    let q = db
      .selectFrom('persons')
      .select(['commune_code', 'birth_date', (eb) => eb.fn.countAll<number>().as('n')])
      .where('merged_into_id', 'is', null)
      .where(sql<boolean>`length(birth_date) = 10`);
    if (scope) q = q.where(scope.column, '=', scope.code);
    return q
      .groupBy(['commune_code', 'birth_date'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .limit(limit)
      .execute();
  },

  personsWhere(
    db: Executor,
    where: { commune_code: string; name_key?: string; birth_year?: number; birth_date?: string },
  ) {
    let q = db
      .selectFrom('persons')
      .leftJoin('households as h', 'h.id', 'persons.household_id')
      .innerJoin('areas as a', 'a.code', 'persons.commune_code')
      .select([...LIST_COLUMNS, 'persons.name_key', 'h.code as household_code', 'a.name as commune_name'])
      .where('persons.commune_code', '=', where.commune_code)
      .where('persons.merged_into_id', 'is', null);
    if (where.name_key) q = q.where('persons.name_key', '=', where.name_key);
    if (where.birth_year) q = q.where('persons.birth_year', '=', where.birth_year);
    if (where.birth_date) q = q.where('persons.birth_date', '=', where.birth_date);
    return q.orderBy('persons.id').execute();
  },

  decidedPairs(db: Executor) {
    return db.selectFrom('duplicate_decisions').select(['person_a', 'person_b']).execute();
  },

  async insertDecision(
    db: Executor,
    d: {
      person_a: number;
      person_b: number;
      decision: string;
      note: string | null;
      decided_by: string;
      decided_at: string;
    },
  ): Promise<void> {
    await db.insertInto('duplicate_decisions').values(d).execute();
  },
};
