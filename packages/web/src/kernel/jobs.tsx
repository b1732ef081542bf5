import { Progress, Typography } from 'antd';
import { BackgroundJobOut } from '@ansinh/domain';
import { ApiError, apiUrl, request } from './http';
import { useT, type MessageKey } from './i18n';

/**
 * Background jobs (list generation, payment sheets …): the server answers 202 with the job, the
 * page polls `GET /api/v1/jobs/:id`, shows the progress ("Đang lập danh sách… 12.000/99.165") and
 * then the result, the file to download, or the error's message.
 */
export const jobsApi = {
  get: (id: number, signal?: AbortSignal) =>
    request('GET', `/jobs/${encodeURIComponent(id)}`, { schema: BackgroundJobOut, signal }),
  fileUrl: (id: number) => apiUrl(`/jobs/${encodeURIComponent(id)}/file`),
};

const running = (j: BackgroundJobOut) => j.state === 'queued' || j.state === 'running';

/**
 * Poll a job until it ends, telling each state to `onProgress`. Resolves with the finished job;
 * a failed job rejects with an ApiError carrying its code and Vietnamese message.
 */
export async function waitForJob(
  job: BackgroundJobOut,
  onProgress?: (j: BackgroundJobOut) => void,
  intervalMs = 400,
): Promise<BackgroundJobOut> {
  let j = job;
  onProgress?.(j);
  while (running(j)) {
    await new Promise((r) => setTimeout(r, intervalMs));
    j = await jobsApi.get(j.id);
    onProgress?.(j);
  }
  if (j.state === 'failed')
    throw new ApiError({ status: 409, code: j.error?.code ?? 'JOB_FAILED', message: j.error?.message ?? '' });
  return j;
}

/** Start the browser's download of a finished job's file (same origin: the session cookie goes along). */
export function downloadJobFile(jobId: number): void {
  const a = document.createElement('a');
  a.href = jobsApi.fileUrl(jobId);
  a.download = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** A running job's progress, read out to screen readers as it changes; nothing once it ended. */
export function JobProgress({ job, label }: { job: BackgroundJobOut | null; label: MessageKey }) {
  const t = useT();
  if (!job || !running(job)) return null;
  const { done, total } = job.progress;
  const what = t(label);
  const text =
    job.state === 'queued'
      ? t('jobs.queued', { what })
      : total > 0
        ? t('jobs.progress', { what, done, total })
        : t('jobs.running', { what });
  return (
    <div role="status" aria-live="polite" data-testid="job-progress" className="job-progress">
      <Typography.Text>{text}</Typography.Text>
      {total > 0 ? <Progress percent={Math.floor((done * 100) / total)} size="small" /> : null}
    </div>
  );
}
