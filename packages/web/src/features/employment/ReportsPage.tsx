import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, InputNumber, Select, Space, Table, Typography } from 'antd';
import {
  EMPLOYMENT_REPORT_KINDS,
  formatDateVi,
  type EmploymentReportKind,
  type EmploymentReportOut,
} from '@ansinh/domain';
import { hasAbility, useAuth } from '../../kernel/auth';
import { TN, useFormatNumber, useLang, useT, type MessageKey } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { ek, employmentApi } from './api';
import { EmploymentHead } from './shared';
import { dataCell } from '../../kernel/format';

type Line = EmploymentReportOut['sections'][number]['lines'][number];
type PlanRow = EmploymentReportOut['plan']['rows'][number];

/**
 * The periodic reports (the centre's Mẫu 05 every six months and every year, the labour-market
 * Mẫu 04), computed from records: the figures on screen, the files to sign and send.
 */
export default function ReportsPage() {
  const t = useT();
  const fmt = useFormatNumber();
  const { lang } = useLang();
  const { me } = useAuth();
  /** The server's "actual/target, đạt x%" is Vietnamese: in English, the same from the figures. */
  const progressEn = (total: number, target: number | null) =>
    target
      ? t('reports.progressText', { achieved: total, target, percent: Math.round((total * 10000) / target) / 100 })
      : fmt(total);
  const [kind, setKind] = useState<EmploymentReportKind>('centre_half_year');
  const [year, setYear] = useState(new Date().getFullYear());
  const r = useQuery({
    queryKey: ek.report(kind, year),
    queryFn: ({ signal }) => employmentApi.report(kind, year, signal),
  });
  const d = r.data;
  return (
    <>
      <EmploymentHead />
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('employment.reports.kind')}</span>
        <Select<EmploymentReportKind>
          value={kind}
          onChange={setKind}
          style={{ minWidth: 420 }}
          data-testid="report-kind"
          options={EMPLOYMENT_REPORT_KINDS.map((k) => ({
            value: k,
            label: t(`employment.reports.kind.${k}` as MessageKey),
          }))}
        />
        <span>{t('employment.reports.year')}</span>
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} data-testid="report-year" />
        <Button href={employmentApi.reportFile(kind, year, 'docx')} download data-testid="report-docx">
          {t('employment.reports.docx')}
        </Button>
        <Button href={employmentApi.reportFile(kind, year, 'xlsx')} download data-testid="report-xlsx">
          {t('employment.reports.xlsx')}
        </Button>
        {hasAbility(me, 'employment.transfer') && (
          <Button
            href={employmentApi.transferFile(year)}
            download
            title={t('employment.reports.transferHelp')}
            data-testid="report-transfer"
          >
            {t('employment.reports.transfer', { year })}
          </Button>
        )}
      </Space>
      {r.error && <LoadError error={r.error} onRetry={() => void r.refetch()} />}
      {d && (
        <>
          <Typography.Paragraph>
            {/* The report's own Vietnamese title, basis and lines (the official form): lang="vi". */}
            <span lang="vi">
              {d.title} — {d.basis}.
            </span>{' '}
            {t('employment.reports.period', {
              from: formatDateVi(d.from),
              to: formatDateVi(d.to),
              due: formatDateVi(d.due),
            })}
          </Typography.Paragraph>
          {!d.layoutVerified && (
            <Alert type="warning" showIcon message={<TN k="employment.reports.unverified" p={{ form: d.form }} />} />
          )}
          {d.sections.map((s) => (
            <div key={s.code} style={{ marginTop: 16 }}>
              <Typography.Title level={5} lang="vi">
                {s.title}
              </Typography.Title>
              <Table<Line>
                rowKey="code"
                size="small"
                pagination={false}
                dataSource={s.lines}
                columns={[
                  { title: t('employment.reports.line'), dataIndex: 'label', onCell: () => ({ lang: 'vi' }) },
                  {
                    title: t('employment.reports.unit'),
                    dataIndex: 'unit',
                    width: 110,
                    onCell: () => ({ lang: 'vi' }),
                  },
                  {
                    title: t('employment.reports.value'),
                    align: 'right',
                    width: 120,
                    render: (_: unknown, l: Line) => fmt(l.value),
                  },
                ]}
              />
            </div>
          ))}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('employment.reports.plan', { year: d.plan.year })}
          </Typography.Title>
          <Table<PlanRow>
            rowKey="areaCode"
            size="small"
            pagination={false}
            dataSource={d.plan.rows}
            data-testid="report-plan"
            columns={[
              { onCell: dataCell, title: t('employment.progress.area'), dataIndex: 'areaName' },
              ...d.plan.channels.map((c) => ({
                title: t(`employment.channel.${c.code}` as MessageKey),
                align: 'right' as const,
                render: (_: unknown, x: PlanRow) => fmt(x.byChannel[c.code] ?? 0),
              })),
              {
                title: t('employment.reports.progress'),
                render: (_: unknown, x: PlanRow) => (lang === 'vi' ? x.progress : progressEn(x.total, x.target)),
              },
            ]}
          />
        </>
      )}
    </>
  );
}
