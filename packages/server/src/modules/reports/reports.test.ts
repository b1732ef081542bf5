import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureTrace, HouseholdOut, ReportPreview } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import { buildReport, buildReportsRegistry } from '../../test/factories.js';
import { dossiersIndicators } from '../dossiers/index.js';

/**
 * Figures as of a date: computed from the registry, entered with a source. The registry is built
 * once (buildReportsRegistry) and only read; a test that enters a figure enters one no other test
 * of this file reads. Plans, the dashboard and report documents: reports.documents.test.ts.
 */
let ctx: TestContext;
let xa: Session; // xa.25213, district 689 (Đồng Xoài)
let tinh: Session; // tinh.chuyenvien: province officer, manages plans and reports
let lanhdao: Session; // tinh.lanhdao: reads
let huyen692: Session;
let giamsat: Session;
let households: Record<'A' | 'B' | 'C' | 'D', HouseholdOut>;

beforeAll(async () => {
  ctx = await createTestContext();
  [xa, tinh, lanhdao, huyen692, giamsat] = (await Promise.all(
    ['xa.25213', 'tinh.chuyenvien', 'tinh.lanhdao', 'huyen.692', 'giamsat'].map((u) => ctx.login(u)),
  )) as [Session, Session, Session, Session, Session];
  households = await buildReportsRegistry(ctx);
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

const ok = async <T>(p: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> => {
  const res = await p;
  expect(res.statusCode, res.body.slice(0, 800)).toBe(status);
  return res.json() as T;
};

const figure = (s: Session, code: string, areaCode: string, from: string, to: string, asOf: string, extra = '') =>
  s.inject(
    'GET',
    `/api/v1/reports/figure?code=${code}&areaCode=${areaCode}&from=${from}&to=${to}&asOf=${asOf}${extra}`,
  );

describe('computed indicators as of two dates', () => {
  it('counts poor households on a date, by area, and lists them', async () => {
    const mid2025 = await ok<FigureTrace>(
      figure(lanhdao, 'registry.poor_households', '70', '2025-01-01', '2025-12-31', '2025-06-30'),
    );
    expect(mid2025.value).toBe(2);
    expect(mid2025.records.total).toBe(2);
    expect(mid2025.records.items.map((r) => r.label).sort()).toEqual([households.A.code, households.B.code].sort());
    expect(mid2025.records.items[0]!.href).toMatch(/^\/registry\/households\/\d+$/);
    expect(mid2025.records.items[0]!.areaName).toBe('Xã Tiến Hưng');

    const mid2026 = await ok<FigureTrace>(
      figure(lanhdao, 'registry.poor_households', '70', '2026-01-01', '2026-12-31', '2026-06-30'),
    );
    expect(mid2026.value).toBe(3);
    expect(
      (
        await ok<FigureTrace>(
          figure(lanhdao, 'registry.poor_households', '689', '2026-01-01', '2026-12-31', '2026-06-30'),
        )
      ).value,
    ).toBe(2);
    expect(
      (
        await ok<FigureTrace>(
          figure(lanhdao, 'registry.poor_households', '692', '2026-01-01', '2026-12-31', '2026-06-30'),
        )
      ).value,
    ).toBe(1);
  });

  it('recomputes the poverty rate from its parts at each level', async () => {
    const d689 = await ok<FigureTrace>(
      figure(lanhdao, 'registry.poverty_rate', '689', '2026-01-01', '2026-12-31', '2026-06-30'),
    );
    expect([d689.numerator, d689.denominator, d689.text]).toEqual([2, 3, '2/3 (66,67%)']);
    const d692 = await ok<FigureTrace>(
      figure(lanhdao, 'registry.poverty_rate', '692', '2026-01-01', '2026-12-31', '2026-06-30'),
    );
    expect(d692.text).toBe('1/1 (100%)');
    // Not the average of 66,67% and 100%.
    const province = await ok<FigureTrace>(
      figure(lanhdao, 'registry.poverty_rate', '70', '2026-01-01', '2026-12-31', '2026-06-30'),
    );
    expect(province.text).toBe('3/4 (75%)');
  });

  it('counts households that left poverty only once the review decision is signed', async () => {
    const before = await ok<FigureTrace>(
      figure(lanhdao, 'registry.households_left_poverty', '70', '2025-01-01', '2025-12-31', '2025-12-01'),
    );
    expect(before.value).toBe(0);
    const after = await ok<FigureTrace>(
      figure(lanhdao, 'registry.households_left_poverty', '70', '2025-01-01', '2025-12-31', '2025-12-31'),
    );
    expect(after.value).toBe(1);
    expect(after.records.items.map((r) => r.label)).toEqual([households.A.code]);
  });

  it('counts new social-allowance recipients of the period as of each date', async () => {
    expect(
      (
        await ok<FigureTrace>(
          figure(lanhdao, 'registry.social_assistance_new', '70', '2025-01-01', '2025-12-31', '2025-06-30'),
        )
      ).value,
    ).toBe(1);
    const end = await ok<FigureTrace>(
      figure(lanhdao, 'registry.social_assistance_new', '70', '2025-01-01', '2025-12-31', '2025-12-31'),
    );
    expect(end.value).toBe(2);
    expect(end.records.items.map((r) => r.label)).toEqual(['Nguyễn Văn Cụ Hai (1940)', 'Nguyễn Văn Cụ Một (1940)']);
    expect(
      (
        await ok<FigureTrace>(
          figure(lanhdao, 'registry.social_assistance_persons', '689', '2025-01-01', '2025-12-31', '2025-12-31'),
        )
      ).value,
    ).toBe(2);
  });

  it("keeps figures inside the actor's area: 404 outside it, 403 for roles that do not read reports", async () => {
    expectProblem(
      await figure(huyen692, 'registry.poor_households', '689', '2026-01-01', '2026-12-31', '2026-06-30'),
      404,
      'NOT_FOUND',
    );
    expect(
      (
        await ok<FigureTrace>(
          figure(huyen692, 'registry.poor_households', '692', '2026-01-01', '2026-12-31', '2026-06-30'),
        )
      ).value,
    ).toBe(1);
    expectProblem(
      await figure(xa, 'registry.poor_households', '25213', '2026-01-01', '2026-12-31', '2026-06-30'),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await figure(giamsat, 'registry.poor_households', '70', '2026-01-01', '2026-12-31', '2026-06-30'),
      403,
      'FORBIDDEN',
    );
  });

  it('uses the dossiers indicators when that module offers them', async () => {
    const codes = new Set(dossiersIndicators.map((i) => i.code));
    if (!codes.has('dossiers.received')) return;
    const r = await ok<FigureTrace>(
      figure(lanhdao, 'dossiers.received', '70', '2025-01-01', '2025-12-31', '2025-12-31'),
    );
    expect(r.available).toBe(true);
    expect(r.value).toBeGreaterThanOrEqual(0);
  });
});

describe('entered values', () => {
  it("enters figures with their source; a parent area adds its districts' figures", async () => {
    for (const [area, value] of [
      ['689', 45],
      ['692', 30],
    ] as const) {
      await ok(
        tinh.inject('POST', '/api/v1/reports/values', {
          indicatorCode: 'employment.jobs_created',
          areaCode: area,
          periodFrom: '2025-01-01',
          periodTo: '2025-12-31',
          value,
          sourceKind: 'agency',
          sourceRef: 'Báo cáo số 10/BC-TTDVVL của Trung tâm Dịch vụ việc làm',
          sourceDate: '2025-12-20',
        }),
        201,
      );
    }
    const f = await ok<FigureTrace>(
      figure(lanhdao, 'employment.jobs_created', '70', '2025-01-01', '2025-12-31', '2025-12-31'),
    );
    expect(f.value).toBe(75);
    expect(f.entered.map((e) => [e.areaName, e.value, e.enteredBy])).toEqual([
      ['Thành phố Đồng Xoài', 45, 'tinh.chuyenvien'],
      ['Huyện Lộc Ninh', 30, 'tinh.chuyenvien'],
    ]);
    // Known only from the source's date.
    expect(
      (
        await ok<FigureTrace>(
          figure(lanhdao, 'employment.jobs_created', '70', '2025-01-01', '2025-12-31', '2025-12-19'),
        )
      ).available,
    ).toBe(false);
  });

  it('refuses to enter a computed indicator, and a district officer enters only in the district', async () => {
    const body = {
      indicatorCode: 'registry.poor_households',
      areaCode: '70',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      value: 1,
      sourceKind: 'other',
      sourceRef: 'thử',
      sourceDate: '2025-12-31',
    };
    expectProblem(await tinh.inject('POST', '/api/v1/reports/values', body), 400, 'VALIDATION_FAILED');
    expectProblem(
      await huyen692.inject('POST', '/api/v1/reports/values', {
        ...body,
        indicatorCode: 'employment.jobs_created',
        areaCode: '689',
        sourceRef: 'Báo cáo huyện',
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('says in words that no complaints arose when the count is zero', async () => {
    const report = await buildReport(ctx);
    await ok(
      tinh.inject('POST', '/api/v1/reports/values', {
        indicatorCode: 'petitions.complaints_denunciations',
        areaCode: '70',
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        value: 0,
        sourceKind: 'document',
        sourceRef: 'Sổ theo dõi đơn thư năm 2025',
        sourceDate: '2025-12-31',
      }),
      201,
    );
    const p = await ok<ReportPreview>(lanhdao.inject('GET', `/api/v1/reports/${report.id}/preview`));
    const c = p.sections.flatMap((s) => s.blocks).find((b) => b.id === 's3.7.c1')!;
    expect(c.type === 'when_zero' && c.segments.map((s) => s.text).join('')).toBe(
      'Trong năm không phát sinh đơn thư khiếu nại, tố cáo.',
    );
  });
});
