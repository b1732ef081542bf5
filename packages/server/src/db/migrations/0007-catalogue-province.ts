import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../database.js';
import { rebuildSqliteTable } from './helpers.js';

/**
 * Catalogues belong to a province: programs, their rules and the procedure catalogue carry the
 * province code, and a code is unique within its province, not across the database (two provinces
 * both run "TET2021" and both handle procedure 1.001776). Existing rows take the province of the
 * lists or dossiers made from them, else the province of the registry.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const registryProvince = sql`(select min(province_code) from households)`;

  if (dialect === 'sqlite') {
    // Drop the column-level UNIQUE on code; the (province_code, code) index below replaces it.
    const noUnique = (ddl: string) => ddl.replace(/("?code"?\s+text\s+not null)\s+unique/i, '$1');
    await rebuildSqliteTable(db, 'programs', noUnique);
    await rebuildSqliteTable(db, 'procedures', noUnique);
  } else {
    await sql`alter table programs drop constraint if exists programs_code_key`.execute(db);
    await sql`alter table procedures drop constraint if exists procedures_code_key`.execute(db);
  }

  for (const table of ['programs', 'program_rules', 'procedures']) {
    await db.schema
      .alterTable(table)
      .addColumn('province_code', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  }
  await sql`update programs set province_code = coalesce(
      (select min(l.province_code) from program_lists l where l.program_id = programs.id), ${registryProvince}, '')`.execute(
    db,
  );
  await sql`update program_rules set province_code =
      (select p.province_code from programs p where p.id = program_rules.program_id)`.execute(db);
  await sql`update procedures set province_code = coalesce(
      (select min(d.province_code) from dossiers d where d.procedure_id = procedures.id), ${registryProvince}, '')`.execute(
    db,
  );

  await db.schema
    .createIndex('programs_province_code')
    .on('programs')
    .columns(['province_code', 'code'])
    .unique()
    .execute();
  await db.schema
    .createIndex('procedures_province_code')
    .on('procedures')
    .columns(['province_code', 'code'])
    .unique()
    .execute();
  await db.schema
    .createIndex('program_rules_province_idx')
    .on('program_rules')
    .columns(['province_code', 'program_id'])
    .execute();
}
