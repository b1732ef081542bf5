import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildList } from '../../test/factories.js';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';

// A list's search box (repo/entry-search.repo.ts): part of the name with or without accents, or a
// citizen ID, among the list's own entries.
let ctx: TestContext;
let tinh: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  tinh = await ctx.login('tinh.chuyenvien');
});
afterAll(async () => {
  await ctx?.close();
});

describe('list entry search', () => {
  it('finds a name typed without accents, as written, or by citizen ID; nothing else', async () => {
    const { listId } = await buildList(ctx, {
      persons: [{ name: 'Nguyễn Thị Thủy', gender: 'female', cid: '070140000321' }, { name: 'Trần Văn Đức' }],
    });
    const find = async (q: string) => {
      const res = await tinh.inject('GET', `/api/v1/lists/${listId}/entries?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: { fullName: string }[]; total: number }).items.map((i) => i.fullName);
    };
    expect(await find('nguyen thi thuy')).toEqual(['Nguyễn Thị Thủy']);
    expect(await find('thuy')).toEqual(['Nguyễn Thị Thủy']);
    expect(await find('Thủy')).toEqual(['Nguyễn Thị Thủy']);
    expect(await find('duc')).toEqual(['Trần Văn Đức']);
    expect(await find('070140000321')).toEqual(['Nguyễn Thị Thủy']);
    expect(await find('le van')).toEqual([]);
    expect(await find('%')).toHaveLength(2);
  });
});
