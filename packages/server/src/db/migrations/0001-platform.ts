import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/** Areas, accounts, sessions, login throttle, the hash-chained audit log, settings. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);

  await db.schema
    .createTable('areas')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', notNull)
    .addColumn('name_key', 'text', notNull)
    .addColumn('type', 'text', notNull)
    .addColumn('level', 'integer', notNull)
    .addColumn('parent_code', 'text', (c) => c.references('areas.code'))
    .addColumn('path', 'text', notNull)
    .addColumn('valid_from', 'date', notNull)
    .addColumn('valid_to', 'date')
    .addColumn('list_id', 'text', notNull)
    .execute();
  await db.schema.createIndex('areas_parent_idx').on('areas').column('parent_code').execute();
  await db.schema.createIndex('areas_path_idx').on('areas').column('path').execute();

  await t
    .id(db.schema.createTable('area_mappings'))
    .addColumn('old_code', 'text', notNull)
    .addColumn('new_code', 'text', notNull)
    .addColumn('coverage', 'text', notNull)
    .addColumn('effective', 'date', notNull)
    .addColumn('list_from', 'text', notNull)
    .addColumn('list_to', 'text', notNull)
    .addUniqueConstraint('area_mappings_uq', ['old_code', 'new_code', 'effective'])
    .execute();

  await t
    .id(db.schema.createTable('users'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', notNull)
    .addColumn('full_name', 'text', notNull)
    .addColumn('full_name_key', 'text', notNull)
    .addColumn('role', 'text', notNull)
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .addColumn('last_login_at', t.instant)
    .execute();
  await db.schema.createIndex('users_area_idx').on('users').column('area_code').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', t.ref, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .addColumn('expires_at', t.instant, notNull)
    .addColumn('last_seen_at', t.instant, notNull)
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

  await t
    .id(db.schema.createTable('login_attempts'))
    .addColumn('username', 'text', notNull)
    .addColumn('ip', 'text', notNull)
    .addColumn('at', t.instant, notNull)
    .addColumn('succeeded', 'integer', notNull)
    .execute();
  await db.schema.createIndex('login_attempts_user_idx').on('login_attempts').columns(['username', 'at']).execute();
  await db.schema.createIndex('login_attempts_ip_idx').on('login_attempts').columns(['ip', 'at']).execute();

  await t
    .id(db.schema.createTable('audit_events'))
    .addColumn('at', t.instant, notNull)
    .addColumn('actor_id', t.ref)
    .addColumn('actor_username', 'text')
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .addColumn('action', 'text', notNull)
    .addColumn('entity', 'text', notNull)
    .addColumn('entity_id', 'text')
    .addColumn('area_code', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('prev_hash', 'text', notNull)
    .addColumn('hash', 'text', notNull)
    .execute();
  await db.schema.createIndex('audit_entity_idx').on('audit_events').columns(['entity', 'entity_id']).execute();
  await db.schema.createIndex('audit_actor_idx').on('audit_events').columns(['actor_username', 'id']).execute();
  await db.schema.createIndex('audit_at_idx').on('audit_events').column('at').execute();

  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_id', t.ref, notNull)
    .addColumn('last_hash', 'text', notNull)
    .addColumn('count', t.bigint, notNull)
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();
}
