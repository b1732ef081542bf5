import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/** Tables of the programs module. */
export async function up(_db: Kysely<unknown>, _dialect: Dialect): Promise<void> {}
