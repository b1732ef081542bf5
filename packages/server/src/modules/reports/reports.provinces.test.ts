import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FigureQuery,
  type AgencySettings,
  type EnteredValuePage,
  type PlanList,
  type ReportOut,
  type ReportPage,
} from '@ansinh/domain';
import { systemActor } from '../../platform/actor.js';
import { createTestContext, DEMO_PASSWORD, type Session, type TestContext } from '../../test/helpers.js';
import { addOtherProvince, expectProblem } from '../../test/fixtures.js';
import { buildIndicatorValue, buildPlan, buildReport } from '../../test/factories.js';

/**
 * Two provinces in one database: the demo one (70) and province 99 (addOtherProvince). Plans,
 * targets, reports, entered values and the issuing agency are each province's own: an officer of
 * one province neither sees nor changes the other's.
 */
let ctx: TestContext;
let tinh: Session; // province officer of 70
let tinh99: Session; // province officer of 99
const system = systemActor('test');

beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
  await ctx.services.users.create(
    system,
    {
      username: 'tinh99',
      password: DEMO_PASSWORD,
      fullName: 'Chuyên viên Tỉnh Thử Nghiệm',
      role: 'province_officer',
      areaCode: '99',
    },
    { mustChangePassword: false },
  );
  tinh = await ctx.login('tinh.chuyenvien');
  tinh99 = await ctx.login('tinh99');
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

const ok = async <T>(p: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> => {
  const res = await p;
  expect(res.statusCode, res.body.slice(0, 800)).toBe(status);
  return res.json() as T;
};

describe('two provinces', () => {
  it("an officer of one province neither sees nor changes the other's plans and targets", async () => {
    const plan70 = await buildPlan(ctx, {
      areaCode: '70',
      targets: [{ indicatorCode: 'employment.jobs_created', target: 9 }],
    });
    const plan99 = await buildPlan(ctx, { areaCode: '99' });
    const list = await ok<PlanList>(tinh99.inject('GET', '/api/v1/plans'));
    expect(list.items.map((p) => p.id)).toContain(plan99.id);
    expect(list.items.map((p) => p.id)).not.toContain(plan70.id);
    expectProblem(await tinh99.inject('GET', `/api/v1/plans/${plan70.id}`), 404, 'NOT_FOUND');
    const target = { indicatorCode: 'employment.jobs_created', target: 1 };
    expectProblem(await tinh99.inject('POST', `/api/v1/plans/${plan70.id}/targets`, target), 404, 'NOT_FOUND');
    const t = plan70.targets[0]!;
    expectProblem(await tinh99.inject('DELETE', `/api/v1/plans/${plan70.id}/targets/${t.id}`), 404, 'NOT_FOUND');
    // A target of its own plan cannot be split to the other province's area either.
    expectProblem(
      await tinh99.inject('POST', `/api/v1/plans/${plan99.id}/targets`, { ...target, areaCode: '689' }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await tinh99.inject('POST', '/api/v1/plans', {
        year: 2025,
        areaCode: '70',
        title: 'Kế hoạch của tỉnh khác',
        docNumber: '1/KH-KHAC',
        docDate: '2025-01-02',
        issuer: 'Tỉnh khác',
      }),
      404,
      'NOT_FOUND',
    );
    const still = await ctx.services.reports.getPlan(system, plan70.id);
    expect(still.targets.map((x) => [x.areaCode, x.target])).toEqual([['70', 9]]);
    // And the other way round.
    expectProblem(await tinh.inject('GET', `/api/v1/plans/${plan99.id}`), 404, 'NOT_FOUND');
  });

  it("an officer of one province neither sees nor enters the other's values, figures or dashboard", async () => {
    const v70 = await buildIndicatorValue(ctx, {
      areaCode: '689',
      value: 11,
      indicatorCode: 'employment.jobs_created',
    });
    const v99 = await buildIndicatorValue(ctx, {
      areaCode: '999',
      value: 22,
      indicatorCode: 'employment.jobs_created',
    });
    const page = await ok<EnteredValuePage>(tinh99.inject('GET', '/api/v1/reports/values?pageSize=100'));
    expect(page.items.map((v) => v.id)).toContain(v99.id);
    expect(page.items.map((v) => v.id)).not.toContain(v70.id);
    expectProblem(await tinh99.inject('GET', '/api/v1/reports/values?areaCode=689'), 404, 'NOT_FOUND');
    expectProblem(
      await tinh99.inject('POST', '/api/v1/reports/values', {
        indicatorCode: 'employment.jobs_created',
        areaCode: '70',
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        value: 1000,
        sourceKind: 'other',
        sourceRef: 'Số của tỉnh khác',
        sourceDate: '2025-12-31',
      }),
      404,
      'NOT_FOUND',
    );
    const q = '&from=2025-01-01&to=2025-12-31&asOf=2025-12-31';
    expectProblem(
      await tinh99.inject('GET', `/api/v1/reports/figure?code=employment.jobs_created&areaCode=70${q}`),
      404,
      'NOT_FOUND',
    );
    expectProblem(await tinh99.inject('GET', '/api/v1/reports/dashboard?areaCode=70'), 404, 'NOT_FOUND');
    const own = await ctx.services.reports.values(system, { areaCode: '70', page: 1, pageSize: 100 });
    expect(own.items.some((v) => v.sourceRef === 'Số của tỉnh khác')).toBe(false);
  });

  it("an officer of one province neither sees, edits nor issues the other's reports, and a narrative cannot reach it", async () => {
    const r70 = await buildReport(ctx, { areaCode: '70' });
    const r99 = await buildReport(ctx, { areaCode: '99' });
    const page = await ok<ReportPage>(tinh99.inject('GET', '/api/v1/reports?pageSize=100'));
    expect(page.items.map((r) => r.id)).toContain(r99.id);
    expect(page.items.map((r) => r.id)).not.toContain(r70.id);
    for (const path of ['', '/preview', '/changes', '/document.docx', '/annex.xlsx'])
      expectProblem(await tinh99.inject('GET', `/api/v1/reports/${r70.id}${path}`), 404, 'NOT_FOUND');
    expectProblem(
      await tinh99.inject('PATCH', `/api/v1/reports/${r70.id}`, { texts: { 's3.8.p2': 'x' } }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await tinh99.inject('POST', `/api/v1/reports/${r70.id}/issue`, { acceptMissing: true }),
      404,
      'NOT_FOUND',
    );
    expect((await ctx.services.reports.get(system, r70.id)).state).toBe('draft');
    // A placeholder naming another province gives no figure (it used to count that province's).
    await buildIndicatorValue(ctx, { areaCode: '692', value: 33, indicatorCode: 'employment.jobs_created' });
    await ok(
      tinh99.inject('PATCH', `/api/v1/reports/${r99.id}`, {
        texts: { 's3.8.p2': 'Tỉnh bạn: {employment.jobs_created@70} lao động.' },
      }),
    );
    const p = await ctx.services.reports.preview(system, r99.id);
    const f = p.figures.find((x) => x.areaCode === '70')!;
    expect([f.available, f.value]).toEqual([false, null]);
  });

  it('keeps the issuing agency and the number series to each province', async () => {
    const agency70 = await ok<AgencySettings>(tinh.inject('GET', '/api/v1/reports/settings'));
    expect(agency70.parentAgency).toBe('UBND TỈNH BÌNH PHƯỚC');
    const mine = await ok<AgencySettings>(tinh99.inject('GET', '/api/v1/reports/settings'));
    expect(mine.parentAgency).toBe('UBND TỈNH THỬ NGHIỆM');
    const changed = { ...mine, symbol: 'SNV99', signerName: 'Nguyễn Thị Chín' };
    await ok(tinh99.inject('PUT', '/api/v1/reports/settings', changed));
    expect(await ok<AgencySettings>(tinh99.inject('GET', '/api/v1/reports/settings'))).toEqual(changed);
    expect(await ok<AgencySettings>(tinh.inject('GET', '/api/v1/reports/settings'))).toEqual(agency70);
    // The province's reports are numbered with its own symbol, in its own series.
    const r = await buildReport(ctx, { areaCode: '99' });
    const issued = await ok<ReportOut>(tinh99.inject('POST', `/api/v1/reports/${r.id}/issue`, { acceptMissing: true }));
    expect(issued.number).toBe('01/BC-SNV99');
    // Templates are the same for both, read by each in its own province.
    expect((await ok<{ items: unknown[] }>(tinh99.inject('GET', '/api/v1/reports/templates'))).items.length).toBe(
      (await ok<{ items: unknown[] }>(tinh.inject('GET', '/api/v1/reports/templates'))).items.length,
    );
  });
});

describe('a commune of a two-level province', () => {
  it('stores and counts a value entered for a commune with no district (codes read by the area level)', async () => {
    await ctx.services.areas.importList(
      system,
      ['code,parent,type,name', '98,,province,Tỉnh Hai Cấp', '98001,98,commune,Xã Hai Cấp', ''].join('\n'),
      { listId: 'test-98', validFrom: '2025-07-01', validTo: null },
    );
    const v = await buildIndicatorValue(ctx, { areaCode: '98001', value: 7, indicatorCode: 'employment.jobs_created' });
    const row = await ctx.database.db
      .selectFrom('indicator_values')
      .select(['province_code', 'district_code', 'commune_code'])
      .where('id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ province_code: '98', district_code: null, commune_code: '98001' });
    const q = { code: 'employment.jobs_created', from: '2025-01-01', to: '2025-12-31', asOf: '2025-12-31' };
    const commune = await ctx.services.reports.figure(system, FigureQuery.parse({ ...q, areaCode: '98001' }));
    expect([commune.available, commune.value]).toEqual([true, 7]);
    const province = await ctx.services.reports.figure(system, FigureQuery.parse({ ...q, areaCode: '98' }));
    expect(province.value).toBe(7);
  });
});
