import { JobFileButton } from '../../kernel/jobs';
import { reportsApi } from './api';

/**
 * "Tải báo cáo (DOCX)": the figures are computed and the document rendered in the background (a
 * province's report takes seconds); the browser downloads the file when it is ready.
 */
export function DocxJobButton({ reportId }: { reportId: number }) {
  return (
    <JobFileButton
      start={() => reportsApi.docxJob(reportId)}
      label="reports.docs.docx"
      progressLabel="reports.docs.rendering"
      testId="report-download-docx"
    />
  );
}
