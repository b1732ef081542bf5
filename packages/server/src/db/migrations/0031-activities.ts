import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * The activities register (docs/modules/activities.md): trainings, communication campaigns,
 * conferences and inspections, with dates, place, organiser, target group, participants (total,
 * women, by group as a JSON list) and cost in đồng. Each row carries its area like the petitions
 * tables: the path (the scope of lists) and the province, district and commune codes (indicators);
 * a district or province activity has no commune.
 *
 * Children in special circumstances (docs/legal/children.md) are a registry status kind: the
 * `statuses.kind` column is text and kinds are data in @ansinh/domain, so they need no DDL here.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await t
    .id(db.schema.createTable('activities'))
    .addColumn('area_path', 'text', notNull)
    .addColumn('province_code', 'text', notNull)
    .addColumn('district_code', 'text')
    .addColumn('commune_code', 'text')
    .addColumn('kind', 'text', notNull)
    .addColumn('topic', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('start_date', 'text', notNull)
    .addColumn('end_date', 'text')
    .addColumn('place', 'text', notNull)
    .addColumn('organiser', 'text', notNull)
    .addColumn('target_group', 'text', notNull)
    .addColumn('participants_total', 'integer', notNull)
    .addColumn('participants_female', 'integer', notNull)
    .addColumn('participant_groups', 'text', notNull)
    .addColumn('cost', t.bigint, notNull)
    .addColumn('note', 'text', notNull)
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();
  await db.schema.createIndex('activities_scope_idx').on('activities').columns(['area_path', 'start_date']).execute();
  await db.schema
    .createIndex('activities_province_idx')
    .on('activities')
    .columns(['province_code', 'kind', 'start_date'])
    .execute();
  await db.schema
    .createIndex('activities_district_idx')
    .on('activities')
    .columns(['district_code', 'kind', 'start_date'])
    .execute();
  await db.schema
    .createIndex('activities_commune_idx')
    .on('activities')
    .columns(['commune_code', 'kind', 'start_date'])
    .execute();
}
