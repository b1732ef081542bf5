import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * Tables of the petitions module (docs/modules/petitions.md): reception sessions and the reception
 * book (Mẫu 03/TCD), hotline calls, letters, the restricted identities of denouncers, complaint and
 * denunciation cases with their steps and clock events. Every row carries the area it belongs to:
 * its path (the scope of lists) and its province, district and commune codes (indicators); a
 * department-level record has the province's path and no commune.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  const area = <T extends string, C extends string>(b: CreateTableBuilder<T, C>) =>
    b
      .addColumn('area_path', 'text', notNull)
      .addColumn('province_code', 'text', notNull)
      .addColumn('district_code', 'text')
      .addColumn('commune_code', 'text');

  await area(
    t
      .id(db.schema.createTable('petition_sessions'))
      .addColumn('kind', 'text', notNull)
      .addColumn('date', 'text', notNull)
      .addColumn('host', 'text', notNull)
      .addColumn('place', 'text', notNull)
      .addColumn('notice_ref', 'text')
      .addColumn('recording_ref', 'text')
      .addColumn('note', 'text', notNull),
  )
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('petition_sessions_scope')
    .on('petition_sessions')
    .columns(['area_path', 'date'])
    .execute();

  await area(
    t
      .id(db.schema.createTable('petition_entries'))
      .addColumn('session_id', t.ref, (c) => c.references('petition_sessions.id'))
      .addColumn('year', 'integer', notNull)
      .addColumn('seq', 'integer', notNull)
      .addColumn('date', 'text', notNull)
      .addColumn('name', 'text')
      .addColumn('address', 'text')
      .addColumn('id_number', 'text')
      .addColumn('identity_restricted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('summary', 'text', notNull)
      .addColumn('kind', 'text', notNull)
      .addColumn('people', 'integer', notNull)
      .addColumn('settled_by', 'text')
      .addColumn('within_competence', 'integer', notNull)
      .addColumn('guidance', 'text')
      .addColumn('accepted_by', 'text')
      .addColumn('follow_up', 'text')
      .addColumn('note', 'text', notNull)
      .addColumn('statement_signed', 'integer', notNull),
  )
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .addUniqueConstraint('petition_entries_seq', ['area_path', 'year', 'seq'])
    .execute();
  await db.schema
    .createIndex('petition_entries_prov')
    .on('petition_entries')
    .columns(['province_code', 'date'])
    .execute();
  await db.schema.createIndex('petition_entries_scope').on('petition_entries').columns(['area_path', 'date']).execute();

  await area(
    t
      .id(db.schema.createTable('petition_calls'))
      .addColumn('called_at', t.instant, notNull)
      .addColumn('called_date', 'text', notNull)
      .addColumn('caller_name', 'text')
      .addColumn('caller_phone', 'text')
      .addColumn('topic', 'text', notNull)
      .addColumn('program_code', 'text')
      .addColumn('answer', 'text', notNull)
      .addColumn('forwarded_to', 'text')
      .addColumn('letter_id', t.ref),
  )
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('petition_calls_prov')
    .on('petition_calls')
    .columns(['province_code', 'called_date'])
    .execute();
  await db.schema
    .createIndex('petition_calls_scope')
    .on('petition_calls')
    .columns(['area_path', 'called_date'])
    .execute();

  await area(
    t
      .id(db.schema.createTable('petition_letters'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('parent_id', t.ref, (c) => c.references('petition_letters.id'))
      .addColumn('received_date', 'text', notNull)
      .addColumn('channel', 'text', notNull)
      .addColumn('sender_name', 'text')
      .addColumn('sender_address', 'text')
      .addColumn('sender_id_number', 'text')
      .addColumn('sender_phone', 'text')
      .addColumn('identity_restricted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('summary', 'text', notNull)
      .addColumn('kind', 'text')
      .addColumn('signers', 'integer', notNull)
      .addColumn('source_body', 'text')
      .addColumn('call_id', t.ref, (c) => c.references('petition_calls.id'))
      .addColumn('person_id', t.ref, (c) => c.references('persons.id'))
      .addColumn('fit', 'integer')
      .addColumn('failed_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('within_competence', 'integer')
      .addColumn('decision', 'text')
      .addColumn('decision_date', 'text')
      .addColumn('decision_to', 'text')
      .addColumn('decision_ref', 'text')
      .addColumn('transfers', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('state', 'text', notNull)
      .addColumn('notice_due', 'text')
      .addColumn('notified_date', 'text')
      .addColumn('case_id', t.ref)
      .addColumn('assignee_id', t.ref),
  )
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('petition_letters_prov')
    .on('petition_letters')
    .columns(['province_code', 'received_date'])
    .execute();
  await db.schema
    .createIndex('petition_letters_scope')
    .on('petition_letters')
    .columns(['area_path', 'state', 'notice_due'])
    .execute();
  await db.schema
    .createIndex('petition_letters_due')
    .on('petition_letters')
    .columns(['assignee_id', 'notified_date', 'notice_due'])
    .execute();

  await t
    .id(db.schema.createTable('petition_identities'))
    .addColumn('owner', 'text', notNull)
    .addColumn('owner_id', t.ref, notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('address', 'text', notNull)
    .addColumn('id_number', 'text')
    .addColumn('phone', 'text')
    .addColumn('person_id', t.ref)
    .addColumn('province_code', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .addUniqueConstraint('petition_identities_owner', ['owner', 'owner_id'])
    .execute();

  await area(
    t
      .id(db.schema.createTable('petition_cases'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', notNull)
      .addColumn('instance', 'integer')
      .addColumn('letter_id', t.ref, (c) => c.notNull().references('petition_letters.id'))
      .addColumn('summary', 'text', notNull)
      .addColumn('received_date', 'text', notNull)
      .addColumn('accepted_date', 'text', notNull)
      .addColumn('complex', 'integer', notNull)
      .addColumn('remote', 'integer', notNull)
      .addColumn('extensions', 'integer', notNull)
      .addColumn('group_case', 'integer', notNull)
      .addColumn('state', 'text', notNull)
      .addColumn('result', 'text')
      .addColumn('decided_date', 'text')
      .addColumn('settle_due', 'text')
      .addColumn('on_time', 'integer')
      .addColumn('assignee_id', t.ref),
  )
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('petition_cases_prov')
    .on('petition_cases')
    .columns(['province_code', 'accepted_date'])
    .execute();
  await db.schema
    .createIndex('petition_cases_scope')
    .on('petition_cases')
    .columns(['area_path', 'state', 'settle_due'])
    .execute();
  await db.schema
    .createIndex('petition_cases_due')
    .on('petition_cases')
    .columns(['assignee_id', 'decided_date', 'settle_due'])
    .execute();

  await t
    .id(db.schema.createTable('petition_case_steps'))
    .addColumn('case_id', t.ref, (c) => c.notNull().references('petition_cases.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('date', 'text', notNull)
    .addColumn('note', 'text', notNull)
    .addColumn('document_ref', 'text')
    .addColumn('result', 'text')
    .addColumn('province_code', 'text', notNull)
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('petition_case_steps_case')
    .on('petition_case_steps')
    .columns(['case_id', 'id'])
    .execute();

  await t
    .id(db.schema.createTable('petition_clock_events'))
    .addColumn('case_id', t.ref, (c) => c.notNull().references('petition_cases.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('date', 'text', notNull)
    .addColumn('province_code', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('petition_clock_events_case')
    .on('petition_clock_events')
    .columns(['case_id', 'id'])
    .execute();
}
