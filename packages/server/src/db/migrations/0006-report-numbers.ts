import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * A report's number is unique in its province and year of issue: two reports issued at the same
 * moment cannot both be "05/BC-…" (the service retries with the next number).
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('reports').addColumn('issue_year', 'integer').execute();
  await sql`update reports set issue_year = cast(substr(cast(issued_at as text), 1, 4) as integer) where issued_at is not null`.execute(
    db,
  );
  await db.schema
    .createIndex('reports_number_unique')
    .on('reports')
    .columns(['province_code', 'issue_year', 'number_seq'])
    .unique()
    .execute();
}
