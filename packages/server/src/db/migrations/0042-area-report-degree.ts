import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * A programme's lists generated from the area indexes alone (docs/modules/programs.md, "How lists
 * are generated").
 *
 * Generation reads the statuses of an area (a commune at a time on SQLite, the area at once on
 * PostgreSQL) through the area's covering index (0036), and words each entry's reason from the
 * status's category, review year and degree. The degree was the one column not in the index, so
 * every qualifying status was read again from the table: on the 1.000.000-person province, the
 * 99.165 entries of the bench programme took ~360 ms of statements instead of ~325 ms with the
 * degree in the index (measured on a copy, `bench/programs.ts`). The three indexes are replaced,
 * not added.
 */
const COVER = ['kind', 'category', 'valid_from', 'valid_to', 'decision_date', 'year', 'household_id', 'person_id'];

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  for (const area of ['province_code', 'district_code', 'commune_code']) {
    const name = `statuses_${area.replace('_code', '')}_report_idx`;
    await db.schema.dropIndex(name).ifExists().execute();
    await db.schema
      .createIndex(name)
      .on('statuses')
      .columns([area, ...COVER, 'degree'])
      .execute();
  }
}
