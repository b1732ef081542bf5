import type { Executor } from '../../../db/database.js';

/**
 * The one place the employment module reads the registry's persons (never writes them): a
 * supply record is linked to the registry person holding the same personal ID.
 */
export const personsRepo = {
  byCitizenId(ex: Executor, citizenId: string) {
    return ex
      .selectFrom('persons')
      .select(['id', 'full_name', 'birth_date', 'gender', 'ethnic_code', 'commune_code', 'citizen_id'])
      .where('citizen_id', '=', citizenId)
      .where('merged_into_id', 'is', null)
      .executeTakeFirst();
  },

  /** Registry person ids by personal ID, for a chunk of IDs (imports). */
  async idsByCitizenIds(ex: Executor, ids: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < ids.length; i += 900) {
      const rows = await ex
        .selectFrom('persons')
        .select(['id', 'citizen_id'])
        .where('citizen_id', 'in', ids.slice(i, i + 900))
        .where('merged_into_id', 'is', null)
        .execute();
      for (const r of rows) if (r.citizen_id) out.set(r.citizen_id, r.id);
    }
    return out;
  },

  /** The supply record of a registry person, by the person's id. */
  citizenIdOf(ex: Executor, personId: number) {
    return ex
      .selectFrom('persons')
      .select(['id', 'citizen_id', 'full_name'])
      .where('id', '=', personId)
      .executeTakeFirst();
  },
};
