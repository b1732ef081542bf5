import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '@ansinh/domain';
import { openDatabase, type Database } from '../../db/database.js';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import { until } from '../../test/wait.js';

/**
 * What a session resolves to is kept per app server until the database says it changed
 * (use-cases/session-cache.ts, migration 0039). These tests change the database *behind* the app,
 * through a second connection as the command line or another server would, and check that the
 * next request sees it: at once on SQLite, once the database's notice has arrived on PostgreSQL.
 */
const onPostgres = /^postgres/.test(process.env.DATABASE_URL ?? '');
let ctx: TestContext;
let other: Database;

beforeAll(async () => {
  ctx = await createTestContext();
  other = openDatabase(ctx.config);
});
afterAll(async () => {
  await other?.close();
  await ctx?.close();
});

const me = (s: Pick<Session, 'cookie'>) =>
  ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
const sessionId = (s: Session) => createHash('sha256').update(s.cookie.split('=')[1]!).digest('hex');
/** On PostgreSQL the change's notice is on its way: wait for it (a no-op on SQLite). */
const noticed = () => ctx.services.cluster.bus.settled();

describe('a change behind the app reaches the next request', () => {
  it('an account disabled through another connection stops at once', async () => {
    const s = await ctx.login('huyen.688');
    expect((await me(s)).statusCode).toBe(200);
    expect((await me(s)).statusCode).toBe(200);
    await other.db.updateTable('users').set({ disabled: 1 }).where('username', '=', 'huyen.688').execute();
    await noticed();
    expectProblem(await me(s), 401, 'AUTH_REQUIRED');
    await other.db.updateTable('users').set({ disabled: 0 }).where('username', '=', 'huyen.688').execute();
    await noticed();
    expect((await me(s)).statusCode).toBe(200);
  });

  it('a role and a name changed through another connection show on the next /auth/me', async () => {
    const s = await ctx.login('huyen.689');
    expect((await me(s)).json()).toMatchObject({ role: 'district_officer' });
    await other.db
      .updateTable('users')
      .set({ role: 'supervisor', full_name: 'Trần Thị Đổi Tên' })
      .where('username', '=', 'huyen.689')
      .execute();
    await noticed();
    const after = (await me(s)).json() as Me;
    expect(after).toMatchObject({ role: 'supervisor', fullName: 'Trần Thị Đổi Tên' });
  });

  it('a session deleted through another connection (an administrator closing it) stops at once', async () => {
    const s = await ctx.login('huyen.690');
    expect((await me(s)).statusCode).toBe(200);
    await other.db.deleteFrom('sessions').where('id', '=', sessionId(s)).execute();
    await noticed();
    expectProblem(await me(s), 401, 'AUTH_REQUIRED');
  });

  it('a renamed area shows in /auth/me', async () => {
    const s = await ctx.login('huyen.691');
    const before = (await me(s)).json() as Me;
    await other.db.updateTable('areas').set({ name: 'Thị xã Đổi Tên' }).where('code', '=', before.areaCode).execute();
    await noticed();
    expect((await me(s)).json()).toMatchObject({ areaName: 'Thị xã Đổi Tên' });
    await other.db.updateTable('areas').set({ name: before.areaName }).where('code', '=', before.areaCode).execute();
  });

  it('a write rolled back leaves the session as it was', async () => {
    const s = await ctx.login('huyen.692');
    const token = s.cookie.split('=')[1]!;
    const client = { ip: '127.0.0.1', requestId: 't' };
    await expect(
      ctx.database.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ role: 'admin' }).where('username', '=', 'huyen.692').execute();
        // Read (and perhaps kept) while the change is not committed.
        await ctx.services.auth.resolve(token, client);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await noticed();
    expect((await ctx.services.auth.resolve(token, client))?.actor.role).toBe('district_officer');
    expect((await me(s)).json()).toMatchObject({ role: 'district_officer' });
  });

  it('what was read is kept: a change the database does not report is not seen (the triggers are what make it safe)', async () => {
    // Its own database: the trigger is dropped.
    const own = await createTestContext();
    try {
      const s = await own.login('huyen.688');
      expect((await own.app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } })).json()).toMatchObject({
        fullName: expect.not.stringMatching(/^Không báo$/),
      });
      await sql
        .raw(onPostgres ? 'drop trigger session_changes_users on users' : 'drop trigger session_changes_users_update')
        .execute(own.database.db);
      await own.database.db
        .updateTable('users')
        .set({ full_name: 'Không báo' })
        .where('username', '=', 'huyen.688')
        .execute();
      await own.services.cluster.bus.settled();
      const kept = (await own.app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } })).json() as Me;
      expect(kept.fullName).not.toBe('Không báo');
    } finally {
      await own.close();
    }
  });
});

describe.skipIf(!onPostgres)('on PostgreSQL, while the listening connection is down nothing is kept', () => {
  it('a change made meanwhile is seen by the next request, without a notice', async () => {
    const s = await ctx.login('huyen.693');
    expect((await me(s)).statusCode).toBe(200);
    const bus = ctx.services.cluster.bus;
    expect(bus.live).toBe(true);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
              where application_name = 'ansinh-listen' and datname = current_database()`.execute(other.db);
    await until(() => !bus.live, 15_000);
    expect(bus.live).toBe(false);
    await other.db.updateTable('users').set({ disabled: 1 }).where('username', '=', 'huyen.693').execute();
    expectProblem(await me(s), 401, 'AUTH_REQUIRED');
    // It listens again by itself.
    await until(() => bus.live, 15_000); // a second after the loss (change-bus.ts), five if that fails
    expect(bus.live).toBe(true);
  });
});
