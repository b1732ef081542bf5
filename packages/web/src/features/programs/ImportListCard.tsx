import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Space, Switch, Table, Typography } from 'antd';
import type { ImportListOut, ProgramOut } from '@ansinh/domain';
import { ImportSteps, saveErrorFile } from '../../components/ImportSteps';
import { useErrorText } from '../../kernel/errors';
import { useT } from '../../kernel/i18n';
import { pk, programsApi, programsUrls } from './api';
import { num } from './shared';

type Row = { key: string; line: number; header: string; message: string };

/**
 * "Nhập danh sách từ Excel" (issue 19): the list of people outside the registry a commune or an
 * employer submitted. Download the template, choose the file, check it (nothing is written; every
 * problem of every row is listed with the column to fix, and the error file can be downloaded),
 * then import: the list opens as a draft and goes through check, approval and payment as usual.
 */
export function ImportListCard({
  program: p,
  period,
  communeCode,
}: {
  program: ProgramOut;
  period: string;
  /** The commune officer's own commune; province officers type the commune code. */
  communeCode: string | null;
}) {
  const t = useT();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [commune, setCommune] = useState(communeCode ?? '');
  const [submittedBy, setSubmittedBy] = useState('');
  const [result, setResult] = useState<ImportListOut | null>(null);
  const run = useMutation({
    mutationFn: (mode: 'dry_run' | 'commit') =>
      programsApi.importList(
        p.id,
        {
          mode,
          submittedBy,
          ...(commune ? { communeCode: commune.trim() } : {}),
          ...(p.periodKind === 'monthly' ? { period } : {}),
        },
        file!,
      ),
    onSuccess: async (r) => {
      setResult(r);
      if (r.mode === 'commit' && r.listId) {
        await qc.invalidateQueries({ queryKey: pk.all });
        void navigate(`/programs/lists/${r.listId}`);
      }
    },
  });
  const reset = () => setResult(null);
  const rows: Row[] = (result?.rejected ?? []).flatMap((r) =>
    r.problems.map((x, i) => ({ key: `${r.line}-${i}`, line: r.line, header: x.header, message: x.message })),
  );
  const ready = !!file && submittedBy.trim().length >= 2 && !!commune.trim();
  return (
    <Card className="program-section no-print" title={t('programs.import.title')} data-testid="program-import">
      <Typography.Paragraph type="secondary">{t('programs.import.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <a href={programsUrls.importTemplate(p.id)} data-testid="program-import-template">
          {t('programs.import.template')}
        </a>
        {communeCode === null && (
          <label>
            {t('programs.import.commune')}{' '}
            <Input
              style={{ width: 120 }}
              value={commune}
              placeholder="25213"
              data-testid="program-import-commune"
              onChange={(e) => {
                setCommune(e.target.value);
                reset();
              }}
            />
          </label>
        )}
        <label>
          {t('programs.import.submittedBy')}{' '}
          <Input
            style={{ width: 280 }}
            value={submittedBy}
            placeholder={t('programs.import.submittedByHint')}
            data-testid="program-import-submitted-by"
            onChange={(e) => {
              setSubmittedBy(e.target.value);
              reset();
            }}
          />
        </label>
        <ImportSteps
          file={file}
          onFile={(f) => {
            setFile(f);
            reset();
          }}
          ready={ready}
          pending={run.isPending}
          checkedClean={!!result && result.mode === 'dry_run' && result.counts.rejected === 0}
          onRun={(mode) => run.mutate(mode)}
          labels={{
            choose: t('programs.import.choose'),
            check: t('programs.import.check'),
            commit: t('programs.import.commit'),
          }}
          testId="program-import"
        />
      </Space>
      {run.error ? <Alert type="error" showIcon title={errorText(run.error)} /> : null}
      {result ? (
        <>
          <Alert
            type={result.counts.rejected ? 'warning' : 'success'}
            showIcon
            data-testid="program-import-result"
            title={t(result.counts.rejected ? 'programs.import.hasErrors' : 'programs.import.clean', {
              total: num(result.counts.total),
              accepted: num(result.counts.accepted),
              rejected: num(result.counts.rejected),
              matched: num(result.counts.matched),
              created: num(result.counts.created),
              amount: num(result.counts.amount),
            })}
          />
          {result.errorFile ? (
            <Button
              type="link"
              onClick={() => saveErrorFile(result.errorFile!, 'danh-sach-dong-loi.xlsx')}
              data-testid="program-import-errors"
            >
              {t('programs.import.errorFile')}
            </Button>
          ) : null}
          {rows.length > 0 && (
            <div className="table-box">
              <Table<Row>
                size="small"
                rowKey="key"
                dataSource={rows}
                pagination={rows.length > 50 ? { pageSize: 50 } : false}
                columns={[
                  { title: t('programs.import.line'), dataIndex: 'line', width: 80, align: 'right' },
                  { title: t('programs.import.column'), dataIndex: 'header', width: 220 },
                  { title: t('programs.import.fix'), dataIndex: 'message' },
                ]}
              />
            </div>
          )}
        </>
      ) : null}
    </Card>
  );
}

/** The province's switch: this program takes its lists from Excel files instead of the registry. */
export function ListByImportSwitch({ program: p }: { program: ProgramOut }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (on: boolean) => programsApi.setSettings(p.id, { listByImport: on }),
    onSuccess: async () => {
      void message.success(t('programs.import.settingSaved'));
      await qc.invalidateQueries({ queryKey: pk.all });
    },
    onError: (e) => void modal.error({ title: t('common.errorTitle'), content: errorText(e) }),
  });
  return (
    <label>
      <Switch
        checked={p.listByImport}
        loading={save.isPending}
        onChange={(on) => save.mutate(on)}
        data-testid="program-list-by-import"
      />{' '}
      {t('programs.import.setting')}
    </label>
  );
}
