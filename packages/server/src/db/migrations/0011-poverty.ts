import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * The poverty review (docs/legal/poverty.md): campaigns per commune with their review board and
 * reviewers and their own copy of the B1 scoring table; the households listed for review (one
 * case each, carrying the latest scores); surveys (Phiếu A, B1 answers, B2 deprivations); village
 * meetings; public postings with objections; the district opinion where the tree had districts;
 * recognition decisions. Every table carries province, district and commune codes.
 */
/** The three area codes every row carries (docs/architecture.md "Data"). */
const areaCols = <T extends string, C extends string>(b: CreateTableBuilder<T, C>) =>
  b
    .addColumn('province_code', 'text', notNull)
    .addColumn('district_code', 'text')
    .addColumn('commune_code', 'text', notNull);

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await areaCols(t.id(db.schema.createTable('poverty_campaigns')))
    .addColumn('kind', 'text', notNull)
    .addColumn('year', 'integer', notNull)
    .addColumn('review_date', 'date', notNull)
    .addColumn('window_from', 'date', notNull)
    .addColumn('window_to', 'date', notNull)
    .addColumn('standard_code', 'text', notNull)
    .addColumn('district_step', 'integer', notNull)
    .addColumn('b1_json', 'text', notNull)
    .addColumn('board_json', 'text', notNull)
    .addColumn('reviewers_json', 'text', notNull)
    .addColumn('district_opinion_json', 'text')
    .addColumn('state', 'text', notNull)
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('poverty_campaigns_commune_idx')
    .on('poverty_campaigns')
    .columns(['commune_code', 'year'])
    .execute();
  await db.schema
    .createIndex('poverty_campaigns_province_idx')
    .on('poverty_campaigns')
    .columns(['province_code', 'year'])
    .execute();

  // The campaign's B1 points, one row per option: the table scoring joins (set-based).
  await db.schema
    .createTable('poverty_b1_points')
    .addColumn('campaign_id', t.ref, (c) => c.notNull().references('poverty_campaigns.id'))
    .addColumn('item_code', 'text', notNull)
    .addColumn('option_code', 'text', notNull)
    .addColumn('rural_points', 'integer', notNull)
    .addColumn('urban_points', 'integer', notNull)
    .addColumn('province_code', 'text', notNull)
    .addPrimaryKeyConstraint('poverty_b1_points_pk', ['campaign_id', 'item_code', 'option_code'])
    .execute();

  await areaCols(t.id(db.schema.createTable('poverty_cases')))
    .addColumn('campaign_id', t.ref, (c) => c.notNull().references('poverty_campaigns.id'))
    .addColumn('household_id', t.ref, (c) => c.notNull().references('households.id'))
    .addColumn('village', 'text')
    .addColumn('residence', 'text', notNull)
    .addColumn('ethnic_minority', 'integer', notNull)
    .addColumn('source', 'text', notNull)
    .addColumn('step', 'text', notNull)
    .addColumn('previous', 'text')
    .addColumn('ever_poor', 'integer', notNull)
    .addColumn('farm', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('screened_out', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('b1_source', 'text')
    .addColumn('b1_score', 'integer')
    .addColumn('income', t.bigint)
    .addColumn('deprived_mask', 'integer')
    .addColumn('deprivation_count', 'integer')
    .addColumn('income_band', 'text')
    .addColumn('proposed_class', 'text')
    .addColumn('registry_category', 'text')
    .addColumn('cause', 'text')
    .addColumn('agree_bp', 'integer')
    .addColumn('meeting_id', t.ref)
    .addColumn('posting_id', t.ref)
    .addColumn('recognition_id', t.ref)
    .addColumn('recognized_class', 'text')
    .addColumn('updated_at', t.instant, notNull)
    .addUniqueConstraint('poverty_cases_household_uq', ['campaign_id', 'household_id'])
    .execute();
  await db.schema.createIndex('poverty_cases_step_idx').on('poverty_cases').columns(['campaign_id', 'step']).execute();
  await db.schema.createIndex('poverty_cases_commune_idx').on('poverty_cases').columns(['commune_code']).execute();
  await db.schema.createIndex('poverty_cases_district_idx').on('poverty_cases').columns(['district_code']).execute();
  await db.schema.createIndex('poverty_cases_province_idx').on('poverty_cases').columns(['province_code']).execute();

  await areaCols(t.id(db.schema.createTable('poverty_surveys')))
    .addColumn('case_id', t.ref, (c) => c.notNull().references('poverty_cases.id'))
    .addColumn('campaign_id', t.ref, notNull)
    .addColumn('surveyed_on', 'date', notNull)
    .addColumn('reviewer', 'text', notNull)
    .addColumn('body_json', 'text', notNull)
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('poverty_surveys_case_idx').on('poverty_surveys').columns(['case_id']).execute();

  // The latest survey's B1 answers per case (replaced at each survey), scored by joining the points.
  await db.schema
    .createTable('poverty_b1_answers')
    .addColumn('case_id', t.ref, (c) => c.notNull().references('poverty_cases.id'))
    .addColumn('campaign_id', t.ref, notNull)
    .addColumn('item_code', 'text', notNull)
    .addColumn('option_code', 'text', notNull)
    .addColumn('province_code', 'text', notNull)
    .addPrimaryKeyConstraint('poverty_b1_answers_pk', ['case_id', 'item_code'])
    .execute();
  await db.schema
    .createIndex('poverty_b1_answers_campaign_idx')
    .on('poverty_b1_answers')
    .columns(['campaign_id'])
    .execute();

  for (const table of ['poverty_meetings', 'poverty_postings', 'poverty_recognitions']) {
    let b = areaCols(t.id(db.schema.createTable(table)))
      .addColumn('campaign_id', t.ref, (c) => c.notNull().references('poverty_campaigns.id'))
      .addColumn('body_json', 'text', notNull);
    if (table === 'poverty_meetings') b = b.addColumn('village', 'text', notNull).addColumn('held_on', 'date', notNull);
    if (table === 'poverty_postings')
      b = b.addColumn('posted_from', 'date', notNull).addColumn('posted_to', 'date', notNull);
    if (table === 'poverty_recognitions')
      b = b
        .addColumn('decision_no', 'text', notNull)
        .addColumn('decision_date', 'date', notNull)
        .addColumn('valid_from', 'date', notNull)
        .addColumn('state', 'text', notNull);
    await b.addColumn('created_by', 'text', notNull).addColumn('created_at', t.instant, notNull).execute();
    await db.schema.createIndex(`${table}_campaign_idx`).on(table).columns(['campaign_id']).execute();
  }

  await areaCols(t.id(db.schema.createTable('poverty_objections')))
    .addColumn('posting_id', t.ref, (c) => c.notNull().references('poverty_postings.id'))
    .addColumn('case_id', t.ref, (c) => c.notNull().references('poverty_cases.id'))
    .addColumn('text', 'text', notNull)
    .addColumn('answer', 'text')
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('poverty_objections_case_idx').on('poverty_objections').columns(['case_id']).execute();
}
