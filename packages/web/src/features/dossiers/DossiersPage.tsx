import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Input, Segmented, Space } from 'antd';
import type { TableColumnsType } from 'antd';
import type { DossierListItem } from '@ansinh/domain';
import { formatDate, formatDateTime } from '../../kernel/format';
import { pickBilingual, useLang, useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { pageParams, useDebouncedParam, useUrlFilters } from '../../kernel/urlFilters';
import { PagedTable } from '../../components/PagedTable';
import { dk, dossiersApi, type DossiersFilter } from './api';
import { DossiersHead, StateTag } from './shared';
import { dataCell } from '../../kernel/format';

const DUE = ['overdue', 'today', 'tomorrow', 'soon'] as const;
type Due = (typeof DUE)[number];

/**
 * The officers' list: `mine` shows what their own level holds, nearest due date first, with the
 * overdue / today / tomorrow filters; otherwise every dossier of their area, newest first.
 */
export default function DossiersPage({ mine }: { mine: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const url = useUrlFilters();
  const q = useDebouncedParam(url, 'q');
  const dueParam = url.params.get('due');
  const due = (DUE as readonly string[]).includes(dueParam ?? '') ? (dueParam as Due) : undefined;
  const filter: DossiersFilter = {
    ...(mine ? { mine: '1' as const } : {}),
    ...(due ? { due } : {}),
    ...(url.params.get('q') ? { q: url.params.get('q')! } : {}),
    ...pageParams(url.params, 50),
  };
  const list = useQuery({
    queryKey: dk.list(filter),
    queryFn: ({ signal }) => dossiersApi.list(filter, signal),
    placeholderData: keepPreviousData,
  });

  // At 1366 px every column shows (issue 18): fixed widths, the long texts (procedure, applicant,
  // unit) end in "…" with the whole text on hover, the date received shows its time on hover.
  const columns: TableColumnsType<DossierListItem> = [
    {
      title: t('dossiers.col.code'),
      key: 'code',
      width: 215,
      render: (_: unknown, d) => <Link to={`/dossiers/${d.id}`}>{d.code}</Link>,
    },
    { onCell: dataCell, title: t('dossiers.col.applicant'), dataIndex: 'applicantName', width: 140, ellipsis: true },
    { onCell: dataCell, title: t('dossiers.col.procedure'), dataIndex: 'procedureName', ellipsis: true },
    { title: t('dossiers.col.state'), key: 'state', width: 160, render: (_: unknown, d) => <StateTag d={d} /> },
    {
      onCell: dataCell,
      title: t('dossiers.col.where'),
      key: 'where',
      width: 110,
      ellipsis: true,
      render: (_: unknown, d) => d.currentAreaName ?? '',
    },
    {
      title: t('dossiers.col.levelDue'),
      dataIndex: 'levelDueDate',
      width: 115,
      render: (v: string | null, r: DossierListItem) =>
        r.calendarWarning ? (
          <span title={pickBilingual(r.calendarWarning, lang)} data-testid="calendar-warning">
            {formatDate(v)} ⚠
          </span>
        ) : (
          formatDate(v)
        ),
    },
    { title: t('dossiers.col.due'), dataIndex: 'appointmentDate', width: 105, render: (v: string) => formatDate(v) },
    {
      title: t('dossiers.col.received'),
      dataIndex: 'receivedAt',
      width: 110,
      // The day in Vietnam's time (formatDateTime is zoned), the full time on hover.
      render: (v: string) => <span title={formatDateTime(v)}>{formatDateTime(v).slice(0, 10)}</span>,
    },
  ];

  return (
    <>
      <DossiersHead title={t(mine ? 'dossiers.tab.mine' : 'dossiers.tab.all')} intro={t('dossiers.intro')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          data-testid="dossiers-search"
          allowClear
          placeholder={t('dossiers.search')}
          value={q.text}
          onChange={(e) => q.setText(e.target.value)}
          onSearch={(v) => q.commit(v)}
          style={{ width: 320 }}
        />
        <Segmented
          data-testid="dossiers-due"
          value={due ?? 'all'}
          onChange={(v) => url.update({ due: v === 'all' ? undefined : String(v) })}
          options={[
            { value: 'all', label: t('dossiers.due.all') },
            ...DUE.map((d) => ({ value: d, label: t(`dossiers.due.${d}` as MessageKey) })),
          ]}
        />
      </Space>
      <PagedTable<DossierListItem>
        minWidth={1060}
        query={list}
        page={filter}
        onPage={url.setPage}
        columns={columns}
        emptyText={t('dossiers.none')}
        testId="dossiers-table"
        total={{ testId: 'dossiers-total', none: t('dossiers.none') }}
      />
    </>
  );
}
