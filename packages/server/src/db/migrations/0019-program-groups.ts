import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * A programme's group ('covid', 'tet', 'merit', 'social_assistance', 'health_insurance', 'food'…):
 * a report figure names the group or the programme it sums, so "Covid support" sums the Covid
 * programmes only (issue 11, docs/modules/reports.md). Existing programmes have none until set.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('programs').addColumn('group_code', 'text').execute();
}
