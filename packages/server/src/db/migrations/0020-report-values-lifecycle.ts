import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes } from './helpers.js';

/**
 * Entered values get a lifecycle and plans a kind (issue 11, docs/modules/reports.md):
 * - `indicator_values.status` 'active' | 'superseded' | 'withdrawn', with who changed it, when and
 *   why; a correction is a new row and the old one points at it (`superseded_by`), so the history
 *   is kept. `override_reason` marks a value typed in place of a computed figure ("số liệu nhập
 *   thay"); `params` names the computed figure's parameters ('' for an entered indicator).
 * - `plans.kind` 'ubnd' (the province People's Committee's plan) | 'department' (the Department's
 *   own); existing plans issued by a Department ("Sở ...") become 'department'.
 * - `plan_targets.measure` 'count' | 'points' (a change in percentage points, e.g. the poverty rate).
 * - `reports.plan_id`: the plan a report takes its targets from (null: the UBND plan of its year).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .alterTable('indicator_values')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .execute();
  for (const [name, type] of [
    ['params', 'text'],
    ['override_reason', 'text'],
    ['superseded_by', t.ref],
    ['status_reason', 'text'],
    ['status_by', 'text'],
    ['status_at', 'text'],
  ] as const) {
    if (name === 'params')
      await db.schema
        .alterTable('indicator_values')
        .addColumn(name, type, (c) => c.notNull().defaultTo(''))
        .execute();
    else await db.schema.alterTable('indicator_values').addColumn(name, type).execute();
  }
  await db.schema
    .createIndex('indicator_values_exact_idx')
    .on('indicator_values')
    .columns(['indicator_code', 'area_code', 'period_from', 'period_to', 'status'])
    .execute();
  await db.schema
    .alterTable('plans')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('ubnd'))
    .execute();
  await sql`update plans set kind = 'department' where issuer like 'Sở%'`.execute(db);
  await db.schema
    .alterTable('plan_targets')
    .addColumn('measure', 'text', (c) => c.notNull().defaultTo('count'))
    .execute();
  await db.schema.alterTable('reports').addColumn('plan_id', t.ref).execute();
}
