import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '@ansinh/domain';
import { buildEmployer, buildFair, buildSupply, supplyCitizenId } from '../../test/factories.js';
import { addOtherProvince, expectProblem } from '../../test/fixtures.js';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';

/**
 * The permission table of employment services: role x action x a record inside / outside the
 * actor's area. Province-level actors' "outside" is province 99; district and commune actors'
 * "outside" is a commune of another district (25273, in 692) for area records, and province 99
 * for province-wide ones (fairs, employers). A role not in the action's row is refused by the
 * route (403) whatever the record; a refused write changes nothing.
 */
type Action = 'read supply' | 'collect supply' | 'check in' | 'post vacancy';
type Where = 'inside' | 'outside';
type Level = 'province' | 'district' | 'commune';

const ACTORS: { username: string; role: Role; level: Level }[] = [
  { username: 'admin', role: 'admin', level: 'province' },
  { username: 'tinh.lanhdao', role: 'province_leader', level: 'province' },
  { username: 'tinh.chuyenvien', role: 'province_officer', level: 'province' },
  { username: 'ttdvvl', role: 'employment_centre', level: 'province' },
  { username: 'huyen.689', role: 'district_officer', level: 'district' },
  { username: 'xa.25213', role: 'commune_officer', level: 'commune' },
  { username: 'thanhtra', role: 'inspector', level: 'province' },
  { username: 'giamsat', role: 'supervisor', level: 'province' },
];

const ok = (s: number): [number, number] => [s, 404];
const no: [number, number] = [403, 403];
const EXPECTED: Record<Action, Partial<Record<Role, [number, number]>>> = {
  'read supply': {
    admin: ok(200),
    province_leader: ok(200),
    province_officer: ok(200),
    employment_centre: ok(200),
    district_officer: ok(200),
    commune_officer: ok(200),
    inspector: ok(200),
  },
  'collect supply': { employment_centre: ok(201), district_officer: ok(201), commune_officer: ok(201) },
  'check in': { employment_centre: ok(200) },
  'post vacancy': { employment_centre: ok(201), province_officer: ok(201) },
};
const WRITES = new Set<Action>(['collect supply', 'check in', 'post vacancy']);

let ctx: TestContext;
const sessions = new Map<string, Session>();

beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
  for (const a of ACTORS) sessions.set(a.username, await ctx.login(a.username));
});
afterAll(async () => ctx?.close());

const rows = async () => {
  const n = async (t: 'emp_supply' | 'emp_fair_attendees' | 'emp_vacancies') =>
    Number(
      (
        await ctx.database.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );
  return [await n('emp_supply'), await n('emp_fair_attendees'), await n('emp_vacancies')];
};

/** Where the record is: the actor's own commune, or the "outside" of its level. */
function communeFor(level: Level, where: Where): string {
  if (where === 'inside') return '25213';
  return level === 'province' ? '99999' : '25273';
}

async function act(a: (typeof ACTORS)[number], action: Action, where: Where): Promise<LightMyRequestResponse> {
  const s = sessions.get(a.username)!;
  const commune = communeFor(a.level, where);
  // Province-wide records (fairs, employers) are outside only in another province.
  const wide = where === 'inside' ? '25213' : '99999';
  switch (action) {
    case 'read supply': {
      const rec = await buildSupply(ctx, { communeCode: commune });
      return s.inject('GET', `/api/v1/employment/supply/${rec.id}`);
    }
    case 'collect supply':
      return s.inject('POST', '/api/v1/employment/supply', {
        citizenId: supplyCitizenId(),
        fullName: 'Võ Văn Quyền',
        birthDate: '1988-08-08',
        gender: 'male',
        communeCode: commune,
        collectedOn: '2021-05-05',
        employmentStatus: 'own_account',
      });
    case 'check in': {
      const fair = await buildFair(ctx, { districtCode: wide === '25213' ? '689' : '999' }, { employerCommune: wide });
      const person = await buildSupply(ctx);
      return s.inject('POST', `/api/v1/employment/fairs/${fair.id}/check-in`, { supplyId: person.id });
    }
    case 'post vacancy': {
      const e = await buildEmployer(ctx, { communeCode: wide });
      return s.inject('POST', '/api/v1/employment/vacancies', {
        employerId: e.id,
        title: 'Kế toán',
        positions: 2,
        openFrom: '2021-05-01',
      });
    }
  }
}

const CODES: Record<number, string> = { 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

describe('employment permission table', () => {
  for (const a of ACTORS) {
    for (const action of Object.keys(EXPECTED) as Action[]) {
      const [inside, outside] = EXPECTED[action][a.role] ?? no;
      for (const [where, status] of [
        ['inside', inside],
        ['outside', outside],
      ] as const) {
        it(`${a.role} ${action} ${where} -> ${status}`, async () => {
          const before = await rows();
          const res = await act(a, action, where);
          if (status >= 400) {
            expectProblem(res, status, CODES[status]!);
            // The setup built records; a refused write adds nothing beyond them.
            if (WRITES.has(action)) {
              const after = await rows();
              const built = action === 'collect supply' ? [0, 0, 0] : action === 'check in' ? [1, 0, 1] : [0, 0, 0];
              expect(after).toEqual(before.map((n, i) => n + built[i]!));
            }
          } else expect(res.statusCode, res.body).toBe(status);
        });
      }
    }
  }
});
