import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * Tables of the dossiers module: the procedure catalogue, dossiers with one row per level they
 * pass through (steps), their timeline (events), attached files, and the notification outbox.
 * Dossiers carry province/district/commune codes (area scope is one indexed equality).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';

  await t
    .id(db.schema.createTable('procedures'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('name_key', 'text', notNull)
    .addColumn('field', 'text', notNull)
    .addColumn('decision_level', 'text', notNull)
    .addColumn('path_json', 'text', notNull)
    .addColumn('total_days', 'integer', notNull)
    .addColumn('fee', t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('documents_json', 'text', notNull)
    .addColumn('result_document', 'text', notNull)
    .addColumn('online_mode', 'text', notNull)
    .addColumn('online_level', 'integer')
    .addColumn('on_national_portal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('legal_basis', 'text', notNull)
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();

  await t
    .id(db.schema.createTable('dossiers'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('agency_code', 'text', notNull)
    .addColumn('procedure_id', t.ref, (c) => c.notNull().references('procedures.id'))
    .addColumn('person_id', t.ref, (c) => c.references('persons.id'))
    .addColumn('applicant_name', 'text', notNull)
    .addColumn('applicant_name_key', 'text', notNull)
    .addColumn('applicant_phone', 'text')
    .addColumn('applicant_id_number', 'text')
    .addColumn('applicant_address', 'text', notNull)
    .addColumn('channel', 'text', notNull)
    .addColumn('delivery', 'text', notNull)
    .addColumn('assisted_by', 'text')
    .addColumn('assisted_reason', 'text')
    .addColumn('assisted_note', 'text', notNull)
    .addColumn('documents_json', 'text', notNull)
    .addColumn('note', 'text', notNull)
    .addColumn('state', 'text', notNull)
    .addColumn('current_seq', 'integer')
    .addColumn('current_level', 'text')
    .addColumn('current_area_code', 'text')
    .addColumn('level_due_date', 'text')
    .addColumn('received_at', t.instant, notNull)
    .addColumn('received_date', 'text', notNull)
    .addColumn('received_by', 'text', notNull)
    .addColumn('receiving_area_code', 'text', notNull)
    .addColumn('start_date', 'text', notNull)
    .addColumn('due_date', 'text', notNull)
    .addColumn('appointment_date', 'text', notNull)
    .addColumn('apologies', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('apology_reason', 'text')
    .addColumn('supplement_request', 'text')
    .addColumn('paused_on', 'text')
    .addColumn('settled_date', 'text')
    .addColumn('timeliness', 'text')
    .addColumn('late_level', 'text')
    .addColumn('outcome_note', 'text')
    .addColumn('returned_at', t.instant)
    .addColumn('closed_date', 'text')
    .addColumn('province_code', 'text', notNull)
    .addColumn('district_code', 'text')
    .addColumn('commune_code', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();
  // Statistics of an area for a period; the officers' "due soon" list at their own level.
  await db.schema
    .createIndex('dossiers_province_idx')
    .on('dossiers')
    .columns(['province_code', 'received_date'])
    .execute();
  await db.schema
    .createIndex('dossiers_district_idx')
    .on('dossiers')
    .columns(['district_code', 'received_date'])
    .execute();
  await db.schema
    .createIndex('dossiers_commune_idx')
    .on('dossiers')
    .columns(['commune_code', 'received_date'])
    .execute();
  await db.schema
    .createIndex('dossiers_holder_idx')
    .on('dossiers')
    .columns(['current_area_code', 'level_due_date'])
    .execute();
  await db.schema
    .createIndex('dossiers_settled_idx')
    .on('dossiers')
    .columns(['province_code', 'settled_date'])
    .execute();
  await db.schema.createIndex('dossiers_agency_idx').on('dossiers').columns(['agency_code', 'received_date']).execute();
  await db.schema.createIndex('dossiers_person_idx').on('dossiers').columns(['person_id']).execute();

  await t
    .id(db.schema.createTable('dossier_steps'))
    .addColumn('dossier_id', t.ref, (c) => c.notNull().references('dossiers.id'))
    .addColumn('seq', 'integer', notNull)
    .addColumn('level', 'text', notNull)
    .addColumn('area_code', 'text', notNull)
    .addColumn('days', 'integer', notNull)
    .addColumn('started_at', t.instant)
    .addColumn('start_date', 'text')
    .addColumn('due_date', 'text')
    .addColumn('finished_at', t.instant)
    .addColumn('finished_date', 'text')
    .addColumn('paused_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('timeliness', 'text')
    .addUniqueConstraint('dossier_steps_seq_uq', ['dossier_id', 'seq'])
    .execute();

  await t
    .id(db.schema.createTable('dossier_events'))
    .addColumn('dossier_id', t.ref, (c) => c.notNull().references('dossiers.id'))
    .addColumn('at', t.instant, notNull)
    .addColumn('actor', 'text', notNull)
    .addColumn('action', 'text', notNull)
    .addColumn('level', 'text')
    .addColumn('area_code', 'text')
    .addColumn('note', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('dossier_events_dossier_idx')
    .on('dossier_events')
    .columns(['dossier_id', 'id'])
    .execute();

  await t
    .id(db.schema.createTable('dossier_files'))
    .addColumn('dossier_id', t.ref, (c) => c.notNull().references('dossiers.id'))
    .addColumn('name', 'text', notNull)
    .addColumn('mime', 'text', notNull)
    .addColumn('size', 'integer', notNull)
    .addColumn('sha256', 'text', notNull)
    .addColumn('content', blob, notNull)
    .addColumn('uploaded_by', 'text', notNull)
    .addColumn('uploaded_at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('dossier_files_dossier_idx').on('dossier_files').columns(['dossier_id']).execute();

  await t
    .id(db.schema.createTable('dossier_outbox'))
    .addColumn('dossier_id', t.ref, (c) => c.notNull().references('dossiers.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('recipient', 'text', notNull)
    .addColumn('message', 'text', notNull)
    .addColumn('state', 'text', notNull)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', t.instant, notNull)
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.instant, notNull)
    .addColumn('sent_at', t.instant)
    .execute();
  await db.schema
    .createIndex('dossier_outbox_pending_idx')
    .on('dossier_outbox')
    .columns(['state', 'next_attempt_at'])
    .execute();
}
