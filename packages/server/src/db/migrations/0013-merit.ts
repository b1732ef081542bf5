import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * The merit module (docs/modules/merit.md): records of people with meritorious service and their
 * benefit history, dossier transfers between provinces, martyrs, graves and cemeteries, remains
 * and DNA samples, gift campaigns by source, housing support. Every row carries its province
 * code, and the area codes when it belongs to a commune, so the scope is one indexed equality.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  const area = <T extends string, C extends string>(b: CreateTableBuilder<T, C>) =>
    b.addColumn('province_code', 'text', notNull).addColumn('district_code', 'text').addColumn('commune_code', 'text');

  await area(t.id(db.schema.createTable('merit_records')))
    .addColumn('person_id', t.ref, notNull)
    .addColumn('full_name', 'text', notNull)
    .addColumn('name_key', 'text', notNull)
    .addColumn('category', 'text', notNull)
    .addColumn('degree', 'integer')
    .addColumn('dossier_code', 'text', notNull)
    .addColumn('custodian', 'text', notNull)
    .addColumn('retention', 'text', notNull)
    .addColumn('state', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('merit_records_code_uq')
    .on('merit_records')
    .columns(['province_code', 'dossier_code'])
    .unique()
    .execute();
  await db.schema.createIndex('merit_records_commune_idx').on('merit_records').columns(['commune_code']).execute();
  await db.schema.createIndex('merit_records_district_idx').on('merit_records').columns(['district_code']).execute();
  await db.schema.createIndex('merit_records_person_idx').on('merit_records').columns(['person_id']).execute();

  await area(t.id(db.schema.createTable('merit_relatives')))
    .addColumn('record_id', t.ref, notNull)
    .addColumn('person_id', t.ref)
    .addColumn('full_name', 'text', notNull)
    .addColumn('relation', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('merit_relatives_record_idx').on('merit_relatives').columns(['record_id']).execute();

  await area(t.id(db.schema.createTable('merit_extracts')))
    .addColumn('record_id', t.ref, notNull)
    .addColumn('form', 'text', notNull)
    .addColumn('issued_on', 'date', notNull)
    .addColumn('issued_to', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('merit_extracts_record_idx').on('merit_extracts').columns(['record_id']).execute();

  await area(t.id(db.schema.createTable('merit_decisions')))
    .addColumn('record_id', t.ref, notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('effective_month', 'text', notNull)
    .addColumn('decision_no', 'text', notNull)
    .addColumn('decision_date', 'date', notNull)
    .addColumn('form', 'text')
    .addColumn('monthly_amount', t.bigint, notNull)
    .addColumn('reason', 'text', notNull)
    .addColumn('dossier_id', t.ref)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('merit_decisions_record_idx').on('merit_decisions').columns(['record_id']).execute();

  await area(t.id(db.schema.createTable('merit_transfers')))
    .addColumn('record_id', t.ref)
    .addColumn('direction', 'text', notNull)
    .addColumn('other_province_code', 'text', notNull)
    .addColumn('person_name', 'text', notNull)
    .addColumn('dossier_code', 'text', notNull)
    .addColumn('state', 'text', notNull)
    .addColumn('requested_on', 'date', notNull)
    .addColumn('slip_no', 'text')
    .addColumn('slip_on', 'date')
    .addColumn('posted_on', 'date')
    .addColumn('received_on', 'date')
    .addColumn('registered_on', 'date')
    .addColumn('returned_on', 'date')
    .addColumn('return_reason', 'text')
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('merit_transfers_prov_idx')
    .on('merit_transfers')
    .columns(['province_code', 'state'])
    .execute();

  await area(t.id(db.schema.createTable('merit_cemeteries')))
    .addColumn('name', 'text', notNull)
    .addColumn('name_key', 'text', notNull)
    .addColumn('level', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();

  await area(t.id(db.schema.createTable('merit_martyrs')))
    .addColumn('full_name', 'text', notNull)
    .addColumn('search_key', 'text', notNull)
    .addColumn('hometown', 'text', notNull)
    .addColumn('birth_year', 'integer')
    .addColumn('death_date', 'date')
    .addColumn('death_year', 'integer')
    .addColumn('unit', 'text', notNull)
    .addColumn('info_status', 'text', notNull)
    .addColumn('record_id', t.ref)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('merit_martyrs_prov_key_idx')
    .on('merit_martyrs')
    .columns(['province_code', 'search_key'])
    .execute();

  await area(t.id(db.schema.createTable('merit_graves')))
    .addColumn('martyr_id', t.ref)
    .addColumn('cemetery_id', t.ref)
    .addColumn('location', 'text', notNull)
    .addColumn('position', 'text', notNull)
    .addColumn('search_key', 'text', notNull)
    .addColumn('identified', 'integer', notNull)
    .addColumn('mass_grave', 'integer', notNull)
    .addColumn('headstone', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('merit_graves_prov_key_idx')
    .on('merit_graves')
    .columns(['province_code', 'search_key'])
    .execute();
  await db.schema.createIndex('merit_graves_cemetery_idx').on('merit_graves').columns(['cemetery_id']).execute();

  await area(t.id(db.schema.createTable('merit_grave_events')))
    .addColumn('grave_id', t.ref, notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('on_date', 'date', notNull)
    .addColumn('person_name', 'text', notNull)
    .addColumn('letter_on', 'date')
    .addColumn('support_amount', t.bigint, notNull)
    .addColumn('note', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('merit_grave_events_grave_idx').on('merit_grave_events').columns(['grave_id']).execute();

  await area(t.id(db.schema.createTable('merit_remains_intakes')))
    .addColumn('team', 'text', notNull)
    .addColumn('received_on', 'date', notNull)
    .addColumn('remains_count', 'integer', notNull)
    .addColumn('identified_count', 'integer', notNull)
    .addColumn('handover_form', 'text', notNull)
    .addColumn('reburied_on', 'date')
    .addColumn('created_at', t.instant, notNull)
    .execute();

  await area(t.id(db.schema.createTable('merit_dna_samples')))
    .addColumn('code', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('intake_id', t.ref)
    .addColumn('grave_id', t.ref)
    .addColumn('relative_name', 'text')
    .addColumn('relation', 'text')
    .addColumn('received_on', 'date', notNull)
    .addColumn('taken_on', 'date', notNull)
    .addColumn('dispatched_on', 'date')
    .addColumn('lab', 'text')
    .addColumn('result_on', 'date')
    .addColumn('outcome', 'text')
    .addColumn('matched_martyr_id', t.ref)
    .addColumn('returned_on', 'date')
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('merit_dna_samples_code_uq')
    .on('merit_dna_samples')
    .columns(['province_code', 'code'])
    .unique()
    .execute();

  await area(t.id(db.schema.createTable('merit_identifications')))
    .addColumn('sample_id', t.ref)
    .addColumn('grave_id', t.ref, notNull)
    .addColumn('martyr_id', t.ref, notNull)
    .addColumn('decision_no', 'text', notNull)
    .addColumn('decision_on', 'date', notNull)
    .addColumn('headstone_on', 'date')
    .addColumn('created_at', t.instant, notNull)
    .execute();

  await area(t.id(db.schema.createTable('merit_gift_campaigns')))
    .addColumn('occasion', 'text', notNull)
    .addColumn('year', 'integer', notNull)
    .addColumn('source', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('decision_no', 'text', notNull)
    .addColumn('decision_date', 'date', notNull)
    .addColumn('amounts_json', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();

  await area(t.id(db.schema.createTable('merit_gifts')))
    .addColumn('campaign_id', t.ref, notNull)
    .addColumn('record_id', t.ref, notNull)
    .addColumn('amount', t.bigint, notNull)
    .addColumn('given_on', 'date', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('merit_gifts_uq')
    .on('merit_gifts')
    .columns(['campaign_id', 'record_id'])
    .unique()
    .execute();
  await db.schema.createIndex('merit_gifts_record_idx').on('merit_gifts').columns(['record_id']).execute();

  await area(t.id(db.schema.createTable('merit_housing')))
    .addColumn('record_id', t.ref, notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('floor_area', 'double precision', notNull)
    .addColumn('amount', t.bigint, notNull)
    .addColumn('decided_on', 'date', notNull)
    .addColumn('completed_on', 'date')
    .addColumn('created_at', t.instant, notNull)
    .execute();
}
