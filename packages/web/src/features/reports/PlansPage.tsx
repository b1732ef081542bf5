import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { parseNumberVi } from '@ansinh/domain';
import type { PlanSummary, TargetOut } from '@ansinh/domain';
import { useMe } from '../../kernel/auth';
import { formatDate } from '../../kernel/format';
import { TN, useFormatNumber, useT } from '../../kernel/i18n';
import { useErrorText } from '../../kernel/errors';
import { useUrlFilters } from '../../kernel/urlFilters';
import { DetailFallback } from '../../components/DetailFallback';
import { LoadError } from '../../components/LoadError';
import { ModalForm, useModalForm } from '../../components/ModalForm';
import { figureHref, reportsApi, rk } from './api';
import { ProgressText, ReportsHead, StatusTag, todayVn, useCanManage, useUnitLabel } from './shared';
import { dataCell } from '../../kernel/format';
import { IsoDateInput } from '../../components/DateInput';

export function PlansPage() {
  const t = useT();
  const canManage = useCanManage();
  const [creating, setCreating] = useState(false);
  const q = useQuery({ queryKey: rk.plans, queryFn: ({ signal }) => reportsApi.plans(signal) });
  const columns: TableColumnsType<PlanSummary> = [
    { title: t('reports.plans.col.year'), dataIndex: 'year', width: 80 },
    {
      onCell: dataCell,
      title: t('reports.plans.col.doc'),
      key: 'doc',
      render: (_: unknown, p) => (
        <Link to={`/reports/plans/${p.id}`} data-testid={`plan-${p.id}`}>
          {p.citation}
        </Link>
      ),
    },
    { onCell: dataCell, title: t('reports.plans.col.title'), dataIndex: 'title' },
    { onCell: dataCell, title: t('reports.plans.col.area'), dataIndex: 'areaName' },
    { title: t('reports.plans.col.targets'), dataIndex: 'targetCount', align: 'right' },
  ];
  return (
    <div>
      <ReportsHead
        title={t('reports.plans.title')}
        intro={t('reports.plans.intro')}
        extra={
          canManage && (
            <Button type="primary" data-testid="plans-create" onClick={() => setCreating(true)}>
              {t('reports.plans.create')}
            </Button>
          )
        }
      />
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      <Table<PlanSummary>
        data-testid="plans-table"
        rowKey="id"
        size="small"
        loading={q.isLoading}
        columns={columns}
        dataSource={q.data?.items ?? []}
        pagination={false}
      />
      {creating && <CreatePlanModal onClose={() => setCreating(false)} />}
    </div>
  );
}

interface PlanValues {
  year: number;
  areaCode: string;
  title: string;
  docNumber: string;
  docDate: string;
  issuer: string;
  kind: 'ubnd' | 'department';
}
const PLAN_FIELDS = ['year', 'areaCode', 'title', 'docNumber', 'docDate', 'issuer', 'kind'] as const;

function CreatePlanModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const state = useModalForm<PlanValues>(PLAN_FIELDS, onClose);
  const m = useMutation({
    mutationFn: (v: PlanValues) => reportsApi.createPlan({ ...v, year: Number(v.year), targets: [] }),
    onSuccess: async (p) => {
      await state.done(t('reports.plans.created'), rk.plans);
      void navigate(`/reports/plans/${p.id}`);
    },
    onError: state.showError,
  });
  return (
    <ModalForm<PlanValues>
      state={state}
      title={t('reports.plans.create')}
      errorTestId="plan-form-error"
      submit={{ label: t('common.save'), testId: 'plan-form-submit', loading: m.isPending }}
      onFinish={(v) => m.mutate(v)}
      initialValues={{
        year: Number(todayVn().slice(0, 4)),
        areaCode: me.areaCode,
        issuer: 'Sở Lao động - Thương binh và Xã hội',
        kind: 'department',
      }}
    >
      <Form.Item name="year" label={t('reports.plans.col.year')} rules={[{ required: true }]}>
        <InputNumber data-testid="plan-form-year" min={2000} max={2100} />
      </Form.Item>
      <Form.Item
        name="areaCode"
        label={t('reports.form.areaCode')}
        rules={[{ required: true }]}
        extra={t('reports.form.areaCodeHelp')}
      >
        <Input data-testid="plan-form-area" />
      </Form.Item>
      <Form.Item name="title" label={t('reports.plans.col.title')} rules={[{ required: true, min: 5 }]}>
        <Input data-testid="plan-form-title" />
      </Form.Item>
      <Form.Item
        name="docNumber"
        label={t('reports.plans.docNumber')}
        rules={[{ required: true }]}
        extra={t('reports.plans.docNumberHelp')}
      >
        <Input data-testid="plan-form-docnumber" />
      </Form.Item>
      <Form.Item name="docDate" label={t('reports.plans.docDate')} rules={[{ required: true }]}>
        <IsoDateInput data-testid="plan-form-docdate" />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('reports.plans.kind')}
        rules={[{ required: true }]}
        extra={t('reports.plans.kindHelp')}
      >
        <Select
          data-testid="plan-form-kind"
          options={[
            { value: 'ubnd', label: t('reports.plans.kind.ubnd') },
            { value: 'department', label: t('reports.plans.kind.department') },
          ]}
        />
      </Form.Item>
      <Form.Item name="issuer" label={t('reports.plans.issuer')} rules={[{ required: true }]}>
        <Input data-testid="plan-form-issuer" />
      </Form.Item>
    </ModalForm>
  );
}

export function PlanPage() {
  const t = useT();
  const fmt = useFormatNumber();
  const unit = useUnitLabel();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const canManage = useCanManage();
  const url = useUrlFilters();
  const asOfParam = url.params.get('asOf') ?? undefined;
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const q = useQuery({
    queryKey: rk.plan(id, asOfParam),
    queryFn: ({ signal }) => reportsApi.plan(id, asOfParam, signal),
    enabled: valid,
  });
  const [adding, setAdding] = useState(false);
  const del = useMutation({
    mutationFn: (targetId: number) => reportsApi.deleteTarget(id, targetId),
    onSuccess: () => void q.refetch(),
    onError: (e) => void message.error(errorText(e)),
  });
  const p = q.data;
  if (!p) return <DetailFallback valid={valid} query={q} />;
  const from = `${p.year}-01-01`;
  const to = `${p.year}-12-31`;
  const columns: TableColumnsType<TargetOut> = [
    {
      onCell: dataCell,
      title: t('reports.plans.col.indicator'),
      key: 'ind',
      render: (_: unknown, x) => x.indicatorName + (x.params ? ` (${x.params})` : ''),
    },
    { onCell: dataCell, title: t('reports.plans.col.area'), dataIndex: 'areaName' },
    {
      title: t('reports.plans.col.target'),
      key: 'target',
      align: 'right',
      render: (_: unknown, x) => `${fmt(x.target)} ${unit(x.unit)}`,
    },
    {
      title: t('reports.plans.col.progress'),
      key: 'progress',
      render: (_: unknown, x) => (
        <Link
          to={figureHref({
            code: x.indicatorCode,
            areaCode: x.areaCode,
            from,
            to: p.asOf < to ? p.asOf : to,
            asOf: p.asOf,
            params: x.params,
          })}
          data-testid={`target-progress-${x.id}`}
        >
          <ProgressText tg={x} />
        </Link>
      ),
    },
    { title: t('reports.plans.col.status'), key: 'status', render: (_: unknown, x) => <StatusTag status={x.status} /> },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, x: TargetOut) => (
              <Popconfirm title={t('reports.plans.deleteTarget')} onConfirm={() => del.mutate(x.id)}>
                <Button size="small" danger data-testid={`target-delete-${x.id}`}>
                  {t('reports.plans.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <div>
      <ReportsHead
        title={<span translate="no">{p.citation}</span>}
        intro={
          <>
            <span translate="no">
              {p.title} — {p.areaName}.
            </span>{' '}
            <TN k="reports.plans.issuedBy" p={{ issuer: p.issuer, date: formatDate(p.docDate) }} />
          </>
        }
        extra={
          canManage && (
            <Button type="primary" data-testid="plan-add-target" onClick={() => setAdding(true)}>
              {t('reports.plans.addTarget')}
            </Button>
          )
        }
      />
      <Space style={{ marginBottom: 12 }} className="no-print">
        <label>
          {t('reports.filter.asOf')}{' '}
          <IsoDateInput
            data-testid="plan-asof"
            width={160}
            value={p.asOf}
            onChange={(v) => url.update({ asOf: v || undefined })}
          />
        </label>
      </Space>
      <Table<TargetOut>
        data-testid="plan-targets"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={p.targets}
        pagination={false}
      />
      {adding && <TargetModal planId={id} onClose={() => setAdding(false)} onSaved={() => void q.refetch()} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('reports.plans.splitHelp')}
      </Typography.Paragraph>
    </div>
  );
}

interface TargetValues {
  indicatorCode: string;
  areaCode?: string;
  target: string;
  params?: string;
  note?: string;
}

function TargetModal({ planId, onClose, onSaved }: { planId: number; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const state = useModalForm<TargetValues>(['indicatorCode', 'areaCode', 'target', 'params', 'note'], onClose);
  const inds = useQuery({ queryKey: rk.indicators, queryFn: ({ signal }) => reportsApi.indicators(signal) });
  const m = useMutation({
    mutationFn: (v: TargetValues) => {
      const n = parseNumberVi(v.target);
      if (!n.ok) throw new Error(n.message);
      return reportsApi.setTarget(planId, {
        indicatorCode: v.indicatorCode,
        target: n.value,
        ...(v.areaCode ? { areaCode: v.areaCode } : {}),
        ...(v.params ? { params: v.params } : {}),
        ...(v.note ? { note: v.note } : {}),
      });
    },
    onSuccess: async () => {
      onSaved();
      await state.done(t('reports.plans.targetSaved'), rk.plans);
    },
    onError: (e) => (e instanceof Error && !('status' in e) ? state.setErrors([e.message]) : state.showError(e)),
  });
  return (
    <ModalForm<TargetValues>
      state={state}
      title={t('reports.plans.addTarget')}
      errorTestId="target-form-error"
      submit={{ label: t('common.save'), testId: 'target-form-submit', loading: m.isPending }}
      onFinish={(v) => m.mutate(v)}
    >
      <Form.Item name="indicatorCode" label={t('reports.plans.col.indicator')} rules={[{ required: true }]}>
        <Select
          data-testid="target-form-indicator"
          showSearch={{ optionFilterProp: 'label' }}
          loading={inds.isLoading}
          options={(inds.data?.items ?? []).map((i) => ({ value: i.code, label: `${i.nameVi} (${i.code})` }))}
        />
      </Form.Item>
      <Form.Item
        name="target"
        label={t('reports.plans.col.target')}
        rules={[{ required: true }]}
        extra={t('reports.plans.targetHelp')}
      >
        <Input data-testid="target-form-value" inputMode="decimal" />
      </Form.Item>
      <Form.Item name="areaCode" label={t('reports.form.areaCode')} extra={t('reports.plans.targetAreaHelp')}>
        <Input data-testid="target-form-area" />
      </Form.Item>
      <Form.Item name="params" label={t('reports.form.params')} extra={t('reports.form.paramsHelp')}>
        <Input data-testid="target-form-params" />
      </Form.Item>
      <Form.Item name="note" label={t('reports.form.note')}>
        <Input data-testid="target-form-note" />
      </Form.Item>
    </ModalForm>
  );
}
