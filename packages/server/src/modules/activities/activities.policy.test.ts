import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { addOtherProvince } from '../../test/fixtures.js';
import { buildActivity, factoryActor } from '../../test/factories.js';
import { activitiesPolicy, type ActivitiesAction } from './activities.policy.js';

/**
 * The permission table: role x action x record inside/outside the actor's area. Outside is another
 * district's commune for commune and district actors, another province for province actors.
 * Expect 404 outside, 403 for a role not allowed, 2xx allowed; a refused write changes nothing.
 */
const USERS: { user: string; role: Role; inside: string; outside: string }[] = [
  { user: 'xa.25213', role: 'commune_officer', inside: '25213', outside: '25273' },
  { user: 'huyen.689', role: 'district_officer', inside: '25213', outside: '25273' },
  { user: 'tinh.chuyenvien', role: 'province_officer', inside: '25213', outside: '99999' },
  { user: 'tinh.lanhdao', role: 'province_leader', inside: '70', outside: '99' },
  { user: 'thanhtra', role: 'inspector', inside: '70', outside: '99' },
  { user: 'giamsat', role: 'supervisor', inside: '70', outside: '99' },
  { user: 'admin', role: 'admin', inside: '70', outside: '99' },
];
type Op = ActivitiesAction | 'correct' | 'remove';
const OPS: Op[] = ['read', 'record', 'correct', 'remove'];
const actionOf = (op: Op): ActivitiesAction => (op === 'read' ? 'read' : 'record');

let ctx: TestContext;
const sessions = new Map<string, Session>();
beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
  for (const u of USERS) sessions.set(u.user, await ctx.login(u.user));
});
afterAll(() => ctx.close());

const db = () => ctx.database.db;
const count = async () =>
  Number(
    (
      await db()
        .selectFrom('activities')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n,
  );
const titleOf = async (id: number) =>
  (await db().selectFrom('activities').select('title').where('id', '=', id).executeTakeFirst())?.title ?? null;

const BODY = {
  kind: 'campaign',
  topic: 'child_protection',
  title: 'Tháng hành động vì trẻ em',
  startDate: '2025-06-01',
  organiser: 'UBND xã',
  participantsTotal: 120,
  participantsFemale: 70,
};

async function perform(s: Session, op: Op, area: string): Promise<{ status: number; changed: boolean }> {
  if (op === 'record') {
    const before = await count();
    const res = await s.inject('POST', '/api/v1/activities', { ...BODY, areaCode: area });
    return { status: res.statusCode, changed: (await count()) !== before };
  }
  const a = await buildActivity(ctx, { areaCode: area });
  if (op === 'read')
    return { status: (await s.inject('GET', `/api/v1/activities/${a.id}`)).statusCode, changed: false };
  if (op === 'correct') {
    const res = await s.inject('PUT', `/api/v1/activities/${a.id}`, { ...BODY, title: 'Đã sửa' });
    return { status: res.statusCode, changed: (await titleOf(a.id)) === 'Đã sửa' };
  }
  const res = await s.inject('DELETE', `/api/v1/activities/${a.id}`);
  return { status: res.statusCode, changed: (await titleOf(a.id)) === null };
}

const CASES = USERS.flatMap((u) =>
  OPS.flatMap((op) =>
    (['inside', 'outside'] as const).map((where) => {
      const allowed = activitiesPolicy.table[actionOf(op)].includes(u.role);
      const expected = !allowed ? 403 : where === 'outside' ? 404 : op === 'record' ? 201 : 200;
      return { ...u, op, where, expected };
    }),
  ),
);

describe('activities permission table', () => {
  it.each(CASES)('$role $op $where → $expected', async ({ user, op, where, inside, outside, expected }) => {
    const r = await perform(sessions.get(user)!, op, where === 'inside' ? inside : outside);
    expect(r.status).toBe(expected);
    if (op !== 'read') expect(r.changed).toBe(expected < 300);
  });

  it('a commune officer records in their own commune by default and lists only their area', async () => {
    const s = sessions.get('xa.25213')!;
    const mine = await s.inject('POST', '/api/v1/activities', BODY);
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ areaCode: '25213', provinceCode: '70' });
    const elsewhere = await buildActivity(ctx, { areaCode: '25273' });
    const list = (await s.inject('GET', '/api/v1/activities?pageSize=500')).json() as {
      items: { id: number; areaCode: string }[];
      abilities: string[];
    };
    expect(list.items.some((i) => i.id === elsewhere.id)).toBe(false);
    expect(list.items.every((i) => i.areaCode === '25213')).toBe(true);
    expect(list.abilities).toEqual(['read', 'record']);
  });

  it('refuses more women than participants, and groups adding up to more than the total', async () => {
    const s = sessions.get('tinh.chuyenvien')!;
    const before = await count();
    const res = await s.inject('POST', '/api/v1/activities', {
      ...BODY,
      participantsFemale: 121,
      groups: [{ group: 'Học sinh', count: 200 }],
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json() as { details: { path: string }[] }).details.map((d) => d.path);
    expect(paths).toEqual(['body.participantsFemale', 'body.groups']);
    expect(await count()).toBe(before);
  });

  it('the system actor may do anything (factories rely on it)', () => {
    expect(activitiesPolicy.can(factoryActor, 'record')).toBe(true);
  });
});
