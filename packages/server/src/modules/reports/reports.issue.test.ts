import { describe, expect, it, onTestFinished } from 'vitest';
import type { FigureTrace, ReportOut, ReportPreview } from '@ansinh/domain';
import { createTestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';

/**
 * Issuing with missing figures where the Department refuses it (issue 18 item 3), and the demo's
 * own 2021 report against its entered values (issue 11). The year recreated: reports.year.test.ts.
 */
const ok = async <T>(p: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> => {
  const res = await p;
  expect(res.statusCode, res.body.slice(0, 800)).toBe(status);
  return res.json() as T;
};

describe('issuing rules and the demo year', { timeout: 180_000 }, () => {
  it('refuses to issue a report with missing figures where the Department says so', async () => {
    const ctx = await createTestContext();
    onTestFinished(() => ctx.close());
    const tinh = await ctx.login('tinh.chuyenvien');
    const rules = await ok<{ issueWithMissing: string }>(
      tinh.inject('PUT', '/api/v1/reports/rules', { issueWithMissing: 'refuse' }),
    );
    expect(rules.issueWithMissing).toBe('refuse');
    const report = await ok<ReportOut>(
      tinh.inject('POST', '/api/v1/reports', { templateCode: 'dan-van-nam', year: 2023, asOf: '2024-01-31' }),
      201,
    );
    expectProblem(
      await tinh.inject('POST', `/api/v1/reports/${report.id}/issue`, { acceptMissing: true }),
      409,
      'REPORT_MISSING',
    );
    const after = await ok<ReportOut>(tinh.inject('GET', `/api/v1/reports/${report.id}`));
    expect([after.state, after.number]).toEqual(['draft', null]);
  });

  it("the demo's 2021 entered values give its own 2021 report", async () => {
    const ctx = await createTestContext();
    onTestFinished(() => ctx.close());
    const tinh = await ctx.login('tinh.chuyenvien');
    const report = await ok<ReportOut>(
      tinh.inject('POST', '/api/v1/reports', { templateCode: 'dan-van-nam', year: 2021, asOf: '2021-12-31' }),
      201,
    );
    const p = await ok<ReportPreview>(tinh.inject('GET', `/api/v1/reports/${report.id}/preview`));
    const fig = (code: string) => p.figures.find((f) => f.code === code)!;
    expect(fig('employment.jobs_created')).toMatchObject({ value: 28_101, target: 38_000 });
    expect(fig('employment.jobs_created').basis).toMatch(/^cộng từ \d+ huyện$/);
    expect(fig('employment.vocational_trainees')).toMatchObject({ value: 9_210, target: 8_000 });
    for (const [code, value] of [
      ['employment.career_counselling', 41_256],
      ['employment.job_fairs', 24],
      ['merit.gifts_tet', 15_530],
      ['merit.gifts_27_7', 14_980],
      ['petitions.complaints_denunciations', 0],
    ] as const)
      expect([code, fig(code).value, fig(code).basis]).toEqual([code, value, 'giá trị của tỉnh cho kỳ này']);
    // Before its module's records, a replacing indicator is entered: the preview and its trace say so.
    expect(fig('merit.gifts_tet').source).toBe('entered');
    const trace = await ok<FigureTrace>(
      tinh.inject(
        'GET',
        '/api/v1/reports/figure?code=employment.jobs_created&areaCode=70&from=2021-01-01&to=2021-12-31&asOf=2021-12-31',
      ),
    );
    expect(trace.indicator.source).toBe('entered');
    expect(trace.entered.length).toBeGreaterThan(0);
    expect(trace.records.total).toBe(0);
    // Every entered figure of the report is one of the year 2021, with its own source.
    for (const f of p.figures.filter((x) => x.source === 'entered' && x.available))
      for (const s of f.sources ?? [])
        expect([f.code, s.periodFrom, s.periodTo]).toEqual([f.code, '2021-01-01', '2021-12-31']);
    const s2 = p.sections.flatMap((s) => s.blocks).find((b) => b.id === 's2.p1')!;
    expect(s2.type === 'text' && s2.segments.map((s) => s.text).join('')).toContain(
      'ban hành Kế hoạch số 12/KH-SLĐTBXH ngày 15/1/2021',
    );
  });
});
