import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/** Tables of the dossiers module. */
export async function up(_db: Kysely<unknown>, _dialect: Dialect): Promise<void> {}
