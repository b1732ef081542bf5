import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchKey, type DossierPage } from '@ansinh/domain';
import { buildDossier } from '../../test/factories.js';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { dossiersRepo } from './repo/dossiers.repo.js';

// The dossier search box (repo/dossier-search.repo.ts): part of the applicant's name, accents
// optional, or a code prefix; newest first; limited to the actor's area; past 1.000 matches the
// total is capped (own database: 1.050 copies of one applicant's dossier).
let ctx: TestContext;
let tinh: Session;
let xa: Session; // xa.25213
const ids: Record<string, number> = {};
const codes: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  [tinh, xa] = await ctx.loginAll(['tinh.chuyenvien', 'xa.25213']);
  for (const [key, name, commune] of [
    ['an', 'Nguyễn Văn An', '25213'],
    ['anh', 'Trần Thị Ánh', '25213'],
    ['other', 'Nguyễn Văn Ân', '25270'],
  ] as const) {
    const d = await buildDossier(ctx, { applicantName: name, communeCode: commune });
    ids[key] = d.id;
    codes[key] = d.code;
  }
  const model = await dossiersRepo.dossier(ctx.database.db, ids.an!);
  const { id: _id, ...row } = model!;
  await ctx.database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < 1050; i++)
      await dossiersRepo.insertDossier(trx, {
        ...row,
        code: `ZZ.${String(i).padStart(4, '0')}-${row.code}`,
        applicant_name: 'Khổng Thị Mẫu',
        applicant_name_key: searchKey('Khổng Thị Mẫu'),
        received_at: `2020-01-01T00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000Z`,
      });
  });
});
afterAll(async () => {
  await ctx?.close();
});

const search = async (s: Session, qs: string) => {
  const res = await s.inject('GET', `/api/v1/dossiers?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DossierPage;
};

describe('dossier search', () => {
  it('finds part of a name without accents, newest first, inside the area only', async () => {
    const p = await search(tinh, 'q=nguyen+van');
    expect(p.items.map((i) => i.id)).toEqual([ids.other, ids.an]);
    expect(p).toMatchObject({ total: 2 });
    expect(p.totalCapped).toBeUndefined();
    const an = await search(tinh, `q=${encodeURIComponent('ánh')}`);
    expect(an.items.map((i) => i.id)).toEqual([ids.anh]);
    const inCommune = await search(xa, 'q=nguyen+van');
    expect(inCommune.items.map((i) => i.id)).toEqual([ids.an]);
    expect(inCommune.total).toBe(1);
  });

  it('finds a code and a code prefix; a code outside the area is not found', async () => {
    const exact = await search(tinh, `q=${encodeURIComponent(codes.anh!)}`);
    expect(exact.items.map((i) => i.id)).toEqual([ids.anh]);
    const prefix = codes.anh!.slice(0, codes.anh!.lastIndexOf('-'));
    const byPrefix = await search(tinh, `q=${encodeURIComponent(prefix.toLowerCase())}`);
    expect(byPrefix.items.map((i) => i.id)).toContain(ids.anh);
    expect(byPrefix.items.every((i) => i.code.startsWith(prefix))).toBe(true);
    expect((await search(xa, `q=${encodeURIComponent(codes.other!)}`)).items).toEqual([]);
  });

  it('past 1.000 matches the total is capped and pages follow each other to the 1.000th', async () => {
    const first = await search(tinh, 'q=khong+thi&pageSize=50');
    expect(first).toMatchObject({ total: 1000, totalCapped: true });
    expect(first.items).toHaveLength(50);
    const second = await search(tinh, 'q=khong+thi&pageSize=50&page=2');
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(100);
    const times = [...first.items, ...second.items].map((i) => i.receivedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect((await search(tinh, 'q=khong+thi&pageSize=50&page=20')).items).toHaveLength(50);
    expect((await search(tinh, 'q=khong+thi&pageSize=50&page=21')).items).toEqual([]);
  });
});
