import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorArea } from '../../platform/indicators.js';
import { systemActor } from '../../platform/actor.js';
import { ENTERED_INDICATORS } from '../../seed/reports-seed.js';
import { buildSupply, buildVacancy } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { employmentIndicators } from './employment.indicators.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const byCode = (code: string) => employmentIndicators.find((i) => i.code === code)!;

describe('computed employment indicators replace the entered ones', () => {
  it('each names an entered indicator of the same unit; the survey figures stay entered', () => {
    const entered = new Map(ENTERED_INDICATORS.map((e) => [e.code, e]));
    const replaced = employmentIndicators.map((i) => i.replaces);
    expect(replaced.sort()).toEqual(
      [
        'employment.career_counselling',
        'employment.job_fair_enterprises',
        'employment.job_fair_workers',
        'employment.job_fairs',
        'employment.jobs_created',
        'employment.vocational_trainees',
      ].sort(),
    );
    for (const i of employmentIndicators) {
      const e = entered.get(i.replaces!);
      expect(e, i.code).toBeDefined();
      expect(i.unit, i.code).toBe(e!.unit);
      expect(i.rollup, i.code).toBe(e!.rollup ?? 'sum');
    }
    for (const survey of [
      'employment.urban_unemployment_rate',
      'employment.trained_worker_share',
      'employment.social_insurance_coverage',
    ])
      expect(replaced).not.toContain(survey);
  });

  it('counselling counts the counselling events and the referrals of the period ("tư vấn, giới thiệu việc làm")', async () => {
    const sys = systemActor('t');
    // A district of its own in this test's world: counts are compared before and after.
    const s = await buildSupply(ctx, { communeCode: '25273' });
    const ind = byCode('employment.recorded_counselling');
    const q = { area: indicatorArea('692', 2), from: '2022-01-01', to: '2022-12-31', asOf: '2022-12-31' };
    const before = (await ind.compute(ctx.database.db, q)).value;
    await ctx.services.employment.counsel(sys, {
      supplyId: s.id,
      date: '2022-03-01',
      topic: 'job',
      form: '01',
      note: null,
    });
    const v = await buildVacancy(ctx, { openFrom: '2022-01-01' });
    await ctx.services.employment.refer(sys, { supplyId: s.id, vacancyId: v.id, date: '2022-03-02' });
    // Dated after the as-of date: not yet counted.
    await ctx.services.employment.refer(sys, { supplyId: s.id, vacancyId: v.id, date: '2023-01-05' });
    expect((await ind.compute(ctx.database.db, q)).value).toBe(before + 2);
    const recs = await ind.records(ctx.database.db, q, { limit: 500, offset: 0 });
    expect(recs.total).toBe(before + 2);
    expect(recs.rows.filter((r) => r.href === `/employment/persons/${s.id}`)).toHaveLength(2);
  });
});
