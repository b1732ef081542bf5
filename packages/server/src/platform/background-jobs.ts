import type { BackgroundJobKind, BackgroundJobOut } from '@ansinh/domain';
import type { Database, Trx } from '../db/database.js';
import type { Actor } from './actor.js';
import { AppError, errors } from './errors.js';
import { backgroundJobsRepo, type BackgroundJobRow } from './background-jobs.repo.js';
import type { JobQueue } from './job-queue.js';

/** The queue's job name; its data is `{ jobId }`. */
export const BACKGROUND_JOB = 'platform.background-job';
/** A job taken up this many times (its servers kept dying) is given up. */
const MAX_ATTEMPTS = 3;
/** Finished jobs (and their files) are kept this long for the web to fetch them. */
const KEEP_MS = 24 * 3600_000;

/** Where a job's record lives: who else may see the job is decided on it. */
export interface JobPlace {
  provinceCode: string;
  areaPath: string;
  /** The agency the record belongs to (reports), if any: another agency's actors do not see it. */
  agencyCode?: string | null;
}

/** One run of a job, as its handler sees it. */
export interface JobRun<I> {
  readonly id: number;
  readonly actor: Actor;
  readonly input: I;
  /** Set by the handler as it goes; written to the database every third of the lease. */
  readonly progress: { done: number; total: number };
  /**
   * Mark the job done inside the work's own transaction, so the work and the mark commit together
   * or not at all: a job whose lease another server took meanwhile fails here and rolls back, so
   * its effect is never applied twice.
   */
  finishIn(trx: Trx, result: unknown): Promise<void>;
}

/** What a handler answers when it has not marked the job itself: a JSON result, or a file. */
export interface JobOutcome {
  result?: unknown;
  file?: { name: string; data: Buffer };
}

export interface JobDefinition<I> {
  run(job: JobRun<I>): Promise<JobOutcome | void>;
  /**
   * Whether an actor other than the one who started it may see the job and its file: the module's
   * policy guard on the job's place (throws; any refusal answers 404).
   */
  guard(actor: Actor, place: { areaPath: string; agencyCode: string | null }): void;
}

class JobLost extends Error {
  constructor() {
    super('job taken by another server');
  }
}

const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const nowIso = () => new Date().toISOString();

/**
 * Background jobs (docs/operations/several-servers.md): a generic record (`background_jobs`) for
 * work run off the request, through the job queue (pg-boss on PostgreSQL, in-process on SQLite).
 * The server running a job holds a lease it renews every third of `leaseMs` while writing the
 * progress; a job whose lease ran out (its server died) is sent again by `resumeStale` and taken
 * up by another server. A job with effects marks itself done in the same transaction as its work
 * (`finishIn`), so a job run again after a crash never applies its effect twice.
 */
export function createBackgroundJobs(database: Database, queue: JobQueue, leaseMs = 60_000) {
  const db = database.db;
  const defs = new Map<string, JobDefinition<unknown>>();
  /**
   * The jobs this process runs, with their progress. On SQLite the one connection is busy with the
   * job's transaction, so a running job is answered from here without waiting for it.
   */
  const live = new Map<number, { row: BackgroundJobRow; progress: { done: number; total: number } }>();

  function present(r: BackgroundJobRow): BackgroundJobOut {
    const p = live.get(r.id)?.progress;
    return {
      id: r.id,
      kind: r.kind as BackgroundJobKind,
      state: r.state as BackgroundJobOut['state'],
      progress: p && r.state === 'running' ? { ...p } : { done: r.done, total: r.total },
      result: r.result_json ? (JSON.parse(r.result_json) as unknown) : null,
      file: r.file_name ? { name: r.file_name } : null,
      error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
      createdBy: r.created_by,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  /** The job if the actor started it or may see its record; 404 otherwise (no leak either way). */
  async function load(actor: Actor, id: number): Promise<BackgroundJobRow> {
    const r = live.get(id)?.row ?? (await backgroundJobsRepo.find(db, id));
    if (!r) throw errors.notFound('Việc chạy nền');
    if (actor.kind === 'system' || (actor.userId !== null && r.created_by === actor.username)) return r;
    try {
      const def = defs.get(r.kind);
      if (!def) throw errors.notFound();
      def.guard(actor, { areaPath: r.area_path, agencyCode: r.agency_code });
    } catch {
      throw errors.notFound('Việc chạy nền');
    }
    return r;
  }

  /** Run one job if nobody else holds it (the queue's handler; safe to call twice). */
  async function runJob(jobId: number): Promise<void> {
    const attempt = await backgroundJobsRepo.claim(db, jobId, nowIso(), at(leaseMs));
    if (attempt === null) return;
    const row = (await backgroundJobsRepo.find(db, jobId))!;
    const progress = { done: 0, total: 0 };
    const end = (set: Parameters<typeof backgroundJobsRepo.finish>[3]) =>
      backgroundJobsRepo.finish(db, jobId, attempt, set);
    const fail = (code: string, message: string) =>
      end({
        state: 'failed',
        done: progress.done,
        total: progress.total,
        error_code: code,
        error_message: message,
        now: nowIso(),
      });
    const def = defs.get(row.kind);
    if (!def) return void (await fail('JOB_UNKNOWN', 'Máy chủ không biết việc này. Cập nhật phần mềm rồi thử lại.'));
    if (attempt > MAX_ATTEMPTS)
      return void (await fail(
        'JOB_ABANDONED',
        'Máy chủ dừng nhiều lần khi đang chạy việc này; không có gì được ghi. Thử lại.',
      ));
    let marked = false;
    const run: JobRun<unknown> = {
      id: jobId,
      actor: JSON.parse(row.actor_json) as Actor,
      input: JSON.parse(row.input_json) as unknown,
      progress,
      async finishIn(trx, result) {
        const ok = await backgroundJobsRepo.finish(trx, jobId, attempt, {
          state: 'done',
          done: progress.done,
          total: progress.total,
          result_json: JSON.stringify(result ?? null),
          now: nowIso(),
        });
        if (!ok) throw new JobLost();
        marked = true;
      },
    };
    live.set(jobId, { row: { ...row, state: 'running', attempts: attempt }, progress });
    const beat = setInterval(
      () =>
        void backgroundJobsRepo
          .heartbeat(db, jobId, attempt, at(leaseMs), progress.done, progress.total)
          .catch(() => undefined),
      Math.max(500, Math.floor(leaseMs / 3)),
    );
    try {
      const out = (await def.run(run)) ?? {};
      if (!marked)
        await end({
          state: 'done',
          done: progress.done,
          total: progress.total,
          result_json: out.result === undefined ? null : JSON.stringify(out.result),
          file_name: out.file?.name ?? null,
          file_data: out.file?.data ?? null,
          now: nowIso(),
        });
    } catch (err) {
      if (err instanceof JobLost) return;
      if (err instanceof AppError) await fail(err.code, err.message);
      else await fail('JOB_FAILED', 'Việc chạy nền thất bại do lỗi hệ thống. Thử lại; nếu vẫn lỗi, báo quản trị.');
    } finally {
      clearInterval(beat);
      live.delete(jobId);
    }
  }

  queue.define<{ jobId: number }>(BACKGROUND_JOB, (data) => runJob(data.jobId), {
    retries: 2,
    expireSeconds: 6 * 3600,
  });

  return {
    /** Declare a kind of job (each module its own, when its service is built). */
    define<I>(kind: BackgroundJobKind, def: JobDefinition<I>): void {
      defs.set(kind, def as JobDefinition<unknown>);
    },

    /**
     * Queue a job (the caller has already checked the actor may do it); any server's worker runs
     * it. Answers the job as the web polls it.
     */
    async start<I>(actor: Actor, kind: BackgroundJobKind, place: JobPlace, input: I): Promise<BackgroundJobOut> {
      if (!defs.has(kind)) throw new Error(`No background job ${kind}`);
      const id = await backgroundJobsRepo.insert(db, {
        province_code: place.provinceCode,
        area_path: place.areaPath,
        agency_code: place.agencyCode ?? null,
        kind,
        input_json: JSON.stringify(input),
        actor_json: JSON.stringify(actor),
        created_by: actor.username,
        now: nowIso(),
      });
      await queue.send(BACKGROUND_JOB, { jobId: id });
      return present((await backgroundJobsRepo.find(db, id))!);
    },

    async get(actor: Actor, id: number): Promise<BackgroundJobOut> {
      return present(await load(actor, id));
    },

    /** The file a finished job made (a payment sheet, a report's DOCX). */
    async file(actor: Actor, id: number): Promise<{ name: string; data: Buffer }> {
      await load(actor, id);
      const f = await backgroundJobsRepo.file(db, id);
      if (!f) throw errors.notFound('Tệp');
      return f;
    },

    /** Let this process's queued and running jobs finish (tests, the CLI). */
    idle: () => queue.idle(),

    /**
     * Send again the jobs whose server died (lease run out) or that no server took up: serve()
     * calls it at start and every lease; the claim makes a job sent twice run once.
     */
    async resumeStale(): Promise<number> {
      const ids = await backgroundJobsRepo.stale(db, nowIso(), at(-2 * leaseMs));
      for (const jobId of ids) await queue.send(BACKGROUND_JOB, { jobId });
      return ids.length;
    },

    /** Housekeeping: finished jobs older than a day go, with their files. */
    purge: () => backgroundJobsRepo.purge(db, at(-KEEP_MS)),
  };
}
export type BackgroundJobs = ReturnType<typeof createBackgroundJobs>;
