import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Radio, Select, Space, Switch } from 'antd';
import {
  allowedDecisions,
  FITNESS_LABELS,
  fitnessItemsFor,
  type FitnessItem,
  type IdentityOut,
  type LetterOut,
  type SingleKind,
} from '@ansinh/domain';
import { useErrorText } from '../../kernel/errors';
import { formatDate } from '../../kernel/format';
import { useLang, useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { petitionsApi, pk } from './api';
import { ClockTag, kindLabel, PetitionsHead, todayIso } from './shared';
import { IsoDateInput } from '../../components/DateInput';

const SINGLE: SingleKind[] = ['complaint', 'denunciation', 'proposal'];

/** Classification wizard: kind, the fit-to-handle checklist, competence; then split or decide, then notify. */
function Classify({ l, act }: { l: LetterOut; act: (p: Promise<unknown>) => void }) {
  const t = useT();
  const { lang } = useLang();
  const [kind, setKind] = useState<SingleKind | 'mixed'>((l.kind as SingleKind) ?? 'complaint');
  const [checks, setChecks] = useState<FitnessItem[]>([]);
  const [within, setWithin] = useState(true);
  const [parts, setParts] = useState([
    { kind: 'complaint' as SingleKind, summary: '' },
    { kind: 'denunciation' as SingleKind, summary: '' },
  ]);
  return (
    <Card title={t('petitions.classify.title')} data-testid="classify-card" style={{ marginBottom: 16 }}>
      <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as SingleKind)} data-testid="classify-kind">
        {[...SINGLE, 'mixed' as const].map((k) => (
          <Radio.Button key={k} value={k} data-testid={`kind-${k}`}>
            {kindLabel(t, k)}
          </Radio.Button>
        ))}
      </Radio.Group>
      {kind === 'mixed' ? (
        <div style={{ marginTop: 12 }}>
          {parts.map((p, i) => (
            <Space key={i} style={{ display: 'flex', marginBottom: 8 }}>
              <Select
                value={p.kind}
                style={{ width: 180 }}
                onChange={(v) => setParts(parts.map((x, j) => (j === i ? { ...x, kind: v } : x)))}
                options={SINGLE.map((k) => ({ value: k, label: kindLabel(t, k) }))}
              />
              <Input
                value={p.summary}
                style={{ width: 420 }}
                onChange={(e) => setParts(parts.map((x, j) => (j === i ? { ...x, summary: e.target.value } : x)))}
              />
            </Space>
          ))}
          <Space>
            <Button onClick={() => setParts([...parts, { kind: 'proposal', summary: '' }])}>
              {t('petitions.split.add')}
            </Button>
            <Button type="primary" onClick={() => act(petitionsApi.split(l.id, { parts }))}>
              {t('petitions.split.save')}
            </Button>
          </Space>
        </div>
      ) : (
        <div style={{ marginTop: 12 }}>
          <Checkbox.Group
            value={checks}
            onChange={(v) => setChecks(v as FitnessItem[])}
            data-testid="classify-checks"
            style={{ display: 'grid', gap: 4 }}
          >
            {fitnessItemsFor(kind).map((i) => (
              <Checkbox key={i} value={i}>
                {FITNESS_LABELS[i][lang]}
              </Checkbox>
            ))}
          </Checkbox.Group>
          <div style={{ margin: '12px 0' }}>
            <Switch checked={within} onChange={setWithin} data-testid="classify-competence" />{' '}
            {t('petitions.classify.competence')}
          </div>
          <Space>
            <Button onClick={() => setChecks(fitnessItemsFor(kind))} data-testid="classify-all">
              ✓ {t('petitions.due.all')}
            </Button>
            <Button
              type="primary"
              data-testid="classify-save"
              onClick={() =>
                act(
                  petitionsApi.classify(l.id, {
                    kind,
                    withinCompetence: within,
                    fitness: Object.fromEntries(checks.map((c) => [c, true])),
                  }),
                )
              }
            >
              {t('petitions.classify.save')}
            </Button>
          </Space>
        </div>
      )}
    </Card>
  );
}

function Decide({ l, act }: { l: LetterOut; act: (p: Promise<unknown>) => void }) {
  const t = useT();
  const options = allowedDecisions(l.kind as SingleKind, !!l.fit, !!l.withinCompetence);
  const [form] = Form.useForm();
  const decision = Form.useWatch('decision', form) as string | undefined;
  return (
    <Card title={t('petitions.decide.title')} data-testid="decide-card" style={{ marginBottom: 16 }}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ decision: options[0], date: todayIso(), instance: 1 }}
        onFinish={(v) => act(petitionsApi.decide(l.id, v as object))}
      >
        <Form.Item name="decision">
          <Select
            style={{ width: 160 }}
            data-testid="decide-decision"
            options={options.map((d) => ({ value: d, label: t(`petitions.decision.${d}` as MessageKey) }))}
          />
        </Form.Item>
        <Form.Item name="date" label={t('petitions.date')}>
          <IsoDateInput data-testid="decide-date" />
        </Form.Item>
        {decision === 'transfer' || decision === 'guide' ? (
          <Form.Item name="to" label={t('petitions.decide.to')}>
            <Input />
          </Form.Item>
        ) : null}
        {decision === 'accept' && l.kind === 'complaint' ? (
          <>
            <Form.Item name="instance" label={t('petitions.decide.instance')}>
              <Select
                style={{ width: 80 }}
                options={[
                  { value: 1, label: '1' },
                  { value: 2, label: '2' },
                ]}
              />
            </Form.Item>
            <Form.Item name="complex" valuePropName="checked">
              <Checkbox>{t('petitions.decide.complex')}</Checkbox>
            </Form.Item>
            <Form.Item name="remote" valuePropName="checked">
              <Checkbox>{t('petitions.decide.remote')}</Checkbox>
            </Form.Item>
          </>
        ) : null}
        <Button type="primary" htmlType="submit" data-testid="decide-save">
          {t('petitions.decide.save')}
        </Button>
      </Form>
    </Card>
  );
}

export default function LetterPage() {
  const t = useT();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [identity, setIdentity] = useState<IdentityOut | null>(null);
  const [reason, setReason] = useState('');
  const q = useQuery({ queryKey: pk.letter(id), queryFn: ({ signal }) => petitionsApi.letter(id, signal) });
  const run = useMutation({
    mutationFn: (p: Promise<unknown>) => p,
    onSuccess: async () => {
      setError(null);
      await qc.invalidateQueries({ queryKey: pk.all });
    },
    onError: (e) => setError(errorText(e)),
  });
  const act = (p: Promise<unknown>) => run.mutate(p.then((x) => x));
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const l = q.data;
  if (!l) return null;
  const can = (a: string) => (l.abilities ?? []).includes(a);
  return (
    <>
      <PetitionsHead
        title={l.code}
        extra={
          <Space wrap className="no-print">
            <Link to={`/petitions/letters/${l.id}/print/02`}>{t('petitions.print.02')}</Link>
            <a href={petitionsApi.formUrl(l.id, '01-tcd')} data-testid="form-01">
              {t('petitions.docx.01')}
            </a>
            <a href={petitionsApi.formUrl(l.id, '02-tcd')} data-testid="form-02">
              {t('petitions.docx.02')}
            </a>
            {l.decision && l.decision !== 'file' ? (
              <a href={petitionsApi.formUrl(l.id, 'slip')} data-testid="form-slip">
                {t('petitions.docx.slip')}
              </a>
            ) : null}
          </Space>
        }
      />
      {error ? (
        <Alert
          type="error"
          role="alert"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="letter-error"
        />
      ) : null}
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }} data-testid="letter-details">
        <Descriptions.Item label={t('petitions.col.received')}>{formatDate(l.receivedDate)}</Descriptions.Item>
        <Descriptions.Item label={t('petitions.letter.channel')}>
          {t(`petitions.channel.${l.channel}` as MessageKey)}
        </Descriptions.Item>
        <Descriptions.Item label={t('petitions.col.sender')}>
          {l.identityRestricted ? (
            identity ? (
              `${identity.name} — ${identity.address}`
            ) : (
              <i>{t('petitions.secret')}</i>
            )
          ) : (
            `${l.senderName} — ${l.senderAddress}`
          )}
          {l.identityRestricted && !identity && can('identity') ? (
            <Button
              size="small"
              style={{ marginLeft: 8 }}
              onClick={() => void petitionsApi.identity(l.id).then(setIdentity, (e: unknown) => setError(errorText(e)))}
            >
              {t('petitions.identity.show')}
            </Button>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('petitions.col.kind')}>{kindLabel(t, l.kind)}</Descriptions.Item>
        <Descriptions.Item label={t('petitions.col.summary')} span={2}>
          <span translate="no">{l.summary}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('petitions.col.state')}>
          <span data-testid="letter-state">{t(`petitions.state.${l.state}` as MessageKey)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('petitions.notify.title')}>
          <ClockTag clock={l.noticeClock} />
        </Descriptions.Item>
        {l.checkClock ? (
          <Descriptions.Item label={t('petitions.check.title')} span={2}>
            <span data-testid="check-clock">
              <ClockTag clock={l.checkClock} />
            </span>
            {can('classify') && !l.decision && !l.checkExtendedDate ? (
              <Space.Compact style={{ marginLeft: 8 }}>
                <Input
                  aria-label={t('petitions.check.reason')}
                  placeholder={t('petitions.check.reason')}
                  value={reason}
                  maxLength={1000}
                  onChange={(e) => setReason(e.target.value)}
                />
                <Button
                  disabled={!reason.trim()}
                  data-testid="check-extend"
                  onClick={() => act(petitionsApi.extendCheck(l.id, { date: todayIso(), reason }))}
                >
                  {t('petitions.check.extend')}
                </Button>
              </Space.Compact>
            ) : l.checkExtendedDate ? (
              <span style={{ marginLeft: 8 }}>
                {formatDate(l.checkExtendedDate)}: {l.checkExtensionReason}
              </span>
            ) : null}
          </Descriptions.Item>
        ) : null}
        {l.failedChecks.length ? (
          <Descriptions.Item label="✗" span={2}>
            {l.failedChecks.join(', ')}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {can('classify') && l.state === 'received' ? <Classify l={l} act={act} /> : null}
      {can('classify') && l.state === 'classified' && !l.decision ? <Decide l={l} act={act} /> : null}
      {l.caseId ? (
        <p>
          <Link to={`/petitions/cases/${l.caseId}`} data-testid="letter-case">
            {t('petitions.openCase')}
          </Link>
        </p>
      ) : null}
      {can('receive') && l.decision && !l.notifiedDate ? (
        <Button data-testid="notify-save" onClick={() => act(petitionsApi.notify(l.id, { date: todayIso() }))}>
          {t('petitions.notify.save')}
        </Button>
      ) : null}
    </>
  );
}
