import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorArea } from '../../platform/indicators.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { buildRecognisedPovertyCampaign, surveyBody } from '../../test/factories.js';
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

async function figures(communeCode: string, asOf = '2099-12-31', to = '2024-12-31') {
  const q = { area: indicatorArea(communeCode, 3), from: '2024-01-01', to, asOf };
  const out: Record<string, number> = {};
  for (const ind of povertyIndicators) out[ind.code] = (await ind.compute(ctx.database.db, q)).value;
  return out;
}

describe('poverty indicators as reports use them', () => {
  it('start, end, net decrease and gross exits differ; new and fell back; the rate change is in points', async () => {
    await buildRecognisedPovertyCampaign(ctx, '25207', [
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
    await buildRecognisedPovertyCampaign(ctx, '25210', [
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
    await buildRecognisedPovertyCampaign(ctx, '25205', [
      { survey: { ...NOT_POOR, farmHousehold: true } }, // B1 145: the average band, a farm household
      { survey: NOT_POOR }, // the same band, not a farm household
    ]);
    const f = await figures('25205');
    expect(f['poverty.poor_end']).toBe(0);
    expect(f['poverty.average_farm_households']).toBe(1);
  });
});
