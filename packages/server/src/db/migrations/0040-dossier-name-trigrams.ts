import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Dossier search by part of the applicant's name on PostgreSQL (docs/architecture.md, "Searches"):
 * a trigram index (`pg_trgm`, shipped with PostgreSQL's contrib and a trusted extension since
 * PostgreSQL 13, so the database's owner may create it) on the name key.
 *
 * The search box tests `applicant_name_key LIKE '%…%'`. Without this index every search reads the
 * matches newest first from `dossiers_search_idx` (0035) and tests the name on each entry: a broad
 * name ("nguyen", 19.000 matches in 50.000 dossiers) stops after 1.001 entries, but a full name
 * ("nguyen van an", 241 matches) or a rare one tests all 50.000 entries, 13–17 ms each on a loaded
 * machine: a fifth of the searches officers type, and most of PostgreSQL's time under search load.
 * With the index the planner reads a narrow name's matches from the trigrams (1–2 ms, then sorted)
 * and keeps walking the order for a broad one; its estimate of the matches chooses (the same LIKE,
 * the same results). SQLite keeps the ordered walk with `instr`, which meets the target there.
 *
 * Where the extension is not available (a PostgreSQL without contrib) or the role may not create
 * it, the index is left out: the search gives the same results, only slower.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  const can = await sql<{ ok: boolean }>`
    select exists (select 1 from pg_extension where extname = 'pg_trgm')
        or (exists (select 1 from pg_available_extensions where name = 'pg_trgm')
            and has_database_privilege(current_database(), 'CREATE')) as ok`.execute(db);
  if (!can.rows[0]?.ok) return;
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index if not exists dossiers_name_trgm_idx on dossiers using gin (applicant_name_key gin_trgm_ops)`.execute(
    db,
  );
}
