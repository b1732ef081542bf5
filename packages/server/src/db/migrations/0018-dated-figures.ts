import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * Figures counted by the date a record means, not the moment it was typed in (issue 11,
 * docs/modules/reports.md):
 * - an approved programme list counts from its decision date: lists approved without one get the
 *   date of their approval (the recorded time stays in `approved_at`, for audit);
 * - the procedure catalogue is effective dated: `procedure_versions` holds, from a date, whether a
 *   procedure was in the catalogue and how far online it was. Each procedure starts with one
 *   version, from the day it was recorded, as it stands now (the demo catalogue from 2020-01-01,
 *   as the demo seed records it, so the demo's 2021 report counts it).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  const dayOf = (col: string) =>
    dialect === 'postgres' ? sql.raw(`(${col} at time zone 'UTC')::date`) : sql.raw(`substr(${col}, 1, 10)`);
  await sql`update program_lists set decision_date = ${dayOf('approved_at')} where decision_date is null and approved_at is not null`.execute(
    db,
  );

  const demoFrom = dialect === 'postgres' ? sql`'2020-01-01'::date` : sql`'2020-01-01'`;
  await t
    .id(db.schema.createTable('procedure_versions'))
    .addColumn('procedure_id', t.ref, (c) => c.notNull().references('procedures.id').onDelete('cascade'))
    .addColumn('province_code', 'text', notNull)
    .addColumn('valid_from', 'date', notNull)
    .addColumn('active', 'integer', notNull)
    .addColumn('online_mode', 'text', notNull)
    .addColumn('online_level', 'integer')
    .addColumn('recorded_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('procedure_versions_province_idx')
    .on('procedure_versions')
    .columns(['province_code', 'procedure_id', 'valid_from'])
    .execute();
  await sql`insert into procedure_versions (procedure_id, province_code, valid_from, active, online_mode, online_level, recorded_at)
    select id, province_code, case when is_demo = 1 then ${demoFrom} else ${dayOf('created_at')} end,
      active, online_mode, online_level, updated_at from procedures`.execute(db);
}
