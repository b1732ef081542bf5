import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes } from './helpers.js';

/**
 * A merit record links to the procedure dossier (dossiers module) that opened it: the NĐ 131/2021
 * chain ran there, the record keeps its id (docs/modules/merit.md, "Procedures").
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema.alterTable('merit_records').addColumn('dossier_id', t.ref).execute();
}
