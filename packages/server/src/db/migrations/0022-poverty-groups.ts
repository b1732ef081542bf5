import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Scoring reads (case, item) -> option and (campaign, item, option) -> points from these covering
 * indexes alone (SQLite: no table lookup per answer; docs/modules/poverty.md "Bench").
 *
 * The household groups of a review case (no working capacity, meritorious service, support
 * needed: TT 07/2021 report templates, docs/legal/poverty.md), as a bit mask of POVERTY_GROUPS,
 * for the breakdowns of the movement report.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('poverty_cases')
    .addColumn('groups_mask', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('poverty_b1_answers_scoring_idx')
    .on('poverty_b1_answers')
    .columns(['case_id', 'item_code', 'option_code', 'campaign_id'])
    .execute();
  await db.schema
    .createIndex('poverty_b1_points_scoring_idx')
    .on('poverty_b1_points')
    .columns(['campaign_id', 'item_code', 'option_code', 'rural_points', 'urban_points'])
    .execute();
}
