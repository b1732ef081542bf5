import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/helpers.js';
import { seedRegistry } from './registry-seed.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

describe('seedRegistry (on this dialect)', () => {
  it('loads a synthetic population with every household headed and the search keys set', async () => {
    const r = await seedRegistry(ctx.database, {
      persons: 1500,
      seed: 7,
      dataDir: ctx.config.dataDir,
      provinceCode: '70',
    });
    expect(r.persons).toBeGreaterThanOrEqual(1500);
    const db = ctx.database.db;
    const h = await db
      .selectFrom('households')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('head_person_id').as('headed')])
      .executeTakeFirstOrThrow();
    expect(Number(h.n)).toBe(r.households);
    expect(Number(h.headed)).toBe(r.households);
    const p = await db
      .selectFrom('persons')
      .select(['full_name', 'name_key', 'sort_key'])
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(p.name_key).toBe(p.name_key.toLowerCase());
    expect(p.sort_key.length).toBeGreaterThan(0);
    const xa = await ctx.login('xa.25213');
    const page = (await xa.inject('GET', '/api/v1/persons?pageSize=5')).json() as {
      total: number;
      items: { communeCode: string }[];
    };
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((i) => i.communeCode === '25213')).toBe(true);
  });
});
