import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildList, unique } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';

/**
 * The public page of published lists (issue 18): a citizen finds the list they are on by commune,
 * program or their own name typed without accents, and empty lists are not shown.
 */
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const get = async (url: string) => {
  const res = await ctx.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('public lists: search by name, commune and program', () => {
  it('finds the published list holding a name typed without accents, and not the others', async () => {
    const n = unique();
    const name = `Trần Thị Hường ${n}`;
    const mine = await buildList(ctx, { stage: 'published', persons: [{ name }] });
    const other = await buildList(ctx, { stage: 'published', programId: mine.programId });
    const found = (await get(
      `/api/v1/public/lists?name=${encodeURIComponent(`tran thi huong ${n}`)}&limit=50&offset=0`,
    )) as {
      items: { id: number }[];
    };
    const ids = found.items.map((l) => l.id);
    expect(ids).toContain(mine.listId);
    expect(ids).not.toContain(other.listId);
  });

  it('filters by commune and program, and the facets name only programs and communes with a published list', async () => {
    const a = await buildList(ctx, { stage: 'published' });
    const draft = await buildList(ctx, { stage: 'approved' });
    const byCommune = (await get(`/api/v1/public/lists?areaCode=${a.communeCode}&limit=50&offset=0`)) as {
      items: { id: number; communeName: string }[];
    };
    expect(byCommune.items.map((l) => l.id)).toEqual([a.listId]);
    const byProgram = (await get(`/api/v1/public/lists?programId=${a.programId}&limit=50&offset=0`)) as {
      items: { id: number }[];
    };
    expect(byProgram.items.map((l) => l.id)).toEqual([a.listId]);
    const facets = (await get('/api/v1/public/lists/facets')) as {
      programs: { id: number }[];
      communes: { code: string }[];
    };
    expect(facets.programs.map((p) => p.id)).toContain(a.programId);
    expect(facets.programs.map((p) => p.id)).not.toContain(draft.programId);
    expect(facets.communes.map((c) => c.code)).toContain(a.communeCode);
    expect(facets.communes.map((c) => c.code)).not.toContain(draft.communeCode);
  });

  it('hides a published list with no one on it', async () => {
    const l = await buildList(ctx, { stage: 'published' });
    // Emptying a published list is not possible through the service; the row is set as a data fix would.
    await ctx.database.db.updateTable('program_lists').set({ entries_count: 0 }).where('id', '=', l.listId).execute();
    const page = (await get(`/api/v1/public/lists?programId=${l.programId}&limit=50&offset=0`)) as { total: number };
    expect(page.total).toBe(0);
  });
});
