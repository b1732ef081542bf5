import { expect, describe, it, onTestFinished } from 'vitest';
import type { Dashboard, PlanOut } from '@ansinh/domain';
import { createTestContext, type Session } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import { buildReportsRegistry, buildReportsValues2025, buildReportsYear2025, PLAN_2025 } from '../../test/factories.js';

/**
 * Plans and the dashboard, each test in a world of its own: the registry and the figures entered
 * for 2025, with the Department's 2025 plan unless the test records it itself.
 */
async function ownWorld(opts: { plan?: boolean } = {}) {
  const ctx = await createTestContext();
  onTestFinished(() => ctx.close());
  const [tinh, lanhdao, huyen692, thanhtra] = (await Promise.all(
    ['tinh.chuyenvien', 'tinh.lanhdao', 'huyen.692', 'thanhtra'].map((u) => ctx.login(u)),
  )) as [Session, Session, Session, Session];
  await buildReportsRegistry(ctx);
  if (opts.plan === false) await buildReportsValues2025(ctx);
  else await buildReportsYear2025(ctx);
  return { ctx, tinh, lanhdao, huyen692, thanhtra };
}

const ok = async <T>(p: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> => {
  const res = await p;
  expect(res.statusCode, res.body.slice(0, 800)).toBe(status);
  return res.json() as T;
};

// Each test creates a database and the registry first: slow on a busy PostgreSQL.
describe('plans and the dashboard', { timeout: 120_000 }, () => {
  it('records a plan with targets split to districts and shows progress in Vietnamese', async () => {
    const { tinh, lanhdao, thanhtra } = await ownWorld({ plan: false });
    const plan = await ok<PlanOut>(tinh.inject('POST', '/api/v1/plans', PLAN_2025), 201);
    expect(plan.citation).toBe('Kế hoạch số 169/KH-SLĐTBXH ngày 21/7/2025');
    const atEnd = await ok<PlanOut>(lanhdao.inject('GET', `/api/v1/plans/${plan.id}?asOf=2025-12-31`));
    const jobs = atEnd.targets.find((t) => t.indicatorCode === 'employment.jobs_created' && t.areaCode === '70')!;
    expect(jobs.text).toBe('75/100, đạt 75%');
    expect(jobs.status).toBe('behind');
    const split = atEnd.targets.find((t) => t.areaCode === '689')!;
    expect([split.areaName, split.text]).toEqual(['Thành phố Đồng Xoài', '45/60, đạt 75%']);
    const poor = atEnd.targets.find((t) => t.indicatorCode === 'registry.poor_households')!;
    expect([poor.text, poor.status, poor.lowerIsBetter]).toEqual(['2/2, đạt 100%', 'met', true]);
    expectProblem(
      await thanhtra.inject('POST', `/api/v1/plans/${plan.id}/targets`, {
        indicatorCode: 'employment.jobs_created',
        target: 5,
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('shows the year on the dashboard: progress, districts side by side, monthly trend, attention', async () => {
    const { lanhdao, huyen692 } = await ownWorld();
    const d = await ok<Dashboard>(lanhdao.inject('GET', '/api/v1/reports/dashboard?year=2025&asOf=2025-12-31'));
    expect(d.plan?.citation).toBe('Kế hoạch số 169/KH-SLĐTBXH ngày 21/7/2025');
    expect(d.children).toHaveLength(11);
    const jobs = d.targets.find((t) => t.indicatorCode === 'employment.jobs_created')!;
    expect(jobs.text).toBe('75/100, đạt 75%');
    expect(jobs.byArea.find((a) => a.areaCode === '689')).toMatchObject({
      target: 60,
      achieved: 45,
      text: '45/60, đạt 75%',
    });
    expect(jobs.byArea.find((a) => a.areaCode === '692')).toMatchObject({ target: null, achieved: 30 });
    const trend = d.trend.find((t) => t.indicatorCode === 'registry.households_left_poverty')!;
    expect(trend.points).toHaveLength(12);
    expect(trend.points[10]!.value).toBe(0);
    expect(trend.points[11]!.value).toBe(1);
    expect(d.attention.some((a) => a.kind === 'behind' && a.indicatorCode === 'employment.jobs_created')).toBe(true);
    // A district officer sees the district and its communes.
    const dd = await ok<Dashboard>(huyen692.inject('GET', '/api/v1/reports/dashboard?year=2025&asOf=2025-12-31'));
    expect(dd.area.code).toBe('692');
    expectProblem(await huyen692.inject('GET', '/api/v1/reports/dashboard?areaCode=689'), 404, 'NOT_FOUND');
  });
});
