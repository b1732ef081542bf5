import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/helpers.js';
import { factoryActor } from '../test/factories.js';
import { until } from '../test/wait.js';
import { systemActor } from './actor.js';
import { createBackgroundJobs } from './background-jobs.js';
import { backgroundJobsRepo } from './background-jobs.repo.js';
import { errors } from './errors.js';
import { createInProcessQueue } from './job-queue.js';

/**
 * The generic background job (platform/background-jobs.ts) on a real database, SQLite or
 * PostgreSQL: progress while it runs, the lease a dead server leaves behind and the server that
 * takes the job up, the mark that makes a job's effect happen once. Each test has its own runner
 * over its own in-process queue (the app's runner is exercised by the modules' job tests and, on
 * PostgreSQL across servers, by several-servers.test.ts).
 */
let ctx: TestContext;
const place = { provinceCode: '70', areaPath: '/70/' };
const guard = () => undefined;
const past = () => new Date(Date.now() - 1000).toISOString();

beforeAll(async () => {
  ctx = await createTestContext({ seed: false });
});
afterAll(() => ctx.close());

const runner = (leaseMs = 1500) => {
  const queue = createInProcessQueue(() => undefined);
  return { queue, jobs: createBackgroundJobs(ctx.database, queue, leaseMs) };
};

describe('background jobs', () => {
  it('shows its progress while it runs, in this process and (after a heartbeat) in the database', async () => {
    const { jobs, queue } = runner(1500);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    jobs.define<{ n: number }>('reports.docx', {
      async run(job) {
        job.progress.total = 99_165;
        job.progress.done = 12_000;
        await gate;
        job.progress.done = 99_165;
        return { result: { n: job.input.n } };
      },
      guard,
    });
    const started = await jobs.start(factoryActor, 'reports.docx', place, { n: 7 });
    expect(started).toMatchObject({ state: 'queued', progress: { done: 0, total: 0 } });
    await until(async () => (await jobs.get(factoryActor, started.id)).state === 'running');
    expect((await jobs.get(factoryActor, started.id)).progress).toEqual({ done: 12_000, total: 99_165 });
    // Another server reads the progress from the row, written every third of the lease.
    await until(async () => (await backgroundJobsRepo.find(ctx.database.db, started.id))!.done === 12_000);
    release();
    await queue.idle();
    expect(await jobs.get(factoryActor, started.id)).toMatchObject({
      state: 'done',
      progress: { done: 99_165, total: 99_165 },
      result: { n: 7 },
      error: null,
    });
  });

  it('a job failing with an unexpected error says so in Vietnamese, without the internals', async () => {
    const { jobs, queue } = runner();
    jobs.define('reports.docx', {
      run: () => Promise.reject(new Error('ECONNRESET at 10.0.0.7')),
      guard,
    });
    const j = await jobs.start(factoryActor, 'reports.docx', place, {});
    await queue.idle();
    const out = await jobs.get(factoryActor, j.id);
    expect(out.state).toBe('failed');
    expect(out.error).toEqual({
      code: 'JOB_FAILED',
      message: 'Việc chạy nền thất bại do lỗi hệ thống. Thử lại; nếu vẫn lỗi, báo quản trị.',
    });
  });

  it('a job whose server died (lease run out) is taken up by another and its effect applied once', async () => {
    const { jobs, queue } = runner();
    const db = ctx.database.db;
    let runs = 0;
    jobs.define<{ mark: string }>('reports.docx', {
      async run(job) {
        runs++;
        // The effect and the mark in one transaction.
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('cluster_marks').values({ name: job.input.mark, at: past() }).execute();
          await job.finishIn(trx, { ok: true });
        });
      },
      guard,
    });
    const mark = `test.job.${Date.now()}`;
    // Server A queued the job, took it, and died: its lease ran out with nothing written.
    const id = await backgroundJobsRepo.insert(db, {
      ...{ province_code: '70', area_path: '/70/', kind: 'reports.docx' },
      input_json: JSON.stringify({ mark }),
      actor_json: JSON.stringify(systemActor('test')),
      created_by: 'test',
      now: past(),
    });
    expect(await backgroundJobsRepo.claim(db, id, past(), past())).toBe(1);
    // Server B's periodic sweep sends it again; B runs it.
    expect(await jobs.resumeStale()).toBeGreaterThanOrEqual(1);
    await queue.idle();
    expect(await jobs.get(factoryActor, id)).toMatchObject({ state: 'done', result: { ok: true } });
    expect(runs).toBe(1);
    // Sent once more (a second sweep, a retry): claimed by nobody, run by nobody.
    await jobs.resumeStale();
    await queue.idle();
    expect(runs).toBe(1);
    // A's attempt, were it still alive, can no longer mark the job: its transaction rolls back.
    const late = await backgroundJobsRepo.finish(db, id, 1, { state: 'done', done: 0, total: 0, now: past() });
    expect(late).toBe(false);
    const marks = await db.selectFrom('cluster_marks').select('name').where('name', '=', mark).execute();
    expect(marks).toHaveLength(1);
  });

  it('a job whose servers kept dying is given up with a message', async () => {
    const { jobs, queue } = runner();
    const db = ctx.database.db;
    jobs.define('reports.docx', { run: async () => ({ result: 1 }), guard });
    const j = await jobs.start(factoryActor, 'reports.docx', place, {});
    await queue.idle();
    const id = await backgroundJobsRepo.insert(db, {
      ...{ province_code: '70', area_path: '/70/', kind: 'reports.docx' },
      input_json: '{}',
      actor_json: JSON.stringify(systemActor('test')),
      created_by: 'test',
      now: past(),
    });
    for (let i = 1; i <= 3; i++)
      expect(await backgroundJobsRepo.claim(db, id, new Date().toISOString(), past())).toBe(i);
    await jobs.resumeStale();
    await queue.idle();
    expect((await jobs.get(factoryActor, id)).error).toMatchObject({ code: 'JOB_ABANDONED' });
    expect((await jobs.get(factoryActor, j.id)).state).toBe('done');
  });

  it('answers 404 to an actor who neither started the job nor may see its place', async () => {
    const { jobs, queue } = runner();
    jobs.define('reports.docx', {
      run: async () => ({ file: { name: 'a.docx', data: Buffer.from('PK') } }),
      guard: () => {
        throw errors.forbidden();
      },
    });
    const j = await jobs.start(factoryActor, 'reports.docx', place, {});
    await queue.idle();
    const stranger = { ...systemActor('x'), kind: 'user' as const, userId: 9, role: 'province_officer' as const };
    await expect(jobs.get(stranger, j.id)).rejects.toMatchObject({ status: 404 });
    await expect(jobs.file(stranger, j.id)).rejects.toMatchObject({ status: 404 });
    expect((await jobs.file(factoryActor, j.id)).name).toBe('a.docx');
  });
});
