import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildList } from '../../test/factories.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { PUBLIC_LISTS_MISSES, PUBLIC_LISTS_PER_ADDRESS } from './use-cases/read-lists.js';

/**
 * The published lists are public but not a bulk feed: reads are counted per address, misses
 * (walking the list numbers) more strictly, then 429 with Retry-After and a Vietnamese message.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const get = (url: string, ip: string) => ctx.app.inject({ method: 'GET', url, remoteAddress: ip });

describe('public lists throttle', () => {
  it(`after ${PUBLIC_LISTS_MISSES.limit} unknown list numbers, the address answers 429 even for a published list`, async () => {
    const { listId } = await buildList(ctx, { stage: 'published' });
    for (let i = 0; i < PUBLIC_LISTS_MISSES.limit; i++)
      expect((await get(`/api/v1/public/lists/${900_000 + i}`, '203.0.113.7')).statusCode).toBe(404);
    const res = await get(`/api/v1/public/lists/${listId}`, '203.0.113.7');
    expectProblem(res, 429, 'TOO_MANY_REQUESTS');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.json().message).toMatch(/đợi \d+ phút/);
    expectProblem(await get('/api/v1/public/lists', '203.0.113.7'), 429, 'TOO_MANY_REQUESTS');
    // Another address is not affected.
    expect((await get(`/api/v1/public/lists/${listId}`, '203.0.113.8')).statusCode).toBe(200);
  });

  it(`after ${PUBLIC_LISTS_PER_ADDRESS.limit} reads in the window, the page of lists answers 429`, async () => {
    for (let i = 0; i < PUBLIC_LISTS_PER_ADDRESS.limit; i++)
      expect((await get('/api/v1/public/lists?limit=1', '203.0.113.9')).statusCode).toBe(200);
    expectProblem(await get('/api/v1/public/lists?limit=1', '203.0.113.9'), 429, 'TOO_MANY_REQUESTS');
    expect((await get('/api/v1/public/lists?limit=1', '203.0.113.10')).statusCode).toBe(200);
  });
});
