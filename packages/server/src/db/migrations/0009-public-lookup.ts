import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * Public pages that answer without an account are throttled from records in the database (any
 * app server sees the same counts): `public_attempts` keeps the failed lookups per address and
 * per dossier code. A dossier gets a lookup secret printed on its receipt, a second factor
 * besides the applicant's phone number.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await t
    .id(db.schema.createTable('public_attempts'))
    .addColumn('scope', 'text', notNull)
    .addColumn('key', 'text', notNull)
    .addColumn('at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('public_attempts_key_idx')
    .on('public_attempts')
    .columns(['scope', 'key', 'at'])
    .execute();
  await db.schema.alterTable('dossiers').addColumn('lookup_secret', 'text').execute();
}
