import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorArea, type IndicatorQuery } from '../../platform/indicators.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { addOtherProvince } from '../../test/fixtures.js';
import { buildProcedure, factoryActor } from '../../test/factories.js';
import { dossiersIndicators } from './dossiers.indicators.js';

/**
 * Issue 11: "N thủ tục, a/N trực tuyến toàn trình" is the catalogue as it stood on the report's
 * as-of date (procedure_versions, migration 0018), not today's.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

const ind = (code: string) => dossiersIndicators.find((i) => i.code === code)!;

describe('procedure catalogue as of a date', () => {
  it('counts the procedures and the fully online ones as the catalogue stood on each date', async () => {
    const p = { provinceCode: '99' };
    const a = await buildProcedure(ctx, { ...p, onlineMode: 'partial', effectiveFrom: '2020-01-01' });
    await buildProcedure(ctx, { ...p, onlineMode: 'full', effectiveFrom: '2020-06-01' });
    const c = await buildProcedure(ctx, { ...p, onlineMode: 'none', effectiveFrom: '2020-01-01' });
    await buildProcedure(ctx, { ...p, onlineMode: 'full', effectiveFrom: '2023-01-01' });
    // Procedure A fully online from mid-2022; C withdrawn from 2024; both typed in today.
    await ctx.services.dossiers.updateProcedure(factoryActor, a.id, {
      onlineMode: 'full',
      effectiveFrom: '2022-07-01',
    });
    await ctx.services.dossiers.updateProcedure(factoryActor, c.id, { active: false, effectiveFrom: '2024-01-01' });

    const on = async (asOf: string) => {
      const q: IndicatorQuery = { area: indicatorArea('99999', 3), from: `${asOf.slice(0, 4)}-01-01`, to: asOf, asOf };
      const all = (await ind('dossiers.procedures_in_catalogue').compute(ctx.database.db, q)).value;
      const full = await ind('dossiers.procedures_fully_online').compute(ctx.database.db, q);
      return [all, full.numerator, full.denominator];
    };
    expect(await on('2019-12-31')).toEqual([0, 0, 0]);
    expect(await on('2021-12-31')).toEqual([3, 1, 3]);
    expect(await on('2022-12-31')).toEqual([3, 2, 3]);
    expect(await on('2023-12-31')).toEqual([4, 3, 4]);
    expect(await on('2024-12-31')).toEqual([3, 3, 3]);
    const recs = await ind('dossiers.procedures_fully_online').records(
      ctx.database.db,
      { area: indicatorArea('99', 1), from: '2021-01-01', to: '2021-12-31', asOf: '2021-12-31' },
      { limit: 10, offset: 0 },
    );
    expect(recs.total).toBe(1);
    // A change of name only starts no new version.
    await ctx.services.dossiers.updateProcedure(factoryActor, a.id, { name: 'Thủ tục đổi tên' });
    expect(await on('2022-12-31')).toEqual([3, 2, 3]);
  });
});
