import { Button, Upload } from 'antd';

/** Saves an error file the server sent (base64 XLSX) under a name the officer recognises. */
export function saveErrorFile(base64: string, name: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * The three steps of a small Excel import, as buttons in a row: choose the file, check it (a dry
 * run that writes nothing), then import, which stays disabled until a check came back clean.
 * `testId` names them `<testId>-file`, `-check`, `-commit` for the browser tests.
 */
export function ImportSteps({
  file,
  onFile,
  ready,
  pending,
  checkedClean,
  onRun,
  labels,
  testId,
}: {
  file: File | null;
  onFile: (f: File) => void;
  /** Everything the check needs is given (the file, and whatever else the form asks). */
  ready: boolean;
  pending: boolean;
  checkedClean: boolean;
  onRun: (mode: 'dry_run' | 'commit') => void;
  labels: { choose: string; check: string; commit: string };
  testId: string;
}) {
  return (
    <>
      <Upload
        accept=".xlsx,.csv"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(f) => {
          onFile(f);
          return false;
        }}
      >
        <Button data-testid={`${testId}-file`}>{file ? file.name : labels.choose}</Button>
      </Upload>
      <Button disabled={!ready} loading={pending} onClick={() => onRun('dry_run')} data-testid={`${testId}-check`}>
        {labels.check}
      </Button>
      <Button
        type="primary"
        disabled={!ready || !checkedClean}
        loading={pending}
        onClick={() => onRun('commit')}
        data-testid={`${testId}-commit`}
      >
        {labels.commit}
      </Button>
    </>
  );
}
