import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorArea } from '../../platform/indicators.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import {
  buildCampaign,
  buildPerson,
  buildPovertyHousehold,
  buildPovertyStatus,
  factoryActor,
  surveyBody,
  unique,
} from '../../test/factories.js';
import { povertyIndicators } from './poverty.indicators.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

const NOT_POOR = surveyBody({
  b1: { members: '2', house: 'solid', salaried: 'yes', motorbike: 'yes', fridge: 'yes' },
  deprived: [],
});
const NEAR_POOR = surveyBody({ deprived: ['water'] });
const POOR = surveyBody();

/**
 * A recognised campaign in its own commune (so the figures of each test stand alone): each
 * household with its class before the review, its survey and whether its head is of an ethnic minority.
 */
async function recognisedCampaign(
  communeCode: string,
  households: { before?: 'poor' | 'near_poor'; survey: typeof POOR; ethnic?: boolean; everPoor?: boolean }[],
) {
  const s = ctx.services.poverty;
  const ids: number[] = [];
  for (const h of households) {
    const { id } = await buildPovertyHousehold(ctx, { communeCode });
    await buildPerson(ctx, { householdId: id, relation: 'head', ethnicCode: h.ethnic ? '02' : '01' });
    if (h.everPoor)
      await ctx.services.registry.grantStatus(factoryActor, {
        kind: 'poverty',
        householdId: id,
        category: 'poor',
        year: 2021,
        validFrom: '2022-01-01',
        validTo: '2022-12-31',
        decisionNo: `${unique()}/QĐ-UBND`,
        decisionDate: '2021-12-20',
      });
    if (h.before) await buildPovertyStatus(ctx, id, h.before, 2023);
    ids.push(id);
  }
  const campaignId = await buildCampaign(ctx, { communeCode, kind: 'periodic' });
  await s.listHouseholds(factoryActor, campaignId, {
    currentLists: false,
    households: ids.map((householdId) => ({ householdId, source: 'officer' as const })),
  });
  const page = await s.listCases(factoryActor, campaignId, { limit: 500, offset: 0 });
  for (const [i, id] of ids.entries())
    await s.recordSurvey(factoryActor, page.items.find((c) => c.householdId === id)!.id, households[i]!.survey);
  await s.recordMeeting(factoryActor, campaignId, {
    village: 'Thôn 1',
    heldOn: '2024-10-20',
    chairedBy: 'Trưởng thôn',
    attendees: 30,
    votes: page.items.map((c) => ({ caseId: c.id, agree: 25 })),
  });
  await s.recordPosting(factoryActor, campaignId, {
    places: ['Trụ sở UBND xã'],
    postedFrom: '2024-10-22',
    postedTo: '2024-10-24',
    objections: [],
  });
  await s.recordDistrictOpinion(factoryActor, campaignId, {
    documentNo: `${unique()}/UBND`,
    date: '2024-11-01',
    opinion: 'Thống nhất',
  });
  await s.recognize(factoryActor, campaignId, {
    decisionNo: `${unique()}/QĐ-UBND`,
    decisionDate: '2024-12-14',
    validFrom: '2025-01-01',
    signer: 'Chủ tịch',
  });
}

async function figures(communeCode: string, asOf = '2099-12-31', to = '2024-12-31') {
  const q = { area: indicatorArea(communeCode, 3), from: '2024-01-01', to, asOf };
  const out: Record<string, number> = {};
  for (const ind of povertyIndicators) out[ind.code] = (await ind.compute(ctx.database.db, q)).value;
  return out;
}

describe('poverty indicators as reports use them', () => {
  it('start, end, net decrease and gross exits differ; new and fell back; the rate change is in points', async () => {
    await recognisedCampaign('25207', [
      { before: 'poor', survey: NOT_POOR }, // left poverty
      { before: 'poor', survey: NEAR_POOR }, // left, to near-poor
      { before: 'poor', survey: POOR }, // stays poor
      { survey: POOR }, // new
      { survey: POOR, everPoor: true }, // fell back
      { before: 'near_poor', survey: NOT_POOR },
      { survey: NOT_POOR },
      { survey: NOT_POOR },
    ]);
    const f = await figures('25207');
    expect(f).toMatchObject({
      'poverty.poor_start': 3,
      'poverty.poor_end': 3,
      'poverty.near_poor_start': 1,
      'poverty.near_poor_end': 1,
      'poverty.left_poverty_net': 0,
      'poverty.left_poverty_gross': 2,
      'poverty.poor_new': 1,
      'poverty.poor_fell_back': 1,
    });
    // 3 of 8 resident households before and after: 37,50 % both, a change of 0 points.
    expect(f['poverty.poverty_rate']).toBe(37.5);
    expect(f['poverty.rate_change_points']).toBe(0);
    const unit = (code: string) => povertyIndicators.find((i) => i.code === code)!;
    expect(unit('poverty.rate_change_points')).toMatchObject({ unit: 'percentage_points', lowerIsBetter: true });
  });

  it('ethnic-minority households on their own denominator; nothing before the decision is recorded or dated', async () => {
    await recognisedCampaign('25210', [
      { before: 'poor', survey: NOT_POOR, ethnic: true },
      { before: 'poor', survey: NOT_POOR, ethnic: true },
      { before: 'poor', survey: POOR, ethnic: true },
      { survey: NOT_POOR, ethnic: true },
      { before: 'poor', survey: NOT_POOR },
      { survey: NOT_POOR },
      { survey: NOT_POOR },
    ]);
    const f = await figures('25210');
    expect(f).toMatchObject({
      'poverty.ethnic_minority_poor_start': 3,
      'poverty.ethnic_minority_poor': 1,
      'poverty.ethnic_minority_left_poverty_net': 2,
      'poverty.ethnic_minority_left_poverty': 2,
      'poverty.left_poverty_net': 3,
      'poverty.poor_end': 1,
    });
    // Ethnic minority: 3 of 4 = 75,00 % -> 1 of 4 = 25,00 %: down 50 points. All: 4/7 = 57,14 % -> 1/7 = 14,29 %.
    expect(f['poverty.ethnic_minority_poverty_rate']).toBe(25);
    expect(f['poverty.ethnic_minority_rate_change_points']).toBe(-50);
    expect(f['poverty.rate_change_points']).toBe(-42.85);
    // Decision dated 14/12/2024: a period ending before it counts nothing.
    expect((await figures('25210', '2099-12-31', '2024-12-13'))['poverty.poor_start']).toBe(0);
  });

  it('average-living farm households are counted for the health-insurance cards', async () => {
    await recognisedCampaign('25205', [
      { survey: { ...NOT_POOR, farmHousehold: true } }, // B1 145: the average band, a farm household
      { survey: NOT_POOR }, // the same band, not a farm household
    ]);
    const f = await figures('25205');
    expect(f['poverty.poor_end']).toBe(0);
    expect(f['poverty.average_farm_households']).toBe(1);
  });
});
