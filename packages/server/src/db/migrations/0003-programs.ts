import { type Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * Support programs: programs with their effective-dated rules, beneficiary lists per commune and
 * period with their entries, approval steps, supervisors' remarks, payment batches and payments.
 * "Paid at most once" is a constraint here, not only a check in code: `payments.entry_id` is
 * unique, and `list_entries.approved_key` (program, period, beneficiary; set on approval) is
 * unique, so the same person cannot be on two approved lists of one program and period.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await t
    .id(db.schema.createTable('programs'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('legal_basis', 'text', notNull)
    .addColumn('legal_date', 'date')
    .addColumn('kind', 'text', notNull)
    .addColumn('unit', 'text', notNull)
    .addColumn('per', 'text', notNull)
    .addColumn('period_kind', 'text', notNull)
    .addColumn('ref_date', 'date', notNull)
    .addColumn('period_from', 'date', notNull)
    .addColumn('period_to', 'date')
    .addColumn('budget', t.bigint)
    .addColumn('funding_source', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();

  await t
    .id(db.schema.createTable('program_rules'))
    .addColumn('program_id', t.ref, (c) => c.notNull().references('programs.id'))
    .addColumn('valid_from', 'date', notNull)
    .addColumn('valid_to', 'date')
    .addColumn('eligibility_json', 'text', notNull)
    .addColumn('amount_json', 'text', notNull)
    .addColumn('note', 'text')
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('program_rules_program_idx')
    .on('program_rules')
    .columns(['program_id', 'valid_from'])
    .execute();

  await t
    .id(db.schema.createTable('program_lists'))
    .addColumn('program_id', t.ref, (c) => c.notNull().references('programs.id'))
    .addColumn('period', 'text', notNull)
    .addColumn('ref_date', 'date', notNull)
    .addColumn('seq', 'integer', notNull)
    .addColumn('parent_list_id', t.ref)
    .addColumn('province_code', 'text', notNull)
    .addColumn('district_code', 'text')
    .addColumn('commune_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('levels', 'integer', notNull)
    .addColumn('state', 'text', notNull)
    .addColumn('entries_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_amount', t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('total_quantity_milli', t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('decision_no', 'text')
    .addColumn('decision_date', 'date')
    .addColumn('submitted_at', t.instant)
    .addColumn('approved_at', t.instant)
    .addColumn('published_at', t.instant)
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .addUniqueConstraint('program_lists_unique', ['program_id', 'period', 'commune_code', 'seq'])
    .execute();
  await db.schema
    .createIndex('program_lists_district_idx')
    .on('program_lists')
    .columns(['district_code', 'program_id', 'period'])
    .execute();
  await db.schema
    .createIndex('program_lists_province_idx')
    .on('program_lists')
    .columns(['province_code', 'program_id', 'period'])
    .execute();
  await db.schema
    .createIndex('program_lists_state_idx')
    .on('program_lists')
    .columns(['state', 'province_code'])
    .execute();

  await t
    .id(db.schema.createTable('list_entries'))
    .addColumn('list_id', t.ref, (c) => c.notNull().references('program_lists.id'))
    .addColumn('program_id', t.ref, notNull)
    .addColumn('period', 'text', notNull)
    .addColumn('person_id', t.ref, (c) => c.references('persons.id'))
    .addColumn('household_id', t.ref, (c) => c.references('households.id'))
    .addColumn('beneficiary_key', 'text', notNull)
    .addColumn('full_name', 'text', notNull)
    .addColumn('birth_date', 'text')
    .addColumn('citizen_id', 'text')
    .addColumn('village', 'text')
    .addColumn('category', 'text')
    .addColumn('amount', t.bigint, notNull)
    .addColumn('arrears_amount', t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('arrears_note', 'text')
    .addColumn('arrears_months', 'text')
    .addColumn('quantity_milli', t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('reason', 'text', notNull)
    .addColumn('manual', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('manual_reason', 'text')
    .addColumn('approved_key', 'text', (c) => c.unique())
    .addColumn('batch_id', t.ref)
    .addColumn('province_code', 'text', notNull)
    .addColumn('district_code', 'text')
    .addColumn('commune_code', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('list_entries_list_idx').on('list_entries').columns(['list_id']).execute();
  await db.schema
    .createIndex('list_entries_beneficiary_idx')
    .on('list_entries')
    .columns(['program_id', 'period', 'beneficiary_key'])
    .execute();
  await db.schema.createIndex('list_entries_batch_idx').on('list_entries').columns(['batch_id']).execute();
  await db.schema.createIndex('list_entries_person_idx').on('list_entries').columns(['person_id']).execute();

  await t
    .id(db.schema.createTable('list_steps'))
    .addColumn('list_id', t.ref, (c) => c.notNull().references('program_lists.id'))
    .addColumn('action', 'text', notNull)
    .addColumn('from_state', 'text', notNull)
    .addColumn('to_state', 'text', notNull)
    .addColumn('actor', 'text', notNull)
    .addColumn('actor_level', 'integer')
    .addColumn('comment', 'text')
    .addColumn('decision_no', 'text')
    .addColumn('decision_date', 'date')
    .addColumn('at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('list_steps_list_idx').on('list_steps').columns(['list_id']).execute();

  await t
    .id(db.schema.createTable('list_remarks'))
    .addColumn('list_id', t.ref, (c) => c.notNull().references('program_lists.id'))
    .addColumn('entry_id', t.ref, (c) => c.references('list_entries.id'))
    .addColumn('author', 'text', notNull)
    .addColumn('text', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_at', t.instant)
    .execute();
  await db.schema.createIndex('list_remarks_list_idx').on('list_remarks').columns(['list_id']).execute();

  await t
    .id(db.schema.createTable('payment_batches'))
    .addColumn('program_id', t.ref, (c) => c.notNull().references('programs.id'))
    .addColumn('period', 'text', notNull)
    .addColumn('channel', 'text', notNull)
    .addColumn('area_code', 'text', notNull)
    .addColumn('province_code', 'text', notNull)
    .addColumn('district_code', 'text')
    .addColumn('commune_code', 'text')
    .addColumn('entries_count', 'integer', notNull)
    .addColumn('total_amount', t.bigint, notNull)
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('payment_batches_program_idx')
    .on('payment_batches')
    .columns(['program_id', 'period'])
    .execute();

  await t
    .id(db.schema.createTable('payments'))
    .addColumn('entry_id', t.ref, (c) => c.notNull().unique().references('list_entries.id'))
    .addColumn('batch_id', t.ref, (c) => c.notNull().references('payment_batches.id'))
    .addColumn('program_id', t.ref, notNull)
    .addColumn('period', 'text', notNull)
    .addColumn('state', 'text', notNull)
    .addColumn('amount', t.bigint, notNull)
    .addColumn('quantity_milli', t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('paid_on', 'date')
    .addColumn('reference', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', notNull)
    .addColumn('recorded_at', t.instant, notNull)
    .addColumn('province_code', 'text', notNull)
    .addColumn('district_code', 'text')
    .addColumn('commune_code', 'text', notNull)
    .execute();
  await db.schema.createIndex('payments_batch_idx').on('payments').columns(['batch_id']).execute();
  await db.schema
    .createIndex('payments_program_idx')
    .on('payments')
    .columns(['program_id', 'period', 'state'])
    .execute();

  // A retried request with the same Idempotency-Key gets the first answer instead of a second effect.
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', notNull)
    .addColumn('request_hash', 'text', notNull)
    .addColumn('status_code', 'integer', notNull)
    .addColumn('response_json', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();
}
