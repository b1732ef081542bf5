import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, List, Segmented, Space, Typography, Upload } from 'antd';
import type { PovertyImportKind, PovertyImportOut } from '@ansinh/domain';
import { useErrorText } from '../../kernel/errors';
import { pk, povertyApi } from './api';
import { usePovertyT } from './messages';

/** Saves the error file the server sent (base64 XLSX) under a name the officer recognises. */
function saveErrorFile(base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = 'dong-loi.xlsx';
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * Import the listing or the surveys of a campaign from Excel: check first (dry run: nothing is
 * written, every problem of every row is shown, the error file can be downloaded), then import.
 */
export function ImportPanel({
  campaignId,
  canList,
  canSurvey,
}: {
  campaignId: number;
  canList: boolean;
  canSurvey: boolean;
}) {
  const t = usePovertyT();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [kind, setKind] = useState<PovertyImportKind>(canList ? 'listing' : 'surveys');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<PovertyImportOut | null>(null);
  const run = useMutation({
    mutationFn: (mode: 'dry_run' | 'commit') => povertyApi.importFile(campaignId, kind, mode, file!),
    onSuccess: (r) => {
      setResult(r);
      if (r.mode === 'commit') void qc.invalidateQueries({ queryKey: pk.all });
    },
  });
  const kinds = [
    ...(canList ? [{ value: 'listing' as const, label: t('import.listing') }] : []),
    ...(canSurvey ? [{ value: 'surveys' as const, label: t('import.surveys') }] : []),
  ];
  return (
    <Card title={t('import.title')} className="no-print" style={{ marginTop: 12 }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          options={kinds}
          value={kind}
          onChange={(v) => {
            setKind(v as PovertyImportKind);
            setResult(null);
          }}
        />
        <a href={povertyApi.templateUrl(kind)}>{t('import.template')}</a>
        <Upload
          accept=".xlsx,.csv"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            setFile(f);
            setResult(null);
            return false;
          }}
        >
          <Button data-testid="poverty-import-file">{file ? file.name : t('import.choose')}</Button>
        </Upload>
        <Button
          disabled={!file}
          loading={run.isPending}
          onClick={() => run.mutate('dry_run')}
          data-testid="poverty-import-check"
        >
          {t('import.check')}
        </Button>
        <Button
          type="primary"
          disabled={!file || !result || result.mode !== 'dry_run' || result.counts.rejected > 0}
          loading={run.isPending}
          onClick={() => run.mutate('commit')}
          data-testid="poverty-import-commit"
        >
          {t('import.commit')}
        </Button>
      </Space>
      {run.error ? <Alert type="error" showIcon title={errorText(run.error)} /> : null}
      {result ? (
        <>
          <Alert
            type={result.counts.rejected ? 'warning' : 'success'}
            showIcon
            title={t(result.mode === 'commit' ? 'import.done' : 'import.checked', {
              total: result.counts.total,
              accepted: result.counts.accepted,
              rejected: result.counts.rejected,
            })}
          />
          {result.errorFile ? (
            <Button type="link" onClick={() => saveErrorFile(result.errorFile!)}>
              {t('import.errorFile')}
            </Button>
          ) : null}
          {result.rejected.length ? (
            <List
              size="small"
              dataSource={result.rejected}
              renderItem={(r) => (
                <List.Item>
                  <Typography.Text strong>{t('import.line', { line: r.line })}</Typography.Text>&nbsp;
                  {r.problems.join('; ')}
                </List.Item>
              )}
            />
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
