import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Space } from 'antd';
import type { BackgroundJobOut } from '@ansinh/domain';
import { useErrorText } from '../../kernel/errors';
import { useT } from '../../kernel/i18n';
import { downloadJobFile, JobProgress, waitForJob } from '../../kernel/jobs';
import { reportsApi } from './api';

/**
 * "Tải báo cáo (DOCX)": the figures are computed and the document rendered in the background (a
 * province's report takes seconds); the browser downloads the file when it is ready.
 */
export function DocxJobButton({ reportId }: { reportId: number }) {
  const t = useT();
  const { modal } = App.useApp();
  const errorText = useErrorText();
  const [job, setJob] = useState<BackgroundJobOut | null>(null);
  const render = useMutation({
    mutationFn: async () => waitForJob(await reportsApi.docxJob(reportId), setJob),
    onSuccess: (done) => downloadJobFile(done.id),
    onError: (e) => void modal.error({ title: t('common.errorTitle'), content: errorText(e) }),
    onSettled: () => setJob(null),
  });
  return (
    <Space direction="vertical" size={0}>
      <Button data-testid="report-download-docx" loading={render.isPending} onClick={() => render.mutate()}>
        {t('reports.docs.docx')}
      </Button>
      <JobProgress job={job} label="reports.docs.rendering" />
    </Space>
  );
}
