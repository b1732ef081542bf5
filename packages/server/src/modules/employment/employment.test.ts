import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  FairOut,
  PersonEmploymentOut,
  PlacementOut,
  ProgressOut,
  SupplyImportOut,
  SupplyOut,
} from '@ansinh/domain';
import { systemActor } from '../../platform/actor.js';
import { buildCourse, buildFair, buildSupply, buildVacancy, supplyCitizenId, unique } from '../../test/factories.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { readXlsx, upload, xlsx } from '../../test/upload.js';
import { ELSEWHERE_ROW } from './use-cases/import-supply.js';

let ctx: TestContext;
let centre: Session;
let xa: Session;
let huyen692: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  centre = await ctx.login('ttdvvl');
  xa = await ctx.login('xa.25213');
  huyen692 = await ctx.login('huyen.692');
});
afterAll(async () => ctx?.close());

const count = async (table: 'emp_supply' | 'emp_placements' | 'emp_vacancies' | 'emp_jobs') =>
  Number(
    (
      await ctx.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n,
  );

const supplyBody = (o: Record<string, unknown> = {}) => ({
  citizenId: supplyCitizenId(),
  fullName: 'Trần Thị Bình',
  birthDate: '1995-02-03',
  gender: 'female',
  communeCode: '25213',
  collectedOn: '2021-03-10',
  employmentStatus: 'unemployed',
  unemploymentDuration: '3to12m',
  needs: ['training', 'job'],
  ...o,
});

describe('labour supply', () => {
  it('a commune officer registers a person of their commune; the record is one per personal ID', async () => {
    const body = supplyBody();
    const res = await xa.inject('POST', '/api/v1/employment/supply', body);
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json() as SupplyOut;
    expect(s).toMatchObject({
      citizenId: body.citizenId,
      communeCode: '25213',
      districtCode: '689',
      needs: ['training', 'job'],
    });
    const before = await count('emp_supply');
    const again = expectProblem(
      await centre.inject('POST', '/api/v1/employment/supply', { ...body, fullName: 'Người Khác' }),
      409,
      'SUPPLY_DUPLICATE_ID',
    );
    expect(again.message).toMatch(/mỗi người một hồ sơ/);
    expect(await count('emp_supply')).toBe(before);
  });

  it('refuses a commune outside the officer, someone under 15 and contradictory fields', async () => {
    expectProblem(
      await xa.inject('POST', '/api/v1/employment/supply', supplyBody({ communeCode: '25273' })),
      404,
      'NOT_FOUND',
    );
    const young = expectProblem(
      await xa.inject('POST', '/api/v1/employment/supply', supplyBody({ birthDate: '2010-01-01' })),
      400,
      'VALIDATION_FAILED',
    );
    expect(young.details?.[0]?.message).toMatch(/15 tuổi/);
    expectProblem(
      await xa.inject('POST', '/api/v1/employment/supply', supplyBody({ employmentStatus: 'wage_worker' })),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('records a change as an event and shows the person page', async () => {
    const s = await buildSupply(ctx);
    const res = await xa.inject('PATCH', `/api/v1/employment/supply/${s.id}`, {
      employmentStatus: 'wage_worker',
      unemploymentDuration: null,
      jobTitle: 'Thợ hàn',
      eventDate: '2021-07-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as SupplyOut).jobTitle).toBe('Thợ hàn');
    const page = (await xa.inject('GET', `/api/v1/employment/supply/${s.id}/overview`)).json() as PersonEmploymentOut;
    expect(page.supply?.employmentStatus).toBe('wage_worker');
    expectProblem(await huyen692.inject('GET', `/api/v1/employment/supply/${s.id}`), 404, 'NOT_FOUND');
  });

  it('imports a file: dry run with an error file, then commit; an ID twice in the file is rejected', async () => {
    const [a, b] = [supplyCitizenId(), supplyCitizenId()];
    const head = [
      'Số định danh cá nhân',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Mã xã',
      'Tình trạng việc làm',
      'Nhu cầu',
    ];
    const bad = await xlsx([
      head,
      [a, 'Lê Văn Một', '01/02/1990', 'Nam', '25213', 'Thất nghiệp', 'Tìm việc làm trong nước'],
      [a, 'Lê Văn Hai', '01/02/1991', 'Nam', '25213', 'Thất nghiệp', ''],
      [b, 'Lê Thị Ba', '01/02/1992', 'Nữ', '25273', 'Làm công ăn lương', ''],
    ]);
    const before = await count('emp_supply');
    const dry = (
      await upload(ctx, xa, '/api/v1/employment/supply/import?mode=dry_run', 'cung.xlsx', bad)
    ).json() as SupplyImportOut;
    expect(dry.counts).toMatchObject({ total: 3, new: 1, rejected: 2 });
    expect(dry.rejected.map((r) => r.line)).toEqual([3, 4]);
    expect(dry.rejected[0]!.problems.join()).toMatch(/trùng với dòng 2/);
    const file = await xa.inject('GET', `/api/v1/employment/supply/import/${dry.jobId}/errors.xlsx`);
    expect(file.statusCode).toBe(200);
    const rows = await readXlsx(file.rawPayload);
    expect(rows).toHaveLength(3);
    expectProblem(
      await upload(ctx, xa, '/api/v1/employment/supply/import?mode=commit', 'cung.xlsx', bad),
      400,
      'IMPORT_HAS_REJECTED_ROWS',
    );
    expect(await count('emp_supply')).toBe(before);
    const good = await xlsx([
      head,
      [a, 'Lê Văn Một', '01/02/1990', 'Nam', '25213', 'thất nghiệp', 'Học nghề; Tìm việc làm trong nước'],
    ]);
    const done = (
      await upload(ctx, xa, '/api/v1/employment/supply/import?mode=commit', 'cung.xlsx', good)
    ).json() as SupplyImportOut;
    expect(done.counts).toMatchObject({ new: 1, rejected: 0 });
    expect(await count('emp_supply')).toBe(before + 1);
    const again = (
      await upload(ctx, xa, '/api/v1/employment/supply/import?mode=commit', 'cung.xlsx', good)
    ).json() as SupplyImportOut;
    expect(again.counts).toMatchObject({ new: 0, unchanged: 1 });
  });

  it("a row whose person has a record outside the officer's area is refused without naming where (no ID oracle)", async () => {
    const other = await buildSupply(ctx, { communeCode: '25273' });
    const file = await xlsx([
      ['Số định danh cá nhân', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã xã', 'Tình trạng việc làm'],
      [other.citizenId, 'Nguyễn Văn Lao Động', '01/05/1990', 'Nam', '25213', 'Thất nghiệp'],
    ]);
    const dry = (
      await upload(ctx, xa, '/api/v1/employment/supply/import?mode=dry_run', 'cung.xlsx', file)
    ).json() as SupplyImportOut;
    expect(dry.counts).toMatchObject({ total: 1, new: 0, rejected: 1 });
    const said = dry.rejected[0]!.problems.join(' ');
    expect(said).toBe(ELSEWHERE_ROW);
    expect(said).not.toContain('25273');
  });
});

describe('employers, vacancies and job fairs', () => {
  it('refuses a vacancy with negative positions in Vietnamese, creating nothing', async () => {
    const v = await buildVacancy(ctx);
    const before = await count('emp_vacancies');
    const res = await centre.inject('POST', '/api/v1/employment/vacancies', {
      employerId: v.employerId,
      title: 'Thợ điện',
      positions: -3,
      openFrom: '2021-05-01',
    });
    const p = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(p.details?.[0]).toMatchObject({ path: 'body.positions' });
    expect(p.details?.[0]?.message).toMatch(/không được âm/);
    expect(await count('emp_vacancies')).toBe(before);
  });

  it('checks a worker in by unaccented name, hires them at the fair and counts the job once', async () => {
    const fair = await buildFair(ctx);
    const name = `Phạm Thị Hồng Nhung ${unique()}`;
    const s = await buildSupply(ctx, { fullName: name });
    const found = (
      await centre.inject(
        'GET',
        `/api/v1/employment/fairs/${fair.id}/check-in?q=${encodeURIComponent('pham thi hong nhung')}`,
      )
    ).json() as {
      items: { supplyId: number; checkedIn: boolean }[];
    };
    expect(found.items.some((i) => i.supplyId === s.id && !i.checkedIn)).toBe(true);
    const byId = (
      await centre.inject('GET', `/api/v1/employment/fairs/${fair.id}/check-in?q=${s.citizenId}`)
    ).json() as { items: { supplyId: number }[] };
    expect(byId.items.map((i) => i.supplyId)).toEqual([s.id]);
    const after = (
      await centre.inject('POST', `/api/v1/employment/fairs/${fair.id}/check-in`, { supplyId: s.id })
    ).json() as FairOut;
    expect(after.counts.attendees).toBe(1);
    const att = after.attendees[0]!;
    const hired = await centre.inject('PATCH', `/api/v1/employment/fairs/${fair.id}/attendees/${att.id}`, {
      hiredVacancyId: fair.vacancy.id,
      hiredOn: '2021-06-20',
    });
    expect(hired.statusCode, hired.body).toBe(200);
    expect((hired.json() as FairOut).counts).toMatchObject({ employers: 1, attendees: 1, interviewed: 1, hired: 1 });
    const page = (
      await centre.inject('GET', `/api/v1/employment/supply/${s.id}/overview`)
    ).json() as PersonEmploymentOut;
    expect(page.placements[0]).toMatchObject({ fairId: fair.id, startDate: '2021-06-20', jobCounted: true });
    expect(page.placements[0]!.followUp.next).toEqual({ month: 1, due: '2021-07-20' });
    // A second job the same year is kept but not counted: one person, once a year.
    const loan = await centre.inject('POST', '/api/v1/employment/jobs', {
      supplyId: s.id,
      channel: 'fund_loan',
      date: '2021-09-01',
    });
    expect(loan.json()).toMatchObject({ counted: false });
  });

  it('refuses a placement before the fair, and changes nothing', async () => {
    const fair = await buildFair(ctx);
    const s = await buildSupply(ctx);
    await centre.inject('POST', `/api/v1/employment/fairs/${fair.id}/check-in`, { supplyId: s.id });
    const [p0, j0] = [await count('emp_placements'), await count('emp_jobs')];
    const res = await centre.inject('POST', '/api/v1/employment/placements', {
      supplyId: s.id,
      vacancyId: fair.vacancy.id,
      startDate: '2021-06-01',
      fairId: fair.id,
    });
    const p = expectProblem(res, 400, 'PLACEMENT_BEFORE_FAIR');
    expect(p.message).toMatch(/trước ngày tổ chức phiên/);
    expect([await count('emp_placements'), await count('emp_jobs')]).toEqual([p0, j0]);
  });

  it('follows a placement for three months with checkpoints', async () => {
    const v = await buildVacancy(ctx);
    const s = await buildSupply(ctx);
    const placed = (
      await centre.inject('POST', '/api/v1/employment/placements', {
        supplyId: s.id,
        vacancyId: v.id,
        startDate: '2021-03-15',
      })
    ).json() as PlacementOut;
    const early = await centre.inject('POST', `/api/v1/employment/placements/${placed.id}/checkpoints`, {
      month: 3,
      date: '2021-06-01',
      result: 'working',
    });
    expect(expectProblem(early, 400, 'VALIDATION_FAILED').details?.[0]?.message).toMatch(/đủ 3 tháng/);
    for (const [month, date] of [
      [1, '2021-04-15'],
      [2, '2021-05-15'],
      [3, '2021-06-15'],
    ] as const) {
      const r = await centre.inject('POST', `/api/v1/employment/placements/${placed.id}/checkpoints`, {
        month,
        date,
        result: 'working',
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const done = (await centre.inject('GET', `/api/v1/employment/placements/${placed.id}`)).json() as PlacementOut;
    expect(done.followUp).toMatchObject({ complete: true, working: true, next: null });
  });
});

describe('training, work abroad and progress', () => {
  it('enrols with the support in force and records completion', async () => {
    const c = await buildCourse(ctx);
    const s = await buildSupply(ctx);
    const n = await centre.inject('POST', `/api/v1/employment/courses/${c.id}/enrolments`, {
      supplyId: s.id,
      group: 'disabled',
    });
    expect(n.json()).toMatchObject({ supported: true, supportCeiling: 6_000_000 });
    const done = await centre.inject(
      'POST',
      `/api/v1/employment/enrolments/${(n.json() as { id: number }).id}/completion`,
      {
        completedOn: '2021-06-30',
        passed: true,
        jobAfter: true,
      },
    );
    expect(done.json()).toMatchObject({ passed: true, jobAfter: true });
  });

  it('puts a direct contract on the 5-working-day clock and counts the departure', async () => {
    const s = await buildSupply(ctx);
    const res = await centre.inject('POST', '/api/v1/employment/abroad', {
      supplyId: s.id,
      form: 'direct',
      country: 'Nhật Bản',
      receivedOn: '2021-02-08',
      departureDate: '2021-03-20',
    });
    expect(res.json()).toMatchObject({ registrationDue: '2021-02-22' });
    const page = (
      await centre.inject('GET', `/api/v1/employment/supply/${s.id}/overview`)
    ).json() as PersonEmploymentOut;
    expect(page.jobs[0]).toMatchObject({ channel: 'abroad', counted: true });
  });

  it('gives jobs created by district and channel against the plan, and the computed indicator agrees', async () => {
    const s = await buildSupply(ctx, { communeCode: '25273' });
    await ctx.services.employment.createJob(systemActor('t'), {
      supplyId: s.id,
      channel: 'program_job',
      date: '2021-04-01',
      note: null,
    });
    const tinh = await ctx.login('tinh.chuyenvien');
    const p = (
      await tinh.inject('GET', '/api/v1/employment/jobs/progress?year=2021&asOf=2021-12-31')
    ).json() as ProgressOut;
    const province = p.rows[0]!;
    const d692 = p.rows.find((r) => r.areaCode === '692')!;
    expect(d692.byChannel.program_job).toBeGreaterThanOrEqual(1);
    expect(province.total).toBe(p.rows.slice(1).reduce((n, r) => n + r.total, 0));
    const own = (
      await huyen692.inject('GET', '/api/v1/employment/jobs/progress?year=2021&asOf=2021-12-31')
    ).json() as ProgressOut;
    expect(own.rows.map((r) => r.areaCode)).toEqual(['692']);
    const commune = (
      await xa.inject('GET', '/api/v1/employment/jobs/progress?year=2021&asOf=2021-12-31')
    ).json() as ProgressOut;
    expect(commune.rows).toHaveLength(1);
    expect(commune.rows[0]).toMatchObject({ areaCode: '689', target: null });
    const fig = await tinh.inject(
      'GET',
      '/api/v1/reports/figure?code=employment.recorded_jobs_created&areaCode=692&from=2021-01-01&to=2021-12-31&asOf=2021-12-31',
    );
    expect(fig.statusCode, fig.body).toBe(200);
    expect((fig.json() as { value: number }).value).toBe(d692.total);
  });
});
