import { describe, expect, it, onTestFinished } from 'vitest';
import type { ComputedIndicator } from '../../platform/indicators.js';
import { createTestContext } from '../../test/helpers.js';
import { buildIndicatorValue, buildPlan } from '../../test/factories.js';
import { factoryActor } from '../../test/factories/base.js';
import { createReportsService } from './reports.service.js';

/** A computed indicator that replaces the entered 'test.visits' (as petitions' will replace theirs). */
const visits: ComputedIndicator = {
  code: 'testmod.visits',
  module: 'testmod',
  nameVi: 'Lượt tiếp (tính từ dữ liệu)',
  nameEn: 'Visits (computed)',
  unit: 'cases',
  rollup: 'sum',
  replaces: 'test.visits',
  compute: () => Promise.resolve({ value: 42 }),
  records: () => Promise.resolve({ total: 0, rows: [] }),
};

const year = (y: number) => ({ from: `${y}-01-01`, to: `${y}-12-31`, asOf: `${y + 1}-01-31`, page: 1, pageSize: 10 });

describe('the catalogue: computed and entered', { timeout: 120_000 }, () => {
  it('reads the entered values before the records are kept in AnSinh, the computed figure after', async () => {
    const ctx = await createTestContext();
    onTestFinished(() => ctx.close());
    for (const [y, value] of [
      [2022, 7],
      [2024, 9],
    ] as const)
      await buildIndicatorValue(ctx, {
        indicatorCode: 'test.visits',
        periodFrom: `${y}-01-01`,
        periodTo: `${y}-12-31`,
        sourceDate: `${y}-12-31`,
        value,
      });
    const reports = createReportsService({
      database: ctx.database,
      areas: ctx.services.areas,
      extraIndicators: [visits],
    });
    const figure = (code: string, y: number) => reports.figure(factoryActor, { code, areaCode: '70', ...year(y) });

    // One indicator under the entered code.
    const codes = (await reports.indicators(factoryActor)).items.map((i) => i.code);
    expect(codes).toContain('test.visits');
    expect(codes).not.toContain('testmod.visits');

    // No "records kept since" date: the entered values only, nothing silently changes.
    expect((await figure('test.visits', 2024)).value).toBe(9);
    expect((await figure('test.visits', 2022)).value).toBe(7);

    // The Department says the module's records are kept since 1/1/2024 (audited).
    const tinh = await ctx.login('tinh.chuyenvien');
    const res = await tinh.inject('PUT', '/api/v1/reports/rules', { recordsSince: { testmod: '2024-01-01' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await figure('test.visits', 2024)).value).toBe(42);
    expect((await figure('testmod.visits', 2024)).value).toBe(42);
    expect((await figure('test.visits', 2022)).value).toBe(7);
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'reports.rules.update')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('measures a points target in points: the change of the rate over the year', async () => {
    const ctx = await createTestContext();
    onTestFinished(() => ctx.close());
    await ctx.services.reports.createIndicator(factoryActor, {
      code: 'test.poverty_rate',
      nameVi: 'Tỷ lệ hộ nghèo (thử)',
      nameEn: 'Poverty rate (test)',
      unit: 'percent',
      rollup: 'sum',
      lowerIsBetter: true,
    });
    for (const [y, value] of [
      [2022, 4.52],
      [2023, 3.3],
    ] as const)
      await buildIndicatorValue(ctx, {
        indicatorCode: 'test.poverty_rate',
        periodFrom: `${y}-01-01`,
        periodTo: `${y}-12-31`,
        sourceDate: `${y}-12-31`,
        value,
      });
    const plan = await buildPlan(ctx, {
      year: 2023,
      targets: [{ indicatorCode: 'test.poverty_rate', target: 1.5, measure: 'points' }],
    });
    const out = await ctx.services.reports.getPlan(factoryActor, plan.id, '2024-01-31');
    expect(out.targets[0]).toMatchObject({
      measure: 'points',
      achieved: 1.22,
      text: 'giảm 1,22 điểm % (kế hoạch giảm 1,5 điểm %), đạt 81,33%',
      status: 'behind',
    });
  });
});
