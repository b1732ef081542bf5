import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Me, Role, UserOut } from '@ansinh/domain';
import { systemActor } from './actor.js';
import { createTestContext, DEMO_PASSWORD, type Session, type TestContext } from '../test/helpers.js';
import { addOtherProvince, expectProblem, userIdOf } from '../test/fixtures.js';

/**
 * The permission table of the API: every role x action x a record inside / outside the actor's
 * area. A record outside answers 404 (its existence does not leak); inside but not allowed
 * answers 403; allowed answers 200/201.
 *
 * Province-level actors (admin, leader, officer, inspector, supervisor) sit at province 70, so
 * their "outside" is a second province (99) loaded for this test; district and commune actors'
 * "outside" is a commune of another district (25273 Xã Lộc Hòa, in 692 Lộc Ninh).
 */

type Action = 'read area' | 'list children' | 'list users' | 'read user' | 'create user' | 'patch user' | 'read audit';
type Where = 'inside' | 'outside';

interface Place {
  /** An area to read. */
  area: string;
  /** An area whose children to list. */
  parent: string;
  /** A commune to create a commune officer in. */
  commune: string;
  /** An account to read and edit. */
  user: string;
}

interface ActorCase {
  key: string;
  username: string;
  role: Role;
  inside: Place;
  outside: Place;
}

/** Records in province 70 (the demo) and in province 99 (loaded in beforeAll). */
const IN_70: Place = { area: '692', parent: '70', commune: '25213', user: 'canbo.tienhung' };
const IN_99: Place = { area: '99999', parent: '99', commune: '99999', user: 'xa.99999' };
const IN_692: Place = { area: '25273', parent: '692', commune: '25273', user: 'xa.25273' };

const ACTORS: ActorCase[] = [
  { key: 'admin', username: 'admin', role: 'admin', inside: IN_70, outside: IN_99 },
  { key: 'province_leader', username: 'tinh.lanhdao', role: 'province_leader', inside: IN_70, outside: IN_99 },
  { key: 'province_officer', username: 'tinh.chuyenvien', role: 'province_officer', inside: IN_70, outside: IN_99 },
  {
    key: 'district_officer',
    username: 'huyen.689',
    role: 'district_officer',
    inside: { area: '25213', parent: '689', commune: '25213', user: 'canbo.tienhung' },
    outside: IN_692,
  },
  {
    key: 'commune_officer',
    username: 'xa.25213',
    role: 'commune_officer',
    // A commune has no children: listing them answers an empty list, not an error.
    inside: { area: '25213', parent: '25213', commune: '25213', user: 'canbo.tienhung' },
    outside: IN_692,
  },
  { key: 'inspector', username: 'thanhtra', role: 'inspector', inside: IN_70, outside: IN_99 },
  { key: 'supervisor', username: 'giamsat', role: 'supervisor', inside: IN_70, outside: IN_99 },
  // The administrator of the other province: the same rules seen from the other side.
  { key: 'admin of province 99', username: 'admin99', role: 'admin', inside: IN_99, outside: IN_70 },
];

const ROLES_IN_TABLE: Role[] = [
  'admin',
  'province_leader',
  'province_officer',
  'district_officer',
  'commune_officer',
  'inspector',
  'supervisor',
];
const all = (inside: number, outside: number) =>
  Object.fromEntries(ROLES_IN_TABLE.map((r) => [r, [inside, outside]])) as Record<Role, [number, number]>;

/**
 * Expected status per action and role: [inside, outside]. The users and audit routes are
 * closed by role before any record is looked at, so a role without the right gets 403 whatever
 * the record (that discloses nothing about the record). Creating an account in an area outside
 * one's own is a field error on body.areaCode (400). The audit log and the user list are lists:
 * "outside" there means filtering on an outside record, which finds nothing.
 */
const EXPECTED: Record<Action, Record<Role, [number, number]>> = {
  'read area': all(200, 404),
  'list children': all(200, 404),
  'list users': { ...all(403, 403), admin: [200, 200] },
  'read user': { ...all(403, 403), admin: [200, 404] },
  'create user': { ...all(403, 403), admin: [201, 400] },
  'patch user': { ...all(403, 403), admin: [200, 404] },
  'read audit': { ...all(403, 403), admin: [200, 200], inspector: [200, 200] },
};

const CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'AUTH_REQUIRED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
};

let ctx: TestContext;
const sessions = new Map<string, Session>();
const ids = new Map<string, number>();

beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
  // A second account in Xã Tiến Hưng, so the commune officer there has a colleague to look at.
  await ctx.services.users.create(
    systemActor('test'),
    {
      username: 'canbo.tienhung',
      password: DEMO_PASSWORD,
      fullName: 'Cán bộ Tiến Hưng',
      role: 'commune_officer',
      areaCode: '25213',
    },
    { mustChangePassword: false },
  );
  for (const a of ACTORS) sessions.set(a.key, await ctx.login(a.username));
  for (const u of ['canbo.tienhung', 'xa.99999', 'xa.25273']) ids.set(u, await userIdOf(ctx, u));
});
afterAll(async () => {
  await ctx?.close();
});

const fullNameOf = async (userId: number) => (await ctx.services.users.get(systemActor('test'), userId)).fullName;

async function act(a: ActorCase, action: Action, where: Where): Promise<LightMyRequestResponse> {
  const s = sessions.get(a.key)!;
  const p = a[where];
  const userId = ids.get(p.user)!;
  switch (action) {
    case 'read area':
      return s.inject('GET', `/api/v1/areas/${p.area}`);
    case 'list children':
      return s.inject('GET', `/api/v1/areas?parent=${p.parent}`);
    case 'list users':
      return s.inject('GET', `/api/v1/users?areaCode=${p.commune}&pageSize=500`);
    case 'read user':
      return s.inject('GET', `/api/v1/users/${userId}`);
    case 'create user':
      return s.inject('POST', '/api/v1/users', {
        username: `authz.${a.key.replace(/\W+/g, '-')}.${where}`,
        password: 'mat-khau-thu-quyen',
        fullName: `Tài khoản thử quyền của ${a.username}`,
        role: 'commune_officer',
        areaCode: p.commune,
      });
    case 'patch user':
      return s.inject('PATCH', `/api/v1/users/${userId}`, { fullName: `Đổi tên bởi ${a.username}` });
    case 'read audit':
      return s.inject('GET', `/api/v1/audit?entity=user&entityId=${userId}`);
  }
}

const ROWS = ACTORS.flatMap((a) =>
  (Object.keys(EXPECTED) as Action[]).flatMap((action) =>
    (['inside', 'outside'] as const).map((where) => {
      const status = EXPECTED[action][a.role][where === 'inside' ? 0 : 1];
      return { name: `${a.key} (${a.username}) · ${action} · ${where} → ${status}`, actor: a, action, where, status };
    }),
  ),
);

describe('permission table: role x action x inside/outside the area', () => {
  for (const { name, actor, action, where, status } of ROWS)
    it(name, async () => {
      const p = actor[where];
      const nameBefore = action === 'patch user' ? await fullNameOf(ids.get(p.user)!) : null;
      const res = await act(actor, action, where);
      if (status >= 400) {
        expectProblem(res, status, CODES[status]!);
        if (status === 400) {
          const body = res.json() as { details: { path: string; message: string }[] };
          expect(body.details).toEqual([
            expect.objectContaining({ path: 'body.areaCode', message: expect.stringContaining('ngoài địa bàn') }),
          ]);
        }
      } else {
        expect({ status: res.statusCode, body: res.body.slice(0, 300) }).toMatchObject({ status });
      }

      // What a 200 shows, and what a refusal leaves unchanged.
      const body = res.json() as { items?: unknown[]; total?: number };
      switch (action) {
        case 'read area':
          if (status === 200) expect(body).toMatchObject({ code: p.area });
          break;
        case 'list children':
          if (status === 200)
            for (const item of body.items as { parentCode: string }[]) expect(item.parentCode).toBe(p.parent);
          if (status === 200 && p.parent !== p.commune) expect(body.items!.length).toBeGreaterThan(0);
          break;
        case 'list users': {
          if (status !== 200) break;
          const names = (body.items as UserOut[]).map((u) => u.username);
          if (where === 'inside') expect(names).toContain(p.user);
          else expect(body).toMatchObject({ total: 0, items: [] });
          break;
        }
        case 'read user':
          if (status === 200) expect(body).toMatchObject({ id: ids.get(p.user), username: p.user });
          break;
        case 'create user': {
          const username = `authz.${actor.key.replace(/\W+/g, '-')}.${where}`;
          const found = await ctx.services.users.list(systemActor('test'), { page: 1, pageSize: 10, q: username });
          expect(found.total).toBe(status === 201 ? 1 : 0);
          break;
        }
        case 'patch user': {
          const nameAfter = await fullNameOf(ids.get(p.user)!);
          if (status === 200) expect(nameAfter).toBe(`Đổi tên bởi ${actor.username}`);
          else expect(nameAfter).toBe(nameBefore);
          break;
        }
        case 'read audit':
          if (status !== 200) break;
          // The account's creation is in the log, but only an actor whose area holds it sees it.
          if (where === 'inside') expect(body.total).toBeGreaterThanOrEqual(1);
          else expect(body).toMatchObject({ total: 0, items: [] });
          break;
      }
    });
});

describe('audit log scope across provinces', () => {
  it('the admin of province 70 does not see sign-ins of province 99 accounts', async () => {
    const res = await sessions.get('admin')!.inject('GET', '/api/v1/audit?actor=admin99');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 0 });
  });
});

describe('abilities shipped to the client match the table', () => {
  for (const a of ACTORS)
    it(`${a.key} (${a.username})`, async () => {
      const me = (await sessions.get(a.key)!.inject('GET', '/api/v1/auth/me')).json() as Me;
      expect(me.role).toBe(a.role);
      expect(me.abilities.includes('areas.read')).toBe(true);
      expect(me.abilities.includes('users.manage')).toBe(EXPECTED['read user'][a.role][0] === 200);
      expect(me.abilities.includes('audit.read')).toBe(EXPECTED['read audit'][a.role][0] === 200);
      expect(me.abilities.includes('areas.import')).toBe(a.role === 'admin');
    });
});

describe('without a session', () => {
  const calls: [string, string, unknown?][] = [
    ['GET', '/api/v1/areas/70'],
    ['GET', '/api/v1/areas?parent=70'],
    ['GET', '/api/v1/users'],
    ['GET', '/api/v1/users/1'],
    [
      'POST',
      '/api/v1/users',
      { username: 'an.danh', password: 'mat-khau-an-danh', fullName: 'Ẩn danh', role: 'admin', areaCode: '70' },
    ],
    ['PATCH', '/api/v1/users/1', { fullName: 'Ẩn danh' }],
    ['GET', '/api/v1/audit'],
  ];
  it.each(calls)('%s %s → 401 AUTH_REQUIRED', async (method, url, payload) => {
    const res = await ctx.app.inject({
      method: method as 'GET',
      url,
      ...(payload ? { payload: payload as object } : {}),
    });
    expectProblem(res, 401, 'AUTH_REQUIRED');
  });
});
