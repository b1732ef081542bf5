import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import {
  buildCampaign,
  buildReviewCase,
  buildPovertyHousehold,
  buildSurveyedCase,
  factoryActor,
  surveyBody,
} from '../../test/factories.js';

let ctx: TestContext;
let xa: Session; // xa.25213, district 689
let xaOther: Session; // xa.25273, district 692

beforeAll(async () => {
  ctx = await createTestContext();
  [xa, xaOther] = await ctx.loginAll(['xa.25213', 'xa.25273']);
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

const json = <T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): T => {
  expect({ status: res.statusCode, body: res.body.slice(0, 400) }).toMatchObject({ status });
  return res.json() as T;
};

const casesOf = async (campaignId: number) =>
  ctx.services.poverty.listCases(factoryActor, campaignId, { limit: 500, offset: 0 });

const statusesOf = async (householdId: number) =>
  (await ctx.services.registry.getHousehold(factoryActor, householdId)).statuses.filter((s) => s.kind === 'poverty');

describe('poverty review: bad input changes nothing', () => {
  it('refuses a B1 total out of the scale, with the scale in Vietnamese', async () => {
    const { caseId } = await buildReviewCase(ctx);
    const p = expectProblem(
      await xa.inject('POST', `/api/v1/poverty/cases/${caseId}/survey`, surveyBody({ b1: {}, b1Score: 900 })),
      400,
      'VALIDATION_FAILED',
    );
    expect(p.message).toMatch(/ngoài thang điểm/);
    expect(p.details?.[0]?.path).toBe('body.b1Score');
    const row = await ctx.database.db
      .selectFrom('poverty_cases')
      .selectAll()
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ step: 'listed', b1_given: null });
    expect(
      await ctx.database.db.selectFrom('poverty_surveys').select('id').where('case_id', '=', caseId).execute(),
    ).toEqual([]);
  });

  it('refuses an unknown B1 option or indicator', async () => {
    const { caseId } = await buildReviewCase(ctx);
    const p = expectProblem(
      await xa.inject('POST', `/api/v1/poverty/cases/${caseId}/survey`, surveyBody({ b1: { house: 'palace' } })),
      400,
      'VALIDATION_FAILED',
    );
    expect(p.details?.[0]).toMatchObject({ path: 'body.b1.house' });
    expectProblem(
      await xa.inject('POST', `/api/v1/poverty/cases/${caseId}/survey`, surveyBody({ deprived: ['info_assets'] })),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('a survey for a household of another commune answers 404; listing one is refused', async () => {
    const other = await buildReviewCase(ctx, { communeCode: '25273' });
    expectProblem(
      await xa.inject('POST', `/api/v1/poverty/cases/${other.caseId}/survey`, surveyBody()),
      404,
      'NOT_FOUND',
    );
    const campaignId = await buildCampaign(ctx);
    const foreign = await buildPovertyHousehold(ctx, { communeCode: '25273' });
    const p = expectProblem(
      await xa.inject('POST', `/api/v1/poverty/campaigns/${campaignId}/cases`, {
        households: [{ householdId: foreign.id, source: 'officer' }],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(p.details?.[0]?.message).toMatch(/không thuộc xã/);
    expect((await casesOf(campaignId)).total).toBe(0);
  });

  it('refuses a recognition without a village meeting and changes nothing', async () => {
    const { campaignId, householdId } = await buildSurveyedCase(ctx);
    const p = expectProblem(
      await xa.inject('POST', `/api/v1/poverty/campaigns/${campaignId}/recognition`, {
        decisionNo: '9/QĐ-UBND',
        decisionDate: '2024-12-10',
        validFrom: '2025-01-01',
        signer: 'Chủ tịch',
      }),
      409,
      'MEETING_REQUIRED',
    );
    expect(p.message).toMatch(/họp dân/);
    expect(await statusesOf(householdId)).toEqual([]);
    expect(
      await ctx.database.db
        .selectFrom('poverty_recognitions')
        .select('id')
        .where('campaign_id', '=', campaignId)
        .execute(),
    ).toEqual([]);
  });

  it('refuses a meeting vote above the attendance and a second periodic campaign', async () => {
    const { caseId, campaignId } = await buildSurveyedCase(ctx);
    expectProblem(
      await xa.inject('POST', `/api/v1/poverty/campaigns/${campaignId}/meetings`, {
        village: 'Thôn 1',
        heldOn: '2024-10-20',
        chairedBy: 'Trưởng thôn',
        attendees: 10,
        votes: [{ caseId, agree: 11 }],
      }),
      400,
      'VALIDATION_FAILED',
    );
    const body = {
      communeCode: '25273',
      kind: 'periodic',
      year: 2023,
      reviewDate: '2023-10-01',
      windowFrom: '2023-09-01',
      windowTo: '2023-12-14',
    };
    json(await xaOther.inject('POST', '/api/v1/poverty/campaigns', body), 201);
    expectProblem(await xaOther.inject('POST', '/api/v1/poverty/campaigns', body), 409, 'CAMPAIGN_EXISTS');
  });
});
