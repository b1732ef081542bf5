import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Person search at a million persons (docs/architecture.md, "Searches"): one covering index per
 * way a search reads persons, instead of a bare key index and a partial covering index for each.
 *
 * 0015's covering indexes were partial (active persons only). SQLite's planner kept choosing the
 * bare `name_key`, `given_key` and `sort_key` indexes of 0002 over them and read the table row of
 * every candidate: walking 4.000 persons in order took 37 ms instead of 0,4 ms, and sorting the
 * matches of one given name 134 ms instead of 8 ms (1.000.000 persons). Here the three covering
 * indexes become whole-table ones that also hold the three columns the active filter tests, so
 * they serve the default search, searches that include inactive persons, exports (keyset on
 * sort_key, id) and the duplicate check (name_key); the three bare indexes go. Persons keep seven
 * indexes instead of ten, which the registry import pays for on every row.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  for (const name of [
    'persons_name_idx',
    'persons_given_idx',
    'persons_sort_idx',
    'persons_search_walk_idx',
    'persons_search_name_idx',
    'persons_search_given_idx',
  ])
    await db.schema.dropIndex(name).ifExists().execute();
  const areas = ['province_code', 'district_code', 'commune_code'];
  const active = ['merged_into_id', 'deceased_on', 'moved_out_on'];
  // Walking the Vietnamese order (and testing the name on each row without reading the table).
  await db.schema
    .createIndex('persons_search_walk_idx')
    .on('persons')
    .columns(['sort_key', 'id', 'name_key', 'given_key', ...areas, ...active])
    .execute();
  // The matches of one name range (whole name, or given name), with their order.
  for (const key of ['name_key', 'given_key'])
    await db.schema
      .createIndex(`persons_search_${key.replace('_key', '')}_idx`)
      .on('persons')
      .columns([key, 'sort_key', 'id', ...areas, ...active])
      .execute();

  // A dossier search reads the matches in the list's order (received, newest first) as ids from
  // this index, testing the applicant's name on the entry, not the row (modules/dossiers/repo/
  // dossier-search.repo.ts); a code prefix is a range of the code: byte order on PostgreSQL too.
  await db.schema
    .createIndex('dossiers_search_idx')
    .on('dossiers')
    .columns(['province_code', 'received_at', 'id', 'applicant_name_key'])
    .execute();
  if (dialect === 'postgres') await sql`alter table dossiers alter column code type text collate "C"`.execute(db);
}
