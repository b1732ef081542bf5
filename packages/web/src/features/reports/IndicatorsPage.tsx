import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { parseNumberVi, SOURCE_KIND_LABELS, SOURCE_KINDS } from '@ansinh/domain';
import type { EnteredValueOut, IndicatorOut } from '@ansinh/domain';
import { useMe } from '../../kernel/auth';
import { formatDate, formatDateTime } from '../../kernel/format';
import { pick, useFormatNumber, useLang, useT } from '../../kernel/i18n';
import { pageParams, useUrlFilters } from '../../kernel/urlFilters';
import { LoadError } from '../../components/LoadError';
import { ModalForm, useModalForm } from '../../components/ModalForm';
import { reportsApi, rk } from './api';
import { ValueActions, ValueStatus } from './ValueActions';
import { ReportsHead, todayVn, useCanManage, useUnitLabel } from './shared';
import { IsoDateInput } from '../../components/DateInput';
import { dataCell } from '../../kernel/format';

/** The indicator catalogue and the values entered with their sources. */
export default function IndicatorsPage() {
  const t = useT();
  const fmt = useFormatNumber();
  const { lang } = useLang();
  const unit = useUnitLabel();
  const canManage = useCanManage();
  const url = useUrlFilters();
  const [entering, setEntering] = useState(false);
  const page = pageParams(url.params, 20);
  const indicatorCode = url.params.get('indicator') ?? undefined;
  const inds = useQuery({ queryKey: rk.indicators, queryFn: ({ signal }) => reportsApi.indicators(signal) });
  const filter = { ...page, ...(indicatorCode ? { indicatorCode } : {}) };
  const values = useQuery({
    queryKey: rk.values(filter),
    queryFn: ({ signal }) => reportsApi.values(filter, signal),
    placeholderData: keepPreviousData,
  });

  const catalogue: TableColumnsType<IndicatorOut> = [
    { title: t('reports.indicators.col.code'), dataIndex: 'code', render: (v: string) => <code>{v}</code> },
    {
      onCell: dataCell,
      title: t('reports.indicators.col.name'),
      key: 'name',
      render: (_: unknown, i) => (lang === 'vi' ? i.nameVi : i.nameEn),
    },
    { title: t('reports.indicators.col.unit'), dataIndex: 'unit', render: (v: string) => unit(v) },
    {
      title: t('reports.indicators.col.source'),
      dataIndex: 'source',
      render: (v: string, i) => (
        <Tag color={v === 'computed' ? 'blue' : 'gold'}>
          {v === 'computed' ? t('reports.source.computed', { module: i.module }) : t('reports.source.entered')}
        </Tag>
      ),
    },
    {
      title: t('reports.indicators.col.rollup'),
      dataIndex: 'rollup',
      render: (v: string) => t(v === 'ratio' ? 'reports.rollup.ratio' : 'reports.rollup.sum'),
    },
    {
      title: t('reports.indicators.col.direction'),
      dataIndex: 'lowerIsBetter',
      render: (v: boolean) => (v ? t('reports.lowerIsBetter') : ''),
    },
  ];
  const entered: TableColumnsType<EnteredValueOut> = [
    { onCell: dataCell, title: t('reports.indicators.col.name'), dataIndex: 'indicatorName' },
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
      render: (v: number) => fmt(v),
    },
    {
      title: t('reports.values.col.source'),
      key: 'source',
      render: (_: unknown, v) => (
        <>
          <Tag>{pick(SOURCE_KIND_LABELS[v.sourceKind as keyof typeof SOURCE_KIND_LABELS], lang) || v.sourceKind}</Tag>{' '}
          <span translate="no">{v.sourceRef}</span> ({formatDate(v.sourceDate)})
        </>
      ),
    },
    {
      title: t('reports.values.col.by'),
      key: 'by',
      render: (_: unknown, v) => (
        <>
          <span translate="no">{v.enteredBy}</span>, {formatDateTime(v.enteredAt)}
        </>
      ),
    },
    {
      title: t('reports.values.col.status'),
      key: 'status',
      render: (_: unknown, v) => <ValueStatus v={v} />,
    },
    ...(canManage
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, v: EnteredValueOut) => <ValueActions v={v} />,
          },
        ]
      : []),
  ];

  return (
    <div>
      <ReportsHead
        title={t('reports.indicators.title')}
        intro={t('reports.indicators.intro')}
        extra={
          canManage && (
            <Button type="primary" data-testid="values-enter" onClick={() => setEntering(true)}>
              {t('reports.values.enter')}
            </Button>
          )
        }
      />
      {inds.error && <LoadError error={inds.error} onRetry={() => void inds.refetch()} />}
      <Card size="small" title={t('reports.values.title')} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('reports.values.filter')}
          style={{ width: 360, marginBottom: 8 }}
          value={indicatorCode}
          onChange={(v: string | undefined) => url.update({ indicator: v })}
          options={(inds.data?.items ?? [])
            .filter((i) => i.source === 'entered' || i.enteredBefore)
            .map((i) => ({ value: i.code, label: i.nameVi }))}
          data-testid="values-filter"
        />
        {values.error && <LoadError error={values.error} onRetry={() => void values.refetch()} />}
        <Table<EnteredValueOut>
          data-testid="values-table"
          rowKey="id"
          size="small"
          columns={entered}
          dataSource={values.data?.items ?? []}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: values.data?.total ?? 0,
            onChange: (p, s) => url.setPage(p, s),
          }}
        />
      </Card>
      <Card size="small" title={t('reports.indicators.catalogue')}>
        <Table<IndicatorOut>
          data-testid="indicators-table"
          rowKey="code"
          size="small"
          loading={inds.isLoading}
          columns={catalogue}
          dataSource={inds.data?.items ?? []}
          pagination={false}
        />
      </Card>
      {entering && (
        <EnterValueModal
          indicators={(inds.data?.items ?? []).filter((i) => i.source === 'entered' || i.enteredBefore)}
          onClose={() => setEntering(false)}
        />
      )}
    </div>
  );
}

interface ValueValues {
  indicatorCode: string;
  areaCode: string;
  periodFrom: string;
  periodTo: string;
  value: string;
  sourceKind: (typeof SOURCE_KINDS)[number];
  sourceRef: string;
  sourceDate: string;
  note?: string;
}
const VALUE_FIELDS = [
  'indicatorCode',
  'areaCode',
  'periodFrom',
  'periodTo',
  'value',
  'sourceKind',
  'sourceRef',
  'sourceDate',
  'note',
] as const;

function EnterValueModal({ indicators, onClose }: { indicators: IndicatorOut[]; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const state = useModalForm<ValueValues>(VALUE_FIELDS, onClose);
  const year = todayVn().slice(0, 4);
  const m = useMutation({
    mutationFn: (v: ValueValues) => {
      const n = parseNumberVi(v.value);
      if (!n.ok) throw new Error(n.message);
      return reportsApi.enterValue({ ...v, value: n.value, note: v.note ?? null });
    },
    onSuccess: () => state.done(t('reports.values.saved'), rk.all),
    onError: (e) => (e instanceof Error && !('status' in e) ? state.setErrors([e.message]) : state.showError(e)),
  });
  return (
    <ModalForm<ValueValues>
      state={state}
      title={t('reports.values.enter')}
      intro={<p>{t('reports.values.intro')}</p>}
      errorTestId="value-form-error"
      submit={{ label: t('common.save'), testId: 'value-form-submit', loading: m.isPending }}
      onFinish={(v) => m.mutate(v)}
      initialValues={{
        areaCode: me.areaCode,
        periodFrom: `${year}-01-01`,
        periodTo: todayVn(),
        sourceDate: todayVn(),
        sourceKind: 'agency',
      }}
      width={640}
    >
      <Form.Item name="indicatorCode" label={t('reports.plans.col.indicator')} rules={[{ required: true }]}>
        <Select
          data-testid="value-form-indicator"
          showSearch={{ optionFilterProp: 'label' }}
          options={indicators.map((i) => ({ value: i.code, label: i.nameVi }))}
        />
      </Form.Item>
      <Form.Item
        name="value"
        label={t('reports.values.col.value')}
        rules={[{ required: true }]}
        extra={t('reports.plans.targetHelp')}
      >
        <Input data-testid="value-form-value" inputMode="decimal" />
      </Form.Item>
      <Form.Item name="areaCode" label={t('reports.form.areaCode')} rules={[{ required: true }]}>
        <Input data-testid="value-form-area" />
      </Form.Item>
      <Form.Item name="periodFrom" label={t('reports.values.periodFrom')} rules={[{ required: true }]}>
        <IsoDateInput data-testid="value-form-from" />
      </Form.Item>
      <Form.Item name="periodTo" label={t('reports.values.periodTo')} rules={[{ required: true }]}>
        <IsoDateInput data-testid="value-form-to" />
      </Form.Item>
      <Form.Item name="sourceKind" label={t('reports.values.sourceKind')} rules={[{ required: true }]}>
        <Select
          data-testid="value-form-kind"
          options={SOURCE_KINDS.map((k) => ({ value: k, label: pick(SOURCE_KIND_LABELS[k], lang) }))}
        />
      </Form.Item>
      <Form.Item
        name="sourceRef"
        label={t('reports.values.col.source')}
        rules={[{ required: true, min: 3 }]}
        extra={t('reports.values.sourceHelp')}
      >
        <Input data-testid="value-form-source" />
      </Form.Item>
      <Form.Item name="sourceDate" label={t('reports.values.sourceDate')} rules={[{ required: true }]}>
        <IsoDateInput data-testid="value-form-source-date" />
      </Form.Item>
      <Form.Item name="note" label={t('reports.form.note')}>
        <Input data-testid="value-form-note" />
      </Form.Item>
    </ModalForm>
  );
}
