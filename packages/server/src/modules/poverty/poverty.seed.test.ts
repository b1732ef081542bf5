import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { factoryActor } from '../../test/factories.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ persons: 3000 });
}, 180_000);
afterAll(async () => {
  await ctx?.close();
});

describe('poverty demo: the 2020 and 2021 reviews', () => {
  it('are recognised by their standards and agree with the demo registry', async () => {
    const list = await ctx.services.poverty.listCampaigns(factoryActor, {});
    const y2020 = list.items.filter((c) => c.year === 2020);
    const y2021 = list.items.filter((c) => c.year === 2021);
    expect(y2020.length).toBeGreaterThan(0);
    expect(y2021.length).toBe(y2020.length);
    expect(new Set(y2020.map((c) => c.standard))).toEqual(new Set(['2016-2020']));
    expect(new Set(y2021.map((c) => c.standard))).toEqual(new Set(['2022-2025']));
    expect(list.items.every((c) => c.recognition !== null && c.districtStep)).toBe(true);
    // The 2020 review reproduces the registry's year-2020 statuses: none granted twice.
    const twice = await sql<{ n: number }>`select count(*) as n from (
        select household_id from statuses where kind = 'poverty' and year = 2020 group by household_id having count(*) > 1) t`.execute(
      ctx.database.db,
    );
    expect(Number(twice.rows[0]!.n)).toBe(0);
    // The 2021 review's statuses end when today's lists begin.
    const open = await sql<{
      n: number;
    }>`select count(*) as n from statuses where kind = 'poverty' and year = 2021 and valid_to is null`.execute(
      ctx.database.db,
    );
    expect(Number(open.rows[0]!.n)).toBe(0);
    const mv = await ctx.services.poverty.movement(factoryActor, { areaCode: '70', year: 2021 });
    expect(mv.poor.start).toBeGreaterThan(0);
    expect(mv.poor.start - mv.poor.left + mv.poor.fellBack + mv.poor.new).toBe(mv.poor.end);
    expect(mv.poor.left).toBeGreaterThan(0);
  });
});
