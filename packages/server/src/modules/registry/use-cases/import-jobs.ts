import { createHash } from 'node:crypto';
import type { ImportCounts, ImportJobOut } from '@ansinh/domain';
import type { Database } from '../../../db/database.js';
import type { JobQueue } from '../../../platform/job-queue.js';
import type { Actor } from '../../../platform/actor.js';
import { nowIso } from '../../../platform/context.js';
import { AppError, errors } from '../../../platform/errors.js';
import { registryPolicy } from '../registry.policy.js';
import { importJobsRepo, importQueueRepo, type ImportJobRow } from '../repo/index.js';
import type { Progress } from './import-rows.js';
import type { ImportRun } from './import-run.js';

/**
 * The area a job is looked up in: a job belongs to the area it was started in, and others see
 * nothing (null: the system actor sees every job; an actor with no area, none).
 */
const jobArea = (actor: Actor): string | null => (actor.kind === 'system' ? null : (actor.areaCode ?? '__nothing__'));

/** The queue's job name; its data is `{ jobId }`. */
export const IMPORT_JOB = 'registry.import';
/** A job taken up this many times (its servers kept dying) is given up. */
const MAX_ATTEMPTS = 3;

const at = (ms: number) => new Date(Date.now() + ms).toISOString();

/**
 * Import jobs: a run in the background, polled for progress, its result and its rejected rows.
 * Any app server may run a job (docs/operations/several-servers.md): the upload and the actor are
 * stored with the job, the run goes through the job queue, and the server running it holds a
 * lease it renews every third of `leaseMs` while writing the progress; a job whose lease ran out
 * (its server died) is sent again by `resumeStale` and taken up by another server. A commit is one
 * transaction, so a run cut short wrote nothing and running it again is safe.
 */
export function createImportJobs(database: Database, run: ImportRun, queue: JobQueue, leaseMs = 60_000) {
  const db = database.db;
  /** Progress of the jobs this process runs (others read it from the database). */
  const live = new Map<number, Progress>();

  function present(j: ImportJobRow): ImportJobOut {
    const p = live.get(j.id);
    return {
      id: j.id,
      fileName: j.file_name,
      mode: j.mode as 'dry_run' | 'commit',
      state: j.state as ImportJobOut['state'],
      progress: p ? { ...p } : { done: j.done, total: j.total },
      counts: j.counts_json ? (JSON.parse(j.counts_json) as ImportCounts) : null,
      message: j.message,
      hasRejectedFile: j.has_rejected === 1,
      createdAt: j.created_at,
    };
  }

  async function loadJob(actor: Actor, id: number) {
    registryPolicy.guard(actor, 'import');
    const j = await importJobsRepo.findJob(db, id, jobArea(actor));
    if (!j) throw errors.notFound('Lượt nhập');
    return j;
  }

  /** Run one job if nobody else holds it (the queue's handler; safe to call twice). */
  async function runJob(jobId: number): Promise<void> {
    const attempt = await importQueueRepo.claim(db, jobId, nowIso(), at(leaseMs));
    if (attempt === null) return;
    const finish = async (
      progress: Progress,
      set: { state: string; counts_json?: string | null; message?: string | null; rejected_xlsx?: Buffer | null },
    ) => {
      await importJobsRepo.finishJob(db, jobId, {
        ...set,
        done: progress.done,
        total: progress.total,
        finished_at: nowIso(),
      });
      await importQueueRepo.dropInput(db, jobId);
    };
    const input = await importQueueRepo.input(db, jobId);
    if (!input) return;
    const job = (await importJobsRepo.findJob(db, jobId))!;
    const progress: Progress = { done: 0, total: 0 };
    if (attempt > MAX_ATTEMPTS)
      return finish(progress, {
        state: 'failed',
        message: 'Máy chủ dừng nhiều lần khi đang nhập; không có dòng nào được ghi. Nhập lại tệp.',
      });
    const actor = JSON.parse(input.actor_json) as Actor;
    const mode = job.mode as 'dry_run' | 'commit';
    live.set(jobId, progress);
    const beat = setInterval(
      () =>
        void importQueueRepo.heartbeat(db, jobId, at(leaseMs), progress.done, progress.total).catch(() => undefined),
      Math.max(500, Math.floor(leaseMs / 3)),
    );
    try {
      const r = await run(actor, Buffer.from(input.file_data), mode, job.file_name, progress);
      await finish(progress, {
        state: 'done',
        counts_json: JSON.stringify(r.counts),
        rejected_xlsx: r.rejectedFile,
        message:
          mode === 'commit'
            ? `Đã nhập: ${r.counts.new} mới, ${r.counts.updated} cập nhật, ${r.counts.unchanged} không đổi.`
            : r.counts.rejected
              ? `Có ${r.counts.rejected} dòng lỗi: tải tệp lỗi, sửa rồi kiểm tra lại.`
              : 'Tệp hợp lệ: có thể nhập chính thức.',
      });
    } catch (err) {
      await finish(progress, {
        state: 'failed',
        message:
          err instanceof AppError
            ? err.message
            : 'Nhập tệp thất bại do lỗi hệ thống. Thử lại; nếu vẫn lỗi, báo quản trị.',
      });
    } finally {
      clearInterval(beat);
      live.delete(jobId);
    }
  }

  queue.define<{ jobId: number }>(IMPORT_JOB, (data) => runJob(data.jobId), {
    retries: 2,
    expireSeconds: 6 * 3600,
  });

  return {
    /** Start an import job in the background; poll `getJob` for progress and the result. */
    async start(actor: Actor, file: { name: string; data: Buffer }, mode: 'dry_run' | 'commit'): Promise<ImportJobOut> {
      registryPolicy.guard(actor, 'import');
      const createdAt = nowIso();
      const id = await importJobsRepo.insertJob(db, {
        file_name: file.name.slice(0, 200),
        file_sha256: createHash('sha256').update(file.data).digest('hex'),
        mode,
        area_code: actor.areaCode ?? '',
        created_by: actor.username,
        created_at: createdAt,
      });
      await importQueueRepo.insertInput(db, {
        job_id: id,
        actor_json: JSON.stringify(actor),
        file_data: file.data,
        created_at: createdAt,
      });
      await queue.send(IMPORT_JOB, { jobId: id });
      return present((await importJobsRepo.findJob(db, id))!);
    },

    /** The recent import jobs started in the actor's area (to find a long one again). */
    async listJobs(actor: Actor): Promise<ImportJobOut[]> {
      registryPolicy.guard(actor, 'import');
      return (await importJobsRepo.listJobs(db, jobArea(actor))).map(present);
    },

    async getJob(actor: Actor, id: number): Promise<ImportJobOut> {
      return present(await loadJob(actor, id));
    },

    async rejectedFile(actor: Actor, id: number): Promise<Buffer> {
      await loadJob(actor, id);
      const file = await importJobsRepo.rejectedFile(db, id);
      if (!file) throw errors.notFound('Tệp lỗi');
      return file;
    },

    /**
     * Send again the jobs whose server died (lease run out) or that no server took up: serve()
     * calls it at start and every lease; the claim makes a job sent twice run once.
     */
    async resumeStale(): Promise<number> {
      const ids = await importQueueRepo.stale(db, nowIso(), at(-2 * leaseMs));
      for (const jobId of ids) await queue.send(IMPORT_JOB, { jobId });
      return ids.length;
    },
  };
}
