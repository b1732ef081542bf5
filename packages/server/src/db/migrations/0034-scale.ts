import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * Several app servers on one database (docs/operations/several-servers.md): what an import job
 * needs to be run (or run again) by any server lives in the database, not in the memory of the
 * server that received the upload.
 * - `import_job_inputs`: the uploaded file and the actor who started the job, one row per job,
 *   dropped when the job ends; the server running it holds a lease it renews, and a lease that
 *   ran out (its server died) lets another server take the job up again.
 * - `import_checks`: a clean dry run kept for 30 minutes so the commit that follows (on any
 *   server) does not validate the same file again; the checked rows are stored gzip'd JSON.
 * - `cluster_marks`: how far a periodic sweep got (the partners' registry-event notifications),
 *   advanced compare-and-set so that one server, not each, handles each window.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  await db.schema
    .createTable('import_job_inputs')
    .addColumn('job_id', t.ref, (c) => c.primaryKey().references('import_jobs.id').onDelete('cascade'))
    .addColumn('actor_json', 'text', notNull)
    .addColumn('file_data', blob, notNull)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_until', t.instant)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema
    .createTable('import_checks')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', notNull)
    .addColumn('counts_json', 'text', notNull)
    .addColumn('rows_gz', blob, notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('import_checks_created').on('import_checks').column('created_at').execute();
  await db.schema
    .createTable('cluster_marks')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('at', t.instant, notNull)
    .execute();
}
