import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { hasAbility, useMe } from '../../kernel/auth';
import { useErrorText } from '../../kernel/errors';
import { useT, type MessageKey } from '../../kernel/i18n';
import { PageHead } from '../../components/PageHead';
import { LoadError } from '../../components/LoadError';
import { meritApi, meritKeys, type Sample } from './api';
import { dataCell } from '../../kernel/format';

const CLOCK_COLOR: Record<string, string> = {
  done_on_time: 'green',
  done_late: 'orange',
  overdue: 'red',
  due_today: 'gold',
  running: 'blue',
};
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** The remains and samples board: intakes, samples with each step's clock, the next step's button. */
export default function RemainsBoardPage() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const canManage = hasAbility(me, 'merit.manage');
  const board = useQuery({ queryKey: meritKeys.board, queryFn: ({ signal }) => meritApi.board(signal) });
  const [intake, setIntake] = useState({ team: 'Đội K72', receivedOn: today(), remainsCount: 1, identifiedCount: 0 });
  const [sample, setSample] = useState({ code: '', intakeId: null as number | null });
  const [event, setEvent] = useState<Record<number, { on: string; lab: string; outcome: string }>>({});
  const done = () => void qc.invalidateQueries({ queryKey: meritKeys.all });
  const onError = (e: unknown) => void message.error(errorText(e));
  const receive = useMutation({ mutationFn: () => meritApi.receiveRemains(intake), onSuccess: done, onError });
  const take = useMutation({
    mutationFn: () => {
      const i = board.data?.intakes.find((x) => x.id === sample.intakeId);
      const on = i?.receivedOn ?? today();
      return meritApi.takeSample({
        code: sample.code,
        kind: 'remains',
        intakeId: sample.intakeId,
        receivedOn: on,
        takenOn: on,
      });
    },
    onSuccess: () => (setSample({ code: '', intakeId: sample.intakeId }), done()),
    onError,
  });
  const step = useMutation({
    mutationFn: ({ s, kind }: { s: Sample; kind: 'dispatch' | 'result' | 'return' }) => {
      const e = event[s.id] ?? { on: today(), lab: '', outcome: 'no_match' };
      return meritApi.sampleEvent(s.id, {
        kind,
        on: e.on,
        ...(kind === 'dispatch' ? { lab: e.lab } : {}),
        ...(kind === 'result' ? { outcome: e.outcome } : {}),
      });
    },
    onSuccess: done,
    onError,
  });
  const ev = (s: Sample) => event[s.id] ?? { on: today(), lab: '', outcome: 'no_match' };
  const setEv = (s: Sample, patch: Partial<{ on: string; lab: string; outcome: string }>) =>
    setEvent({ ...event, [s.id]: { ...ev(s), ...patch } });

  return (
    <div>
      <PageHead title={t('merit.tab.remains')} />
      {board.error && <LoadError error={board.error} onRetry={() => void board.refetch()} />}
      {canManage && (
        <Card size="small" title={t('merit.remains.receive')} className="merit-noprint">
          <Space wrap>
            <Input
              data-testid="intake-team"
              value={intake.team}
              onChange={(e) => setIntake({ ...intake, team: e.target.value })}
              addonBefore={t('merit.remains.team')}
            />
            <Input
              data-testid="intake-date"
              value={intake.receivedOn}
              onChange={(e) => setIntake({ ...intake, receivedOn: e.target.value })}
              addonBefore={t('merit.remains.date')}
              style={{ width: 260 }}
            />
            <InputNumber
              data-testid="intake-count"
              min={1}
              value={intake.remainsCount}
              onChange={(v) => setIntake({ ...intake, remainsCount: v ?? 1 })}
              addonBefore={t('merit.remains.count')}
            />
            <Button
              type="primary"
              data-testid="intake-save"
              loading={receive.isPending}
              onClick={() => receive.mutate()}
            >
              {t('merit.save')}
            </Button>
          </Space>
        </Card>
      )}
      <Table
        data-testid="intakes-table"
        style={{ marginTop: 12 }}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={board.data?.intakes ?? []}
        columns={[
          { title: t('merit.remains.date'), dataIndex: 'receivedOn' },
          { onCell: dataCell, title: t('merit.remains.team'), dataIndex: 'team' },
          { title: t('merit.remains.count'), dataIndex: 'remainsCount' },
          { title: t('merit.remains.identified'), dataIndex: 'identifiedCount' },
          {
            title: t('merit.remains.handover'),
            key: 'h',
            render: (_, i) => (
              <Space>
                <span lang="vi">{i.handoverForm}</span>
                <a href={meritApi.handoverUrl(i.id)} data-testid={`handover-docx-${i.id}`}>
                  {t('merit.docx.handover')}
                </a>
              </Space>
            ),
          },
        ]}
      />
      {canManage && (
        <Card size="small" title={t('merit.sample.take')} style={{ marginTop: 12 }} className="merit-noprint">
          <Space wrap>
            <Select
              data-testid="sample-intake"
              style={{ width: 260 }}
              placeholder={t('merit.remains.receive')}
              value={sample.intakeId ?? undefined}
              onChange={(v: number) => setSample({ ...sample, intakeId: v })}
              options={(board.data?.intakes ?? []).map((i) => ({ value: i.id, label: `${i.receivedOn} · ${i.team}` }))}
            />
            <Input
              data-testid="sample-code"
              value={sample.code}
              onChange={(e) => setSample({ ...sample, code: e.target.value })}
              addonBefore={t('merit.sample.code')}
            />
            <Button type="primary" data-testid="sample-save" loading={take.isPending} onClick={() => take.mutate()}>
              {t('merit.save')}
            </Button>
          </Space>
        </Card>
      )}
      <Table<Sample>
        data-testid="samples-table"
        style={{ marginTop: 12 }}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={board.data?.samples ?? []}
        columns={[
          { title: t('merit.sample.code'), dataIndex: 'code' },
          {
            title: t('merit.sample.stage'),
            key: 'st',
            render: (_, s) => <span data-testid={`sample-stage-${s.code}`}>{s.stage}</span>,
          },
          {
            title: t('merit.sample.clock'),
            key: 'c',
            render: (_, s) =>
              s.clocks.map((c) => (
                <Tag key={c.step} color={CLOCK_COLOR[c.state]}>
                  {`${c.step}: ${c.due} · ${t(`merit.clock.${c.state}` as MessageKey)}`}
                </Tag>
              )),
          },
          {
            title: t('merit.sample.outcome'),
            key: 'o',
            render: (_, s) => (s.outcome ? t(`merit.outcome.${s.outcome}` as MessageKey) : ''),
          },
          {
            title: '',
            key: 'act',
            render: (_, s) =>
              canManage && (
                <Space>
                  <Input
                    size="small"
                    style={{ width: 120 }}
                    data-testid={`sample-on-${s.code}`}
                    value={ev(s).on}
                    onChange={(e) => setEv(s, { on: e.target.value })}
                  />
                  {s.stage === 'taken' && (
                    <Button
                      size="small"
                      data-testid={`sample-dispatch-${s.code}`}
                      onClick={() => step.mutate({ s, kind: 'dispatch' })}
                    >
                      {t('merit.sample.dispatch')}
                    </Button>
                  )}
                  {s.stage === 'dispatched' && (
                    <>
                      <Select
                        size="small"
                        style={{ width: 170 }}
                        value={ev(s).outcome}
                        onChange={(v: string) => setEv(s, { outcome: v })}
                        options={['match', 'no_match', 'failed'].map((o) => ({
                          value: o,
                          label: t(`merit.outcome.${o}` as MessageKey),
                        }))}
                      />
                      <Button
                        size="small"
                        data-testid={`sample-result-${s.code}`}
                        onClick={() => step.mutate({ s, kind: 'result' })}
                      >
                        {t('merit.sample.result')}
                      </Button>
                    </>
                  )}
                  {s.stage === 'resulted' && (
                    <Button size="small" onClick={() => step.mutate({ s, kind: 'return' })}>
                      {t('merit.sample.return')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
    </div>
  );
}
