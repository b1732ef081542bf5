import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Progress, Space, Typography } from 'antd';
import { BackgroundJobOut } from '@ansinh/domain';
import { useErrorText } from './errors';
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

/**
 * A button that makes a file in the background (a payment sheet, a report's DOCX): it starts the
 * job, shows its progress under itself, and the browser downloads the file when it is ready; a
 * failed job's message opens in the usual error dialog.
 */
export function JobFileButton(props: {
  start: () => Promise<BackgroundJobOut>;
  label: MessageKey;
  progressLabel: MessageKey;
  testId: string;
}) {
  const t = useT();
  const { modal } = App.useApp();
  const errorText = useErrorText();
  const [job, setJob] = useState<BackgroundJobOut | null>(null);
  const make = useMutation({
    mutationFn: async () => waitForJob(await props.start(), setJob),
    onSuccess: (done) => downloadJobFile(done.id),
    onError: (e) => void modal.error({ title: t('common.errorTitle'), content: errorText(e) }),
    onSettled: () => setJob(null),
  });
  return (
    <Space direction="vertical" size={0}>
      <Button data-testid={props.testId} loading={make.isPending} onClick={() => make.mutate()}>
        {t(props.label)}
      </Button>
      <JobProgress job={job} label={props.progressLabel} />
    </Space>
  );
}
