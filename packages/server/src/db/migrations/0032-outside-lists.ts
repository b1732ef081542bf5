import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * Lists for people outside the registry (issue 19, docs/modules/programs.md "Lists imported from
 * Excel"): a program may take its lists from files submitted by communes or employers instead of
 * generating them from the rule (`programs.list_by_import`), and each imported entry keeps where
 * it came from: the submitting unit, the employer (name, tax code), the file and its row, and
 * whether the import created the registry person (`list_entry_sources`).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .alterTable('programs')
    .addColumn('list_by_import', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await t
    .id(db.schema.createTable('list_entry_sources'))
    .addColumn('entry_id', t.ref, (c) => c.notNull().unique().references('list_entries.id'))
    .addColumn('list_id', t.ref, (c) => c.notNull().references('program_lists.id'))
    .addColumn('program_id', t.ref, notNull)
    .addColumn('person_id', t.ref, notNull)
    .addColumn('row_no', 'integer', notNull)
    .addColumn('submitted_by', 'text', notNull)
    .addColumn('employer_name', 'text')
    .addColumn('employer_tax_code', 'text')
    .addColumn('person_created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('file_name', 'text', notNull)
    .addColumn('file_sha256', 'text', notNull)
    .addColumn('province_code', 'text', notNull)
    .addColumn('district_code', 'text')
    .addColumn('commune_code', 'text', notNull)
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('list_entry_sources_list_idx').on('list_entry_sources').columns(['list_id']).execute();
  await db.schema
    .createIndex('list_entry_sources_person_idx')
    .on('list_entry_sources')
    .columns(['person_id'])
    .execute();
}
