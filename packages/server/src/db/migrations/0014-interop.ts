import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * Interoperability with other registries (docs/modules/interop.md): registered partner systems
 * and their OAuth2 client-credential tokens, asynchronous transactions (search, subscribe, txn
 * status), subscriptions, the outbound callback/notification queue, civil-registration (CRVS)
 * notifications received (idempotent by event id) and the disclosure log (the purpose of every
 * disclosure, NĐ 13/2023). Every table carries the province it belongs to.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);

  await t
    .id(db.schema.createTable('interop_partners'))
    .addColumn('name', 'text', notNull)
    /** 'consumer' (reads AnSinh's registry) or 'crvs' (a civil registry AnSinh subscribes to). */
    .addColumn('kind', 'text', notNull)
    .addColumn('client_id', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', notNull)
    .addColumn('province_code', 'text', notNull)
    /** The area the partner may read: the province itself, a district or a commune code. */
    .addColumn('area_code', 'text', notNull)
    .addColumn('area_level', 'integer', notNull)
    /** JSON arrays: the fields of a record it may receive, the purposes agreed with it. */
    .addColumn('allowed_fields', 'text', notNull)
    .addColumn('allowed_purposes', 'text', notNull)
    /** 'none' or 'ed25519' (then `public_key` is the partner's PEM key, and unsigned requests are refused). */
    .addColumn('signature_mode', 'text', notNull)
    .addColumn('public_key', 'text')
    /** Callbacks go only to URIs starting with this prefix (null: no asynchronous callbacks). */
    .addColumn('callback_prefix', 'text')
    /** For a CRVS partner: its registry's base URL, and the hash of the secret in our notify URL. */
    .addColumn('base_url', 'text')
    .addColumn('inbound_hash', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, notNull)
    .execute();

  await t
    .id(db.schema.createTable('interop_tokens'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('partner_id', t.ref, (c) => c.notNull().references('interop_partners.id'))
    .addColumn('province_code', 'text', notNull)
    .addColumn('expires_at', t.instant, notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();

  await t
    .id(db.schema.createTable('interop_transactions'))
    .addColumn('partner_id', t.ref, (c) => c.notNull().references('interop_partners.id'))
    .addColumn('province_code', 'text', notNull)
    .addColumn('transaction_id', 'text', notNull)
    .addColumn('correlation_id', 'text', (c) => c.notNull().unique())
    .addColumn('action', 'text', notNull)
    .addColumn('status', 'text', notNull)
    /** The answer's message (JSON), kept for txn/status. */
    .addColumn('response', 'text')
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('interop_transactions_txn_idx')
    .on('interop_transactions')
    .columns(['partner_id', 'transaction_id'])
    .execute();

  await t
    .id(db.schema.createTable('interop_subscriptions'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('partner_id', t.ref, (c) => c.notNull().references('interop_partners.id'))
    .addColumn('province_code', 'text', notNull)
    .addColumn('event_type', 'text', notNull)
    .addColumn('filter', 'text')
    .addColumn('notify_uri', 'text')
    .addColumn('status', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .addColumn('ended_at', t.instant)
    .execute();
  await db.schema
    .createIndex('interop_subscriptions_partner_idx')
    .on('interop_subscriptions')
    .columns(['partner_id'])
    .execute();

  await t
    .id(db.schema.createTable('interop_outbox'))
    .addColumn('partner_id', t.ref, (c) => c.notNull().references('interop_partners.id'))
    .addColumn('province_code', 'text', notNull)
    .addColumn('uri', 'text', notNull)
    .addColumn('payload', 'text', notNull)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_at', t.instant, notNull)
    .addColumn('sent_at', t.instant)
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('interop_outbox_due_idx').on('interop_outbox').columns(['sent_at', 'next_at']).execute();

  await t
    .id(db.schema.createTable('interop_crvs_events'))
    .addColumn('partner_id', t.ref, (c) => c.notNull().references('interop_partners.id'))
    .addColumn('event_id', 'text', notNull)
    .addColumn('event_type', 'text', notNull)
    .addColumn('citizen_id', 'text')
    .addColumn('full_name', 'text')
    .addColumn('event_date', 'date')
    .addColumn('payload', 'text', notNull)
    /** 'proposed' (matched, awaiting an officer), 'unmatched' (kept for review), 'confirmed', 'rejected', 'recorded' (births). */
    .addColumn('state', 'text', notNull)
    .addColumn('person_id', t.ref)
    .addColumn('province_code', 'text', notNull)
    .addColumn('district_code', 'text')
    .addColumn('commune_code', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', t.instant)
    .addColumn('received_at', t.instant, notNull)
    .addUniqueConstraint('interop_crvs_events_uq', ['partner_id', 'event_id'])
    .execute();
  await db.schema
    .createIndex('interop_crvs_events_area_idx')
    .on('interop_crvs_events')
    .columns(['province_code', 'state', 'commune_code'])
    .execute();

  await t
    .id(db.schema.createTable('interop_disclosures'))
    .addColumn('partner_id', t.ref, (c) => c.notNull().references('interop_partners.id'))
    .addColumn('province_code', 'text', notNull)
    .addColumn('action', 'text', notNull)
    .addColumn('purpose', 'text', notNull)
    .addColumn('transaction_id', 'text')
    .addColumn('query', 'text')
    .addColumn('records', 'integer', notNull)
    .addColumn('fields', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('interop_disclosures_partner_idx')
    .on('interop_disclosures')
    .columns(['partner_id', 'created_at'])
    .execute();
}
