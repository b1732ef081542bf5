import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Space, Tag, Tooltip } from 'antd';
import { parseNumberVi, type EnteredValueOut } from '@ansinh/domain';
import { formatDateTime } from '../../kernel/format';
import { useT, useFormatNumber } from '../../kernel/i18n';
import { ModalForm, useModalForm } from '../../components/ModalForm';
import { reportsApi, rk } from './api';

/** Where an entered value stands: in use, corrected (superseded), withdrawn; typed in place of a computed figure. */
export function ValueStatus({ v }: { v: EnteredValueOut }) {
  const t = useT();
  const status = v.status ?? 'active';
  const tag =
    status === 'active' ? (
      <Tag color="green">{t('reports.values.status.active')}</Tag>
    ) : (
      <Tooltip title={`${v.statusReason ?? ''} (${v.statusBy ?? ''}, ${v.statusAt ? formatDateTime(v.statusAt) : ''})`}>
        <Tag color={status === 'withdrawn' ? 'red' : 'default'}>{t(`reports.values.status.${status}`)}</Tag>
      </Tooltip>
    );
  return (
    <Space size={4} wrap>
      {tag}
      {v.overrideReason && (
        <Tooltip title={v.overrideReason}>
          <Tag color="orange">{t('reports.figure.override')}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

interface ChangeValues {
  value?: string;
  sourceRef?: string;
  reason: string;
}

/** Correct (a new value supersedes this one, with a reason) or withdraw (with a reason) an active value. */
export function ValueActions({ v }: { v: EnteredValueOut }) {
  const t = useT();
  const [mode, setMode] = useState<'correct' | 'withdraw' | null>(null);
  if ((v.status ?? 'active') !== 'active') return null;
  return (
    <>
      <Space size={4}>
        <Button size="small" data-testid={`value-correct-${v.id}`} onClick={() => setMode('correct')}>
          {t('reports.values.correct')}
        </Button>
        <Button size="small" danger data-testid={`value-withdraw-${v.id}`} onClick={() => setMode('withdraw')}>
          {t('reports.values.withdraw')}
        </Button>
      </Space>
      {mode && <ChangeModal v={v} mode={mode} onClose={() => setMode(null)} />}
    </>
  );
}

function ChangeModal({ v, mode, onClose }: { v: EnteredValueOut; mode: 'correct' | 'withdraw'; onClose: () => void }) {
  const t = useT();
  const fmt = useFormatNumber();
  const state = useModalForm<ChangeValues>(['value', 'sourceRef', 'reason'], onClose);
  const m = useMutation({
    mutationFn: (f: ChangeValues) => {
      if (mode === 'withdraw') return reportsApi.withdrawValue(v.id, { reason: f.reason });
      const n = parseNumberVi(f.value ?? '');
      if (!n.ok) throw new Error(n.message);
      return reportsApi.correctValue(v.id, {
        value: n.value,
        reason: f.reason,
        ...(f.sourceRef && f.sourceRef !== v.sourceRef ? { sourceRef: f.sourceRef } : {}),
      });
    },
    onSuccess: () => state.done(t('reports.values.saved'), rk.all),
    onError: (e) => (e instanceof Error && !('status' in e) ? state.setErrors([e.message]) : state.showError(e)),
  });
  return (
    <ModalForm<ChangeValues>
      state={state}
      title={t(mode === 'correct' ? 'reports.values.correctTitle' : 'reports.values.withdrawTitle')}
      intro={
        <p>
          {v.indicatorName} — {v.areaName}: {fmt(v.value)} ({v.sourceRef})
        </p>
      }
      errorTestId="value-change-error"
      submit={{ label: t('common.save'), testId: 'value-change-submit', loading: m.isPending }}
      onFinish={(f) => m.mutate(f)}
      initialValues={{ sourceRef: v.sourceRef }}
      width={560}
    >
      {mode === 'correct' && (
        <>
          <Form.Item name="value" label={t('reports.values.newValue')} rules={[{ required: true }]}>
            <Input data-testid="value-change-value" inputMode="decimal" />
          </Form.Item>
          <Form.Item name="sourceRef" label={t('reports.values.col.source')} rules={[{ required: true, min: 3 }]}>
            <Input data-testid="value-change-source" />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="reason"
        label={t('reports.values.reason')}
        rules={[{ required: true, min: 5 }]}
        extra={t('reports.values.reasonHelp')}
      >
        <Input.TextArea rows={2} data-testid="value-change-reason" />
      </Form.Item>
    </ModalForm>
  );
}
