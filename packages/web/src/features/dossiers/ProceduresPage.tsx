import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Space } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ProcedureImportResult, ProcedureOut } from '@ansinh/domain';
import { hasAbility, useAuth } from '../../kernel/auth';
import { useErrorText } from '../../kernel/errors';
import { useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { pageParams, useDebouncedParam, useUrlFilters } from '../../kernel/urlFilters';
import { PagedTable } from '../../components/PagedTable';
import { dk, dossiersApi, type ProceduresFilter } from './api';
import { DossiersHead, pathText } from './shared';
import { ProcedureModal } from './ProcedureForm';
import { dataCell } from '../../kernel/format';

/** The catalogue; Department officers import it from Excel (check first, then import). */
export default function ProceduresPage() {
  const t = useT();
  const { me } = useAuth();
  const canEdit = hasAbility(me, 'dossiers.catalogue');
  const url = useUrlFilters();
  const q = useDebouncedParam(url, 'q');
  const filter: ProceduresFilter = {
    ...(url.params.get('q') ? { q: url.params.get('q')! } : {}),
    ...pageParams(url.params, 50),
  };
  const list = useQuery({
    queryKey: dk.procedures(filter),
    queryFn: ({ signal }) => dossiersApi.procedures(filter, signal),
    placeholderData: keepPreviousData,
  });
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ProcedureImportResult | null>(null);
  const [err, setErr] = useState<string | null>(null);
  const [editing, setEditing] = useState<ProcedureOut | 'new' | null>(null);
  const imp = useMutation({
    mutationFn: (mode: 'dry_run' | 'commit') => dossiersApi.importProcedures(file!, mode),
    onSuccess: async (r) => {
      setResult(r);
      setErr(null);
      await qc.invalidateQueries({ queryKey: ['dossiers', 'procedures'] });
    },
    onError: (e) => setErr(errorText(e)),
  });
  const columns: TableColumnsType<ProcedureOut> = [
    { title: t('procedures.col.code'), dataIndex: 'code' },
    {
      onCell: dataCell,
      title: t('procedures.col.name'),
      key: 'name',
      width: 380,
      render: (_: unknown, p) =>
        canEdit ? (
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
            onClick={() => setEditing(p)}
          >
            {p.name}
          </Button>
        ) : (
          p.name
        ),
    },
    { onCell: dataCell, title: t('procedures.col.field'), dataIndex: 'field' },
    { title: t('procedures.col.path'), key: 'path', render: (_: unknown, p) => pathText(t, p.path) },
    {
      title: t('procedures.col.online'),
      dataIndex: 'onlineMode',
      render: (m: string) => t(`procedures.online.${m}` as MessageKey),
    },
    {
      title: t('procedures.col.portal'),
      dataIndex: 'onNationalPortal',
      render: (v: boolean) => t(v ? 'procedures.yes' : 'procedures.no'),
    },
  ];
  return (
    <>
      <DossiersHead title={t('procedures.title')} intro={t('procedures.intro')} />
      {canEdit && (
        <Space wrap className="no-print" style={{ marginBottom: 12 }}>
          <Button data-testid="procedure-add" onClick={() => setEditing('new')}>
            {t('procedures.add')}
          </Button>
          <a href={dossiersApi.templateUrl()}>{t('procedures.template')}</a>
          <input
            data-testid="procedures-file"
            type="file"
            accept=".xlsx"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <Button disabled={!file} loading={imp.isPending} onClick={() => imp.mutate('dry_run')}>
            {t('stats.show')}
          </Button>
          <Button type="primary" disabled={!file} loading={imp.isPending} onClick={() => imp.mutate('commit')}>
            {t('procedures.import')}
          </Button>
        </Space>
      )}
      {err && <Alert type="error" showIcon title={err} style={{ marginBottom: 12 }} />}
      {result && (
        <Alert
          style={{ marginBottom: 12 }}
          type={result.errors.length ? 'warning' : 'success'}
          showIcon
          title={
            result.errors.length
              ? t('procedures.importErrors', { n: result.errors.length })
              : t('procedures.imported', {
                  created: result.created,
                  updated: result.updated,
                  unchanged: result.unchanged,
                })
          }
          description={
            result.errors.length ? (
              <ul>
                {result.errors.map((e) => (
                  <li key={e.row}>{`Dòng ${e.row}: ${e.message}`}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Input.Search
        allowClear
        placeholder={t('procedures.col.name')}
        value={q.text}
        onChange={(e) => q.setText(e.target.value)}
        onSearch={(v) => q.commit(v)}
        style={{ width: 320, marginBottom: 12 }}
      />
      <PagedTable<ProcedureOut>
        query={list}
        page={filter}
        onPage={url.setPage}
        columns={columns}
        emptyText="—"
        testId="procedures-table"
        total={{ testId: 'procedures-total', none: '—' }}
      />
      {editing && <ProcedureModal procedure={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
