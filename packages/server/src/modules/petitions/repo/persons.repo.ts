import type { Executor } from '../../../db/database.js';

/**
 * The one declared reader of the registry's tables in this module: where a person lives, to check
 * that an officer linking a letter to them may see them.
 */
export const personsReader = {
  areaOf(db: Executor, id: number) {
    return db
      .selectFrom('persons')
      .select(['province_code', 'district_code', 'commune_code'])
      .where('id', '=', id)
      .executeTakeFirst();
  },
};
