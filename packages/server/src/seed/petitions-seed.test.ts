import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../platform/actor.js';
import { createTestContext, type TestContext } from '../test/helpers.js';
import { seedPetitionsDemo } from './petitions-seed.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

it('seeds a 2021 consistent with the demo report (128 visits, no complaint or denunciation) quickly', async () => {
  const t0 = performance.now();
  await seedPetitionsDemo(ctx.database, ctx.services, { provinceCode: '70', seed: 70, today: '2026-12-06' });
  const ms = performance.now() - t0;
  const s = await ctx.services.petitions.stats(systemActor('test'), {
    from: '2021-01-01',
    to: '2021-12-31',
    areaCode: '70',
  });
  expect(s).toMatchObject({ sessions: 12, visits: 128, calls: 2_140, lettersReceived: 12, lettersHandled: 12 });
  expect(s.complaints.accepted + s.denunciations.accepted).toBe(0);
  const now = await ctx.services.petitions.stats(systemActor('test'), {
    from: '2026-01-01',
    to: '2026-12-06',
    areaCode: '70',
  });
  expect(now.complaints.accepted + now.denunciations.accepted).toBe(3);
  expect(now.complaints.settled).toBe(1);
  console.log(`petitions demo seed: ${Math.round(ms)} ms`);
  expect(ms).toBeLessThan(15_000);
});
