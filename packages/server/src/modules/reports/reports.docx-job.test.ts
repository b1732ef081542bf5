import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackgroundJobOut } from '@ansinh/domain';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import {
  buildReport,
  buildReportsRegistry,
  buildReportsYear2025,
  factoryActor,
  programsWaitJob,
} from '../../test/factories.js';

/**
 * A report's DOCX rendered as a background job (use-cases/docx-job.ts): 202 with the job, the
 * file when it is done, 404 for a reader outside the report's area; SQLite and PostgreSQL.
 */
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await buildReportsRegistry(ctx);
  await buildReportsYear2025(ctx);
}, 120_000);
afterAll(() => ctx?.close());

describe('report DOCX as a background job', { timeout: 120_000 }, () => {
  it('renders in the background; the reader downloads the DOCX when it is done', async () => {
    const report = await buildReport(ctx);
    const lanhdao = await ctx.login('tinh.lanhdao');
    const res = await lanhdao.inject('POST', `/api/v1/reports/${report.id}/docx-jobs`, {});
    expect(res.statusCode, res.body).toBe(202);
    const job = await programsWaitJob(lanhdao, (res.json() as BackgroundJobOut).id);
    expect(job).toMatchObject({ kind: 'reports.docx', state: 'done', progress: { done: 1, total: 1 } });
    expect(job.file?.name).toMatch(new RegExp(`^bao-cao-.*-${report.id}\\.docx$`));
    const file = await lanhdao.inject('GET', `/api/v1/jobs/${job.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/wordprocessingml/);
    const xml = await (await JSZip.loadAsync(file.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it("a district officer outside the report's area gets 404, for the request and for the job", async () => {
    const report = await buildReport(ctx);
    const [lanhdao, huyen] = await ctx.loginAll(['tinh.lanhdao', 'huyen.692'] as const);
    expect((await huyen.inject('POST', `/api/v1/reports/${report.id}/docx-jobs`, {})).statusCode).toBe(404);
    const id = ((await lanhdao.inject('POST', `/api/v1/reports/${report.id}/docx-jobs`, {})).json() as BackgroundJobOut)
      .id;
    await programsWaitJob(lanhdao, id);
    expect((await huyen.inject('GET', `/api/v1/jobs/${id}`)).statusCode).toBe(404);
    expect((await huyen.inject('GET', `/api/v1/jobs/${id}/file`)).statusCode).toBe(404);
  });

  it('a report gone before the render ends the job failed with a message', async () => {
    const lanhdao = await ctx.login('tinh.lanhdao');
    const started = await ctx.services.jobs.start(
      factoryActor,
      'reports.docx',
      { provinceCode: '70', areaPath: '/70/' },
      { reportId: 987_654_321 },
    );
    const job = await programsWaitJob(lanhdao, started.id);
    expect(job).toMatchObject({ state: 'failed', file: null });
    expect(job.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Báo cáo') });
  });
});
