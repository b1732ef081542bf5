import { useEffect } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Space, Typography } from 'antd';
import { DateInput } from '../../components/DateInput';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { AuditEventOut } from '@ansinh/domain';
import { auditApi, auditKeys } from './api';
import type { AuditFilter } from './api';
import { formatDateTime } from '../../kernel/format';
import { useT } from '../../kernel/i18n';
import { pageParams, useUrlFilters } from '../../kernel/urlFilters';
import { PageHead } from '../../components/PageHead';
import { PagedTable } from '../../components/PagedTable';
import { dataCell } from '../../kernel/format';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_FILTERS = ['actor', 'action', 'entity', 'entityId'] as const;
const FILTER_KEYS = [...TEXT_FILTERS, 'from', 'to'];

interface FilterValues {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

function Json({ value }: { value: unknown }) {
  const t = useT();
  if (value === null || value === undefined) {
    return <Typography.Text type="secondary">{t('audit.nothing')}</Typography.Text>;
  }
  return <pre>{JSON.stringify(value, null, 2)}</pre>;
}

function JsonSection({ label, value }: { label: string; value: unknown }) {
  return (
    <section>
      <div>
        <Typography.Text strong>{label}</Typography.Text>
      </div>
      <Json value={value} />
    </section>
  );
}

function EventDetails({ e }: { e: AuditEventOut }) {
  const t = useT();
  return (
    <div data-testid={`audit-details-${e.id}`}>
      <div className="json-pair">
        <JsonSection label={t('audit.before')} value={e.before} />
        <JsonSection label={t('audit.after')} value={e.after} />
      </div>
      <div style={{ marginTop: 8, fontSize: 12, color: '#8c8c8c', overflowWrap: 'anywhere' }}>
        {e.areaCode && (
          <span style={{ marginInlineEnd: 16 }}>
            {t('audit.area')}: {e.areaCode}
          </span>
        )}
        {t('audit.hash')}: <code>{e.hash}</code>
      </div>
    </div>
  );
}

export default function AuditPage() {
  const t = useT();
  const url = useUrlFilters();
  const { params } = url;
  const [form] = Form.useForm<FilterValues>();

  const from = params.get('from');
  const to = params.get('to');
  const filter: AuditFilter = {
    actor: params.get('actor') || undefined,
    action: params.get('action') || undefined,
    entity: params.get('entity') || undefined,
    entityId: params.get('entityId') || undefined,
    from: from && DATE_RE.test(from) ? from : undefined,
    to: to && DATE_RE.test(to) ? to : undefined,
    ...pageParams(params, 50),
  };

  // Keep the form showing what the URL filters on (back/forward, shared links).
  useEffect(() => {
    form.setFieldsValue({
      actor: params.get('actor') ?? '',
      action: params.get('action') ?? '',
      entity: params.get('entity') ?? '',
      entityId: params.get('entityId') ?? '',
      from: from && DATE_RE.test(from) ? dayjs(from) : null,
      to: to && DATE_RE.test(to) ? dayjs(to) : null,
    });
  }, [form, params, from, to]);

  const onFinish = (v: FilterValues) => {
    const patch: Record<string, string | undefined> = {};
    for (const k of TEXT_FILTERS) patch[k] = v[k]?.trim() || undefined;
    patch.from = v.from?.format('YYYY-MM-DD');
    patch.to = v.to?.format('YYYY-MM-DD');
    url.update(patch);
  };

  const list = useQuery({
    queryKey: auditKeys.list(filter),
    queryFn: ({ signal }) => auditApi.list(filter, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<AuditEventOut> = [
    {
      title: t('audit.col.at'),
      dataIndex: 'at',
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>,
    },
    {
      onCell: dataCell,
      title: t('audit.col.actor'),
      dataIndex: 'actorUsername',
      render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('common.system')}</Typography.Text>,
    },
    { title: t('audit.col.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('audit.col.action'),
      dataIndex: 'action',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('audit.col.entity'), dataIndex: 'entity' },
    { title: t('audit.col.entityId'), dataIndex: 'entityId', render: (v: string | null) => v ?? t('common.none') },
  ];

  const hasFilters = !!(filter.actor || filter.action || filter.entity || filter.entityId || filter.from || filter.to);

  return (
    <div>
      <PageHead title={t('audit.title')} intro={t('audit.intro')} />

      <Form form={form} layout="vertical" onFinish={onFinish} className="no-print" role="search">
        <div className="filters filters-2col" style={{ alignItems: 'flex-end' }}>
          <Form.Item name="actor" label={t('audit.filter.actor')} style={{ marginBottom: 0, width: 180 }}>
            <Input data-testid="audit-filter-actor" placeholder={t('audit.filter.actorPlaceholder')} allowClear />
          </Form.Item>
          <Form.Item name="action" label={t('audit.filter.action')} style={{ marginBottom: 0, width: 180 }}>
            <Input data-testid="audit-filter-action" placeholder={t('audit.filter.actionPlaceholder')} allowClear />
          </Form.Item>
          <Form.Item name="entity" label={t('audit.filter.entity')} style={{ marginBottom: 0, width: 160 }}>
            <Input data-testid="audit-filter-entity" placeholder={t('audit.filter.entityPlaceholder')} allowClear />
          </Form.Item>
          <Form.Item name="entityId" label={t('audit.filter.entityId')} style={{ marginBottom: 0, width: 140 }}>
            <Input data-testid="audit-filter-entity-id" allowClear />
          </Form.Item>
          {/* Two single pickers rather than a range picker: its two-month panel is too wide for a phone. */}
          <Form.Item name="from" label={t('audit.filter.from')} style={{ marginBottom: 0, width: 160 }}>
            <DateInput data-testid="audit-filter-from" />
          </Form.Item>
          <Form.Item
            name="to"
            label={t('audit.filter.to')}
            dependencies={['from']}
            style={{ marginBottom: 0, width: 160 }}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_r, value: Dayjs | null | undefined) => {
                  const start = getFieldValue('from') as Dayjs | null | undefined;
                  if (value && start && value.isBefore(start, 'day')) throw new Error(t('audit.filter.toBeforeFrom'));
                },
              }),
            ]}
          >
            <DateInput data-testid="audit-filter-to" />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" data-testid="audit-filter-submit">
              {t('common.filter')}
            </Button>
            {hasFilters && <Button onClick={() => url.clear(FILTER_KEYS)}>{t('common.clearFilters')}</Button>}
          </Space>
        </div>
      </Form>

      <PagedTable<AuditEventOut>
        query={list}
        page={filter}
        onPage={url.setPage}
        columns={columns}
        emptyText={t('audit.empty')}
        testId="audit-table"
        expandable={{
          expandedRowRender: (e) => <EventDetails e={e} />,
          rowExpandable: () => true,
          expandRowByClick: true,
        }}
      />
    </div>
  );
}
