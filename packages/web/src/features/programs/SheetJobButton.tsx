import { JobFileButton } from '../../kernel/jobs';
import { programsApi } from './api';

/**
 * "Tải bảng kê (Excel)": the sheet is built in the background (a batch is thousands of rows), its
 * progress shown, and the browser downloads the file when it is ready.
 */
export function SheetJobButton({ batchId }: { batchId: number }) {
  return (
    <JobFileButton
      start={() => programsApi.sheetJob(batchId)}
      label="programs.sheetXlsx"
      progressLabel="programs.sheetBuilding"
      testId="batch-sheet-xlsx"
    />
  );
}
