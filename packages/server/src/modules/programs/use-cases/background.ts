import type { GenerateListsBody, BackgroundJobOut } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import type { BackgroundJobs } from '../../../platform/background-jobs.js';
import { programsPolicy } from '../programs.policy.js';
import { listsRepo } from '../repo/lists.repo.js';
import { listExists, planGeneration, type generateListsUseCase } from './generate-lists.js';
import type { ProgramsDeps } from './load.js';
import { loadBatch } from './payment-batches.js';
import type { paymentSheetUseCase } from './payment-sheet.js';

export const GENERATE_LISTS_JOB = 'programs.generate_lists';
export const PAYMENT_SHEET_JOB = 'programs.payment_sheet';

/**
 * The programs work run as background jobs (docs/modules/programs.md, "Background jobs"):
 * generating lists (a province's lists are 100.000 entries and more) and building a payment
 * sheet. The request checks what it can at once (404, 403, 409 answer there) and queues the job;
 * the web polls `GET /api/v1/jobs/:id`. The synchronous `generate` and `sheetXlsx` stay for the
 * CLI, the seeds and the tests.
 */
export function programsJobsUseCases(
  { database }: ProgramsDeps,
  jobs: BackgroundJobs | undefined,
  generate: ReturnType<typeof generateListsUseCase>,
  sheetXlsx: ReturnType<typeof paymentSheetUseCase>,
) {
  const db = database.db;
  jobs?.define<{ programId: number; body: GenerateListsBody }>(GENERATE_LISTS_JOB, {
    // One transaction that also marks the job done: run again after a crash, it generates once.
    async run(job) {
      await generate(job.actor, job.input.programId, job.input.body, {
        progress: job.progress,
        finishIn: (trx, result) => job.finishIn(trx, result),
      });
    },
    guard: (actor, place) => programsPolicy.guard(actor, 'prepare', place),
  });
  jobs?.define<{ batchId: number }>(PAYMENT_SHEET_JOB, {
    // No effect but the file: building it twice is harmless.
    async run(job) {
      job.progress.total = 1;
      const file = await sheetXlsx(job.actor, job.input.batchId);
      job.progress.done = 1;
      return { file };
    },
    guard: (actor, place) => programsPolicy.guard(actor, 'pay', place),
  });
  const need = (): BackgroundJobs => {
    if (!jobs) throw new Error('programs: background jobs not wired');
    return jobs;
  };

  return {
    /** Queue the generation of lists (202 with the job); the result is `{ lists, entries, listIds }`. */
    async startGenerate(actor: Actor, programId: number, body: GenerateListsBody): Promise<BackgroundJobOut> {
      const plan = await planGeneration(db, actor, programId, body);
      if (body.communeCode) {
        const existing = await listsRepo.communesWithMainList(db, programId, plan.period, {
          column: 'commune_code',
          code: body.communeCode,
        });
        if (existing.has(body.communeCode)) throw listExists(plan.period);
      }
      return need().start(actor, GENERATE_LISTS_JOB, plan.place, { programId, body });
    },

    /** Queue the building of a batch's payment sheet; the job's file is the XLSX. */
    async startSheet(actor: Actor, batchId: number): Promise<BackgroundJobOut> {
      const b = await loadBatch(db, actor, batchId);
      return need().start(
        actor,
        PAYMENT_SHEET_JOB,
        { provinceCode: b.province_code, areaPath: b.area_path },
        { batchId },
      );
    },
  };
}
