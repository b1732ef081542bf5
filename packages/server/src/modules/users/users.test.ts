import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { AuditPage, Me, UserOut, UserPage } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { addOtherProvince, expectProblem, userIdOf } from '../../test/fixtures.js';

let ctx: TestContext;
let admin: Session;
let adminMe: Me;

beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
  admin = await ctx.login('admin');
  adminMe = (await admin.inject('GET', '/api/v1/auth/me')).json() as Me;
});
afterAll(async () => {
  await ctx?.close();
});

const valid = (over: Record<string, unknown> = {}) => ({
  username: 'nv.moi',
  password: 'mat-khau-du-dai-1',
  fullName: 'Nguyễn Văn Mới',
  role: 'commune_officer',
  areaCode: '25213',
  ...over,
});

const users = async (query = '') => {
  const res = await admin.inject('GET', `/api/v1/users${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as UserPage;
};

const auditOf = async (query: string) => {
  const res = await admin.inject('GET', `/api/v1/audit?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as AuditPage;
};

/** Every audit row as stored, for "no secret anywhere" checks. */
const allAuditJson = async () =>
  JSON.stringify(await ctx.database.db.selectFrom('audit_events').select(['before_json', 'after_json']).execute());

/** Post a raw body as JSON with the admin's session. */
const postRaw = (url: string, payload: string) =>
  ctx.app.inject({
    method: 'POST',
    url,
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
    payload,
  });

describe('create', () => {
  let created: UserOut;

  it('creates an account (201), which appears in the list with the total', async () => {
    const before = await users();
    const res = await admin.inject('POST', '/api/v1/users', valid());
    expect(res.statusCode).toBe(201);
    created = res.json() as UserOut;
    expect(created).toMatchObject({
      username: 'nv.moi',
      fullName: 'Nguyễn Văn Mới',
      role: 'commune_officer',
      areaCode: '25213',
      areaName: 'Xã Tiến Hưng',
      disabled: false,
      lastLoginAt: null,
    });
    expect(Object.keys(created)).not.toContain('password');
    expect(res.body).not.toMatch(/argon2|password/i);

    const after = await users();
    expect(after.total).toBe(before.total + 1);
    const found = await users('?q=nv.moi');
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ id: created.id, username: 'nv.moi' });
    const one = await admin.inject('GET', `/api/v1/users/${created.id}`);
    expect(one.json()).toEqual(created);
  });

  it('records users.create in the audit log, with the username and never the password or its hash', async () => {
    const page = await auditOf(`action=users.create&entity=user&entityId=${created.id}`);
    expect(page.total).toBe(1);
    const e = page.items[0]!;
    expect(e).toMatchObject({ action: 'users.create', actorUsername: 'admin', actorId: adminMe.id, areaCode: '25213' });
    expect(e.after).toMatchObject({ username: 'nv.moi', role: 'commune_officer', areaCode: '25213', disabled: false });
    expect(JSON.stringify(e)).not.toMatch(/argon2|password|mat-khau-du-dai-1/i);
    // Nor in any stored event.
    expect(await allAuditJson()).not.toMatch(/\$argon2|mat-khau-du-dai-1|password_hash|passwordHash/);
  });

  it('the new account must choose its own password at first sign-in', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nv.moi', password: 'mat-khau-du-dai-1' },
    });
    expect(res.statusCode).toBe(200);
    expect((res.json() as Me).mustChangePassword).toBe(true);
  });

  it('refuses a username already taken (409 USERNAME_TAKEN)', async () => {
    for (const username of ['nv.moi', 'admin', 'xa.25213']) {
      const body = expectProblem(
        await admin.inject('POST', '/api/v1/users', valid({ username })),
        409,
        'USERNAME_TAKEN',
      );
      expect(body.message).toContain(username);
      expect(body.details).toEqual([expect.objectContaining({ path: 'body.username' })]);
    }
  });

  it('two simultaneous creations of the same username: one 201, the other 409 (not 500)', async () => {
    const body = valid({ username: 'nv.doi', fullName: 'Bấm Hai Lần' });
    const statuses = (
      await Promise.all([admin.inject('POST', '/api/v1/users', body), admin.inject('POST', '/api/v1/users', body)])
    )
      .map((r) => r.statusCode)
      .sort();
    expect(statuses).toEqual([201, 409]);
  });

  it('refuses a role that does not match the level of the area, on body.areaCode', async () => {
    const cases: [string, string, string][] = [
      ['commune_officer', '689', 'cấp xã'],
      ['district_officer', '25213', 'cấp huyện'],
      ['admin', '692', 'cấp tỉnh'],
      ['province_officer', '25213', 'cấp tỉnh'],
    ];
    for (const [role, areaCode, level] of cases) {
      const body = expectProblem(
        await admin.inject('POST', '/api/v1/users', valid({ username: 'sai.cap', role, areaCode })),
        400,
        'VALIDATION_FAILED',
      );
      expect(body.details).toEqual([
        expect.objectContaining({ path: 'body.areaCode', message: expect.stringContaining(level) }),
      ]);
    }
    expect((await users('?q=sai.cap')).total).toBe(0);
  });

  it('accepts a supervisor at any level', async () => {
    const res = await admin.inject(
      'POST',
      '/api/v1/users',
      valid({ username: 'giamsat.xa', role: 'supervisor', areaCode: '25213' }),
    );
    expect(res.statusCode).toBe(201);
  });

  it("refuses an area that does not exist or lies outside the admin's province (400 on body.areaCode)", async () => {
    const unknown = expectProblem(
      await admin.inject('POST', '/api/v1/users', valid({ username: 'ngoai.tinh', areaCode: '12345' })),
      400,
      'VALIDATION_FAILED',
    );
    expect(unknown.details).toEqual([
      expect.objectContaining({ path: 'body.areaCode', message: expect.stringContaining('12345') }),
    ]);
    for (const areaCode of ['99999', '99']) {
      const role = areaCode === '99' ? 'admin' : 'commune_officer';
      const res = await admin.inject('POST', '/api/v1/users', valid({ username: 'ngoai.tinh', role, areaCode }));
      const body = expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(body.details).toEqual([
        expect.objectContaining({ path: 'body.areaCode', message: expect.stringContaining('ngoài địa bàn') }),
      ]);
    }
    expect((await users('?q=ngoai.tinh')).total).toBe(0);
  });
});

describe('validation', () => {
  it('an unknown field → 400 VALIDATION_FAILED naming the field', async () => {
    const body = expectProblem(
      await admin.inject('POST', '/api/v1/users', valid({ username: 'thua.truong', isAdmin: true })),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.details!.length).toBeGreaterThan(0);
    expect(body.details!.some((d) => `${d.path} ${d.message}`.includes('isAdmin'))).toBe(true);
    expect((await users('?q=thua.truong')).total).toBe(0);
  });

  it('the message for an unknown field is the Vietnamese one', async () => {
    const body = expectProblem(
      await admin.inject('POST', '/api/v1/users', valid({ username: 'thua.truong', isAdmin: true })),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.details).toEqual([
      expect.objectContaining({ message: expect.stringContaining('Trường không được chấp nhận: isAdmin') }),
    ]);
  });

  it('an over-long full name → 400 on body.fullName with a Vietnamese message', async () => {
    const body = expectProblem(
      await admin.inject('POST', '/api/v1/users', valid({ username: 'ten.dai', fullName: 'Nguyễn '.repeat(20) + 'A' })),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.details).toEqual([{ path: 'body.fullName', message: expect.stringMatching(/120 ký tự/) }]);
  });

  it('a wrong type (role: 5) → 400 on body.role', async () => {
    const body = expectProblem(
      await admin.inject('POST', '/api/v1/users', valid({ username: 'sai.kieu', role: 5 })),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.details).toEqual([expect.objectContaining({ path: 'body.role' })]);
    const body2 = expectProblem(
      await admin.inject('POST', '/api/v1/users', valid({ username: 'sai.kieu', fullName: 42 })),
      400,
      'VALIDATION_FAILED',
    );
    expect(body2.details).toEqual([{ path: 'body.fullName', message: expect.stringContaining('Sai kiểu dữ liệu') }]);
  });

  it('missing fields are each named as required', async () => {
    const body = expectProblem(
      await admin.inject('POST', '/api/v1/users', { username: 'thieu.truong' }),
      400,
      'VALIDATION_FAILED',
    );
    const paths = body.details!.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.password', 'body.fullName', 'body.areaCode']));
    expect(body.details!.find((d) => d.path === 'body.password')!.message).toBe('Trường này là bắt buộc.');
  });

  it('a malformed or empty JSON body → 400 MALFORMED_JSON, never 500', async () => {
    for (const payload of ['{"username": ', '{username: "x"}', 'not json at all', '']) {
      expectProblem(await postRaw('/api/v1/users', payload), 400, 'MALFORMED_JSON');
    }
  });

  it('a bad id in the path → 400, an unknown id → 404', async () => {
    expectProblem(await admin.inject('GET', '/api/v1/users/abc'), 400, 'VALIDATION_FAILED');
    expectProblem(await admin.inject('GET', '/api/v1/users/0'), 400, 'VALIDATION_FAILED');
    expectProblem(await admin.inject('GET', '/api/v1/users/987654321'), 404, 'NOT_FOUND');
    expectProblem(await admin.inject('PATCH', '/api/v1/users/987654321', { fullName: 'Không có' }), 404, 'NOT_FOUND');
  });
});

describe('patch', () => {
  let id: number;
  beforeAll(async () => {
    const res = await admin.inject(
      'POST',
      '/api/v1/users',
      valid({ username: 'nv.sua', fullName: 'Trần Thị Cũ', areaCode: '25207' }),
    );
    expect(res.statusCode).toBe(201);
    id = (res.json() as UserOut).id;
  });

  it('renames, audited as users.update with before and after', async () => {
    const res = await admin.inject('PATCH', `/api/v1/users/${id}`, { fullName: 'Trần Thị Mới' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, fullName: 'Trần Thị Mới', username: 'nv.sua' });
    const page = await auditOf(`action=users.update&entityId=${id}`);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ before: { fullName: 'Trần Thị Cũ' }, after: { fullName: 'Trần Thị Mới' } });
  });

  it('disables, audited as users.disable with before/after; enabling is users.enable', async () => {
    const res = await admin.inject('PATCH', `/api/v1/users/${id}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ disabled: true });
    const page = await auditOf(`action=users.disable&entityId=${id}`);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      action: 'users.disable',
      actorUsername: 'admin',
      before: { username: 'nv.sua', disabled: false },
      after: { username: 'nv.sua', disabled: true },
    });
    expect((await users('?disabled=true&q=nv.sua')).total).toBe(1);

    expect((await admin.inject('PATCH', `/api/v1/users/${id}`, { disabled: false })).json()).toMatchObject({
      disabled: false,
    });
    const enabled = await auditOf(`action=users.enable&entityId=${id}`);
    expect(enabled.items[0]).toMatchObject({ before: { disabled: true }, after: { disabled: false } });
  });

  it('resets the password: the user must change it (login says mustChangePassword), no hash in the audit', async () => {
    const res = await admin.inject('PATCH', `/api/v1/users/${id}`, { password: 'mat-khau-dat-lai-9' });
    expect(res.statusCode).toBe(200);
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nv.sua', password: 'mat-khau-dat-lai-9' },
    });
    expect(login.statusCode).toBe(200);
    expect((login.json() as Me).mustChangePassword).toBe(true);

    const page = await auditOf(`action=users.password.reset&entityId=${id}`);
    expect(page.total).toBe(1);
    expect(page.items[0]!.after).toMatchObject({ passwordReset: true });
    expect(await allAuditJson()).not.toMatch(/\$argon2|mat-khau-dat-lai-9|password_hash/);

    // After choosing a new password the flag is gone.
    const cookie = login.cookies.find((c) => c.name === 'ansinh_sid')!;
    const csrf = (login.json() as Me).csrfToken;
    const change = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: `ansinh_sid=${cookie.value}`, 'x-csrf-token': csrf },
      payload: { currentPassword: 'mat-khau-dat-lai-9', newPassword: 'mat-khau-tu-chon-7' },
    });
    expect(change.statusCode).toBe(200);
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nv.sua', password: 'mat-khau-tu-chon-7' },
    });
    expect((again.json() as Me).mustChangePassword).toBe(false);
  });

  it('moves an account to another area only with a role of the matching level', async () => {
    const bad = expectProblem(
      await admin.inject('PATCH', `/api/v1/users/${id}`, { areaCode: '692' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.details).toEqual([expect.objectContaining({ path: 'body.areaCode' })]);
    const ok = await admin.inject('PATCH', `/api/v1/users/${id}`, { areaCode: '692', role: 'district_officer' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ areaCode: '692', role: 'district_officer', areaName: 'Huyện Lộc Ninh' });
    expectProblem(
      await admin.inject('PATCH', `/api/v1/users/${id}`, { areaCode: '99999', role: 'commune_officer' }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('an admin cannot disable themself or drop their own admin role (400 SELF_LOCKOUT)', async () => {
    const a = expectProblem(
      await admin.inject('PATCH', `/api/v1/users/${adminMe.id}`, { disabled: true }),
      400,
      'SELF_LOCKOUT',
    );
    expect(a.message).toContain('quản trị');
    expectProblem(
      await admin.inject('PATCH', `/api/v1/users/${adminMe.id}`, { role: 'province_officer' }),
      400,
      'SELF_LOCKOUT',
    );
    expect((await admin.inject('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    // Renaming oneself is fine.
    expect((await admin.inject('PATCH', `/api/v1/users/${adminMe.id}`, { fullName: 'Quản trị viên' })).statusCode).toBe(
      200,
    );
  });

  it('refuses an unknown field in a patch', async () => {
    expectProblem(
      await admin.inject('PATCH', `/api/v1/users/${id}`, { username: 'doi.ten.dang.nhap' }),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('list', () => {
  it('filters by role: the 11 district officers of the demo', async () => {
    const page = await users('?role=district_officer&pageSize=500');
    const demo = page.items.filter((u) => u.username.startsWith('huyen.'));
    expect(demo).toHaveLength(11);
    expect(page.items.every((u) => u.role === 'district_officer')).toBe(true);
    expect(page.total).toBe(page.items.length);
  });

  it('searches by username and by area name without accents', async () => {
    const byName = await users('?q=xa.25213');
    expect(byName.items.map((u) => u.username)).toEqual(['xa.25213']);
    const byArea = await users(`?q=${encodeURIComponent('tien hung')}&role=commune_officer`);
    expect(byArea.items.map((u) => u.username)).toEqual(expect.arrayContaining(['xa.25213', 'nv.moi']));
    expect(byArea.items.every((u) => u.areaName === 'Xã Tiến Hưng')).toBe(true);
    expect(byArea.total).toBe(byArea.items.length);
    expect((await users('?q=khong-co-ai-ten-nay')).total).toBe(0);
  });

  it("finds an account by its holder's name typed without accents", async () => {
    const page = await users(`?q=${encodeURIComponent('le thi chuyen')}`);
    expect(page.items.map((u) => u.username)).toContain('tinh.chuyenvien');
  });

  it('paginates with a stable total and no overlap between pages', async () => {
    const all = await users('?pageSize=500');
    expect(all.total).toBeGreaterThanOrEqual(127);
    const p1 = await users('?pageSize=5&page=1');
    const p2 = await users('?pageSize=5&page=2');
    expect(p1).toMatchObject({ total: all.total, page: 1, pageSize: 5 });
    expect(p2).toMatchObject({ total: all.total, page: 2, pageSize: 5 });
    expect(p1.items).toHaveLength(5);
    expect(p2.items).toHaveLength(5);
    const ids = new Set([...p1.items, ...p2.items].map((u) => u.id));
    expect(ids.size).toBe(10);
    const last = await users(`?pageSize=5&page=${Math.ceil(all.total / 5)}`);
    expect(last.items.length).toBe(all.total - 5 * (Math.ceil(all.total / 5) - 1));
    expect((await users(`?pageSize=5&page=${Math.ceil(all.total / 5) + 1}`)).items).toHaveLength(0);
    expectProblem(await admin.inject('GET', '/api/v1/users?pageSize=501'), 400, 'VALIDATION_FAILED');
    expectProblem(await admin.inject('GET', '/api/v1/users?role=boss'), 400, 'VALIDATION_FAILED');
  });

  it('never lists accounts of another province', async () => {
    const all = await users('?pageSize=500');
    const names = all.items.map((u) => u.username);
    expect(names).not.toContain('admin99');
    expect(names).not.toContain('xa.99999');
    expect(all.items.every((u) => /^(70|6\d\d|2\d{4})$/.test(u.areaCode))).toBe(true);
    expectProblem(await admin.inject('GET', `/api/v1/users/${await userIdOf(ctx, 'admin99')}`), 404, 'NOT_FOUND');
  });
});
