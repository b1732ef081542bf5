import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, Space, Table, Timeline, Typography } from 'antd';
import type { DossierOut } from '@ansinh/domain';
import { useErrorText } from '../../kernel/errors';
import { formatDate, formatDateTime } from '../../kernel/format';
import { pickBilingual, useLang, useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { DetailFallback, useRouteRecord } from '../../components/DetailFallback';
import { ModalForm, useModalForm } from '../../components/ModalForm';
import { dk, dossiersApi } from './api';
import { DossiersHead, StateTag } from './shared';
import { dataCell } from '../../kernel/format';

type Field = 'note' | 'reason' | 'missing' | 'newDate' | 'outcomeNote';
const ACTION_FIELDS: Record<string, Field[]> = {
  forward: ['note'],
  result: ['outcomeNote', 'note'],
  return: ['note'],
  supplement: ['missing', 'note'],
  supplied: ['note'],
  refuse: ['reason'],
  withdraw: ['reason'],
  apology: ['reason', 'newDate'],
};
const FIELD_LABEL: Record<Field, MessageKey> = {
  note: 'dossiers.field.note',
  reason: 'dossiers.field.reason',
  missing: 'dossiers.field.missing',
  newDate: 'dossiers.field.newDate',
  outcomeNote: 'dossiers.field.outcome',
};
const REQUIRED: Field[] = ['reason', 'missing', 'newDate'];

function ActionModal({ d, action, onClose }: { d: DossierOut; action: string; onClose: () => void }) {
  const t = useT();
  const fields = ACTION_FIELDS[action] ?? [];
  const state = useModalForm<Record<Field, string>>(fields, onClose);
  const label = t(`dossiers.action.${action}` as MessageKey);
  const run = useMutation({
    mutationFn: (v: Record<Field, string>) =>
      dossiersApi.act(d.id, action, Object.fromEntries(fields.map((f) => [f, v[f] ?? '']))),
    onSuccess: () => state.done(t('dossiers.action.done', { action: label }), dk.one(d.id), dk.all),
    onError: state.showError,
  });
  return (
    <ModalForm
      state={state}
      title={`${label} — ${d.code}`}
      errorTestId="action-errors"
      submit={{ label, testId: 'action-submit', loading: run.isPending, danger: action === 'refuse' }}
      onFinish={(v) => run.mutate(v)}
    >
      {fields.map((f, i) => (
        <Form.Item
          key={f}
          name={f}
          label={t(FIELD_LABEL[f])}
          rules={REQUIRED.includes(f) ? [{ required: true, message: t(FIELD_LABEL[f]) }] : []}
        >
          {f === 'newDate' ? (
            <Input data-testid={`action-${f}`} autoFocus={i === 0} placeholder="2025-12-31" />
          ) : (
            <Input.TextArea data-testid={`action-${f}`} autoFocus={i === 0} rows={2} />
          )}
        </Form.Item>
      ))}
    </ModalForm>
  );
}

function Attach({ d }: { d: DossierOut }) {
  const t = useT();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const up = useMutation({
    mutationFn: (f: File) => dossiersApi.attach(d.id, f),
    onSuccess: () => qc.invalidateQueries({ queryKey: dk.one(d.id) }),
    onError: (e) => void message.error(errorText(e)),
  });
  return (
    <label className="no-print">
      {t('dossiers.detail.attach')}{' '}
      <input
        data-testid="dossier-attach"
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) up.mutate(f);
          e.target.value = '';
        }}
      />
    </label>
  );
}

/** One dossier: its facts, the levels with their due dates, the timeline, files and the actions the officer may take. */
export default function DossierPage() {
  const t = useT();
  const { lang } = useLang();
  const { valid, query } = useRouteRecord(dk.one, (id, signal) => dossiersApi.get(id, signal));
  const [action, setAction] = useState<string | null>(null);
  const d = query.data;
  if (!d) return <DetailFallback valid={valid} query={query} />;
  const lv = (l: string | null) => (l ? t(`dossiers.level.${l}` as MessageKey) : '');
  return (
    <>
      <DossiersHead
        title={`${t('dossiers.col.code')} ${d.code}`}
        extra={
          <Space wrap>
            <Link to={`/dossiers/${d.id}/print/receipt`} data-testid="print-receipt">
              {t('dossiers.print.receipt')}
            </Link>
            {d.apologies > 0 && <Link to={`/dossiers/${d.id}/print/apology`}>{t('dossiers.print.apology')}</Link>}
            <Link to={`/dossiers/${d.id}/print/control`} data-testid="print-control">
              {t('dossiers.print.control')}
            </Link>
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }} data-testid="dossier-actions">
        {d.actions
          .filter((a) => a !== 'file')
          .map((a) => (
            <Button
              key={a}
              data-testid={`action-${a}`}
              type={a === 'forward' || a === 'result' || a === 'return' ? 'primary' : 'default'}
              danger={a === 'refuse'}
              onClick={() => setAction(a)}
            >
              {t(`dossiers.action.${a}` as MessageKey)}
            </Button>
          ))}
      </Space>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="dossier-facts">
          <Descriptions.Item label={t('dossiers.col.state')}>
            <span data-testid="dossier-state">
              <StateTag d={d} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('dossiers.col.where')}>
            <span translate="no">{d.currentAreaName ?? ''}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('dossiers.detail.procedure')}>
            <span translate="no">
              {d.procedure.code} — {d.procedure.name}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('dossiers.detail.applicant')}>
            <span translate="no">
              {d.applicantName} {d.applicantPhone ? `· ${d.applicantPhone}` : ''}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('dossiers.detail.receivedAt')}>
            {formatDateTime(d.receivedAt)} · {t(`dossiers.channel.${d.channel}` as MessageKey)}
          </Descriptions.Item>
          <Descriptions.Item label={t('dossiers.detail.startDate')}>{formatDate(d.startDate)}</Descriptions.Item>
          <Descriptions.Item label={t('dossiers.detail.due')}>
            {formatDate(d.dueDate)}
            {d.calendarWarning && (
              <Typography.Text type="warning" data-testid="calendar-warning" style={{ display: 'block' }}>
                ⚠ {pickBilingual(d.calendarWarning, lang)}
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('dossiers.detail.appointment')}>
            <span data-testid="dossier-appointment">{formatDate(d.appointmentDate)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('dossiers.detail.delivery')}>
            {t(`dossiers.delivery.${d.delivery}` as MessageKey)}
          </Descriptions.Item>
          {d.assistedBy && (
            <Descriptions.Item label={t('dossiers.detail.assisted')}>
              {d.assistedByName ?? d.assistedBy} —{' '}
              {d.assistedReason ? t(`dossiers.reason.${d.assistedReason}` as MessageKey) : ''} {d.assistedNote}
            </Descriptions.Item>
          )}
          {d.supplementRequest && d.state === 'supplement' && (
            <Descriptions.Item label={t('dossiers.state.supplement')}>{d.supplementRequest}</Descriptions.Item>
          )}
          {d.outcomeNote && <Descriptions.Item label={t('dossiers.detail.result')}>{d.outcomeNote}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={t('dossiers.detail.levels')} style={{ marginBottom: 12 }}>
        <Table
          rowKey="seq"
          size="small"
          pagination={false}
          data-testid="dossier-steps"
          dataSource={d.steps}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '#', dataIndex: 'seq' },
            {
              onCell: dataCell,
              title: t('dossiers.col.where'),
              key: 'area',
              render: (_: unknown, s) => `${lv(s.level)} — ${s.areaName}`,
            },
            { title: t('procedures.col.path'), dataIndex: 'days' },
            {
              title: t('dossiers.detail.startDate'),
              dataIndex: 'startDate',
              render: (v: string | null) => formatDate(v) || t('dossiers.detail.pending'),
            },
            { title: t('dossiers.col.levelDue'), dataIndex: 'dueDate', render: (v: string | null) => formatDate(v) },
            {
              title: t('dossiers.col.state'),
              key: 't',
              render: (_: unknown, s) =>
                s.timeliness
                  ? t(`dossiers.timeliness.${s.timeliness}` as MessageKey)
                  : s.finishedDate
                    ? formatDate(s.finishedDate)
                    : '',
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('dossiers.detail.timeline')} style={{ marginBottom: 12 }}>
        <Timeline
          data-testid="dossier-timeline"
          items={d.events.map((e) => ({
            children: (
              <span>
                <strong>{t(`dossiers.action.${e.action}` as MessageKey)}</strong> · {formatDateTime(e.at)} ·{' '}
                <span translate="no">
                  {e.actorName ?? e.actor}
                  {e.areaName ? ` · ${e.areaName}` : ''}
                </span>
                {e.note ? (
                  <Typography.Text type="secondary" translate="no">
                    {' '}
                    — {e.note}
                  </Typography.Text>
                ) : null}
              </span>
            ),
          }))}
        />
      </Card>
      <Card size="small" title={t('dossiers.detail.files')}>
        {d.files.length === 0 ? (
          <Typography.Text type="secondary">{t('dossiers.detail.noFiles')}</Typography.Text>
        ) : (
          <ul data-testid="dossier-files">
            {d.files.map((f) => (
              <li key={f.id}>
                <a href={dossiersApi.fileUrl(d.id, f.id)}>{f.name}</a> ({Math.ceil(f.size / 1024)} KB, {f.uploadedBy})
              </li>
            ))}
          </ul>
        )}
        {d.actions.includes('file') && <Attach d={d} />}
      </Card>
      {action && <ActionModal d={d} action={action} onClose={() => setAction(null)} />}
    </>
  );
}
