import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import { buildOrgStaffing, buildOrgUnit, factoryActor } from '../../test/factories.js';
import { organisationIndicators } from './index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const byCode = (code: string) => organisationIndicators.find((i) => i.code === code)!;
const province = { code: '70', level: 1 as const, column: 'province_code' as const };
const q = (from: string, to: string, asOf = '2030-12-31') => ({ area: province, from, to, asOf });

describe('organisation indicators', () => {
  it('counts the units before and after a reorganisation in the period, for one agency', async () => {
    const agency = 'SNV-TEST-1';
    // Before 1/7/2025: four divisions; the reorganisation merges two of them into one new division.
    const keep = [await buildOrgUnit(ctx, { agencyCode: agency }), await buildOrgUnit(ctx, { agencyCode: agency })];
    for (let i = 0; i < 2; i++) await buildOrgUnit(ctx, { agencyCode: agency, activeTo: '2025-06-30' });
    await buildOrgUnit(ctx, { agencyCode: agency, activeFrom: '2025-07-01' });
    const db = ctx.database.db;
    const year = q('2025-01-01', '2025-12-31');
    const params = { agency };
    expect((await byCode('organisation.units_at_start').compute(db, year, params)).value).toBe(4);
    expect((await byCode('organisation.units_at_end').compute(db, year, params)).value).toBe(3);
    // As of a date before the reorganisation, the end of the period is counted on that date.
    expect(
      (await byCode('organisation.units_at_end').compute(db, q('2025-01-01', '2025-12-31', '2025-03-31'), params))
        .value,
    ).toBe(4);
    const behind = await byCode('organisation.units_at_end').records(db, year, { limit: 10, offset: 0 }, params);
    expect(behind.total).toBe(3);
    expect(behind.rows.map((r) => r.id)).toEqual(expect.arrayContaining(keep.map((k) => k.id)));
    // A district has no organisation register.
    const district = {
      area: { code: '689', level: 2 as const, column: 'district_code' as const },
      from: '2025-01-01',
      to: '2025-12-31',
      asOf: '2030-12-31',
    };
    expect((await byCode('organisation.units_at_end').compute(db, district, params)).value).toBe(0);
  });

  it('gives the staff at the end of the year, the cut in percent of the start, and the officials trained by kind', async () => {
    const agency = 'SNV-TEST-2';
    await buildOrgStaffing(ctx, 2025, { agencyCode: agency, staffStart: 150, staffEnd: 140, staffCut: 10 });
    // Corrected in place: one row per year, the later figures win.
    await buildOrgStaffing(ctx, 2025, { agencyCode: agency, staffStart: 150, staffEnd: 141, staffCut: 9 });
    const db = ctx.database.db;
    const year = q('2025-01-01', '2025-12-31');
    const p = { agency };
    expect((await byCode('organisation.staff_year_end').compute(db, year, p)).value).toBe(141);
    const rate = await byCode('organisation.staff_cut_rate').compute(db, year, p);
    expect(rate).toEqual({ value: 6, numerator: 9, denominator: 150 });
    expect(byCode('organisation.staff_cut_rate').unit).toBe('percent');
    expect((await byCode('organisation.officials_trained').compute(db, year, p)).value).toBe(20);
    expect(
      (await byCode('organisation.officials_trained').compute(db, year, { ...p, kind: 'professional' })).value,
    ).toBe(12);
    // The year parameter reads another year's figures (none here).
    expect((await byCode('organisation.staff_year_end').compute(db, year, { ...p, year: '2024' })).value).toBe(0);
    const list = await ctx.services.organisation.listStaffing(factoryActor, { agencyCode: agency });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ staffCut: 9, staffCutPercent: 6 });
  });

  it('refuses a cut larger than the staff at the start of the year', async () => {
    const s = await ctx.login('tinh.chuyenvien');
    const res = await s.inject('PUT', '/api/v1/organisation/staffing/2023', {
      approvedPosts: 10,
      staffStart: 5,
      staffEnd: 5,
      staffCut: 6,
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });
});
