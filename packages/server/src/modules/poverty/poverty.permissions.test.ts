import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { addOtherProvince } from '../../test/fixtures.js';
import {
  buildReviewCase,
  buildPovertyHousehold,
  buildPostedCampaign,
  factoryActor,
  surveyBody,
} from '../../test/factories.js';
import { povertyPolicy } from './poverty.policy.js';

/**
 * The permission table of the poverty review: role x action x record inside / outside the actor's
 * area. Outside = another district's commune for district and commune actors, another province
 * for province-level actors. Expect 404 outside, 403 for a role not in the table, 2xx allowed, and
 * a refused write changes nothing.
 */
let ctx: TestContext;
const sessions = new Map<string, Session>();

const USERS: { username: string; role: Role; inside: string; outside: string }[] = [
  { username: 'admin', role: 'admin', inside: '25213', outside: '99999' },
  { username: 'tinh.lanhdao', role: 'province_leader', inside: '25213', outside: '99999' },
  { username: 'tinh.chuyenvien', role: 'province_officer', inside: '25213', outside: '99999' },
  { username: 'thanhtra', role: 'inspector', inside: '25213', outside: '99999' },
  { username: 'giamsat', role: 'supervisor', inside: '25213', outside: '99999' },
  { username: 'huyen.689', role: 'district_officer', inside: '25213', outside: '25273' },
  { username: 'xa.25213', role: 'commune_officer', inside: '25213', outside: '25273' },
];

beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
  for (const u of USERS) sessions.set(u.username, await ctx.login(u.username));
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

type Action = keyof typeof povertyPolicy.table;

/** Build the record for one cell, call the action, return the status and a snapshot to compare. */
const ACTIONS: Record<
  Action,
  (s: Session, commune: string) => Promise<{ status: number; changed: () => Promise<boolean> }>
> = {
  async read(s, commune) {
    const { campaignId } = await buildReviewCase(ctx, { communeCode: commune });
    const res = await s.inject('GET', `/api/v1/poverty/campaigns/${campaignId}`);
    return { status: res.statusCode, changed: async () => false };
  },
  async manage(s, commune) {
    const { campaignId } = await buildReviewCase(ctx, { communeCode: commune });
    const h = await buildPovertyHousehold(ctx, { communeCode: commune });
    const res = await s.inject('POST', `/api/v1/poverty/campaigns/${campaignId}/cases`, {
      households: [{ householdId: h.id, source: 'officer' }],
    });
    return {
      status: res.statusCode,
      changed: async () =>
        (await ctx.services.poverty.listCases(factoryActor, campaignId, { limit: 10, offset: 0 })).total !== 1,
    };
  },
  async survey(s, commune) {
    const { caseId } = await buildReviewCase(ctx, { communeCode: commune });
    const res = await s.inject('POST', `/api/v1/poverty/cases/${caseId}/survey`, surveyBody());
    return {
      status: res.statusCode,
      changed: async () =>
        (
          await ctx.database.db
            .selectFrom('poverty_cases')
            .select('step')
            .where('id', '=', caseId)
            .executeTakeFirstOrThrow()
        ).step !== 'listed',
    };
  },
  async opine(s, commune) {
    const { campaignId } = await buildReviewCase(ctx, { communeCode: commune });
    const res = await s.inject('POST', `/api/v1/poverty/campaigns/${campaignId}/district-opinion`, {
      documentNo: '5/UBND',
      date: '2024-11-01',
      opinion: 'Thống nhất',
    });
    return {
      status: res.statusCode,
      changed: async () => (await ctx.services.poverty.getCampaign(factoryActor, campaignId)).districtOpinion !== null,
    };
  },
  async recognize(s, commune) {
    const { campaignId, householdId } = await buildPostedCampaign(ctx, { communeCode: commune });
    const res = await s.inject('POST', `/api/v1/poverty/campaigns/${campaignId}/recognition`, {
      decisionNo: `77/QĐ-UBND`,
      decisionDate: '2024-12-14',
      validFrom: '2025-01-01',
      signer: 'Chủ tịch UBND xã',
    });
    return {
      status: res.statusCode,
      changed: async () =>
        (await ctx.services.registry.getHousehold(factoryActor, householdId)).statuses.length > 0 ||
        (await ctx.services.poverty.getCampaign(factoryActor, campaignId)).recognition !== null,
    };
  },
};

describe('poverty permission table', () => {
  for (const u of USERS) {
    for (const action of Object.keys(ACTIONS) as Action[]) {
      const allowed = (povertyPolicy.table[action] as readonly Role[]).includes(u.role);
      for (const place of ['inside', 'outside'] as const) {
        const expected = !allowed ? 403 : place === 'outside' ? 404 : 200;
        it(`${u.role} ${action} ${place}: ${expected}`, async () => {
          const r = await ACTIONS[action](sessions.get(u.username)!, u[place]);
          expect(r.status).toBe(expected);
          if (expected !== 200) expect(await r.changed()).toBe(false);
          else expect(action === 'read' || (await r.changed())).toBe(true);
        });
      }
    }
  }
});
