import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { addOtherProvince } from '../../test/fixtures.js';
import { buildCase, buildLetter, factoryActor } from '../../test/factories.js';
import { petitionsPolicy, type PetitionsAction } from './petitions.policy.js';

/**
 * The permission table: role x action x record inside/outside the actor's area. Outside is
 * another district's commune for commune and district actors, another province for province
 * actors. Expect 404 outside, 403 for a role not allowed, 2xx allowed; a refused write changes
 * nothing.
 */
const USERS: { user: string; role: Role; inside: string; outside: string }[] = [
  { user: 'xa.25213', role: 'commune_officer', inside: '25213', outside: '25273' },
  { user: 'huyen.689', role: 'district_officer', inside: '25213', outside: '25273' },
  { user: 'tinh.chuyenvien', role: 'province_officer', inside: '25213', outside: '99999' },
  { user: 'tinh.lanhdao', role: 'province_leader', inside: '70', outside: '99999' },
  { user: 'thanhtra', role: 'inspector', inside: '70', outside: '99999' },
  { user: 'giamsat', role: 'supervisor', inside: '70', outside: '99999' },
  { user: 'admin', role: 'admin', inside: '70', outside: '99999' },
];
const ACTIONS: PetitionsAction[] = ['read', 'receive', 'classify', 'settle', 'identity', 'stats'];

let ctx: TestContext;
const sessions = new Map<string, Session>();

beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
  for (const u of USERS) sessions.set(u.user, await ctx.login(u.user));
});
afterAll(() => ctx.close());

const db = () => ctx.database.db;
const letterState = async (id: number) =>
  db().selectFrom('petition_letters').select(['kind', 'state', 'fit']).where('id', '=', id).executeTakeFirstOrThrow();
const stepCount = async (caseId: number) =>
  Number(
    (
      await db()
        .selectFrom('petition_case_steps')
        .select((e) => e.fn.countAll().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirst()
    )?.n,
  );
const letterCount = async () =>
  Number(
    (
      await db()
        .selectFrom('petition_letters')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n,
  );

/** Perform the action on a record in `area`; returns the status and whether anything changed. */
async function perform(
  s: Session,
  action: PetitionsAction,
  area: string,
): Promise<{ status: number; changed: boolean }> {
  switch (action) {
    case 'read': {
      const l = await buildLetter(ctx, { areaCode: area });
      return { status: (await s.inject('GET', `/api/v1/petitions/letters/${l.id}`)).statusCode, changed: false };
    }
    case 'receive': {
      const before = await letterCount();
      const res = await s.inject('POST', '/api/v1/petitions/letters', {
        receivedDate: '2021-03-01',
        channel: 'post',
        areaCode: area,
        senderName: 'Nguyễn Văn Thử',
        senderAddress: 'Ấp 3',
        summary: 'Kiến nghị',
      });
      return { status: res.statusCode, changed: (await letterCount()) !== before };
    }
    case 'classify': {
      const l = await buildLetter(ctx, { areaCode: area });
      const before = await letterState(l.id);
      const res = await s.inject('POST', `/api/v1/petitions/letters/${l.id}/classify`, {
        kind: 'proposal',
        withinCompetence: true,
      });
      return { status: res.statusCode, changed: JSON.stringify(await letterState(l.id)) !== JSON.stringify(before) };
    }
    case 'settle': {
      const { case: c } = await buildCase(ctx, 'complaint', { letter: { areaCode: area } });
      const before = await stepCount(c.id);
      const res = await s.inject('POST', `/api/v1/petitions/cases/${c.id}/steps`, {
        kind: 'verify',
        date: '2021-03-02',
      });
      return { status: res.statusCode, changed: (await stepCount(c.id)) !== before };
    }
    case 'identity': {
      const l = await buildLetter(ctx, { areaCode: area, kind: 'denunciation' });
      return {
        status: (await s.inject('GET', `/api/v1/petitions/letters/${l.id}/identity`)).statusCode,
        changed: false,
      };
    }
    case 'stats': {
      const res = await s.inject('GET', `/api/v1/petitions/stats?from=2021-01-01&to=2021-12-31&areaCode=${area}`);
      return { status: res.statusCode, changed: false };
    }
  }
}

const WRITES = new Set<PetitionsAction>(['receive', 'classify', 'settle']);
const CASES = USERS.flatMap((u) =>
  ACTIONS.flatMap((action) =>
    (['inside', 'outside'] as const).map((where) => {
      const allowed = petitionsPolicy.table[action].includes(u.role);
      const expected = !allowed ? 403 : where === 'outside' ? 404 : action === 'receive' ? 201 : 200;
      return { ...u, action, where, expected };
    }),
  ),
);

describe('petitions permission table', () => {
  it.each(CASES)('$role $action $where → $expected', async ({ user, action, where, inside, outside, expected }) => {
    const r = await perform(sessions.get(user)!, action, where === 'inside' ? inside : outside);
    expect(r.status).toBe(expected);
    if (WRITES.has(action)) expect(r.changed).toBe(expected < 300);
  });

  it('the system actor may do anything (factories rely on it)', () => {
    expect(petitionsPolicy.can(factoryActor, 'identity')).toBe(true);
  });
});
