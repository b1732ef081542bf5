import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmploymentReportOut, FairOut } from '@ansinh/domain';
import { systemActor } from '../../platform/actor.js';
import { buildFair, buildPlan, buildSupply } from '../../test/factories.js';
import { addOtherProvince, expectProblem } from '../../test/fixtures.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { readXlsx } from '../../test/upload.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

/** A year of the centre's work in `year`: one fair, one check-in hired there, one job by loan. */
async function yearOfWork(year: number) {
  const sys = systemActor('t');
  const fair = await buildFair(ctx, { date: `${year}-03-10`, mode: 'online' });
  const worker = await buildSupply(ctx, { communeCode: '25213', collectedOn: `${year}-01-05` });
  const other = await buildSupply(ctx, { communeCode: '25273', collectedOn: `${year}-02-01` });
  await ctx.services.employment.checkIn(sys, fair.id, worker.id);
  const f = (await ctx.services.employment.getFair(sys, fair.id)) as FairOut;
  await ctx.services.employment.attendeeOutcome(sys, fair.id, f.attendees[0]!.id, { hiredVacancyId: fair.vacancy.id });
  await ctx.services.employment.createJob(sys, {
    supplyId: other.id,
    channel: 'fund_loan',
    date: `${year}-05-02`,
    note: null,
  });
  // A second job of the same person in the same year is kept but not counted again.
  await ctx.services.employment.createJob(sys, {
    supplyId: other.id,
    channel: 'new_hire',
    date: `${year}-06-02`,
    note: null,
  });
  await buildPlan(ctx, {
    year,
    targets: [
      { indicatorCode: 'employment.jobs_created', target: 4 },
      { indicatorCode: 'employment.jobs_created', areaCode: '689', target: 3 },
      { indicatorCode: 'employment.jobs_created', params: 'channel=fund_loan', target: 2 },
    ],
  });
}

const line = (r: EmploymentReportOut, code: string) =>
  r.sections.flatMap((s) => s.lines).find((l) => l.code === code)?.value;

describe("the centre's periodic reports", { timeout: 120_000 }, () => {
  it('the six-monthly report counts the period from records, with plan-vs-actual lines by district and channel', async () => {
    await yearOfWork(2024);
    const centre = await ctx.login('ttdvvl');
    const res = await centre.inject('GET', '/api/v1/employment/reports/centre_half_year?year=2024');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as EmploymentReportOut;
    expect([r.from, r.to, r.due, r.form, r.layoutVerified]).toEqual([
      '2024-01-01',
      '2024-06-30',
      '2024-06-20',
      'Mẫu số 05',
      false,
    ]);
    expect(line(r, 'fairs')).toBe(1);
    expect(line(r, 'fairs_online')).toBe(1);
    expect(line(r, 'fair_workers')).toBe(1);
    expect(line(r, 'fair_hired')).toBe(1);
    expect(line(r, 'placements')).toBe(1);
    expect(line(r, 'supply_collected')).toBe(2);
    expect(line(r, 'jobs_created')).toBe(2);
    const province = r.plan.rows[0]!;
    expect(province).toMatchObject({ areaCode: '70', total: 2, target: 4, progress: '2/4, đạt 50%' });
    expect(province.byChannel).toMatchObject({ centre_placement: 1, fund_loan: 1, new_hire: 0 });
    expect(r.plan.rows.find((x) => x.areaCode === '689')).toMatchObject({ total: 1, progress: '1/3, đạt 33,33%' });
    expect(r.plan.rows.find((x) => x.areaCode === '692')).toMatchObject({ total: 1, target: null, progress: '1' });
    expect(r.plan.channelTargets).toEqual([{ channel: 'fund_loan', actual: 1, target: 2, progress: '1/2, đạt 50%' }]);
    // Another period of the same year: nothing of the first half.
    const h2 = (
      await centre.inject('GET', '/api/v1/employment/reports/centre_year?from=2024-07-01&to=2024-12-31')
    ).json() as EmploymentReportOut;
    expect([line(h2, 'fairs'), line(h2, 'jobs_created'), h2.due]).toEqual([0, 0, '2024-12-20']);
  });

  it('gives the yearly labour-market report as DOCX and XLSX with the same figures', async () => {
    await yearOfWork(2023);
    const tinh = await ctx.login('tinh.chuyenvien');
    const json = (
      await tinh.inject('GET', '/api/v1/employment/reports/labour_market_year?year=2023')
    ).json() as EmploymentReportOut;
    expect(json.due).toBe('2023-12-14');
    const docx = await tinh.inject('GET', '/api/v1/employment/reports/labour_market_year/file?year=2023&format=docx');
    expect(docx.statusCode, docx.body.slice(0, 300)).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xlsx = await tinh.inject('GET', '/api/v1/employment/reports/labour_market_year/file?year=2023&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const rows = await readXlsx(xlsx.rawPayload);
    const jobs = rows.find((r) => r[0] === 'jobs_created');
    expect(jobs?.[3]).toBe(line(json, 'jobs_created'));
  });

  it('refuses a period across two years and a role outside the province level, changing nothing', async () => {
    const centre = await ctx.login('ttdvvl');
    expectProblem(
      await centre.inject('GET', '/api/v1/employment/reports/centre_year?from=2023-07-01&to=2024-06-30'),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await centre.inject('GET', '/api/v1/employment/reports/centre_year?from=2024-07-01'),
      400,
      'VALIDATION_FAILED',
    );
    const xa = await ctx.login('xa.25213');
    expectProblem(await xa.inject('GET', '/api/v1/employment/reports/centre_year?year=2024'), 403, 'FORBIDDEN');
    expectProblem(await centre.inject('GET', '/api/v1/employment/reports/nope?year=2024'), 400, 'VALIDATION_FAILED');
  });
});

describe('who may produce the reports', { timeout: 120_000 }, () => {
  const TABLE: [string, number][] = [
    ['admin', 200],
    ['tinh.lanhdao', 200],
    ['tinh.chuyenvien', 200],
    ['ttdvvl', 200],
    ['thanhtra', 200],
    ['huyen.689', 403],
    ['xa.25213', 403],
    ['giamsat', 403],
  ];
  for (const [username, status] of TABLE)
    it(`${username} -> ${status}`, async () => {
      const res = await (await ctx.login(username)).inject('GET', '/api/v1/employment/reports/centre_year?year=2022');
      if (status === 200) expect(res.statusCode, res.body).toBe(200);
      else expectProblem(res, status, 'FORBIDDEN');
    });

  it("another province's admin gets their own province's report, never this one's records", async () => {
    await addOtherProvince(ctx);
    await yearOfWork(2022);
    const r = (
      await (await ctx.login('admin99')).inject('GET', '/api/v1/employment/reports/centre_year?year=2022')
    ).json() as EmploymentReportOut;
    expect(r.provinceCode).toBe('99');
    expect(r.sections.flatMap((s) => s.lines).every((l) => l.value === 0)).toBe(true);
    expect(r.plan.rows[0]).toMatchObject({ areaCode: '99', total: 0, target: null });
  });
});
