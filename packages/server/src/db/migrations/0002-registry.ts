import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * The social registry: households, persons, their effective-dated statuses, household history,
 * duplicate decisions and import jobs. Every row carries its province, district and commune
 * codes, so area scope is an indexed equality and a national deployment can shard by province.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  // Search keys are compared byte-wise (range scans on an index): PostgreSQL must not apply a
  // locale collation to them.
  const keyCol = (c: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? c.notNull().modifyFront(sql`collate "C"`) : c.notNull();

  await t
    .id(db.schema.createTable('households'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('province_code', 'text', notNull)
    .addColumn('district_code', 'text')
    .addColumn('commune_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('village', 'text')
    .addColumn('address', 'text')
    .addColumn('residence', 'text', notNull)
    .addColumn('phone', 'text')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('head_person_id', t.ref)
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('households_commune_idx').on('households').columns(['commune_code', 'code']).execute();
  await db.schema.createIndex('households_district_idx').on('households').columns(['district_code']).execute();

  await t
    .id(db.schema.createTable('persons'))
    .addColumn('household_id', t.ref, (c) => c.references('households.id'))
    .addColumn('relation', 'text')
    .addColumn('full_name', 'text', notNull)
    .addColumn('name_key', 'text', keyCol)
    .addColumn('given_key', 'text', keyCol)
    .addColumn('sort_key', 'text', keyCol)
    .addColumn('gender', 'text', notNull)
    .addColumn('birth_date', 'text', notNull)
    .addColumn('birth_year', 'integer', notNull)
    .addColumn('citizen_id', 'text', (c) => c.unique())
    .addColumn('old_id_number', 'text')
    .addColumn('ethnic_code', 'text')
    .addColumn('phone', 'text')
    .addColumn('disability', 'text')
    .addColumn('deceased_on', 'date')
    .addColumn('moved_out_on', 'date')
    .addColumn('province_code', 'text', notNull)
    .addColumn('district_code', 'text')
    .addColumn('commune_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('village', 'text')
    .addColumn('merged_into_id', t.ref)
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('persons_name_idx').on('persons').columns(['name_key']).execute();
  await db.schema.createIndex('persons_given_idx').on('persons').columns(['given_key']).execute();
  // Matching an imported row (commune + name + date of birth) and the duplicate check; a
  // commune's sorted page sorts its few thousand rows after this range.
  await db.schema
    .createIndex('persons_commune_name_idx')
    .on('persons')
    .columns(['commune_code', 'name_key', 'birth_date'])
    .execute();
  await db.schema.createIndex('persons_sort_idx').on('persons').columns(['sort_key']).execute();
  await db.schema.createIndex('persons_household_idx').on('persons').columns(['household_id']).execute();
  await db.schema.createIndex('persons_phone_idx').on('persons').columns(['phone']).execute();

  await t
    .id(db.schema.createTable('statuses'))
    .addColumn('kind', 'text', notNull)
    .addColumn('subject', 'text', notNull)
    .addColumn('person_id', t.ref, (c) => c.references('persons.id'))
    .addColumn('household_id', t.ref, (c) => c.references('households.id'))
    .addColumn('category', 'text', notNull)
    .addColumn('year', 'integer')
    .addColumn('degree', 'integer')
    .addColumn('valid_from', 'date', notNull)
    .addColumn('valid_to', 'date')
    .addColumn('decision_no', 'text', notNull)
    .addColumn('decision_date', 'date', notNull)
    .addColumn('ended_reason', 'text')
    .addColumn('province_code', 'text', notNull)
    .addColumn('district_code', 'text')
    .addColumn('commune_code', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('statuses_person_idx').on('statuses').columns(['person_id']).execute();
  await db.schema.createIndex('statuses_household_idx').on('statuses').columns(['household_id']).execute();
  await db.schema
    .createIndex('statuses_kind_idx')
    .on('statuses')
    .columns(['kind', 'category', 'commune_code'])
    .execute();

  await t
    .id(db.schema.createTable('household_events'))
    .addColumn('household_id', t.ref, (c) => c.notNull().references('households.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('date', 'date', notNull)
    .addColumn('note', 'text')
    .addColumn('related_household_id', t.ref)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('household_events_hh_idx').on('household_events').columns(['household_id']).execute();

  await t
    .id(db.schema.createTable('duplicate_decisions'))
    .addColumn('person_a', t.ref, notNull)
    .addColumn('person_b', t.ref, notNull)
    .addColumn('decision', 'text', notNull)
    .addColumn('note', 'text')
    .addColumn('decided_by', 'text', notNull)
    .addColumn('decided_at', t.instant, notNull)
    .addUniqueConstraint('duplicate_decisions_pair_uq', ['person_a', 'person_b'])
    .execute();

  await t
    .id(db.schema.createTable('import_jobs'))
    .addColumn('kind', 'text', notNull)
    .addColumn('file_name', 'text', notNull)
    .addColumn('file_sha256', 'text', notNull)
    .addColumn('mode', 'text', notNull)
    .addColumn('state', 'text', notNull)
    .addColumn('done', 'integer', notNull)
    .addColumn('total', 'integer', notNull)
    .addColumn('counts_json', 'text')
    .addColumn('message', 'text')
    .addColumn('rejected_xlsx', dialect === 'postgres' ? 'bytea' : 'blob')
    .addColumn('area_code', 'text', notNull)
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .addColumn('finished_at', t.instant)
    .execute();
}
