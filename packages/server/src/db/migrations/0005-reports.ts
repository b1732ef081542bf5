import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * Plans, entered indicator values and reports. Rows carry their province, district and commune
 * codes like the registry, so the area scope is one indexed equality.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  const real = 'double precision' as const;

  await db.schema
    .createTable('report_indicators')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('module', 'text', notNull)
    .addColumn('name_vi', 'text', notNull)
    .addColumn('name_en', 'text', notNull)
    .addColumn('unit', 'text', notNull)
    .addColumn('rollup', 'text', notNull)
    .addColumn('lower_is_better', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, notNull)
    .execute();

  await t
    .id(db.schema.createTable('indicator_values'))
    .addColumn('indicator_code', 'text', notNull)
    .addColumn('area_code', 'text', notNull)
    .addColumn('area_level', 'integer', notNull)
    .addColumn('province_code', 'text', notNull)
    .addColumn('district_code', 'text')
    .addColumn('commune_code', 'text')
    .addColumn('period_from', 'date', notNull)
    .addColumn('period_to', 'date', notNull)
    .addColumn('value', real, notNull)
    .addColumn('numerator', real)
    .addColumn('denominator', real)
    .addColumn('source_kind', 'text', notNull)
    .addColumn('source_ref', 'text', notNull)
    .addColumn('source_date', 'date', notNull)
    .addColumn('note', 'text')
    .addColumn('entered_by', 'text', notNull)
    .addColumn('entered_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('indicator_values_code_idx')
    .on('indicator_values')
    .columns(['indicator_code', 'area_code', 'period_to'])
    .execute();

  await t
    .id(db.schema.createTable('plans'))
    .addColumn('year', 'integer', notNull)
    .addColumn('area_code', 'text', notNull)
    .addColumn('area_level', 'integer', notNull)
    .addColumn('province_code', 'text', notNull)
    .addColumn('district_code', 'text')
    .addColumn('commune_code', 'text')
    .addColumn('title', 'text', notNull)
    .addColumn('doc_number', 'text', notNull)
    .addColumn('doc_date', 'date', notNull)
    .addColumn('issuer', 'text', notNull)
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('plans_year_area_idx').on('plans').columns(['year', 'area_code']).execute();

  await t
    .id(db.schema.createTable('plan_targets'))
    .addColumn('plan_id', t.ref, (c) => c.notNull().references('plans.id'))
    .addColumn('indicator_code', 'text', notNull)
    .addColumn('params', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('area_code', 'text', notNull)
    .addColumn('area_level', 'integer', notNull)
    .addColumn('target', real, notNull)
    .addColumn('note', 'text')
    .addUniqueConstraint('plan_targets_uq', ['plan_id', 'indicator_code', 'params', 'area_code'])
    .execute();

  await t
    .id(db.schema.createTable('reports'))
    .addColumn('template_code', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('year', 'integer', notNull)
    .addColumn('quarter', 'integer')
    .addColumn('period_from', 'date', notNull)
    .addColumn('period_to', 'date', notNull)
    .addColumn('as_of', 'date', notNull)
    .addColumn('area_code', 'text', notNull)
    .addColumn('area_level', 'integer', notNull)
    .addColumn('province_code', 'text', notNull)
    .addColumn('district_code', 'text')
    .addColumn('commune_code', 'text')
    .addColumn('state', 'text', notNull)
    .addColumn('number_seq', 'integer')
    .addColumn('number', 'text')
    .addColumn('body_json', 'text', notNull)
    .addColumn('figures_json', 'text')
    .addColumn('issued_at', t.instant)
    .addColumn('issued_by', 'text')
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('reports_year_idx').on('reports').columns(['year', 'province_code']).execute();

  // Computed indicators count statuses by kind, category, area and dates (registry.indicators.ts):
  // a covering index makes each count an index-only range scan (a district's poor households on
  // the million-person province: 20 ms -> 0,2 ms; the province's new social-allowance recipients:
  // 100 ms -> 8 ms), which is what lets a dashboard or a report compute hundreds of figures.
  await db.schema
    .createIndex('statuses_report_idx')
    .on('statuses')
    .columns([
      'kind',
      'category',
      'district_code',
      'valid_from',
      'valid_to',
      'decision_date',
      'province_code',
      'commune_code',
      'year',
      'household_id',
      'person_id',
    ])
    .execute();
  // The denominator of the poverty rate: households of a province that are not dissolved.
  await db.schema
    .createIndex('households_report_idx')
    .on('households')
    .columns(['province_code', 'district_code', 'state'])
    .execute();
}
