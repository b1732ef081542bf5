import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personKeys, type PersonPage } from '@ansinh/domain';
import { buildPerson } from '../../test/factories.js';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { personsRepo } from './repo/index.js';

// A capped search reads each way a name can match only as far as the page needs (the order walked
// for a family name, the runs of the order for a given name: repo/person-search.repo.ts). Every
// page must be exactly the page of a search that sorted all matches: checked here against that
// brute force on its own database (4.000 persons, some inactive, given names in several accented
// spellings of one unaccented prefix).
let ctx: TestContext;
let tinh: Session;
let province = '';
const FAMILY = ['Nguyễn', 'Trần', 'Thu', 'Lê', 'Đặng', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Ngọc'];
const GIVEN = ['Thu', 'Thư', 'Thủy', 'Thừa', 'Thuận', 'Dũng', 'Dung', 'Đức', 'An', 'Ánh', 'Nguyên', 'Văn'];

beforeAll(async () => {
  ctx = await createTestContext();
  tinh = await ctx.login('tinh.chuyenvien');
  const model = await buildPerson(ctx, { fullName: 'Mẫu Văn Mẫu', gender: 'male', birthDate: '1970' });
  const row = await personsRepo.findPerson(ctx.database.db, model.id);
  const { id: _id, household_code: _h, commune_name: _c, ...base } = row!;
  province = base.province_code;
  let seed = 7;
  const pick = <T>(a: T[]) => a[(seed = (seed * 48271) % 2147483647) % a.length]!;
  await ctx.database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < 4000; i++) {
      const fullName = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
      await personsRepo.insertPerson(trx, {
        ...base,
        full_name: fullName,
        ...personKeys(fullName),
        citizen_id: null,
        deceased_on: i % 23 === 0 ? '2020-01-01' : null,
      });
    }
  });
});
afterAll(async () => {
  await ctx?.close();
});

/** The page a search that sorted every match would give. */
async function bruteForce(q: string, page: number, pageSize: number) {
  const all = await ctx.database.db
    .selectFrom('persons')
    .select(['id', 'name_key', 'given_key', 'sort_key'])
    .where('province_code', '=', province)
    .where('merged_into_id', 'is', null)
    .where('deceased_on', 'is', null)
    .where('moved_out_on', 'is', null)
    .execute();
  const key = personKeys(q).name_key;
  const hits = all
    .filter((p) => p.name_key.startsWith(key) || (!key.includes(' ') && p.given_key.startsWith(key)))
    .sort((a, b) => (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : a.id - b.id));
  const capped = hits.slice(0, 1000);
  return { total: capped.length, ids: capped.slice((page - 1) * pageSize, page * pageSize).map((p) => p.id) };
}

describe('capped searches give the pages of a full sort', () => {
  for (const q of ['thu', 'nguyen', 'nguyen van', 'd', 'dung', 'van', 'Thư', 'tran thi']) {
    it(`q=${q}`, async () => {
      for (const [page, pageSize] of [
        [1, 20],
        [2, 20],
        [7, 50],
        [20, 50],
      ] as const) {
        const res = await tinh.inject(
          'GET',
          `/api/v1/persons?q=${encodeURIComponent(q)}&page=${page}&pageSize=${pageSize}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        const got = res.json() as PersonPage;
        const want = await bruteForce(q, page, pageSize);
        expect(got.total, `${q} page ${page}`).toBe(want.total);
        expect(
          got.items.map((i) => i.id),
          `${q} page ${page}`,
        ).toEqual(want.ids);
      }
    });
  }
});
