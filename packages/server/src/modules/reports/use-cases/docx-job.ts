import type { BackgroundJobOut } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import type { BackgroundJobs } from '../../../platform/background-jobs.js';
import { reportsPolicy } from '../reports.policy.js';
import type { reportDocuments } from './report-documents.js';
import type { ReportFigures } from './report-figures.js';

export const REPORT_DOCX_JOB = 'reports.docx';

/**
 * A report's DOCX as a background job (docs/modules/reports.md): computing a province's figures
 * and rendering the document (in a worker thread, platform/off-thread.ts) takes seconds on a large
 * province, longer than a request should hold a connection. The job stores the file; the web
 * downloads it from `GET /api/v1/jobs/:id/file`. `GET /api/v1/reports/:id/document.docx` stays
 * for scripts and small reports.
 */
export function reportDocxJob(
  rf: ReportFigures,
  docs: ReturnType<typeof reportDocuments>,
  jobs: BackgroundJobs | undefined,
) {
  jobs?.define<{ reportId: number }>(REPORT_DOCX_JOB, {
    // No effect but the file: rendering it twice is harmless.
    async run(job) {
      job.progress.total = 1;
      const f = await docs.docx(job.actor, job.input.reportId);
      job.progress.done = 1;
      return { file: { name: f.fileName, data: f.data } };
    },
    guard: (actor, place) => reportsPolicy.guard(actor, 'read', place),
  });
  return {
    /** Queue the rendering of a report's DOCX (the reader checked now: 404 outside the area). */
    async startDocx(actor: Actor, id: number): Promise<BackgroundJobOut> {
      if (!jobs) throw new Error('reports: background jobs not wired');
      const { row, area } = await rf.loadReport(actor, id);
      return jobs.start(
        actor,
        REPORT_DOCX_JOB,
        { provinceCode: row.province_code, areaPath: area.path, agencyCode: row.agency_code },
        { reportId: id },
      );
    },
  };
}
