import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { AuditEventOut } from '@ansinh/domain';
import { auditApi, qk } from '../../api/endpoints';
import type { AuditFilter } from '../../api/endpoints';
import { useErrorText } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n';

const PAGE_SIZES = [20, 50, 100];
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_FILTERS = ['actor', 'action', 'entity', 'entityId'] as const;

interface FilterValues {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

function positiveInt(v: string | null, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function Json({ value }: { value: unknown }) {
  const t = useT();
  if (value === null || value === undefined) {
    return <Typography.Text type="secondary">{t('audit.nothing')}</Typography.Text>;
  }
  return <pre>{JSON.stringify(value, null, 2)}</pre>;
}

function EventDetails({ e }: { e: AuditEventOut }) {
  const t = useT();
  return (
    <div data-testid={`audit-details-${e.id}`}>
      <div className="json-pair">
        <section>
          <div>
            <Typography.Text strong>{t('audit.before')}</Typography.Text>
          </div>
          <Json value={e.before} />
        </section>
        <section>
          <div>
            <Typography.Text strong>{t('audit.after')}</Typography.Text>
          </div>
          <Json value={e.after} />
        </section>
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
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
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
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), 50),
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

  const setFilter = (patch: Record<string, string | undefined>, keepPage = false) => {
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === '') p.delete(k);
          else p.set(k, v);
        }
        if (!keepPage) p.delete('page');
        return p;
      },
      { replace: true },
    );
  };

  const onFinish = (v: FilterValues) => {
    const patch: Record<string, string | undefined> = {};
    for (const k of TEXT_FILTERS) patch[k] = v[k]?.trim() || undefined;
    patch.from = v.from?.format('YYYY-MM-DD');
    patch.to = v.to?.format('YYYY-MM-DD');
    setFilter(patch);
  };

  const list = useQuery({
    queryKey: qk.audit(filter),
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
      title: t('audit.col.actor'),
      dataIndex: 'actorUsername',
      render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('common.system')}</Typography.Text>,
    },
    { title: t('audit.col.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? t('common.none') },
    { title: t('audit.col.action'), dataIndex: 'action', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('audit.col.entity'), dataIndex: 'entity' },
    { title: t('audit.col.entityId'), dataIndex: 'entityId', render: (v: string | null) => v ?? t('common.none') },
  ];

  const hasFilters = !!(filter.actor || filter.action || filter.entity || filter.entityId || filter.from || filter.to);

  return (
    <div>
      <Typography.Title level={3} className="page-title">
        {t('audit.title')}
      </Typography.Title>
      <Typography.Text className="page-intro">{t('audit.intro')}</Typography.Text>

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
            <DatePicker data-testid="audit-filter-from" format="DD/MM/YYYY" style={{ width: '100%' }} />
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
            <DatePicker data-testid="audit-filter-to" format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" data-testid="audit-filter-submit">
              {t('common.filter')}
            </Button>
            {hasFilters && (
              <Button
                onClick={() =>
                  setFilter({ actor: undefined, action: undefined, entity: undefined, entityId: undefined, from: undefined, to: undefined })
                }
              >
                {t('common.clearFilters')}
              </Button>
            )}
          </Space>
        </div>
      </Form>

      {list.error && (
        <Alert
          role="alert"
          type="error"
          showIcon
          title={errorText(list.error)}
          action={
            <Button size="small" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}

      <div data-testid="audit-table">
        <Table<AuditEventOut>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('audit.empty') }}
          expandable={{
            expandedRowRender: (e) => <EventDetails e={e} />,
            rowExpandable: () => true,
            expandRowByClick: true,
          }}
          pagination={{
            current: list.data?.page ?? filter.page,
            pageSize: list.data?.pageSize ?? filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total, [a, b]) => t('common.range', { from: a, to: b, total }),
          }}
          onChange={(p) => setFilter({ page: String(p.current ?? 1), pageSize: String(p.pageSize ?? filter.pageSize) }, true)}
        />
      </div>
    </div>
  );
}
