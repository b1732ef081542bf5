import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { InputNumber, Space, Table } from 'antd';
import { JOB_CHANNEL_CODES } from '@ansinh/domain';
import type { ProgressOut } from '@ansinh/domain';
import { useT, type MessageKey, useFormatNumber } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { ek, employmentApi } from './api';
import { EmploymentHead, pct } from './shared';
import { dataCell } from '../../kernel/format';

type Row = ProgressOut['rows'][number];

/** Jobs created in a year by district and channel, against the plan ("actual/target, đạt x%"). */
export default function ProgressPage() {
  const t = useT();
  const fmt = useFormatNumber();
  const [year, setYear] = useState(new Date().getFullYear());
  const p = useQuery({ queryKey: ek.progress(year), queryFn: ({ signal }) => employmentApi.progress(year, signal) });
  return (
    <>
      <EmploymentHead />
      <Space style={{ marginBottom: 12 }}>
        <span>{t('employment.progress.year')}</span>
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} data-testid="progress-year" />
      </Space>
      {p.error && <LoadError error={p.error} onRetry={() => void p.refetch()} />}
      <Table<Row>
        rowKey="areaCode"
        data-testid="progress"
        loading={p.isLoading}
        dataSource={p.data?.rows ?? []}
        pagination={false}
        size="small"
        columns={[
          { onCell: dataCell, title: t('employment.progress.area'), dataIndex: 'areaName' },
          ...JOB_CHANNEL_CODES.map((c) => ({
            title: t(`employment.channel.${c}` as MessageKey),
            align: 'right' as const,
            render: (_: unknown, r: Row) => fmt(r.byChannel[c] ?? 0),
          })),
          {
            title: t('employment.progress.total'),
            align: 'right' as const,
            render: (_: unknown, r: Row) => (
              <strong data-testid={`progress-total-${r.areaCode}`}>{fmt(r.total)}</strong>
            ),
          },
          {
            title: t('employment.progress.target'),
            align: 'right' as const,
            render: (_: unknown, r: Row) => (r.target == null ? '—' : fmt(r.target)),
          },
          {
            title: t('employment.progress.percent'),
            align: 'right' as const,
            render: (_: unknown, r: Row) => pct(r.percent),
          },
        ]}
      />
    </>
  );
}
