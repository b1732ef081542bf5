import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorArea, type IndicatorQuery } from '../../platform/indicators.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { buildPerson, buildStatus, nextCommune } from '../../test/factories.js';
import { registryIndicators } from './registry.indicators.js';

/**
 * Issue 11: registry figures count a status by its effective dates and its decision date, never by
 * the time it was typed in; health-insurance cards are split by the group the state pays for.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

const value = async (code: string, q: IndicatorQuery) =>
  (await registryIndicators.find((i) => i.code === code)!.compute(ctx.database.db, q)).value;

describe('registry figures of a back-filled year', () => {
  it('counts 2021 health-insurance cards by group, by the decision and effective dates, recorded in 2026', async () => {
    const communeCode = await nextCommune(ctx);
    const card = async (category: string, decisionDate = '2020-12-20') => {
      const p = await buildPerson(ctx, { communeCode });
      await buildStatus(ctx, p.id, {
        kind: 'health_insurance',
        category,
        validFrom: '2021-01-01',
        validTo: '2021-12-31',
        decisionDate,
      });
    };
    await card('poor');
    await card('poor');
    await card('near_poor');
    await card('ethnic_minority_difficult_area');
    await card('farm_average_living');
    // Decided in 2022 for 2021 (a late decision): not in a report as of the end of 2021.
    await card('poor', '2022-02-01');
    await ctx.database.db
      .updateTable('statuses')
      .set({ created_at: '2026-03-02T08:00:00.000Z' })
      .where('commune_code', '=', communeCode)
      .execute();
    const q: IndicatorQuery = {
      area: indicatorArea(communeCode, 3),
      from: '2021-01-01',
      to: '2021-12-31',
      asOf: '2021-12-31',
    };
    expect(await value('registry.health_insurance_cards_poor', q)).toBe(2);
    expect(await value('registry.health_insurance_cards_near_poor', q)).toBe(1);
    expect(await value('registry.health_insurance_cards_ethnic_minority', q)).toBe(1);
    expect(await value('registry.health_insurance_cards_farm_average', q)).toBe(1);
    expect(await value('registry.health_insurance_poor', q)).toBe(3);
    // As of a later date the late decision counts for 2021 too.
    expect(await value('registry.health_insurance_cards_poor', { ...q, asOf: '2022-03-01' })).toBe(3);
    // 2022 has none of them: the cards were valid for 2021.
    expect(
      await value('registry.health_insurance_cards_poor', {
        ...q,
        from: '2022-01-01',
        to: '2022-12-31',
        asOf: '2022-12-31',
      }),
    ).toBe(0);
    expect(registryIndicators.find((i) => i.code === 'registry.health_insurance_cards_poor')!.unit).toBe('cards');
  });
});
