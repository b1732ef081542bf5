import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * A broad person search ("nguyen", "nguyen van") reads a page by walking the Vietnamese order of
 * the active persons and testing the name on each: this index holds the order and everything the
 * walk tests (name keys, area codes), so the walk never reads the table; two more hold each name
 * range with its order. Partial: only active
 * persons (not merged, deceased or moved out), which is what a search shows by default.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  const active = sql.raw<boolean>('merged_into_id is null and deceased_on is null and moved_out_on is null');
  const areas = ['province_code', 'district_code', 'commune_code'];
  await db.schema
    .createIndex('persons_search_walk_idx')
    .on('persons')
    .columns(['sort_key', 'id', 'name_key', 'given_key', ...areas])
    .where(active)
    .execute();
  // A narrower search reads the matches of one name range in order from these, without the table.
  for (const key of ['name_key', 'given_key']) {
    await db.schema
      .createIndex(`persons_search_${key.replace('_key', '')}_idx`)
      .on('persons')
      .columns([key, 'sort_key', 'id', ...areas])
      .where(active)
      .execute();
  }
}
