import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes } from './helpers.js';

/**
 * The scores of a review case move out of `poverty_cases` into the narrow `poverty_scores`
 * (docs/modules/poverty.md "Scoring at scale"): rescoring a campaign then writes one short row per
 * household into a table with a single B-tree (its key), instead of rewriting the wide case row
 * and, on PostgreSQL, an entry in each of its six indexes.
 *
 * - `poverty_scores` (campaign, case) -> B1 total, deprivation count, income band, proposed class,
 *   proposed registry category; the scores of the cases already there are copied.
 * - `poverty_cases.b1_score` becomes `b1_given`: only the B1 total entered or imported without
 *   the answers (b1_source 'given'), an input of the scoring.
 * - `poverty_cases.registry_category` becomes `recognized_category`: the category the recognition
 *   wrote to the registry, set at recognition next to `recognized_class` (the movement report and
 *   the indicators read the recognised cases only).
 * - `deprivation_count`, `income_band`, `proposed_class` leave `poverty_cases`.
 * - The province index of the cases becomes a covering index of the movement report (province,
 *   step, then the columns the report groups by, in that order, then the rest it reads), so the
 *   report of a province reads the index alone and groups without sorting.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  let create = db.schema
    .createTable('poverty_scores')
    .addColumn('campaign_id', t.ref, (c) => c.notNull())
    .addColumn('case_id', t.ref, (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('b1_score', 'integer')
    .addColumn('deprivation_count', 'integer')
    .addColumn('income_band', 'text')
    .addColumn('proposed_class', 'text')
    .addColumn('registry_category', 'text')
    .addPrimaryKeyConstraint('poverty_scores_pk', ['campaign_id', 'case_id']);
  // SQLite: the key is the table (one B-tree, no rowid table beside the key's index).
  if (dialect === 'sqlite') create = create.modifyEnd(sql`without rowid`);
  await create.execute();
  await sql`insert into poverty_scores (campaign_id, case_id, province_code, b1_score, deprivation_count, income_band,
      proposed_class, registry_category)
    select campaign_id, id, province_code, b1_score, deprivation_count, income_band, proposed_class, registry_category
    from poverty_cases
    where b1_score is not null or deprivation_count is not null or income_band is not null
      or proposed_class is not null or registry_category is not null`.execute(db);

  await db.schema.alterTable('poverty_cases').renameColumn('b1_score', 'b1_given').execute();
  await sql`update poverty_cases set b1_given = null where b1_source is null or b1_source <> 'given'`.execute(db);
  await db.schema.alterTable('poverty_cases').renameColumn('registry_category', 'recognized_category').execute();
  await sql`update poverty_cases set recognized_category = null where step <> 'recognized'`.execute(db);
  for (const column of ['deprivation_count', 'income_band', 'proposed_class'])
    await db.schema.alterTable('poverty_cases').dropColumn(column).execute();

  await db.schema.dropIndex('poverty_cases_province_idx').execute();
  await db.schema
    .createIndex('poverty_cases_movement_idx')
    .on('poverty_cases')
    .columns([
      'province_code',
      'step',
      'recognized_category',
      'previous',
      'ever_poor',
      'deprived_mask',
      'campaign_id',
      'recognition_id',
    ])
    .execute();
}
