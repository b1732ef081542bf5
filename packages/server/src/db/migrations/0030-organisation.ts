import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * The organisation register (docs/modules/organisation.md): the units of an agency with the dates
 * they were active (so "units before and after a reorganisation" is a count on two dates), and the
 * agency's staffing figures per year (approved posts, staff at the start and end of the year,
 * staff cut, officials sent to training by kind). Both belong to a province; `agency_code` names
 * the agency (the agencies module keeps the list), null for the department itself.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await t
    .id(db.schema.createTable('org_units'))
    .addColumn('province_code', 'text', notNull)
    .addColumn('agency_code', 'text')
    .addColumn('name', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('parent_id', t.ref, (c) => c.references('org_units.id'))
    .addColumn('active_from', 'text', notNull)
    .addColumn('active_to', 'text')
    .addColumn('note', 'text', notNull)
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('org_units_province_idx')
    .on('org_units')
    .columns(['province_code', 'active_from'])
    .execute();

  await t
    .id(db.schema.createTable('org_staffing'))
    .addColumn('province_code', 'text', notNull)
    .addColumn('agency_code', 'text')
    .addColumn('year', 'integer', notNull)
    .addColumn('approved_posts', 'integer', notNull)
    .addColumn('staff_start', 'integer', notNull)
    .addColumn('staff_end', 'integer', notNull)
    .addColumn('staff_cut', 'integer', notNull)
    .addColumn('trained_political', 'integer', notNull)
    .addColumn('trained_state_management', 'integer', notNull)
    .addColumn('trained_professional', 'integer', notNull)
    .addColumn('trained_other', 'integer', notNull)
    .addColumn('note', 'text', notNull)
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();
  // One row per province, agency and year; a null agency (the department) is kept unique by the
  // use case, which looks the row up before writing (NULLs are distinct in a unique index).
  await db.schema
    .createIndex('org_staffing_year_idx')
    .on('org_staffing')
    .columns(['province_code', 'year', 'agency_code'])
    .execute();
}
