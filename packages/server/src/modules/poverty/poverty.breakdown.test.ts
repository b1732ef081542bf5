import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownOut } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import { buildRecognisedPovertyCampaign, surveyBody } from '../../test/factories.js';

let ctx: TestContext;
let tinh: Session;
let xa: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  tinh = await ctx.login('tinh.chuyenvien');
  xa = await ctx.login('xa.25213');
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

const NOT_POOR = surveyBody({
  b1: { members: '2', house: 'solid', salaried: 'yes', motorbike: 'yes', fridge: 'yes' },
  deprived: [],
});

const get = async (s: Session, url: string) => {
  const res = await s.inject('GET', url);
  expect({ status: res.statusCode, body: res.body.slice(0, 300) }).toMatchObject({ status: 200 });
  return res.json() as BreakdownOut;
};
const line = (lines: BreakdownOut['total'], key: string) => lines.find((l) => l.key === key)!;

describe('poverty breakdowns by cause, group and ethnicity', () => {
  it('per commune and for the province, as of a date; a household in two groups counts in both', async () => {
    await buildRecognisedPovertyCampaign(ctx, '25195', [
      { survey: surveyBody({ cause: 'illness', groups: ['merit', 'needs_health'] }), ethnic: true },
      { survey: surveyBody({ cause: 'land', groups: ['needs_credit'] }) },
      { before: 'poor', survey: { ...NOT_POOR, cause: 'capital' } },
      { survey: surveyBody({ cause: 'illness', deprived: ['water'] }) }, // near-poor
    ]);
    const byCause = await get(tinh, '/api/v1/poverty/breakdown?year=2024&by=cause&areaCode=70');
    const commune = byCause.communes.find((c) => c.communeCode === '25195')!;
    expect(commune.communeName).toContain('Tân Phú');
    expect(line(commune.lines, 'illness')).toMatchObject({
      poor: { start: 0, new: 1, end: 1, netDecrease: -1 },
      nearPoor: { end: 1 },
    });
    expect(line(commune.lines, 'capital').poor).toMatchObject({ start: 1, left: 1, end: 0, netDecrease: 1 });
    expect(line(byCause.total, 'land').poor.end).toBeGreaterThanOrEqual(1);
    expect(byCause.keys.map((k) => k.code)).toContain('unknown');

    const byGroup = await get(tinh, '/api/v1/poverty/breakdown?year=2024&by=group&areaCode=25195');
    const g = byGroup.communes[0]!.lines;
    expect(line(g, 'merit').poor.end).toBe(1);
    expect(line(g, 'needs_health').poor.end).toBe(1);
    expect(line(g, 'needs_credit').poor.end).toBe(1);
    expect(line(g, 'none').poor.start).toBe(1);

    const byEthnicity = await get(tinh, '/api/v1/poverty/breakdown?year=2024&by=ethnicity&areaCode=25195');
    expect(line(byEthnicity.total, 'ethnic_minority').poor.end).toBe(1);
    expect(line(byEthnicity.total, 'kinh').poor).toMatchObject({ start: 1, left: 1, end: 1 });

    // Before the decision (14/12/2024) nothing is recognised yet.
    const early = await get(tinh, '/api/v1/poverty/breakdown?year=2024&by=cause&areaCode=25195&asOf=2024-12-13');
    expect(early.communes).toEqual([]);
    expect(line(early.total, 'illness').poor.end).toBe(0);

    const xlsx = await tinh.inject('GET', '/api/v1/poverty/breakdown.xlsx?year=2024&by=cause&areaCode=25195');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('a commune officer cannot read another commune; an unknown breakdown is refused', async () => {
    expectProblem(
      await xa.inject('GET', '/api/v1/poverty/breakdown?year=2024&by=cause&areaCode=25195'),
      404,
      'NOT_FOUND',
    );
    const res = await xa.inject('GET', '/api/v1/poverty/breakdown?year=2024&by=religion');
    expect(res.statusCode).toBe(400);
  });
});
