import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * Settings that belong to one province (the agency that issues its reports, its number symbol,
 * its signer): `settings` is keyed by name alone, so two provinces would share one agency. The
 * existing `reports.agency` is copied to the province of the registry (else the demo province,
 * else the first province). Also repairs the area codes of entered values, plans and reports of a
 * commune in a two-level province ('/98/98001/'), which were written with the commune's code in
 * `district_code` and no `commune_code`.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('province_settings')
    .addColumn('province_code', 'text', notNull)
    .addColumn('key', 'text', notNull)
    .addColumn('value_json', 'text', notNull)
    .addColumn('updated_at', t.instant, notNull)
    .addPrimaryKeyConstraint('province_settings_pk', ['province_code', 'key'])
    .execute();

  const agency = await sql<{
    value_json: string;
    updated_at: unknown;
  }>`select value_json, updated_at from settings where key = 'reports.agency'`.execute(db);
  const row = agency.rows[0];
  if (row) {
    const fromRegistry = await sql<{ p: string | null }>`select min(province_code) as p from households`.execute(db);
    let province = fromRegistry.rows[0]?.p ?? null;
    if (!province) {
      const demo = await sql<{ value_json: string }>`select value_json from settings where key = 'demo'`.execute(db);
      try {
        province = (JSON.parse(demo.rows[0]?.value_json ?? '{}') as { province?: string }).province ?? null;
      } catch {
        province = null;
      }
    }
    if (!province) {
      const first = await sql<{ code: string }>`select code from areas where level = 1 order by code`.execute(db);
      province = first.rows[0]?.code ?? null;
    }
    if (province) {
      await sql`insert into province_settings (province_code, key, value_json, updated_at)
        values (${province}, 'reports.agency', ${row.value_json}, ${row.updated_at})`.execute(db);
    }
  }

  for (const table of ['indicator_values', 'plans', 'reports']) {
    await sql`update ${sql.table(table)} set commune_code = district_code, district_code = null
      where area_level = 3 and commune_code is null`.execute(db);
  }
}
