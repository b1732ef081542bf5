import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildList, buildProgram } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';

/** GET /lists?published=… filters as it says (`false` used to be ignored). */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 120_000);
afterAll(async () => ctx?.close());

describe('lists filtered by publication', () => {
  it('published=true gives the published ones, published=false the others; supervisors see published only', async () => {
    const program = await buildProgram(ctx);
    const shown = await buildList(ctx, { programId: program.id, stage: 'published' });
    const draft = await buildList(ctx, { programId: program.id, stage: 'draft' });
    const officer = await ctx.login('tinh.chuyenvien');
    const ids = async (url: string, s = officer) =>
      ((await s.inject('GET', url)).json() as { items: { id: number }[] }).items.map((l) => l.id);
    const base = `/api/v1/lists?programId=${program.id}`;
    expect(await ids(`${base}&published=true`)).toEqual([shown.listId]);
    expect(await ids(`${base}&published=false`)).toEqual([draft.listId]);
    expect((await ids(base)).sort()).toEqual([shown.listId, draft.listId].sort());
    const supervisor = await ctx.login('giamsat');
    expect(await ids(`${base}&published=false`, supervisor)).toEqual([shown.listId]);
  });
});
