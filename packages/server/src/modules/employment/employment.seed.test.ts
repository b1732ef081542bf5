import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/actor.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';

/** The demo's 2021 employment records: linked to registry persons, fairs with hires, jobs by channel. */
let ctx: TestContext;
let seconds = 0;
beforeAll(async () => {
  const t0 = Date.now();
  ctx = await createTestContext({ persons: 3000 });
  seconds = (Date.now() - t0) / 1000;
}, 300_000);
afterAll(() => ctx.close());

describe('demo employment', () => {
  it('seeds 2021 with fairs, placements and jobs that the progress and the person pages show', async () => {
    const actor = systemActor('t');
    const fairs = await ctx.services.employment.listFairs(actor, { year: 2021, page: 1, pageSize: 10 });
    expect(fairs.total).toBe(3);
    expect(fairs.items.every((f) => f.counts.attendees === 20 && f.counts.hired > 0)).toBe(true);
    const tinh = await ctx.login('tinh.chuyenvien');
    const p = (await tinh.inject('GET', '/api/v1/employment/jobs/progress?year=2021')).json() as {
      rows: { areaCode: string; total: number; target: number | null; byChannel: Record<string, number> }[];
    };
    expect(p.rows[0]).toMatchObject({ areaCode: '70', target: 38000 });
    expect(p.rows[0]!.byChannel.centre_placement).toBeGreaterThan(0);
    const linked = await ctx.database.db
      .selectFrom('emp_supply')
      .select('person_id')
      .where('person_id', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    expect(linked?.person_id).toBeTruthy();
    console.log(`demo with 3.000 persons seeded in ${seconds.toFixed(1)} s`);
  });
});
