import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * Background jobs (docs/operations/several-servers.md): one generic record per piece of work run
 * off the request (generating a programme's lists, building a payment sheet …), so that any app
 * server may run it, another may finish it when the first dies (`lease_until`, `attempts`), and
 * the web polls its progress and outcome (`GET /api/v1/jobs/:id`). The actor who started it and
 * its input are kept to run it again; the result is JSON or a file.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await t
    .id(db.schema.createTable('background_jobs'))
    .addColumn('province_code', 'text', notNull)
    .addColumn('area_path', 'text', notNull)
    .addColumn('agency_code', 'text')
    .addColumn('kind', 'text', notNull)
    .addColumn('state', 'text', notNull)
    .addColumn('done', t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('total', t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('input_json', 'text', notNull)
    .addColumn('result_json', 'text')
    .addColumn('file_name', 'text')
    .addColumn('file_data', dialect === 'postgres' ? 'bytea' : 'blob')
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('actor_json', 'text', notNull)
    .addColumn('created_by', 'text', notNull)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_until', t.instant)
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('background_jobs_running')
    .on('background_jobs')
    .columns(['state', 'lease_until'])
    .execute();
  await db.schema.createIndex('background_jobs_created').on('background_jobs').column('created_at').execute();
}
