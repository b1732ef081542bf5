import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Space, Table } from 'antd';
import { useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { dk, dossiersApi } from './api';
import { DossiersHead } from './shared';
import { dataCell, formatDate } from '../../kernel/format';

const pct = (n: number) => n.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The figures of the report's administrative-reform part, for any period and area. */
export default function StatsPage() {
  const t = useT();
  const year = new Date().getFullYear();
  const [q, setQ] = useState<Record<string, string>>({ from: `${year}-01-01`, to: `${year}-12-31` });
  const stats = useQuery({ queryKey: dk.stats(q), queryFn: ({ signal }) => dossiersApi.stats(q, signal) });
  const s = stats.data;
  return (
    <>
      <DossiersHead title={t('stats.title')} />
      <Form
        layout="inline"
        initialValues={q}
        onFinish={(v: Record<string, string>) => setQ(Object.fromEntries(Object.entries(v).filter(([, x]) => x)))}
        style={{ marginBottom: 12 }}
      >
        <Form.Item name="from" label={t('stats.from')}>
          <Input data-testid="stats-from" style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="to" label={t('stats.to')}>
          <Input data-testid="stats-to" style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="areaCode" label={t('stats.area')}>
          <Input style={{ width: 100 }} />
        </Form.Item>
        <Button htmlType="submit" type="primary">
          {t('stats.show')}
        </Button>
      </Form>
      {stats.error && <LoadError error={stats.error} onRetry={() => void stats.refetch()} />}
      {s && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="stats">
          <Card
            size="small"
            title={
              <>
                <span translate="no">{s.areaName}</span> · {formatDate(s.from)} → {formatDate(s.to)}
              </>
            }
          >
            <p data-testid="stats-online">
              {t('stats.fullyOnline', {
                count: s.procedures.fullyOnline.count,
                total: s.procedures.total,
                percent: pct(s.procedures.fullyOnline.percent),
              })}
            </p>
            <p>
              {t('stats.partlyOnline', {
                count: s.procedures.partlyOnline.count,
                total: s.procedures.total,
                percent: pct(s.procedures.partlyOnline.percent),
              })}
            </p>
            <p>
              {t('stats.portal', {
                count: s.procedures.onNationalPortal.count,
                total: s.procedures.total,
                percent: pct(s.procedures.onNationalPortal.percent),
              })}
            </p>
            <p>
              {t('stats.received', { total: s.received.total })} (
              {Object.entries(s.received.byChannel)
                .map(([k, v]) => `${t(`dossiers.channel.${k}` as MessageKey)}: ${v}`)
                .join('; ')}
              )
            </p>
            <p data-testid="stats-settled">
              {t('stats.settled', {
                total: s.settled.total,
                early: s.settled.early,
                onTime: s.settled.onTime,
                late: s.settled.late,
                percent: pct(s.settled.onTimeRate.percent),
              })}
            </p>
            <p>{t('stats.pending', { total: s.pending.total, overdue: s.pending.overdue })}</p>
          </Card>
          <Card size="small" title={t('stats.byLevel')}>
            <Table
              size="small"
              rowKey="level"
              pagination={false}
              dataSource={s.byLevel}
              columns={[
                { title: '', dataIndex: 'level', render: (l: string) => t(`dossiers.level.${l}` as MessageKey) },
                { title: t('stats.col.early'), dataIndex: 'early' },
                { title: t('stats.col.onTime'), dataIndex: 'onTime' },
                { title: t('stats.col.late'), dataIndex: 'late' },
                {
                  title: t('stats.lateBy'),
                  key: 'lateBy',
                  render: (_: unknown, r) => s.lateByLevel.find((x) => x.level === r.level)?.count ?? 0,
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('stats.byProcedure')}>
            <Table
              size="small"
              rowKey="procedureId"
              dataSource={s.byProcedure}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  onCell: dataCell,
                  title: t('procedures.col.name'),
                  key: 'n',
                  render: (_: unknown, r) => `${r.code} — ${r.name}`,
                  width: 380,
                },
                { title: t('stats.col.received'), dataIndex: 'received' },
                { title: t('stats.col.pending'), dataIndex: 'pending' },
                { title: t('stats.col.early'), dataIndex: 'early' },
                { title: t('stats.col.onTime'), dataIndex: 'onTime' },
                { title: t('stats.col.late'), dataIndex: 'late' },
              ]}
            />
          </Card>
        </Space>
      )}
    </>
  );
}
