import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TransferIncoming, TransferOutgoing, TransferState } from '@ansinh/domain';
import { registryApi, registryKeys } from './api';
import { useErrorText } from '../../kernel/errors';
import { formatDateTime, showPartialDate } from '../../kernel/format';
import { useAuth } from '../../kernel/auth';
import { TN, useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { RegistryHead, useCanWrite } from './shared';
import { dataCell } from '../../kernel/format';

const STATE_COLOR: Record<TransferState, string> = { pending: 'gold', accepted: 'green', refused: 'red' };

function StateTag({ state }: { state: TransferState }) {
  const t = useT();
  return <Tag color={STATE_COLOR[state]}>{t(`transfers.state.${state}` as MessageKey)}</Tag>;
}

/**
 * Transfer requests (yêu cầu chuyển đến): those sent to my area, which I accept (the person moves to
 * the requesting commune) or refuse with a reason; those my area sent, with their answers; and a
 * form to ask for a person whose citizen ID is registered outside my area (where is never shown).
 */
export default function TransfersPage() {
  const t = useT();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const canWrite = useCanWrite();
  const { me } = useAuth();
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [form] = Form.useForm<{ citizenId: string; note?: string }>();

  const list = useQuery({ queryKey: registryKeys.transfers, queryFn: ({ signal }) => registryApi.transfers(signal) });
  const onError = (e: unknown) => modal.error({ title: t('common.errorTitle'), content: errorText(e) });
  const refresh = () => qc.invalidateQueries({ queryKey: registryKeys.all });

  const decide = useMutation({
    mutationFn: (v: { id: number; accept: boolean }) =>
      registryApi.decideTransfer(
        v.id,
        v.accept ? { decision: 'accept' } : { decision: 'refuse', reason: reasons[v.id] ?? '' },
      ),
    onSuccess: async (r) => {
      void message.success(
        t(r.state === 'accepted' ? 'transfers.accepted' : 'transfers.refused', { name: r.fullName }),
      );
      await refresh();
    },
    onError,
  });
  const ask = useMutation({
    mutationFn: (v: { citizenId: string; note?: string }) =>
      registryApi.requestTransfer({ citizenId: v.citizenId, communeCode: me?.areaCode ?? '', note: v.note ?? null }),
    onSuccess: async () => {
      void message.success(t('transfers.sent'));
      form.resetFields();
      await refresh();
    },
    onError,
  });

  const incoming: TableColumnsType<TransferIncoming> = [
    { title: t('transfers.col.state'), key: 'state', render: (_: unknown, r) => <StateTag state={r.state} /> },
    {
      onCell: dataCell,
      title: t('transfers.col.person'),
      key: 'person',
      render: (_: unknown, r) => (
        <span>
          <Link to={`/registry/persons/${r.personId}`}>{r.fullName}</Link> · {showPartialDate(r.birthDate)} ·{' '}
          {r.citizenId}
        </span>
      ),
    },
    { onCell: dataCell, title: t('transfers.col.to'), dataIndex: 'toCommuneName' },
    { onCell: dataCell, title: t('transfers.col.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
    { title: t('transfers.col.requestedAt'), dataIndex: 'requestedAt', render: (v: string) => formatDateTime(v) },
    {
      onCell: dataCell,
      title: t('transfers.col.decision'),
      key: 'decision',
      className: 'no-print',
      render: (_: unknown, r) =>
        r.state !== 'pending' ? (
          (r.refusalReason ?? '')
        ) : canWrite ? (
          <Space orientation="vertical" size={6}>
            <Popconfirm
              title={t('transfers.acceptTitle')}
              description=<TN k="transfers.acceptText" p={{ name: r.fullName, to: r.toCommuneName }} />
              okText={t('transfers.accept')}
              cancelText={t('common.cancel')}
              onConfirm={() => decide.mutate({ id: r.id, accept: true })}
            >
              <Button type="primary" data-testid={`transfer-accept-${r.id}`} loading={decide.isPending}>
                {t('transfers.accept')}
              </Button>
            </Popconfirm>
            <Input.TextArea
              rows={2}
              aria-label={t('transfers.reasonLabel')}
              placeholder={t('transfers.reasonPlaceholder')}
              value={reasons[r.id] ?? ''}
              onChange={(e) => setReasons((old) => ({ ...old, [r.id]: e.target.value }))}
              data-testid={`transfer-reason-${r.id}`}
            />
            <Button
              danger
              disabled={(reasons[r.id] ?? '').trim().length < 5}
              onClick={() => decide.mutate({ id: r.id, accept: false })}
              data-testid={`transfer-refuse-${r.id}`}
            >
              {t('transfers.refuse')}
            </Button>
          </Space>
        ) : null,
    },
  ];

  const outgoing: TableColumnsType<TransferOutgoing> = [
    { title: t('transfers.col.state'), key: 'state', render: (_: unknown, r) => <StateTag state={r.state} /> },
    { title: t('transfers.col.citizenId'), dataIndex: 'citizenId' },
    { onCell: dataCell, title: t('transfers.col.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
    { title: t('transfers.col.requestedAt'), dataIndex: 'requestedAt', render: (v: string) => formatDateTime(v) },
    { title: t('transfers.col.answer'), dataIndex: 'refusalReason', render: (v: string | null) => v ?? '' },
  ];

  return (
    <div>
      <RegistryHead title={t('transfers.title')} intro={t('transfers.intro')} />
      {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Typography.Title level={2}>{t('transfers.incoming')}</Typography.Title>
      <Table<TransferIncoming>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        columns={incoming}
        dataSource={list.data?.incoming ?? []}
        pagination={false}
        locale={{ emptyText: t('transfers.noneIncoming') }}
        data-testid="transfers-incoming"
      />
      <Typography.Title level={2}>{t('transfers.outgoing')}</Typography.Title>
      <Table<TransferOutgoing>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        columns={outgoing}
        dataSource={list.data?.outgoing ?? []}
        pagination={false}
        locale={{ emptyText: t('transfers.noneOutgoing') }}
      />
      {canWrite && me?.role === 'commune_officer' ? (
        <Card title={t('transfers.askTitle')} className="no-print" style={{ marginTop: 16 }}>
          <Typography.Paragraph>{t('transfers.askIntro')}</Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={(v) => ask.mutate(v)}>
            <Form.Item
              name="citizenId"
              label={t('transfers.citizenIdLabel')}
              rules={[{ required: true, pattern: /^\d{12}$/, message: t('transfers.citizenIdHelp') }]}
            >
              <Input inputMode="numeric" maxLength={12} data-testid="transfer-citizen-id" />
            </Form.Item>
            <Form.Item name="note" label={t('transfers.noteLabel')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={ask.isPending} data-testid="transfer-send">
              {t('transfers.send')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}
