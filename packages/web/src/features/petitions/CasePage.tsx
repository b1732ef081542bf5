import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Select, Timeline } from 'antd';
import { CASE_RESULTS, CASE_STEP_KINDS, type CaseStepBody } from '@ansinh/domain';
import { useErrorText } from '../../kernel/errors';
import { formatDate } from '../../kernel/format';
import { useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { petitionsApi, pk } from './api';
import { ClockTag, kindLabel, PetitionsHead, todayIso } from './shared';
import { IsoDateInput } from '../../components/DateInput';

/** A complaint or denunciation case: its two clocks, its steps, and the form for the next step. */
export default function CasePage() {
  const t = useT();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Partial<CaseStepBody>>();
  const kind = Form.useWatch('kind', form);
  const q = useQuery({ queryKey: pk.case(id), queryFn: ({ signal }) => petitionsApi.case(id, signal) });
  const step = useMutation({
    mutationFn: (v: Partial<CaseStepBody>) => petitionsApi.step(id, v),
    onSuccess: async () => {
      setError(null);
      form.resetFields(['note', 'documentRef', 'result']);
      await qc.invalidateQueries({ queryKey: pk.all });
    },
    onError: (e) => setError(errorText(e)),
  });
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  if (!c) return null;
  return (
    <>
      <PetitionsHead title={t('petitions.case.title', { code: c.code })} />
      {error ? (
        <Alert type="error" role="alert" showIcon title={error} style={{ marginBottom: 16 }} data-testid="case-error" />
      ) : null}
      {c.dialogueRequired ? (
        <Alert type="info" showIcon title={t('petitions.case.dialogueRequired')} style={{ marginBottom: 16 }} />
      ) : null}
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('petitions.col.kind')}>
          {kindLabel(t, c.kind)} {c.instance ? `(${c.instance})` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('petitions.col.code')}>
          <Link to={`/petitions/letters/${c.letterId}`}>#{c.letterId}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('petitions.col.summary')} span={2}>
          <span translate="no">{c.summary}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('petitions.case.acceptance')}>
          <ClockTag clock={c.acceptanceClock} />
        </Descriptions.Item>
        <Descriptions.Item label={t('petitions.case.settlement')}>
          <span data-testid="case-clock">
            <ClockTag clock={c.settlementClock} />
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('petitions.col.state')}>
          <span data-testid="case-state">{c.state}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('petitions.case.result')}>
          {c.result ? t(`petitions.result.${c.result}` as MessageKey) : ''}
        </Descriptions.Item>
      </Descriptions>
      <Card title={t('petitions.case.steps')} style={{ marginBottom: 16 }}>
        <Timeline
          items={(c.steps ?? []).map((s) => ({
            children: `${formatDate(s.date)} — ${t(`petitions.step.${s.kind}` as MessageKey)} ${s.note ? `: ${s.note}` : ''} (${s.by})`,
          }))}
        />
      </Card>
      {(c.abilities ?? []).includes('settle') ? (
        <Card title={t('petitions.case.addStep')} data-testid="step-card">
          <Form
            form={form}
            layout="inline"
            initialValues={{ kind: 'verify', date: todayIso() }}
            onFinish={(v) => step.mutate(v)}
          >
            <Form.Item name="kind">
              <Select
                style={{ width: 200 }}
                data-testid="step-kind"
                options={CASE_STEP_KINDS.filter((k) => k !== 'accept').map((k) => ({
                  value: k,
                  label: t(`petitions.step.${k}` as MessageKey),
                }))}
              />
            </Form.Item>
            <Form.Item name="date" label={t('petitions.date')}>
              <IsoDateInput data-testid="step-date" />
            </Form.Item>
            {kind === 'decide' ? (
              <Form.Item name="result" label={t('petitions.case.result')}>
                <Select
                  style={{ width: 160 }}
                  data-testid="step-result"
                  options={CASE_RESULTS.map((r) => ({ value: r, label: t(`petitions.result.${r}` as MessageKey) }))}
                />
              </Form.Item>
            ) : null}
            <Form.Item name="documentRef" label={t('petitions.documentRef')}>
              <Input style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="note" label={t('petitions.note')}>
              <Input style={{ width: 240 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={step.isPending} data-testid="step-save">
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </>
  );
}
