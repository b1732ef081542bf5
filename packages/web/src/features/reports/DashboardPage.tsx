import { useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, List, Progress, Row, Select, Space, Spin, Typography } from 'antd';
import type { Dashboard } from '@ansinh/domain';
import { formatDate } from '../../kernel/format';
import { hasMessage, TN, useFormatQuantity, useLang, useT, useTN } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { useUrlFilters } from '../../kernel/urlFilters';
import { LoadError } from '../../components/LoadError';
import { figureHref, reportsApi, rk } from './api';
import type { DashboardFilter } from './api';
import { AreaBars, TrendLine } from './charts';
import { ProgressText, ReportsHead, StatusTag, useProgressText, useUnitLabel } from './shared';
import { IsoDateInput } from '../../components/DateInput';

const isDate = (s: string | null): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The leaders' view: the year's targets and progress as of a date, by area, trend, attention. */
export default function DashboardPage() {
  const formatQuantity = useFormatQuantity();
  const t = useT();
  const progressText = useProgressText();
  const tn = useTN();
  const unit = useUnitLabel();
  const url = useUrlFilters();
  const year = url.params.get('year');
  const asOf = url.params.get('asOf');
  const areaCode = url.params.get('areaCode');
  const filter: DashboardFilter = {
    ...(year && /^\d{4}$/.test(year) ? { year: Number(year) } : {}),
    ...(isDate(asOf) ? { asOf } : {}),
    ...(areaCode && /^\d{2,5}$/.test(areaCode) ? { areaCode } : {}),
  };
  const q = useQuery({
    queryKey: rk.dashboard(filter),
    queryFn: ({ signal }) => reportsApi.dashboard(filter, signal),
    placeholderData: keepPreviousData,
  });
  const [picked, setPicked] = useState<string | null>(null);
  const d = q.data;

  const ref = (
    d: Dashboard,
    code: string,
    params: string,
    area: string,
    to = d.asOf < d.to ? d.asOf : d.to,
    asOfDate = d.asOf,
  ) => figureHref({ code, areaCode: area, from: d.from, to, asOf: asOfDate, params });

  return (
    <div data-testid="reports-dashboard">
      <ReportsHead
        title={t('reports.dashboard.title')}
        intro={
          d
            ? tn('reports.dashboard.intro', { area: d.area.name, asOf: formatDate(d.asOf), year: String(d.year) })
            : undefined
        }
      />
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      <Space wrap className="no-print" style={{ marginBottom: 16 }}>
        <label>
          {t('reports.filter.year')}{' '}
          <Select
            data-testid="dashboard-year"
            style={{ width: 100 }}
            value={d?.year}
            options={(d?.years ?? []).map((y) => ({ value: y, label: String(y) }))}
            onChange={(v: number) => url.update({ year: String(v), asOf: undefined })}
          />
        </label>
        <label>
          {t('reports.filter.asOf')}{' '}
          <IsoDateInput
            data-testid="dashboard-asof"
            width={160}
            value={d?.asOf ?? ''}
            onChange={(v) => url.update({ asOf: v || undefined })}
          />
        </label>
        {d && (
          <label>
            {t('reports.filter.area')} {/* Area names are data. */}
            <span translate="no">
              <Select
                data-testid="dashboard-area"
                style={{ width: 240 }}
                value={d.area.code}
                options={[
                  { value: d.area.code, label: d.area.name },
                  ...d.children.map((c) => ({ value: c.code, label: c.name })),
                ]}
                onChange={(v: string) => url.update({ areaCode: v })}
              />
            </span>
          </label>
        )}
        {q.isFetching && <Spin size="small" />}
      </Space>
      {!d ? (
        !q.error && <Spin />
      ) : (
        <>
          {d.plan ? (
            <Typography.Paragraph data-testid="dashboard-plan">
              {t('reports.dashboard.plan')}{' '}
              <span translate="no">
                <Link to={`/reports/plans/${d.plan.id}?asOf=${d.asOf}`}>{d.plan.citation}</Link> — {d.plan.title}
              </span>
            </Typography.Paragraph>
          ) : (
            <Alert
              type="info"
              showIcon
              title={t('reports.dashboard.noPlan', { year: d.year })}
              style={{ marginBottom: 16 }}
            />
          )}

          {d.attention.length > 0 && (
            <Card
              size="small"
              title={t('reports.dashboard.attention')}
              style={{ marginBottom: 16 }}
              data-testid="dashboard-attention"
            >
              <List
                size="small"
                dataSource={d.attention}
                renderItem={(a) => (
                  <List.Item>
                    <Link to={ref(d, a.indicatorCode, a.params, a.areaCode)}>
                      <AttentionText d={d} a={a} />
                    </Link>
                  </List.Item>
                )}
              />
            </Card>
          )}

          {d.targets.length === 0 ? (
            <Empty description={t('reports.dashboard.noTargets')} />
          ) : (
            <div className="reports-kpis" data-testid="dashboard-targets">
              {d.targets.map((tg) => (
                <Card
                  key={`${tg.indicatorCode}|${tg.params}`}
                  size="small"
                  className="reports-kpi"
                  data-testid={`target-${tg.indicatorCode}`}
                >
                  <Typography.Text type="secondary" translate="no">
                    {tg.indicatorName}
                  </Typography.Text>
                  <div className="value">
                    {tg.available ? (
                      <Link
                        to={ref(d, tg.indicatorCode, tg.params, d.area.code)}
                        data-testid={`figure-link-${tg.indicatorCode}`}
                      >
                        {formatQuantity(tg.achieved ?? 0)}
                      </Link>
                    ) : (
                      <Typography.Text type="secondary">{t('reports.noData')}</Typography.Text>
                    )}{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
                      / {formatQuantity(tg.target)} {unit(tg.unit)}
                    </Typography.Text>
                  </div>
                  <Progress
                    aria-label={progressText(tg)}
                    percent={Math.min(100, Math.round(tg.percent ?? 0))}
                    showInfo={false}
                    status={tg.status === 'behind' ? 'exception' : tg.status === 'met' ? 'success' : 'normal'}
                  />
                  <Space>
                    <span data-testid={`target-text-${tg.indicatorCode}`}>
                      <ProgressText tg={tg} />
                    </span>
                    <StatusTag status={tg.status} />
                  </Space>
                  {tg.lowerIsBetter && (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('reports.lowerIsBetter')}
                      </Typography.Text>
                    </div>
                  )}
                </Card>
              ))}
            </div>
          )}

          <Row gutter={[16, 16]}>
            {d.targets.length > 0 && d.children.length > 0 && (
              <Col xs={24} xl={12}>
                <ByArea
                  d={d}
                  picked={picked}
                  setPicked={setPicked}
                  hrefOf={(code, params, area) => ref(d, code, params, area)}
                />
              </Col>
            )}
            {d.trend.map((tr) => (
              <Col xs={24} xl={12} key={`${tr.indicatorCode}|${tr.params}`}>
                <Card size="small" title=<TN k="reports.dashboard.trend" p={{ name: tr.indicatorName }} />>
                  <TrendLine
                    title={tr.indicatorName}
                    testId={`trend-${tr.indicatorCode}`}
                    points={tr.points.map((p) => ({
                      label: p.month.slice(5),
                      value: p.value,
                      href: ref(d, tr.indicatorCode, tr.params, d.area.code, p.to, p.to),
                    }))}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
            {t('reports.dashboard.serverMs', { ms: d.serverMs })}
          </Typography.Paragraph>
        </>
      )}
    </div>
  );
}

/** What needs attention: the server's text in Vietnamese; in English rebuilt from its kind and count. */
function AttentionText({ d, a }: { d: Dashboard; a: Dashboard['attention'][number] }) {
  const t = useT();
  const { lang } = useLang();
  if (lang === 'vi') return <>{a.text}</>;
  if (a.kind === 'behind') {
    const tg = d.targets.find((x) => x.indicatorCode === a.indicatorCode && x.params === a.params);
    if (!tg) return <>{t('common.unknownCode')}</>;
    return (
      <>
        <span translate="no">{tg.indicatorName}</span>: <ProgressText tg={tg} />
      </>
    );
  }
  const key = `reports.attention.${a.kind}` as MessageKey;
  return <>{hasMessage(key) ? t(key, { n: a.count }) : t('common.unknownCode')}</>;
}

function ByArea({
  d,
  picked,
  setPicked,
  hrefOf,
}: {
  d: Dashboard;
  picked: string | null;
  setPicked: (v: string) => void;
  hrefOf: (code: string, params: string, area: string) => string;
}) {
  const t = useT();
  const key = (x: { indicatorCode: string; params: string }) => `${x.indicatorCode}|${x.params}`;
  const target = d.targets.find((x) => key(x) === picked) ?? d.targets[0]!;
  return (
    <Card
      size="small"
      title={t('reports.dashboard.byArea')}
      extra={
        <span translate="no">
          <Select
            size="small"
            style={{ width: 260 }}
            value={key(target)}
            options={d.targets.map((x) => ({ value: key(x), label: x.indicatorName }))}
            onChange={setPicked}
            aria-label={t('reports.dashboard.byArea')}
            data-testid="dashboard-byarea-pick"
          />
        </span>
      }
    >
      <AreaBars
        title={target.indicatorName}
        testId="dashboard-byarea"
        bars={target.byArea.map((a) => ({
          key: a.areaCode,
          label: a.areaName,
          value: a.achieved,
          target: a.target,
          href: hrefOf(target.indicatorCode, target.params, a.areaCode),
        }))}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('reports.dashboard.barsLegend')}
      </Typography.Text>
    </Card>
  );
}
