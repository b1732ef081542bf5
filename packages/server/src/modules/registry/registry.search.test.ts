import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonPage } from '@ansinh/domain';
import { buildHousehold, buildPerson } from '../../test/factories.js';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';

// Searches run on their own database: an exact list of matches needs a commune no other test
// of the module writes into.
let ctx: TestContext;
let xa: Session; // xa.25213: Xã Tiến Hưng, district 689 Đồng Xoài
let huyen: Session; // huyen.689
let tinh: Session; // tinh.chuyenvien

beforeAll(async () => {
  ctx = await createTestContext();
  [xa, huyen, tinh] = await ctx.loginAll(['xa.25213', 'huyen.689', 'tinh.chuyenvien']);
});
afterAll(async () => {
  await ctx?.close();
});

const search = async (s: Session, qs: string) => {
  const res = await s.inject('GET', `/api/v1/persons?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PersonPage;
};

describe('search', () => {
  // One read-only world for the searches below (no test writes): built by the system with the
  // factories, so any of these tests runs alone, in any order.
  beforeAll(async () => {
    const first = await buildHousehold(ctx, { village: 'Ấp 3' });
    await buildPerson(ctx, {
      householdId: first.id,
      relation: 'head',
      fullName: 'Nguyễn Văn An',
      gender: 'male',
      birthDate: '1950',
      citizenId: '070050000001',
    });
    await buildPerson(ctx, {
      householdId: first.id,
      relation: 'spouse',
      fullName: 'Trần Thị Bình',
      gender: 'female',
      birthDate: '1953-04',
      citizenId: '070153000002',
    });
    const h = await buildHousehold(ctx, { village: 'Ấp 5' });
    await buildPerson(ctx, {
      householdId: h.id,
      relation: 'head',
      fullName: 'Nguyễn Văn A',
      gender: 'male',
      birthDate: '1960-01-01',
      citizenId: '070060000010',
      phone: '0912345678',
    });
    await buildPerson(ctx, {
      householdId: h.id,
      fullName: 'Ngô Thị Ánh',
      gender: 'female',
      birthDate: '1962',
      citizenId: '070162000011',
    });
    await buildPerson(ctx, {
      communeCode: '25270',
      relation: 'head',
      fullName: 'Nguyễn Văn A',
      gender: 'male',
      birthDate: '1961-01-01',
      citizenId: null,
    });
  });

  it('"nguyen van a", "Nguyễn Văn A" and "NGUYEN VAN A" find the same people, inside the scope only', async () => {
    const a = await search(xa, 'q=nguyen%20van%20a');
    const b = await search(xa, `q=${encodeURIComponent('Nguyễn Văn A')}`);
    const c = await search(xa, 'q=NGUYEN%20VAN%20A');
    // A typed name matches as a prefix: "Nguyễn Văn A" and "Nguyễn Văn An" of this commune.
    expect(a.items.map((i) => i.fullName).sort()).toEqual(['Nguyễn Văn A', 'Nguyễn Văn An']);
    expect(b.items.map((i) => i.id)).toEqual(a.items.map((i) => i.id));
    expect(c.items.map((i) => i.id)).toEqual(a.items.map((i) => i.id));
    // The province also sees the namesake in Lộc Ninh; the district of Đồng Xoài does not.
    expect((await search(tinh, 'q=nguyen%20van%20a')).total).toBe(a.total + 1);
    expect((await search(huyen, 'q=nguyen%20van%20a')).total).toBe(a.total);
  });

  it('finds by citizen ID, phone, household code and given name', async () => {
    expect((await search(xa, 'q=070060000010')).items[0]!.fullName).toBe('Nguyễn Văn A');
    expect((await search(xa, 'q=0912%20345%20678')).items[0]!.fullName).toBe('Nguyễn Văn A');
    const one = (await search(xa, 'q=070060000010')).items[0]!;
    expect((await search(xa, `q=${one.householdCode}`)).total).toBe(2);
    expect((await search(xa, 'q=anh')).items.map((i) => i.fullName)).toContain('Ngô Thị Ánh');
  });

  it('sorts the Vietnamese way: by given name, An before Ánh before Bình', async () => {
    const page = await search(xa, 'pageSize=500');
    const names = page.items.map((i) => i.fullName);
    expect(names.indexOf('Nguyễn Văn An')).toBeLessThan(names.indexOf('Ngô Thị Ánh'));
    expect(names.indexOf('Ngô Thị Ánh')).toBeLessThan(names.indexOf('Trần Thị Bình'));
    expect(page.total).toBe(page.items.length);
  });

  it('filters by gender and age band, and pages with a total', async () => {
    const women = await search(xa, 'gender=female&pageSize=500');
    expect(women.items.every((i) => i.gender === 'female')).toBe(true);
    const old = await search(xa, 'ageFrom=60&pageSize=500');
    expect(old.items.every((i) => Number(i.birthDate.slice(0, 4)) <= new Date().getFullYear() - 60)).toBe(true);
    const p1 = await search(xa, 'pageSize=2&page=1');
    const p2 = await search(xa, 'pageSize=2&page=2');
    expect(p1.total).toBe(p2.total);
    expect(p1.items[0]!.id).not.toBe(p2.items[0]!.id);
  });
});
