import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { buildMartyr } from '../../test/factories.js';

let ctx: TestContext;
let province: Session;
let commune: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  province = await ctx.login('tinh.chuyenvien');
  commune = await ctx.login('xa.25213');
});
afterAll(async () => {
  await ctx?.close();
});

async function names(s: Session, q: string, extra = '') {
  const res = await s.inject('GET', `/api/v1/merit/graves?q=${encodeURIComponent(q)}${extra}`);
  expect(res.statusCode).toBe(200);
  const body = res.json() as { total: number; items: { martyrName: string }[] };
  return { total: body.total, names: body.items.map((i) => i.martyrName) };
}

describe('grave search (word starts of the name and hometown, without diacritics)', () => {
  it('finds a grave by any word start of the name or hometown, once', async () => {
    await buildMartyr(ctx, { fullName: 'Hoàng Văn Xoáng Hoàng', hometown: 'Điện Biên Đông' });
    expect(await names(province, 'xoang')).toEqual({ total: 1, names: ['Hoàng Văn Xoáng Hoàng'] });
    expect(await names(province, 'Xoáng Hoàng')).toEqual({ total: 1, names: ['Hoàng Văn Xoáng Hoàng'] });
    expect(await names(province, 'hoang dien bien')).toEqual({ total: 1, names: ['Hoàng Văn Xoáng Hoàng'] });
    expect(await names(province, 'bien dong')).toEqual({ total: 1, names: ['Hoàng Văn Xoáng Hoàng'] });
    const both = await names(province, 'hoang van xoang');
    expect(both.names.filter((n) => n === 'Hoàng Văn Xoáng Hoàng')).toHaveLength(1);
    // Inside a word is not a word start.
    expect((await names(province, 'oang van xoang')).total).toBe(0);
  });

  it('checks a query longer than a key on the whole text, and filters by information status', async () => {
    await buildMartyr(ctx, { fullName: 'Lò Thị Thanh Hương Quỳnh Nhưng', hometown: 'Mường Khương Lào Cai' });
    const long = 'lo thi thanh huong quynh nhung muong khuong';
    expect((await names(province, long)).names).toEqual(['Lò Thị Thanh Hương Quỳnh Nhưng']);
    expect((await names(province, `${long} x`)).total).toBe(0);
    expect((await names(province, 'quynh nhung', '&infoStatus=full')).total).toBe(1);
    expect((await names(province, 'quynh nhung', '&infoStatus=partial')).total).toBe(0);
  });

  it('keeps a commune officer to the graves of the commune', async () => {
    await buildMartyr(ctx, { fullName: 'Vàng A Sủng', hometown: 'Hà Giang', communeCode: '25270' });
    expect((await names(province, 'vang a sung')).total).toBe(1);
    expect((await names(commune, 'vang a sung')).total).toBe(0);
  });
});
