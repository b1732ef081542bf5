import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { up } from './0008-province-settings.js';

/**
 * Migration 0008 on a database as 0007 left it: the global `reports.agency` goes to the demo
 * province, and values written for a two-level commune with its code in `district_code` are
 * repaired. Run again on a migrated test database after dropping what 0008 created.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ seed: false });
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

describe('migration 0008-province-settings', () => {
  it("copies the global agency to the demo province and repairs a two-level commune's codes", async () => {
    const db = ctx.database.db;
    const at = new Date().toISOString();
    const agency = { symbol: 'SLĐTBXH', agencyName: 'Sở Lao động - Thương binh và Xã hội' };
    await db
      .insertInto('settings')
      .values([
        { key: 'reports.agency', value_json: JSON.stringify(agency), updated_at: at },
        { key: 'demo', value_json: JSON.stringify({ province: '70' }), updated_at: at },
      ])
      .execute();
    const value = await db
      .insertInto('indicator_values')
      .values({
        indicator_code: 'employment.jobs_created',
        area_code: '98001',
        area_level: 3,
        province_code: '98',
        district_code: '98001',
        commune_code: null,
        period_from: '2025-01-01',
        period_to: '2025-12-31',
        value: 7,
        numerator: null,
        denominator: null,
        source_kind: 'other',
        source_ref: 'thử',
        source_date: '2025-12-31',
        note: null,
        entered_by: 'test',
        entered_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`drop table province_settings`.execute(db);

    await up(db as unknown as Kysely<unknown>, ctx.database.dialect);

    const rows = await db.selectFrom('province_settings').select(['province_code', 'key', 'value_json']).execute();
    expect(rows).toEqual([{ province_code: '70', key: 'reports.agency', value_json: JSON.stringify(agency) }]);
    const repaired = await db
      .selectFrom('indicator_values')
      .select(['province_code', 'district_code', 'commune_code'])
      .where('id', '=', value.id)
      .executeTakeFirstOrThrow();
    expect(repaired).toEqual({ province_code: '98', district_code: null, commune_code: '98001' });
  });
});
