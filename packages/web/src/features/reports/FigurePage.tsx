import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SOURCE_KIND_LABELS } from '@ansinh/domain';
import type { EnteredValueOut, FigureTrace } from '@ansinh/domain';
import { formatDate, formatDateTime } from '../../kernel/format';
import { pick, useFormatQuantity, useLang, useT } from '../../kernel/i18n';
import { pageParams, useUrlFilters } from '../../kernel/urlFilters';
import { LoadError } from '../../components/LoadError';
import { reportsApi, rk } from './api';
import { ReportsHead, useUnitLabel } from './shared';
import { dataCell } from '../../kernel/format';

type RecordItem = FigureTrace['records']['items'][number];

/** Traceability: how a figure was obtained, and the records (or the sources) behind it. */
export default function FigurePage() {
  const formatQuantity = useFormatQuantity();
  const t = useT();
  const { lang } = useLang();
  const unit = useUnitLabel();
  const url = useUrlFilters();
  const p = url.params;
  const ref = {
    code: p.get('code') ?? '',
    areaCode: p.get('areaCode') ?? '',
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    asOf: p.get('asOf') ?? '',
    ...(p.get('params') ? { params: p.get('params')! } : {}),
    ...pageParams(p, 50),
  };
  const q = useQuery({
    queryKey: rk.figure(ref),
    queryFn: ({ signal }) => reportsApi.figure(ref, signal),
    placeholderData: keepPreviousData,
  });
  const f = q.data;

  const columns: TableColumnsType<RecordItem> = [
    { title: '#', key: 'n', width: 60, render: (_: unknown, _r, i) => (ref.page - 1) * ref.pageSize + i + 1 },
    {
      title: t('reports.figure.col.record'),
      key: 'label',
      render: (_: unknown, r) => (r.href ? <Link to={r.href}>{r.label}</Link> : r.label),
    },
    { onCell: dataCell, title: t('reports.figure.col.area'), dataIndex: 'areaName' },
    { title: t('reports.figure.col.date'), dataIndex: 'date', render: (v: string | null) => formatDate(v) },
    {
      title: t('reports.figure.col.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (v: number | null) => (v === null ? '' : formatQuantity(v)),
    },
  ];
  const sources: TableColumnsType<EnteredValueOut> = [
    { onCell: dataCell, title: t('reports.figure.col.area'), dataIndex: 'areaName' },
    {
      title: t('reports.values.col.period'),
      key: 'period',
      render: (_: unknown, v) => `${formatDate(v.periodFrom)} – ${formatDate(v.periodTo)}`,
    },
    {
      title: t('reports.values.col.value'),
      dataIndex: 'value',
      align: 'right',
      render: (v: number) => formatQuantity(v),
    },
    {
      title: t('reports.values.col.source'),
      key: 'source',
      render: (_: unknown, v) => (
        <>
          <Tag>{pick(SOURCE_KIND_LABELS[v.sourceKind as keyof typeof SOURCE_KIND_LABELS], lang) || v.sourceKind}</Tag>{' '}
          {v.sourceRef} ({formatDate(v.sourceDate)})
        </>
      ),
    },
    {
      title: t('reports.values.col.by'),
      key: 'by',
      render: (_: unknown, v) => `${v.enteredBy}, ${formatDateTime(v.enteredAt)}`,
    },
  ];

  return (
    <div data-testid="figure-page">
      <ReportsHead
        title={f ? `${f.indicator.nameVi}: ${f.text}` : t('reports.figure.title')}
        intro={t('reports.figure.intro')}
      />
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {!f ? (
        !q.error && <Spin />
      ) : (
        <>
          <Card size="small" title={t('reports.figure.how')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="figure-how">
              <Descriptions.Item label={t('reports.figure.indicator')}>
                {f.indicator.nameVi} <Typography.Text code>{f.indicator.code}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('reports.figure.value')}>
                <strong data-testid="figure-value">{f.text}</strong>{' '}
                {f.indicator.unit !== 'percent' && unit(f.indicator.unit)}
              </Descriptions.Item>
              <Descriptions.Item label={t('reports.figure.area')}>{f.areaName}</Descriptions.Item>
              <Descriptions.Item label={t('reports.figure.period')}>
                {formatDate(f.from)} – {formatDate(f.to)}
              </Descriptions.Item>
              <Descriptions.Item label={t('reports.figure.asOf')}>{formatDate(f.asOf)}</Descriptions.Item>
              <Descriptions.Item label={t('reports.figure.source')}>
                {f.indicator.source === 'computed'
                  ? t('reports.source.computed', { module: f.indicator.module })
                  : t('reports.source.entered')}
                {f.params && ` (${f.params})`}
              </Descriptions.Item>
              <Descriptions.Item label={t('reports.figure.rollup')}>
                {t(f.indicator.rollup === 'ratio' ? 'reports.rollup.ratio' : 'reports.rollup.sum')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {!f.available && (
            <Alert type="warning" showIcon title={t('reports.figure.noData')} style={{ marginBottom: 16 }} />
          )}
          {f.indicator.source === 'computed' ? (
            <Card size="small" title={t('reports.figure.records', { total: formatQuantity(f.records.total) })}>
              <Table<RecordItem>
                data-testid="figure-records"
                rowKey={(r) => `${r.kind}-${r.id}`}
                size="small"
                columns={columns}
                dataSource={f.records.items}
                pagination={{
                  current: f.records.page,
                  pageSize: f.records.pageSize,
                  total: f.records.total,
                  showSizeChanger: false,
                  onChange: (page, size) => url.setPage(page, size),
                }}
              />
            </Card>
          ) : (
            <Card size="small" title={t('reports.figure.sources')}>
              <Table<EnteredValueOut>
                data-testid="figure-sources"
                rowKey="id"
                size="small"
                columns={sources}
                dataSource={f.entered}
                pagination={false}
              />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
