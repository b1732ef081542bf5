import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { addOtherProvince } from '../../test/fixtures.js';
import { buildOrgUnit, factoryActor } from '../../test/factories.js';
import { organisationPolicy, type OrganisationAction } from './organisation.policy.js';

/**
 * The permission table: role x action x record inside/outside the actor's area. The register is a
 * province's: outside is the other province (99) for everyone; district and commune officers are
 * refused (403) before any record is read. A refused write changes nothing.
 */
const USERS: { user: string; role: Role }[] = [
  { user: 'xa.25213', role: 'commune_officer' },
  { user: 'huyen.689', role: 'district_officer' },
  { user: 'tinh.chuyenvien', role: 'province_officer' },
  { user: 'tinh.lanhdao', role: 'province_leader' },
  { user: 'thanhtra', role: 'inspector' },
  { user: 'giamsat', role: 'supervisor' },
  { user: 'admin', role: 'admin' },
];
const ACTIONS: OrganisationAction[] = ['read', 'manage'];

let ctx: TestContext;
const sessions = new Map<string, Session>();
beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
  for (const u of USERS) sessions.set(u.user, await ctx.login(u.user));
});
afterAll(() => ctx.close());

const unitName = async (id: number) =>
  (await ctx.database.db.selectFrom('org_units').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
const staffingRows = async (province: string) =>
  Number(
    (
      await ctx.database.db
        .selectFrom('org_staffing')
        .select((e) => e.fn.countAll().as('n'))
        .where('province_code', '=', province)
        .executeTakeFirst()
    )?.n,
  );

async function perform(s: Session, action: OrganisationAction, province: string) {
  const u = await buildOrgUnit(ctx, { provinceCode: province });
  if (action === 'read')
    return { status: (await s.inject('GET', `/api/v1/organisation/units/${u.id}`)).statusCode, changed: false };
  const res = await s.inject('PUT', `/api/v1/organisation/units/${u.id}`, {
    name: 'Đổi tên',
    kind: 'division',
    activeFrom: '2020-01-01',
  });
  return { status: res.statusCode, changed: (await unitName(u.id)) === 'Đổi tên' };
}

const CASES = USERS.flatMap((u) =>
  ACTIONS.flatMap((action) =>
    (['inside', 'outside'] as const).map((where) => {
      const allowed = organisationPolicy.table[action].includes(u.role);
      return { ...u, action, where, expected: !allowed ? 403 : where === 'outside' ? 404 : 200 };
    }),
  ),
);

describe('organisation permission table', () => {
  it.each(CASES)('$role $action $where → $expected', async ({ user, action, where, expected }) => {
    const r = await perform(sessions.get(user)!, action, where === 'inside' ? '70' : '99');
    expect(r.status).toBe(expected);
    if (action === 'manage') expect(r.changed).toBe(expected < 300);
  });

  it('a department officer records staffing in their own province only; elsewhere is 404 and writes nothing', async () => {
    const s = sessions.get('tinh.chuyenvien')!;
    const body = { approvedPosts: 50, staffStart: 40, staffEnd: 38, staffCut: 2 };
    const before = await staffingRows('99');
    const out = await s.inject('PUT', '/api/v1/organisation/staffing/2024', { ...body, provinceCode: '99' });
    expect(out.statusCode).toBe(404);
    expect(await staffingRows('99')).toBe(before);
    const own = await s.inject('PUT', '/api/v1/organisation/staffing/2024', body);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ provinceCode: '70', year: 2024, staffCutPercent: 5 });
    const commune = await sessions.get('xa.25213')!.inject('PUT', '/api/v1/organisation/staffing/2024', body);
    expect(commune.statusCode).toBe(403);
  });

  it('lists only the units of the actor’s province', async () => {
    const other = await buildOrgUnit(ctx, { provinceCode: '99' });
    const res = await sessions.get('tinh.lanhdao')!.inject('GET', '/api/v1/organisation/units?pageSize=500');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { id: number; provinceCode: string }[]; abilities: string[] };
    expect(body.items.some((i) => i.id === other.id)).toBe(false);
    expect(body.items.every((i) => i.provinceCode === '70')).toBe(true);
    expect(body.abilities).toEqual(['read', 'manage']);
  });

  it('refuses a unit placed under itself or under a unit of another province', async () => {
    const a = await buildOrgUnit(ctx);
    const b = await buildOrgUnit(ctx, { parentId: a.id });
    const s = sessions.get('tinh.chuyenvien')!;
    const loop = await s.inject('PUT', `/api/v1/organisation/units/${a.id}`, {
      name: a.name,
      kind: 'division',
      activeFrom: '2020-01-01',
      parentId: b.id,
    });
    expect(loop.statusCode).toBe(400);
    const foreign = await buildOrgUnit(ctx, { provinceCode: '99' });
    const res = await s.inject('POST', '/api/v1/organisation/units', {
      name: 'Phòng mới',
      kind: 'division',
      activeFrom: '2025-07-01',
      parentId: foreign.id,
    });
    expect(res.statusCode).toBe(400);
  });

  it('the system actor may do anything (factories rely on it)', () => {
    expect(organisationPolicy.can(factoryActor, 'manage')).toBe(true);
  });
});
