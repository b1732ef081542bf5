import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, List, Segmented, Space, Typography } from 'antd';
import type { PovertyImportKind, PovertyImportOut } from '@ansinh/domain';
import { ImportSteps, saveErrorFile } from '../../components/ImportSteps';
import { useErrorText } from '../../kernel/errors';
import { pk, povertyApi } from './api';
import { usePovertyT } from './messages';

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
        <ImportSteps
          file={file}
          onFile={(f) => {
            setFile(f);
            setResult(null);
          }}
          ready={!!file}
          pending={run.isPending}
          checkedClean={!!result && result.mode === 'dry_run' && result.counts.rejected === 0}
          onRun={(mode) => run.mutate(mode)}
          labels={{ choose: t('import.choose'), check: t('import.check'), commit: t('import.commit') }}
          testId="poverty-import"
        />
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
            <Button type="link" onClick={() => saveErrorFile(result.errorFile!, 'dong-loi.xlsx')}>
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
