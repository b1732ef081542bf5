import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Space } from 'antd';
import type { BackgroundJobOut } from '@ansinh/domain';
import { useErrorText } from '../../kernel/errors';
import { useT } from '../../kernel/i18n';
import { downloadJobFile, JobProgress, waitForJob } from '../../kernel/jobs';
import { programsApi } from './api';

/**
 * "Tải bảng kê (Excel)": the sheet is built in the background (a batch is thousands of rows), its
 * progress shown, and the browser downloads the file when it is ready.
 */
export function SheetJobButton({ batchId }: { batchId: number }) {
  const t = useT();
  const { modal } = App.useApp();
  const errorText = useErrorText();
  const [job, setJob] = useState<BackgroundJobOut | null>(null);
  const build = useMutation({
    mutationFn: async () => waitForJob(await programsApi.sheetJob(batchId), setJob),
    onSuccess: (done) => downloadJobFile(done.id),
    onError: (e) => void modal.error({ title: t('common.errorTitle'), content: errorText(e) }),
    onSettled: () => setJob(null),
  });
  return (
    <Space direction="vertical" size={0}>
      <Button data-testid="batch-sheet-xlsx" loading={build.isPending} onClick={() => build.mutate()}>
        {t('programs.sheetXlsx')}
      </Button>
      <JobProgress job={job} label="programs.sheetBuilding" />
    </Space>
  );
}
