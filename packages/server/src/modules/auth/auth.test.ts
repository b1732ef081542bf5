import { createHash } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Me } from '@ansinh/domain';
import { createTestContext, DEMO_PASSWORD, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem, userIdOf } from '../../test/fixtures.js';

const MAX_FAILURES = 3;
let ctx: TestContext;
let admin: Session;

beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_MAX_FAILURES: String(MAX_FAILURES) } });
  admin = await ctx.login('admin');
});
afterAll(async () => {
  await ctx?.close();
});

/** A login from a given client address (the throttle counts per account and per address). */
const login = (username: string, password: string, ip = '127.0.0.1') =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

const me = (s: Pick<Session, 'cookie'>) =>
  ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });

const sessionId = (s: Session) => createHash('sha256').update(s.cookie.split('=')[1]!).digest('hex');

describe('login', () => {
  it('returns the user (role, area, abilities, CSRF token) and sets an HttpOnly SameSite=Lax cookie', async () => {
    const res = await login('admin', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json() as Me;
    expect(body).toMatchObject({
      username: 'admin',
      role: 'admin',
      areaCode: '70',
      areaName: 'Tỉnh Bình Phước',
      mustChangePassword: false,
    });
    expect(body.abilities).toEqual(
      expect.arrayContaining(['areas.read', 'areas.import', 'users.manage', 'audit.read']),
    );
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);

    const cookie = res.cookies.find((c) => c.name === 'ansinh_sid');
    expect(cookie).toBeDefined();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie!.value.length).toBeGreaterThanOrEqual(40);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/);
    expect(String(res.headers['set-cookie'])).toMatch(/SameSite=Lax/);
    // The session token lives only in the cookie, never in what scripts can read.
    expect(res.body).not.toContain(cookie!.value);

    const again = await me({ cookie: `ansinh_sid=${cookie!.value}` });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ username: 'admin', csrfToken: body.csrfToken });
  });

  it('gives a commune officer their commune and no administration abilities', async () => {
    const res = await login('xa.25213', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json() as Me;
    expect(body).toMatchObject({ role: 'commune_officer', areaCode: '25213', areaName: 'Xã Tiến Hưng' });
    expect(body.abilities).toContain('areas.read');
    expect(body.abilities).not.toContain('users.manage');
    expect(body.abilities).not.toContain('audit.read');
    expect(body.abilities).not.toContain('areas.import');
  });

  it('accepts the username with other capitals and surrounding spaces', async () => {
    const res = await login('  Tinh.ChuyenVien ', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect((res.json() as Me).username).toBe('tinh.chuyenvien');
  });

  it('answers a wrong password and an unknown user exactly the same way', async () => {
    const wrong = await login('thanhtra', 'not-the-password', '10.0.1.1');
    const unknown = await login('khong.co.ai', DEMO_PASSWORD, '10.0.1.1');
    const a = expectProblem(wrong, 401, 'AUTH_INVALID');
    const b = expectProblem(unknown, 401, 'AUTH_INVALID');
    expect(a.message).toBe(b.message);
    expect(a.message).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(wrong.cookies).toHaveLength(0);
    expect(unknown.cookies).toHaveLength(0);
  });

  it('refuses a body with missing or extra fields as a validation error, not a login failure', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin' } });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.password' })]));
    const extra = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'x', role: 'admin' },
    });
    expectProblem(extra, 400, 'VALIDATION_FAILED');
  });
});

describe('throttling', () => {
  it(`after ${MAX_FAILURES} failures from one address the account answers 429 there, even to the right password, and not elsewhere`, async () => {
    for (let i = 0; i < MAX_FAILURES; i++)
      expectProblem(await login('giamsat', `wrong-${i}`, '10.0.2.1'), 401, 'AUTH_INVALID');
    const res = await login('giamsat', DEMO_PASSWORD, '10.0.2.1');
    const body = expectProblem(res, 429, 'AUTH_THROTTLED');
    expect(body.message).toContain('phút');
    const retry = Number(res.headers['retry-after']);
    expect(Number.isInteger(retry)).toBe(true);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    expect(res.cookies).toHaveLength(0);
    // Not a lock on the account: its owner signs in from another address (a guesser elsewhere
    // cannot keep an officer out), and the guesser's address stays throttled for it.
    expect((await login('giamsat', DEMO_PASSWORD, '10.0.2.2')).statusCode).toBe(200);
    expectProblem(await login('giamsat', DEMO_PASSWORD, '10.0.2.1'), 429, 'AUTH_THROTTLED');
    // Other accounts from the same address are not affected.
    expect((await login('thanhtra', DEMO_PASSWORD, '10.0.2.1')).statusCode).toBe(200);
  });

  it('a successful login clears the earlier failures of the account', async () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < MAX_FAILURES - 1; i++)
        expectProblem(await login('huyen.691', 'wrong-password', '10.0.3.1'), 401, 'AUTH_INVALID');
      expect((await login('huyen.691', DEMO_PASSWORD, '10.0.3.1')).statusCode).toBe(200);
    }
  });

  it(`after ${MAX_FAILURES * 4} failures from one address, that address is throttled for every account`, async () => {
    for (let i = 0; i < MAX_FAILURES * 4; i++) {
      expectProblem(await login(`khong.co.${i}`, 'wrong-password', '10.0.4.1'), 401, 'AUTH_INVALID');
    }
    const res = await login('huyen.690', DEMO_PASSWORD, '10.0.4.1');
    expectProblem(res, 429, 'AUTH_THROTTLED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('huyen.690', DEMO_PASSWORD, '10.0.4.2')).statusCode).toBe(200);
  });
});

describe('throttling under parallel attempts', () => {
  it(`20 parallel wrong passwords: at most ${MAX_FAILURES} are checked, the rest get 429`, async () => {
    const res = await Promise.all(Array.from({ length: 20 }, (_, i) => login('huyen.696', `guess-${i}`, '10.0.7.1')));
    const checked = res.filter((r) => r.statusCode === 401).length;
    expect(checked).toBeLessThanOrEqual(MAX_FAILURES);
    expect(res.filter((r) => r.statusCode === 429).length).toBe(20 - checked);
  });
});

describe('session', () => {
  it('GET /auth/me without a cookie answers 401 AUTH_REQUIRED', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expectProblem(res, 401, 'AUTH_REQUIRED');
  });

  it('GET /auth/me with an unknown cookie answers 401 AUTH_REQUIRED', async () => {
    expectProblem(await me({ cookie: 'ansinh_sid=made-up-token' }), 401, 'AUTH_REQUIRED');
  });

  it('logout ends the session and clears the cookie', async () => {
    const s = await ctx.login('huyen.688');
    expect((await me(s)).statusCode).toBe(200);
    const res = await s.inject('POST', '/api/v1/auth/logout');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    const cleared = res.cookies.find((c) => c.name === 'ansinh_sid');
    expect(cleared?.value ?? '').toBe('');
    expectProblem(await me(s), 401, 'AUTH_REQUIRED');
    // Logging out again with the dead cookie is just "not signed in".
    expectProblem(await s.inject('POST', '/api/v1/auth/logout'), 401, 'AUTH_REQUIRED');
  });

  it('an expired session stops working', async () => {
    const s = await ctx.login('huyen.689');
    expect((await me(s)).statusCode).toBe(200);
    await ctx.database.db
      .updateTable('sessions')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', sessionId(s))
      .execute();
    // A change behind the app reaches it as the database's notice (PostgreSQL; at once on SQLite).
    await ctx.services.cluster.bus.settled();
    expectProblem(await me(s), 401, 'AUTH_REQUIRED');
  });
});

describe('CSRF', () => {
  it('a POST with a session but without X-CSRF-Token answers 403 CSRF_FAILED and does nothing', async () => {
    const s = await ctx.login('huyen.693');
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } });
    const body = expectProblem(res, 403, 'CSRF_FAILED');
    expect(body.message).toContain('X-CSRF-Token');
    expect((await me(s)).statusCode).toBe(200);
  });

  it('a wrong token, or the token of another session, is refused', async () => {
    const s1 = await ctx.login('huyen.694');
    const s2 = await ctx.login('huyen.694');
    for (const token of ['wrong', s2.csrf, '']) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie: s1.cookie, 'x-csrf-token': token },
      });
      expectProblem(res, 403, 'CSRF_FAILED');
    }
    expect((await me(s1)).statusCode).toBe(200);
  });

  it('a state-changing API call without the token creates nothing; with it, it works', async () => {
    const payload = {
      username: 'csrf.test',
      password: 'mot-mat-khau-dai',
      fullName: 'Thử CSRF',
      role: 'commune_officer',
      areaCode: '25213',
    };
    const without = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin.cookie },
      payload,
    });
    expectProblem(without, 403, 'CSRF_FAILED');
    const list = await admin.inject('GET', '/api/v1/users?q=csrf.test');
    expect(list.json()).toMatchObject({ total: 0 });

    const patchWithout = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${await userIdOf(ctx, 'xa.25216')}`,
      headers: { cookie: admin.cookie },
      payload: { fullName: 'Không được đổi' },
    });
    expectProblem(patchWithout, 403, 'CSRF_FAILED');

    const withToken = await admin.inject('POST', '/api/v1/users', payload);
    expect(withToken.statusCode).toBe(201);
  });
});

describe('change password', () => {
  it('refuses a wrong current password, a too short or unchanged new one', async () => {
    const s = await ctx.login('huyen.695');
    const wrong = expectProblem(
      await s.inject('POST', '/api/v1/auth/password', {
        currentPassword: 'sai-mat-khau',
        newPassword: 'mat-khau-moi-dai',
      }),
      400,
      'PASSWORD_WRONG',
    );
    expect(wrong.details).toEqual([expect.objectContaining({ path: 'body.currentPassword' })]);
    const short = expectProblem(
      await s.inject('POST', '/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'ngan' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(short.details).toEqual([
      expect.objectContaining({ path: 'body.newPassword', message: expect.stringContaining('10 ký tự') }),
    ]);
    expectProblem(
      await s.inject('POST', '/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }),
      400,
      'PASSWORD_SAME',
    );
    // Nothing changed: the password still works.
    expect((await login('huyen.695', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('changes it: the old one no longer logs in, the new one does, other sessions are closed', async () => {
    const a = await ctx.login('tinh.lanhdao');
    const b = await ctx.login('tinh.lanhdao');
    const newPassword = 'mat-khau-moi-cua-lanh-dao';
    const res = await a.inject('POST', '/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });

    expect((await me(a)).statusCode).toBe(200);
    expectProblem(await me(b), 401, 'AUTH_REQUIRED');
    expectProblem(await login('tinh.lanhdao', DEMO_PASSWORD, '10.0.5.1'), 401, 'AUTH_INVALID');
    const ok = await login('tinh.lanhdao', newPassword);
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as Me).mustChangePassword).toBe(false);

    const audit = await admin.inject('GET', '/api/v1/audit?action=auth.password.change&actor=tinh.lanhdao');
    expect(audit.statusCode).toBe(200);
    expect(audit.json()).toMatchObject({ total: 1 });
    expect(JSON.stringify(audit.json())).not.toContain(newPassword);
  });
});

describe('disabled accounts', () => {
  it('a disabled user cannot log in and their live session stops working', async () => {
    const s = await ctx.login('xa.25213');
    const id = await userIdOf(ctx, 'xa.25213');
    const res = await admin.inject('PATCH', `/api/v1/users/${id}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ disabled: true });

    expectProblem(await me(s), 401, 'AUTH_REQUIRED');
    const refused = expectProblem(await login('xa.25213', DEMO_PASSWORD, '10.0.6.1'), 401, 'AUTH_INVALID');
    // The same answer as a wrong password: the account's state is not disclosed.
    const wrong = expectProblem(await login('xa.25207', 'wrong-password', '10.0.6.1'), 401, 'AUTH_INVALID');
    expect(refused.message).toBe(wrong.message);

    expect((await admin.inject('PATCH', `/api/v1/users/${id}`, { disabled: false })).statusCode).toBe(200);
    expect((await login('xa.25213', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('the disabled flag is checked on every request, not only at login', async () => {
    const s = await ctx.login('xa.25210');
    const id = await userIdOf(ctx, 'xa.25210');
    // Flip the flag behind the application's back: the session row still exists.
    await ctx.database.db.updateTable('users').set({ disabled: 1 }).where('id', '=', id).execute();
    // On PostgreSQL the database's notice of the change is on its way (session-cache.test.ts).
    await ctx.services.cluster.bus.settled();
    expectProblem(await me(s), 401, 'AUTH_REQUIRED');
    expectProblem(
      await ctx.app.inject({ method: 'GET', url: '/api/v1/areas/25210', headers: { cookie: s.cookie } }),
      401,
      'AUTH_REQUIRED',
    );
    await ctx.database.db.updateTable('users').set({ disabled: 0 }).where('id', '=', id).execute();
    await ctx.services.cluster.bus.settled();
    expect((await me(s)).statusCode).toBe(200);
  });
});

describe('a password set by an admin must be changed before anything else', () => {
  it('blocks other routes with 403 PASSWORD_CHANGE_REQUIRED until the user chooses their own', async () => {
    const created = await admin.inject('POST', '/api/v1/users', {
      username: 'doi.matkhau',
      password: 'mat-khau-tam-thoi-1',
      fullName: 'Võ Thị Đổi',
      role: 'commune_officer',
      areaCode: '25213',
    });
    expect(created.statusCode).toBe(201);
    const s = await ctx.login('doi.matkhau', 'mat-khau-tam-thoi-1');
    expect((await s.inject('GET', '/api/v1/auth/me')).json()).toMatchObject({ mustChangePassword: true });
    expectProblem(await s.inject('GET', '/api/v1/areas'), 403, 'PASSWORD_CHANGE_REQUIRED');

    const changed = await s.inject('POST', '/api/v1/auth/password', {
      currentPassword: 'mat-khau-tam-thoi-1',
      newPassword: 'mat-khau-cua-toi-2',
    });
    expect(changed.statusCode).toBe(200);
    const areas = await s.inject('GET', '/api/v1/areas');
    expect(areas.statusCode).toBe(200);
    expect(areas.json()).toMatchObject({ items: [{ code: '25213' }] });
  });
});

describe('who may call comes before what was sent', () => {
  it('a bad body without a session answers 401, and without the CSRF token 403, not 400', async () => {
    const anon = await ctx.app.inject({ method: 'POST', url: '/api/v1/users', payload: { nonsense: true } });
    expectProblem(anon, 401, 'AUTH_REQUIRED');
    const noCsrf = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin.cookie },
      payload: { nonsense: true },
    });
    expectProblem(noCsrf, 403, 'CSRF_FAILED');
  });
});

describe('housekeeping', () => {
  it('drops expired sessions and login attempts older than the window, and keeps live ones', async () => {
    const live = await ctx.login('huyen.690');
    const old = await ctx.login('huyen.691');
    const db = ctx.database.db;
    await db
      .updateTable('sessions')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', sessionId(old))
      .execute();
    await db
      .insertInto('login_attempts')
      .values({ username: 'ai.do', ip: '10.9.9.9', at: '2020-01-01T00:00:00.000Z', succeeded: 0 })
      .execute();
    await ctx.services.auth.purgeExpired();
    expect(
      await db.selectFrom('sessions').select('id').where('id', '=', sessionId(old)).executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await db.selectFrom('sessions').select('id').where('id', '=', sessionId(live)).executeTakeFirst(),
    ).toBeDefined();
    expect(
      await db.selectFrom('login_attempts').select('id').where('username', '=', 'ai.do').executeTakeFirst(),
    ).toBeUndefined();
  });
});
