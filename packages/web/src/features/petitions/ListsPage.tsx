import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Segmented, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CaseOut, DueList, LetterOut } from '@ansinh/domain';
import { hasAbility, useAuth } from '../../kernel/auth';
import { formatDate } from '../../kernel/format';
import { useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { pageParams, useUrlFilters } from '../../kernel/urlFilters';
import { PagedTable } from '../../components/PagedTable';
import { LoadError } from '../../components/LoadError';
import { petitionsApi, pk, type CasesFilter, type LettersFilter } from './api';
import { ClockTag, kindLabel, PetitionsHead } from './shared';
import { dataCell } from '../../kernel/format';

const DUE = ['overdue', 'soon'] as const;

function DueFilter() {
  const t = useT();
  const url = useUrlFilters();
  return (
    <Segmented
      data-testid="petitions-due"
      value={url.params.get('due') ?? 'all'}
      onChange={(v) => url.update({ due: v === 'all' ? undefined : String(v) })}
      options={[
        { value: 'all', label: t('petitions.due.all') },
        ...DUE.map((d) => ({ value: d, label: t(`petitions.due.${d}` as MessageKey) })),
      ]}
    />
  );
}

function NewLetterButton() {
  const t = useT();
  const { me } = useAuth();
  if (!hasAbility(me, 'petitions.receive')) return null;
  return (
    <Link to="/petitions/letters/new">
      <Button type="primary" data-testid="petitions-new-letter">
        {t('petitions.newLetter')}
      </Button>
    </Link>
  );
}

/** The officer's own letters and cases, nearest due date first. */
export function DuePage() {
  const t = useT();
  const q = useQuery({ queryKey: pk.due, queryFn: ({ signal }) => petitionsApi.due(signal) });
  const columns: TableColumnsType<DueList['items'][number]> = [
    {
      title: t('petitions.col.code'),
      key: 'code',
      render: (_: unknown, i) => (
        <Link to={`/petitions/${i.type === 'letter' ? 'letters' : 'cases'}/${i.id}`}>{i.code}</Link>
      ),
    },
    { onCell: dataCell, title: t('petitions.col.summary'), dataIndex: 'summary', ellipsis: true },
    {
      title: t('petitions.col.due'),
      key: 'due',
      render: (_: unknown, i) => <span style={{ color: i.overdue ? 'red' : undefined }}>{formatDate(i.due)}</span>,
    },
  ];
  return (
    <>
      <PetitionsHead title={t('petitions.tab.due')} extra={<NewLetterButton />} />
      {q.error ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null}
      <Table
        rowKey={(i) => `${i.type}-${i.id}`}
        data-testid="petitions-due-table"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('petitions.none') }}
      />
    </>
  );
}

export function LettersPage() {
  const t = useT();
  const url = useUrlFilters();
  const due = url.params.get('due');
  const filter: LettersFilter = {
    ...(due === 'overdue' || due === 'soon' ? { due } : {}),
    ...pageParams(url.params, 50),
  };
  const list = useQuery({
    queryKey: pk.letters(filter),
    queryFn: ({ signal }) => petitionsApi.letters(filter, signal),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<LetterOut> = [
    {
      title: t('petitions.col.code'),
      key: 'code',
      render: (_: unknown, l) => <Link to={`/petitions/letters/${l.id}`}>{l.code}</Link>,
    },
    { title: t('petitions.col.received'), dataIndex: 'receivedDate', render: (v: string) => formatDate(v) },
    {
      onCell: dataCell,
      title: t('petitions.col.sender'),
      key: 'sender',
      render: (_: unknown, l) => (l.identityRestricted ? <i>{t('petitions.secret')}</i> : l.senderName),
    },
    { onCell: dataCell, title: t('petitions.col.summary'), dataIndex: 'summary', ellipsis: true, width: 320 },
    { title: t('petitions.col.kind'), key: 'kind', render: (_: unknown, l) => kindLabel(t, l.kind) },
    {
      title: t('petitions.col.state'),
      key: 'state',
      render: (_: unknown, l) => t(`petitions.state.${l.state}` as MessageKey),
    },
    { title: t('petitions.col.clock'), key: 'clock', render: (_: unknown, l) => <ClockTag clock={l.noticeClock} /> },
  ];
  return (
    <>
      <PetitionsHead title={t('petitions.tab.letters')} extra={<NewLetterButton />} />
      <Space wrap style={{ marginBottom: 12 }}>
        <DueFilter />
      </Space>
      <PagedTable<LetterOut>
        query={list}
        page={filter}
        onPage={url.setPage}
        columns={columns}
        emptyText={t('petitions.none')}
        testId="petitions-letters"
        total={{ testId: 'petitions-letters-total', none: t('petitions.none') }}
      />
    </>
  );
}

export function CasesPage() {
  const t = useT();
  const url = useUrlFilters();
  const due = url.params.get('due');
  const filter: CasesFilter = {
    ...(due === 'overdue' || due === 'soon' ? { due } : {}),
    ...pageParams(url.params, 50),
  };
  const list = useQuery({
    queryKey: pk.cases(filter),
    queryFn: ({ signal }) => petitionsApi.cases(filter, signal),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<CaseOut> = [
    {
      title: t('petitions.col.code'),
      key: 'code',
      render: (_: unknown, c) => <Link to={`/petitions/cases/${c.id}`}>{c.code}</Link>,
    },
    { title: t('petitions.col.kind'), key: 'kind', render: (_: unknown, c) => kindLabel(t, c.kind) },
    { onCell: dataCell, title: t('petitions.col.summary'), dataIndex: 'summary', ellipsis: true, width: 320 },
    {
      title: t('petitions.col.clock'),
      key: 'clock',
      render: (_: unknown, c) => <ClockTag clock={c.settlementClock} />,
    },
  ];
  return (
    <>
      <PetitionsHead title={t('petitions.tab.cases')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <DueFilter />
      </Space>
      <PagedTable<CaseOut>
        query={list}
        page={filter}
        onPage={url.setPage}
        columns={columns}
        emptyText={t('petitions.none')}
        testId="petitions-cases"
        total={{ testId: 'petitions-cases-total', none: t('petitions.none') }}
      />
    </>
  );
}
