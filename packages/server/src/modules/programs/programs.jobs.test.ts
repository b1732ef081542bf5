import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackgroundJobOut } from '@ansinh/domain';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import {
  buildBeneficiary,
  buildList,
  buildProgram,
  factoryActor,
  nextCommune,
  programsWaitJob,
} from '../../test/factories.js';

/**
 * List generation and payment sheets as background jobs (docs/modules/programs.md): the request
 * answers 202 with the job, `GET /api/v1/jobs/:id` shows its progress and then its result or its
 * error, and only the actor who started it or someone who may act on its area sees it. Runs on
 * SQLite (in-process queue) and on PostgreSQL (pg-boss) alike.
 */
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function communeWithPeople(n: number) {
  const C = await nextCommune(ctx);
  for (let i = 0; i < n; i++)
    await buildBeneficiary(ctx, {
      communeCode: C,
      statuses: [{ kind: 'social_assistance', category: '5a', validFrom: '2024-01-01' }],
    });
  return C;
}

const otherCommune = async (C: string) => {
  let other = await nextCommune(ctx);
  while (other === C) other = await nextCommune(ctx);
  return other;
};

describe('list generation as a background job', () => {
  it('answers 202 with the job; the job ends done with the lists, its progress complete', async () => {
    const { id: programId } = await buildProgram(ctx);
    const C = await communeWithPeople(3);
    const xa = await ctx.login(`xa.${C}`);
    const res = await xa.inject('POST', `/api/v1/programs/${programId}/lists`, { communeCode: C });
    expect(res.statusCode, res.body).toBe(202);
    const queued = res.json() as BackgroundJobOut;
    expect(queued).toMatchObject({ kind: 'programs.generate_lists', createdBy: `xa.${C}`, result: null, error: null });
    expect(['queued', 'running', 'done']).toContain(queued.state);
    const job = await programsWaitJob(xa, queued.id);
    expect(job).toMatchObject({ state: 'done', progress: { done: 3, total: 3 }, error: null });
    const result = job.result as { lists: number; entries: number; listIds: number[] };
    expect(result).toMatchObject({ lists: 1, entries: 3 });
    const list = (await xa.inject('GET', `/api/v1/lists/${result.listIds[0]}`)).json();
    expect(list).toMatchObject({ communeCode: C, entriesCount: 3, state: 'draft' });
  });

  it('a job that cannot do its work ends failed with a Vietnamese message that says what to do', async () => {
    const { id: programId } = await buildProgram(ctx);
    const C = await communeWithPeople(1);
    const xa = await ctx.login(`xa.${C}`);
    // A double click queues two jobs for the commune (as the requests would, both before either
    // runs): the first makes the list, the second finds it made.
    const area = await ctx.database.db
      .selectFrom('areas')
      .select('path')
      .where('code', '=', C)
      .executeTakeFirstOrThrow();
    const place = { provinceCode: '70', areaPath: area.path };
    const input = { programId, body: { communeCode: C } };
    const a = await ctx.services.jobs.start(factoryActor, 'programs.generate_lists', place, input);
    const b = await ctx.services.jobs.start(factoryActor, 'programs.generate_lists', place, input);
    const jobs = [await programsWaitJob(xa, a.id), await programsWaitJob(xa, b.id)];
    expect(jobs.map((j) => j.state).sort()).toEqual(['done', 'failed']);
    const failed = jobs.find((j) => j.state === 'failed')!;
    expect(failed.error).toEqual({
      code: 'LIST_EXISTS',
      message: expect.stringMatching(/^Xã đã có danh sách .* Mở danh sách đó để sửa\.$/),
    });
    expect(failed.result).toBeNull();
    // And the request itself refuses once the list is there.
    const again = await xa.inject('POST', `/api/v1/programs/${programId}/lists`, { communeCode: C });
    expect([again.statusCode, again.json().code]).toEqual([409, 'LIST_EXISTS']);
  });

  it("another commune's officer gets 404 for the job; the province officer and the starter see it", async () => {
    const { id: programId } = await buildProgram(ctx);
    const C = await communeWithPeople(1);
    const [xa, other, province, district] = await ctx.loginAll([
      `xa.${C}`,
      `xa.${await otherCommune(C)}`,
      'tinh.chuyenvien',
      'huyen.689',
    ] as const);
    const res = await xa.inject('POST', `/api/v1/programs/${programId}/lists`, { communeCode: C });
    const id = (res.json() as BackgroundJobOut).id;
    await programsWaitJob(xa, id);
    expect((await other.inject('GET', `/api/v1/jobs/${id}`)).statusCode).toBe(404);
    expect((await other.inject('GET', `/api/v1/jobs/${id}/file`)).statusCode).toBe(404);
    // A district officer does not prepare lists: the job is not theirs to see either.
    expect((await district.inject('GET', `/api/v1/jobs/${id}`)).statusCode).toBe(404);
    expect((await province.inject('GET', `/api/v1/jobs/${id}`)).json()).toMatchObject({ id, state: 'done' });
    expect((await xa.inject('GET', `/api/v1/jobs/999999999`)).statusCode).toBe(404);
    // The request is refused at once outside the actor's area, and no job is made.
    const refused = await other.inject('POST', `/api/v1/programs/${programId}/lists`, { communeCode: C });
    expect(refused.statusCode).toBe(404);
  });

  it('the synchronous generation stays for the CLI, seeds and tests', async () => {
    const { id: programId } = await buildProgram(ctx);
    const C = await communeWithPeople(2);
    const r = await ctx.services.programs.generate(factoryActor, programId, { communeCode: C });
    expect(r).toMatchObject({ lists: 1, entries: 2 });
  });
});

describe('payment sheet as a background job', () => {
  it('builds the XLSX in the background; the starter downloads it, another commune gets 404', async () => {
    const { programId, communeCode } = await buildList(ctx, { stage: 'approved', persons: [{}, {}] });
    const batch = await ctx.services.programs.payments.createBatch(factoryActor, {
      programId,
      period: '2025',
      channel: 'post_office',
      areaCode: communeCode,
    });
    const [province, other] = await ctx.loginAll(['tinh.chuyenvien', `xa.${await otherCommune(communeCode)}`] as const);
    const res = await province.inject('POST', `/api/v1/payment-batches/${batch.id}/sheet-jobs`, {});
    expect(res.statusCode, res.body).toBe(202);
    const job = await programsWaitJob(province, res.json().id);
    expect(job).toMatchObject({
      kind: 'programs.payment_sheet',
      state: 'done',
      progress: { done: 1, total: 1 },
      file: { name: `bang-ke-chi-tra-dot-${batch.id}.xlsx` },
    });
    const file = await province.inject('GET', `/api/v1/jobs/${job.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await other.inject('GET', `/api/v1/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await other.inject('GET', `/api/v1/jobs/${job.id}/file`)).statusCode).toBe(404);
    // A commune officer does not pay: refused at the request (403), no job.
    const xa = await ctx.login(`xa.${communeCode}`);
    expect((await xa.inject('POST', `/api/v1/payment-batches/${batch.id}/sheet-jobs`, {})).statusCode).toBe(403);
  });

  it('a batch that disappears before the job runs ends failed with a message', async () => {
    const province = await ctx.login('tinh.chuyenvien');
    const { programId, communeCode } = await buildList(ctx, { stage: 'approved' });
    const batch = await ctx.services.programs.payments.createBatch(factoryActor, {
      programId,
      period: '2025',
      channel: 'post_office',
      areaCode: communeCode,
    });
    const started = await ctx.services.jobs.start(
      factoryActor,
      'programs.payment_sheet',
      { provinceCode: '70', areaPath: '/70/' },
      { batchId: batch.id + 1_000_000 },
    );
    const job = await programsWaitJob(province, started.id);
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Đợt chi trả') });
    expect(job.file).toBeNull();
  });
});
