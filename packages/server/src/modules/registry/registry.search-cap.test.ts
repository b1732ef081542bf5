import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personKeys, vietnameseSortKey, type PersonPage } from '@ansinh/domain';
import { buildPerson } from '../../test/factories.js';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { personsRepo } from './repo/index.js';

// A broad search does not count every match: past 1.000 it answers totalCapped (own database:
// 1.100 persons of one family name).
let ctx: TestContext;
let tinh: Session;
const GIVEN = ['An', 'Ánh', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hòa', 'Yến'];

beforeAll(async () => {
  ctx = await createTestContext();
  tinh = await ctx.login('tinh.chuyenvien');
  const model = await buildPerson(ctx, { fullName: 'Khổng Văn Mẫu', gender: 'male', birthDate: '1970' });
  const row = await personsRepo.findPerson(ctx.database.db, model.id);
  const { id: _id, household_code: _h, commune_name: _c, ...base } = row!;
  await ctx.database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < 1100; i++) {
      const fullName = `Khổng Văn ${GIVEN[i % GIVEN.length]}`;
      await personsRepo.insertPerson(trx, { ...base, full_name: fullName, ...personKeys(fullName), citizen_id: null });
    }
  });
});
afterAll(async () => {
  await ctx?.close();
});

const search = async (qs: string) => {
  const res = await tinh.inject('GET', `/api/v1/persons?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PersonPage;
};
const inOrder = (p: PersonPage) => {
  const keys = p.items.map((i) => vietnameseSortKey(i.fullName));
  expect(keys).toEqual([...keys].sort());
};

describe('search with a capped total', () => {
  it('a broad family name answers "more than 1.000", a full page in Vietnamese order', async () => {
    for (const q of ['khong', 'khong van', 'KHỔNG VĂN']) {
      const p = await search(`q=${encodeURIComponent(q)}&pageSize=20`);
      expect(p, q).toMatchObject({ total: 1000, totalCapped: true, page: 1, pageSize: 20 });
      expect(p.items).toHaveLength(20);
      expect(p.items.every((i) => i.fullName.startsWith('Khổng Văn '))).toBe(true);
      expect(p.items[0]!.fullName).toBe('Khổng Văn An');
      inOrder(p);
    }
  });

  it('pages follow each other without overlap, and stop at the 1.000th match', async () => {
    const [a, b] = [await search('q=khong+van&pageSize=50&page=3'), await search('q=khong+van&pageSize=50&page=4')];
    expect(a.items).toHaveLength(50);
    expect(b.items).toHaveLength(50);
    expect(new Set([...a.items, ...b.items].map((i) => i.id)).size).toBe(100);
    expect(vietnameseSortKey(a.items[49]!.fullName) <= vietnameseSortKey(b.items[0]!.fullName)).toBe(true);
    inOrder(a);
    const last = await search('q=khong+van&pageSize=300&page=4');
    expect(last.items).toHaveLength(100);
    const beyond = await search('q=khong+van&pageSize=50&page=21');
    expect(beyond).toMatchObject({ total: 1000, totalCapped: true, items: [] });
  });

  it('a given name bunched in the order is found the same way; a narrow search keeps its exact total', async () => {
    const given = await search('q=yen&pageSize=20');
    expect(given.totalCapped).toBeUndefined();
    expect(given.total).toBeGreaterThanOrEqual(137);
    expect(given.items.every((i) => /yến/i.test(i.fullName))).toBe(true);
    inOrder(given);
    const narrow = await search(`q=${encodeURIComponent('khổng văn mẫu')}`);
    expect(narrow).toMatchObject({ total: 1, items: [{ fullName: 'Khổng Văn Mẫu' }] });
    expect(narrow.totalCapped).toBeUndefined();
  });
});
