import { createHash } from 'node:crypto';
import type { ImportCounts, ImportJobOut } from '@ansinh/domain';
import type { Database } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { nowIso } from '../../../platform/context.js';
import { AppError, errors } from '../../../platform/errors.js';
import { registryPolicy } from '../registry.policy.js';
import { importJobsRepo, type ImportJobRow } from '../repo/index.js';
import type { Progress } from './import-rows.js';
import type { ImportRun } from './import-run.js';

/**
 * The area a job is looked up in: a job belongs to the area it was started in, and others see
 * nothing (null: the system actor sees every job; an actor with no area, none).
 */
const jobArea = (actor: Actor): string | null => (actor.kind === 'system' ? null : (actor.areaCode ?? '__nothing__'));

/** Import jobs: a run in the background, polled for progress, its result and its rejected rows. */
export function createImportJobs(database: Database, run: ImportRun) {
  const db = database.db;
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

  return {
    /** Start an import job in the background; poll `getJob` for progress and the result. */
    async start(actor: Actor, file: { name: string; data: Buffer }, mode: 'dry_run' | 'commit'): Promise<ImportJobOut> {
      registryPolicy.guard(actor, 'import');
      const id = await importJobsRepo.insertJob(db, {
        file_name: file.name.slice(0, 200),
        file_sha256: createHash('sha256').update(file.data).digest('hex'),
        mode,
        area_code: actor.areaCode ?? '',
        created_by: actor.username,
        created_at: nowIso(),
      });
      const progress: Progress = { done: 0, total: 0 };
      live.set(id, progress);
      const finish = async (set: {
        state: string;
        counts_json?: string | null;
        message?: string | null;
        rejected_xlsx?: Buffer | null;
      }) => {
        await importJobsRepo.finishJob(db, id, {
          ...set,
          done: progress.done,
          total: progress.total,
          finished_at: nowIso(),
        });
        live.delete(id);
      };
      setImmediate(() => {
        run(actor, file.data, mode, file.name, progress).then(
          (r) =>
            finish({
              state: 'done',
              counts_json: JSON.stringify(r.counts),
              rejected_xlsx: r.rejectedFile,
              message:
                mode === 'commit'
                  ? `Đã nhập: ${r.counts.new} mới, ${r.counts.updated} cập nhật, ${r.counts.unchanged} không đổi.`
                  : r.counts.rejected
                    ? `Có ${r.counts.rejected} dòng lỗi: tải tệp lỗi, sửa rồi kiểm tra lại.`
                    : 'Tệp hợp lệ: có thể nhập chính thức.',
            }),
          (err: unknown) =>
            finish({
              state: 'failed',
              message:
                err instanceof AppError
                  ? err.message
                  : 'Nhập tệp thất bại do lỗi hệ thống. Thử lại; nếu vẫn lỗi, báo quản trị.',
            }),
        );
      });
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

    /** Jobs cut short by a restart are marked failed, never left "running". */
    async failInterrupted(): Promise<void> {
      await importJobsRepo.failRunning(
        db,
        'Máy chủ khởi động lại khi đang nhập; không có dòng nào được ghi. Nhập lại tệp.',
        nowIso(),
      );
    },
  };
}
