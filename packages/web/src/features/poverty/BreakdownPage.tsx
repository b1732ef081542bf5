import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Input, InputNumber, Segmented, Space, Table } from 'antd';
import { IsoDateInput } from '../../components/DateInput';
import type { BreakdownCells, BreakdownOut, BreakdownQuery } from '@ansinh/domain';
import { useLang, usePrintInVietnamese } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { PageHead } from '../../components/PageHead';
import { pk, povertyApi } from './api';
import { usePovertyT, type PovertyKey } from './messages';
import { dataCell } from '../../kernel/format';

type Line = { rowKey: string; place: string; key: string; poor: BreakdownCells; nearPoor: BreakdownCells };
const CELLS: (keyof BreakdownCells)[] = ['start', 'left', 'fellBack', 'new', 'end', 'netDecrease'];

/**
 * The movement of poor and near-poor households by cause, group or ethnicity, per commune and for
 * the area, as of a date; printable, and as XLSX.
 */
export default function BreakdownPage() {
  usePrintInVietnamese(); // printed as it shows: an official paper, in Vietnamese
  const t = usePovertyT();
  const { lang } = useLang();
  const [q, setQ] = useState<BreakdownQuery>({ year: new Date().getFullYear() - 1, by: 'cause' });
  const r = useQuery({ queryKey: pk.breakdown(q), queryFn: ({ signal }) => povertyApi.breakdown(q, signal) });
  const data: BreakdownOut | undefined = r.data;
  const label = new Map((data?.keys ?? []).map((k) => [k.code, lang === 'vi' ? k.vi : k.en]));
  const lines: Line[] = data
    ? [
        ...data.communes.flatMap((c) =>
          c.lines.map((l) => ({ rowKey: `${c.communeCode}-${l.key}`, place: c.communeName, ...l })),
        ),
        ...data.total.map((l) => ({ rowKey: `total-${l.key}`, place: t('breakdown.total'), ...l })),
      ]
    : [];
  const group = (target: 'poor' | 'nearPoor') => ({
    title: t(target === 'poor' ? 'breakdown.poor' : 'breakdown.nearPoor'),
    children: CELLS.map((k) => ({
      title: t(`breakdown.${k}` as PovertyKey),
      align: 'right' as const,
      render: (_: unknown, l: Line) => l[target][k],
    })),
  });
  return (
    <>
      <PageHead title={t('breakdown.title')} intro={t('breakdown.intro')} />
      <Space wrap style={{ marginBottom: 12 }} className="no-print">
        <Segmented
          value={q.by}
          onChange={(v) => setQ({ ...q, by: v as BreakdownQuery['by'] })}
          options={(['cause', 'group', 'ethnicity'] as const).map((v) => ({ value: v, label: t(`breakdown.by.${v}`) }))}
        />
        {t('year')}
        <InputNumber min={2016} max={2031} value={q.year} onChange={(v) => v && setQ({ ...q, year: v })} />
        <Input
          placeholder={t('breakdown.area')}
          style={{ width: 200 }}
          allowClear
          onChange={(e) => {
            const { areaCode: _, ...rest } = q;
            setQ(e.target.value.trim() ? { ...rest, areaCode: e.target.value.trim() } : rest);
          }}
        />
        <IsoDateInput
          width={160}
          aria-label={t('breakdown.asOf')}
          value={q.asOf}
          onChange={(v) => {
            const { asOf: _, ...rest } = q;
            setQ(v ? { ...rest, asOf: v } : rest);
          }}
        />
        <a href={povertyApi.breakdownXlsxUrl(q)}>{t('breakdown.xlsx')}</a>
        <a onClick={() => window.print()}>{t('print')}</a>
      </Space>
      {r.error ? <LoadError error={r.error} onRetry={() => void r.refetch()} /> : null}
      <Card className="print-wide">
        {/* Fourteen columns: on paper the movement prints landscape, small, wrapping its headers. */}
        <style>{'@page { size: A4 landscape; margin: 10mm; }'}</style>
        <Table<Line>
          rowKey="rowKey"
          size="small"
          bordered
          loading={r.isLoading}
          pagination={false}
          dataSource={lines}
          columns={[
            { onCell: dataCell, title: t('breakdown.place'), dataIndex: 'place' },
            { title: t(`breakdown.by.${q.by}`), render: (_, l) => label.get(l.key) ?? l.key },
            group('poor'),
            group('nearPoor'),
          ]}
        />
      </Card>
    </>
  );
}
