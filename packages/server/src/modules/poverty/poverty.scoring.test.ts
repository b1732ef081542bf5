import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movement, type HouseholdMovement, type SurveyBody } from '@ansinh/domain';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import {
  buildCampaign,
  buildPovertyHousehold,
  buildPovertyStatus,
  buildRecognisedPovertyCampaign,
  buildSurveyedCase,
  factoryActor,
  surveyBody,
} from '../../test/factories.js';

/**
 * The set-based scoring into `poverty_scores` (migration 0033) against the classification the
 * domain function gave at the survey, and the movement read from the recognised cases against the
 * domain's movement of the same households: edge cases at the thresholds of the 2022–2025 standard
 * (rural: B1 cut-off 140 for poverty, 175 for average-living; three deprivations; income line
 * 1.500.000 đ), households that left poverty for an average-living farm, fell back, or are new.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

const THREE = ['health_insurance', 'water', 'latrine'];
/** Base 50 + 40 + 15 + 25 + 10 = 140: exactly the poverty cut-off. */
const B1_140 = { members: '1', dependants: 'none', house: 'solid', motorbike: 'yes' };
/** Base 50 + 40 + 15 + 15 + 25 = 145: the first total above it on this table. */
const B1_145 = { members: '1', dependants: 'none', upper_secondary: 'yes', house: 'solid' };
/** Base 50 + 40 + 15 + 15 + 25 + 20 + 10 = 175: exactly the average-living cut-off. */
const B1_175 = { members: '1', dependants: 'none', upper_secondary: 'yes', house: 'solid', area: '30+', septic: 'yes' };
/** Base 50 + 40 + 15 + 20 + 25 + 20 + 10 = 180: above it. */
const B1_180 = { members: '1', dependants: 'none', salaried: 'yes', house: 'solid', area: '30+', septic: 'yes' };

const AT_POOR = surveyBody({ b1: B1_140, deprived: THREE });
const AT_NEAR = surveyBody({ b1: B1_140, deprived: ['water', 'latrine'] });
const ABOVE_POOR = surveyBody({ b1: B1_145, deprived: THREE });
const AT_AVERAGE_FARM = surveyBody({ b1: B1_175, deprived: [], farmHousehold: true });
const ABOVE_AVERAGE_FARM = surveyBody({ b1: B1_180, deprived: [], farmHousehold: true });
const GIVEN_AT_POOR = surveyBody({ b1: {}, b1Score: 140, deprived: THREE });
const INCOME_AT_LINE = surveyBody({ b1: {}, incomePerPersonMonth: 1_500_000, deprived: THREE });
const INCOME_ABOVE_LINE = surveyBody({ b1: {}, incomePerPersonMonth: 1_500_001, deprived: THREE });
const SCREENED_OUT = surveyBody({ b1: B1_140, deprived: THREE, screeningYes: ['car'] });

describe('poverty scoring into poverty_scores', () => {
  it('rescoring a campaign set-based gives, case by case, the scores and classes the domain function gave at the survey', async () => {
    const campaignId = await buildCampaign(ctx);
    const cases: { body: SurveyBody; before?: 'poor' | 'near_poor'; expected: [string, string | null] }[] = [
      { body: AT_POOR, expected: ['poor', 'poor'] },
      { body: AT_NEAR, expected: ['near_poor', 'near_poor'] },
      { body: ABOVE_POOR, expected: ['not_poor', null] },
      { body: AT_AVERAGE_FARM, expected: ['average_farm', 'average'] },
      { body: ABOVE_AVERAGE_FARM, expected: ['not_poor', null] },
      { body: GIVEN_AT_POOR, expected: ['poor', 'poor'] },
      { body: INCOME_AT_LINE, expected: ['poor', 'poor'] },
      { body: INCOME_ABOVE_LINE, expected: ['not_poor', null] },
      { body: SCREENED_OUT, expected: ['not_poor', null] },
      { body: AT_AVERAGE_FARM, before: 'poor', expected: ['left_poverty', 'average'] },
      { body: ABOVE_POOR, before: 'near_poor', expected: ['left_near_poverty', null] },
      { body: AT_NEAR, before: 'poor', expected: ['near_poor', 'near_poor'] },
    ];
    for (const c of cases) {
      const { id } = await buildPovertyHousehold(ctx);
      if (c.before) await buildPovertyStatus(ctx, id, c.before, 2023);
      await buildSurveyedCase(ctx, { campaignId, householdId: id, survey: c.body });
    }
    const read = async () =>
      (
        await ctx.database.db
          .selectFrom('poverty_cases as c')
          .innerJoin('poverty_scores as s', (j) =>
            j.onRef('s.campaign_id', '=', 'c.campaign_id').onRef('s.case_id', '=', 'c.id'),
          )
          .select(['c.id', 's.b1_score', 's.deprivation_count', 's.income_band', 's.proposed_class'])
          .select('s.registry_category')
          .where('c.campaign_id', '=', campaignId)
          .orderBy('c.id')
          .execute()
      ).map((r) => ({ ...r, b1_score: r.b1_score === null ? null : Number(r.b1_score) }));
    const byDomain = await read();
    expect(byDomain.map((r) => [r.proposed_class, r.registry_category])).toEqual(cases.map((c) => c.expected));
    expect(byDomain.map((r) => r.b1_score)).toEqual([140, 140, 145, 175, 180, 140, null, null, 140, 175, 145, 140]);
    // Spoil the stored results: the scoring must compute every one of them again.
    await ctx.database.db
      .updateTable('poverty_scores')
      .set({ proposed_class: 'poor', registry_category: 'poor', b1_score: 0, deprivation_count: 9, income_band: 'x' })
      .where('campaign_id', '=', campaignId)
      .execute();
    expect(await ctx.services.poverty.scoreCampaign(factoryActor, campaignId)).toEqual({ scored: cases.length });
    expect(await read()).toEqual(byDomain);
    // Written once: one row per case, and a second run changes nothing.
    await ctx.services.poverty.scoreCampaign(factoryActor, campaignId);
    expect(await read()).toEqual(byDomain);
  });

  it('the movement read from the recognised cases equals the domain movement of the same households', async () => {
    const households: {
      before?: 'poor' | 'near_poor';
      everPoor?: boolean;
      survey: SurveyBody;
      end: 'poor' | 'near_poor' | 'none';
    }[] = [
      { before: 'poor', survey: AT_POOR, end: 'poor' }, // stays poor, at the cut-off
      { before: 'poor', survey: AT_NEAR, end: 'near_poor' }, // left, to near-poor
      { before: 'poor', survey: AT_AVERAGE_FARM, end: 'none' }, // left, to an average-living farm household
      { before: 'near_poor', survey: GIVEN_AT_POOR, end: 'poor' }, // near-poor becomes poor (new poor)
      { everPoor: true, survey: INCOME_AT_LINE, end: 'poor' }, // fell back
      { survey: AT_POOR, end: 'poor' }, // new
      { survey: AT_NEAR, end: 'near_poor' }, // new near-poor
      { before: 'near_poor', survey: ABOVE_POOR, end: 'none' }, // left near-poverty
      { survey: ABOVE_AVERAGE_FARM, end: 'none' },
    ];
    const { campaignId } = await buildRecognisedPovertyCampaign(ctx, '25207', households);
    const mv = await ctx.services.poverty.movement(factoryActor, { areaCode: '25207', year: 2024 });
    const of = (target: 'poor' | 'near_poor'): HouseholdMovement[] =>
      households.map((h) => ({
        start: h.before ?? 'none',
        end: h.end,
        everBefore: target === 'poor' && h.everPoor === true,
      }));
    expect(mv.poor).toEqual(movement(of('poor'), 'poor'));
    expect(mv.nearPoor).toEqual(movement(of('near_poor'), 'near_poor'));
    expect(mv.poor).toMatchObject({ start: 3, left: 2, leftToNearPoor: 1, fellBack: 1, new: 2, end: 4 });
    expect(mv.nearPoor).toMatchObject({ start: 2, left: 2, new: 2, end: 2 });
    const recognised = await ctx.database.db
      .selectFrom('poverty_cases')
      .select(['recognized_class', 'recognized_category'])
      .where('campaign_id', '=', campaignId)
      .orderBy('id')
      .execute();
    expect(recognised[2]).toEqual({ recognized_class: 'left_poverty', recognized_category: 'average' });
    expect(recognised.map((r) => r.recognized_category ?? 'none').map((c) => (c === 'average' ? 'none' : c))).toEqual(
      households.map((h) => h.end),
    );
  });
});
