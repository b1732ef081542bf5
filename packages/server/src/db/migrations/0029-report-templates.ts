import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * Report templates become each province's data (issue 19, docs/modules/reports.md "Templates"):
 * `report_templates` holds a template of a province (and of one agency, or of every agency when
 * `agency_code` is null), `report_template_versions` every saved body, and a report records the
 * version it was made from. The shipped templates are loaded for a province at its first use.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await t
    .id(db.schema.createTable('report_templates'))
    .addColumn('province_code', 'text', notNull)
    .addColumn('agency_code', 'text')
    .addColumn('code', 'text', notNull)
    .addColumn('name_vi', 'text', notNull)
    .addColumn('name_en', 'text', notNull)
    .addColumn('period', 'text', notNull)
    .addColumn('title_pattern', 'text', notNull)
    .addColumn('version', 'integer', notNull)
    .addColumn('shipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived_at', t.instant)
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_by', 'text', notNull)
    .addColumn('updated_at', t.instant, notNull)
    .addUniqueConstraint('report_templates_code_uq', ['province_code', 'code'])
    .execute();
  await t
    .id(db.schema.createTable('report_template_versions'))
    .addColumn('template_id', t.ref, (c) => c.notNull().references('report_templates.id').onDelete('cascade'))
    .addColumn('province_code', 'text', notNull)
    .addColumn('version', 'integer', notNull)
    .addColumn('name_vi', 'text', notNull)
    .addColumn('name_en', 'text', notNull)
    .addColumn('period', 'text', notNull)
    .addColumn('title_pattern', 'text', notNull)
    .addColumn('body_json', 'text', notNull)
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .addUniqueConstraint('report_template_versions_uq', ['template_id', 'version'])
    .execute();
  await db.schema.alterTable('reports').addColumn('template_version', 'integer').execute();
}
