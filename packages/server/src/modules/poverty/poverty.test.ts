import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignOut, PovertyCasePage, MovementOut, RecognitionOut, SurveyOut } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import {
  buildCampaign,
  buildPovertyHousehold,
  buildPovertyStatus,
  buildSurveyedCase,
  factoryActor,
  surveyBody,
} from '../../test/factories.js';

let ctx: TestContext;
let xa: Session; // xa.25213, district 689
let huyen689: Session;
let tinh: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  [xa, huyen689, tinh] = await ctx.loginAll(['xa.25213', 'huyen.689', 'tinh.chuyenvien']);
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

const json = <T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): T => {
  expect({ status: res.statusCode, body: res.body.slice(0, 400) }).toMatchObject({ status });
  return res.json() as T;
};

const statusesOf = async (householdId: number) =>
  (await ctx.services.registry.getHousehold(factoryActor, householdId)).statuses.filter((s) => s.kind === 'poverty');

describe('poverty review: the whole path', () => {
  it('lists, surveys with an explained score, meets, posts, gets the district opinion and recognises, changing the registry', async () => {
    const poorBefore = await buildPovertyHousehold(ctx);
    await buildPovertyStatus(ctx, poorBefore.id, 'poor', 2023);
    const applicant = await buildPovertyHousehold(ctx, { residence: 'urban' });
    const created = json<CampaignOut>(
      await xa.inject('POST', '/api/v1/poverty/campaigns', {
        communeCode: '25213',
        kind: 'periodic',
        year: 2024,
        reviewDate: '2024-10-01',
        windowFrom: '2024-09-01',
        windowTo: '2024-12-14',
        board: [{ name: 'Lê Văn Chủ', role: 'Trưởng ban' }],
        reviewers: [{ name: 'Phạm Thị Rà', role: 'Rà soát viên' }],
      }),
      201,
    );
    expect(created).toMatchObject({ standard: '2022-2025', districtStep: true, communeName: expect.any(String) });
    const id = created.id;
    json(
      await xa.inject('POST', `/api/v1/poverty/campaigns/${id}/cases`, {
        currentLists: true,
        households: [{ householdId: applicant.id, source: 'form01' }],
      }),
    );
    const cases = json<PovertyCasePage>(await xa.inject('GET', `/api/v1/poverty/campaigns/${id}/cases`));
    expect(cases.total).toBe(2);
    const listed = cases.items.find((c) => c.householdId === poorBefore.id)!;
    const applied = cases.items.find((c) => c.householdId === applicant.id)!;
    expect(listed).toMatchObject({ source: 'list', previous: 'poor', step: 'listed' });

    // The previously poor household now scores above the line: it leaves poverty.
    const left = json<SurveyOut>(
      await xa.inject(
        'POST',
        `/api/v1/poverty/cases/${listed.id}/survey`,
        surveyBody({
          b1: { members: '2', house: 'solid', salaried: 'yes', motorbike: 'yes', fridge: 'yes' },
          deprived: [],
        }),
      ),
    );
    expect(left.classification).toMatchObject({ class: 'left_poverty', b1Score: 145, registryCategory: null });
    const poor = json<SurveyOut>(await xa.inject('POST', `/api/v1/poverty/cases/${applied.id}/survey`, surveyBody()));
    expect(poor.classification.class).toBe('poor');
    expect(poor.classification.b1Lines.map((l) => [l.item, l.points])).toEqual([
      ['members', 0],
      ['house', 0],
      ['motorbike', 10],
    ]);
    expect(poor.classification.deprived.map((d) => d.code)).toEqual(['health_insurance', 'water', 'latrine']);
    expect(poor.case.deprived).toEqual(['health_insurance', 'water', 'latrine']);

    // A vote below half sends the household back to the survey.
    const m1 = json<{ agreed: number; resurvey: number }>(
      await xa.inject('POST', `/api/v1/poverty/campaigns/${id}/meetings`, {
        village: 'Thôn 1',
        heldOn: '2024-10-20',
        chairedBy: 'Trưởng thôn',
        attendees: 40,
        votes: [
          { caseId: listed.id, agree: 30 },
          { caseId: applied.id, agree: 19 },
        ],
      }),
    );
    expect(m1).toMatchObject({ agreed: 1, resurvey: 1 });
    expectProblem(
      await xa.inject('POST', `/api/v1/poverty/campaigns/${id}/recognition`, {
        decisionNo: '1/QĐ-UBND',
        decisionDate: '2024-12-14',
        validFrom: '2025-01-01',
        signer: 'Chủ tịch',
      }),
      409,
      'MEETING_REQUIRED',
    );
    json(await xa.inject('POST', `/api/v1/poverty/cases/${applied.id}/survey`, surveyBody()));
    json(
      await xa.inject('POST', `/api/v1/poverty/campaigns/${id}/meetings`, {
        village: 'Thôn 1',
        heldOn: '2024-10-25',
        chairedBy: 'Trưởng thôn',
        attendees: 40,
        votes: [{ caseId: applied.id, agree: 20 }],
      }),
    );
    const posting = json<{ openObjections: number }>(
      await xa.inject('POST', `/api/v1/poverty/campaigns/${id}/postings`, {
        places: ['Trụ sở UBND xã', 'Nhà văn hoá thôn 1'],
        postedFrom: '2024-10-28',
        postedTo: '2024-10-30',
        objections: [{ caseId: applied.id, text: 'Hộ mới mua xe máy' }],
      }),
    );
    expect(posting.openObjections).toBe(1);
    expectProblem(
      await xa.inject('POST', `/api/v1/poverty/campaigns/${id}/recognition`, {
        decisionNo: '1/QĐ-UBND',
        decisionDate: '2024-12-14',
        validFrom: '2025-01-01',
        signer: 'Chủ tịch',
      }),
      409,
      'OBJECTIONS_OPEN',
    );
    const objection = await ctx.database.db.selectFrom('poverty_objections').select('id').executeTakeFirstOrThrow();
    json(
      await xa.inject('POST', `/api/v1/poverty/objections/${objection.id}/answer`, { answer: 'Đã kiểm tra: xe cũ.' }),
    );
    expectProblem(
      await xa.inject('POST', `/api/v1/poverty/campaigns/${id}/recognition`, {
        decisionNo: '1/QĐ-UBND',
        decisionDate: '2024-12-14',
        validFrom: '2025-01-01',
        signer: 'Chủ tịch',
      }),
      409,
      'DISTRICT_OPINION_REQUIRED',
    );
    expect(await statusesOf(applicant.id)).toEqual([]);
    json(
      await huyen689.inject('POST', `/api/v1/poverty/campaigns/${id}/district-opinion`, {
        documentNo: '12/UBND-LĐTBXH',
        date: '2024-11-20',
        opinion: 'Thống nhất kết quả rà soát.',
      }),
    );
    const rec = json<RecognitionOut>(
      await xa.inject('POST', `/api/v1/poverty/campaigns/${id}/recognition`, {
        decisionNo: '1/QĐ-UBND',
        decisionDate: '2024-12-14',
        validFrom: '2025-01-01',
        signer: 'Chủ tịch',
      }),
    );
    expect(rec).toMatchObject({ recognized: 2, granted: 1, ended: 1 });
    const before = await statusesOf(poorBefore.id);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ category: 'poor', validTo: '2024-12-31' });
    expect(await statusesOf(applicant.id)).toMatchObject([
      { category: 'poor', year: 2024, validFrom: '2025-01-01', decisionNo: '1/QĐ-UBND', active: true },
    ]);

    const mv = json<MovementOut>(await tinh.inject('GET', '/api/v1/poverty/movement?year=2024&areaCode=25213'));
    expect(mv.poor).toMatchObject({ start: 1, left: 1, new: 1, end: 1, netDecrease: 0 });
    const done = json<CampaignOut>(await xa.inject('GET', `/api/v1/poverty/campaigns/${id}`));
    expect(done.steps.recognized).toBe(2);
    expect(done.recognition).toMatchObject({ decisionNo: '1/QĐ-UBND' });
  });
});

describe('poverty review: scope and the tree in force', () => {
  it('a commune sees its campaigns only; the department sees the province and its progress', async () => {
    const mine = await buildCampaign(ctx);
    const theirs = await buildCampaign(ctx, { communeCode: '25273' });
    const list = json<{ items: CampaignOut[] }>(await xa.inject('GET', '/api/v1/poverty/campaigns'));
    expect(list.items.map((c) => c.id)).toContain(mine);
    expect(list.items.map((c) => c.id)).not.toContain(theirs);
    expectProblem(await xa.inject('GET', `/api/v1/poverty/campaigns/${theirs}`), 404, 'NOT_FOUND');
    const all = json<{ items: { campaignId: number }[] }>(await tinh.inject('GET', '/api/v1/poverty/progress'));
    expect(all.items.map((c) => c.campaignId)).toEqual(expect.arrayContaining([mine, theirs]));
  });

  it('after 1/7/2025 there is no district step: the district opinion is refused', async () => {
    const id = await buildCampaign(ctx, { reviewDate: '2025-10-01', year: 2025 });
    const c = json<CampaignOut>(await xa.inject('GET', `/api/v1/poverty/campaigns/${id}`));
    expect(c).toMatchObject({ districtStep: false, standard: '2022-2025' });
    const p = expectProblem(
      await huyen689.inject('POST', `/api/v1/poverty/campaigns/${id}/district-opinion`, {
        documentNo: '1/UBND',
        date: '2025-11-01',
        opinion: 'Đồng ý',
      }),
      403,
      'FORBIDDEN',
    );
    expect(p.message).toMatch(/1\/7\/2025/);
  });

  it('set-based scoring gives the same scores and classes as the domain function', async () => {
    const campaignId = await buildCampaign(ctx);
    const bodies = [
      surveyBody(),
      surveyBody({ b1: { members: '1', house: 'solid', air_con: 'yes', salaried: 'yes' }, deprived: [] }),
      surveyBody({ b1: { members: '3', house: 'semi', fridge: 'yes' }, deprived: ['water'] }),
      surveyBody({ b1: {}, b1Score: 150, deprived: ['water'], farmHousehold: true }),
      surveyBody({ b1: {}, incomePerPersonMonth: 1_200_000, deprived: ['water', 'latrine', 'telecom'] }),
      surveyBody({ screeningYes: ['car'] }),
    ];
    for (const body of bodies) await buildSurveyedCase(ctx, { campaignId, survey: body });
    const read = () =>
      ctx.database.db
        .selectFrom('poverty_cases as c')
        .innerJoin('poverty_scores as s', (j) =>
          j.onRef('s.campaign_id', '=', 'c.campaign_id').onRef('s.case_id', '=', 'c.id'),
        )
        .select([
          'c.id',
          's.b1_score',
          's.deprivation_count',
          's.income_band',
          's.proposed_class',
          's.registry_category',
        ])
        .where('c.campaign_id', '=', campaignId)
        .orderBy('c.id')
        .execute();
    const byDomain = await read();
    expect(byDomain.map((r) => r.proposed_class)).toEqual([
      'poor',
      'not_poor',
      'near_poor',
      'average_farm',
      'poor',
      'not_poor',
    ]);
    await ctx.database.db
      .updateTable('poverty_scores')
      .set({ proposed_class: null, b1_score: null, deprivation_count: null })
      .where('campaign_id', '=', campaignId)
      .execute();
    const r = json<{ scored: number }>(await xa.inject('POST', `/api/v1/poverty/campaigns/${campaignId}/score`));
    expect(r.scored).toBe(6);
    expect((await read()).map((x) => ({ ...x, b1_score: x.b1_score === null ? null : Number(x.b1_score) }))).toEqual(
      byDomain.map((x) => ({ ...x, b1_score: x.b1_score === null ? null : Number(x.b1_score) })),
    );
  });
});
