import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Tag } from 'antd';
import { INDICATOR_UNIT_LABELS } from '@ansinh/domain';
import type { IndicatorUnit } from '@ansinh/domain';
import { hasAbility, useMe } from '../../kernel/auth';
import { pick, useLang, useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { PageHead } from '../../components/PageHead';
import './reports.css';

const TABS: { path: string; label: MessageKey; testId: string }[] = [
  { path: '/reports', label: 'reports.tab.dashboard', testId: 'reports-tab-dashboard' },
  { path: '/reports/documents', label: 'reports.tab.documents', testId: 'reports-tab-documents' },
  { path: '/reports/plans', label: 'reports.tab.plans', testId: 'reports-tab-plans' },
  { path: '/reports/indicators', label: 'reports.tab.indicators', testId: 'reports-tab-indicators' },
  { path: '/reports/templates', label: 'reports.tab.templates', testId: 'reports-tab-templates' },
];

/** The title of a reports page with the module's tabs under it. */
export function ReportsHead({ title, intro, extra }: { title: ReactNode; intro?: ReactNode; extra?: ReactNode }) {
  const t = useT();
  const { pathname } = useLocation();
  const active =
    [...TABS].reverse().find((tab) => pathname === tab.path || pathname.startsWith(`${tab.path}/`))?.path ?? '/reports';
  return (
    <>
      <nav className="reports-tabs no-print" aria-label={t('reports.title')}>
        {TABS.map((tab) => (
          <Link
            key={tab.path}
            to={tab.path}
            data-testid={tab.testId}
            aria-current={active === tab.path ? 'page' : undefined}
            className={active === tab.path ? 'active' : ''}
          >
            {t(tab.label)}
          </Link>
        ))}
      </nav>
      <PageHead title={title} intro={intro} extra={extra} />
    </>
  );
}

export function useCanManage(): boolean {
  return hasAbility(useMe(), 'reports.manage');
}

export function useUnitLabel(): (unit: string) => string {
  const { lang } = useLang();
  return (unit) => (unit in INDICATOR_UNIT_LABELS ? pick(INDICATOR_UNIT_LABELS[unit as IndicatorUnit], lang) : unit);
}

const STATUS_COLOR: Record<string, string> = {
  met: 'green',
  on_track: 'blue',
  behind: 'red',
  no_target: 'default',
  no_data: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const t = useT();
  const key = `reports.status.${status}` as MessageKey;
  return <Tag color={STATUS_COLOR[status] ?? 'default'}>{t(key)}</Tag>;
}

/** Today in Vietnam, YYYY-MM-DD. */
export function todayVn(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

type ProgressFigures = {
  text: string;
  available: boolean;
  achieved: number | null;
  target: number;
  percent: number | null;
};

/** "18/400, đạt 4,5%" as a string (an accessible name): the server's text in Vietnamese, ours from the figures in English. */
export function useProgressText(): (tg: ProgressFigures) => string {
  const t = useT();
  const { lang } = useLang();
  return (tg) => {
    if (lang === 'vi') return tg.text;
    if (!tg.available) return t('reports.noData');
    const percent = Math.round((tg.percent ?? 0) * 100) / 100;
    return t('reports.progressText', { achieved: tg.achieved ?? 0, target: tg.target, percent });
  };
}

/** "18/400, đạt 4,5%": the server's text in Vietnamese, ours from the figures in English. */
export function ProgressText({ tg }: { tg: ProgressFigures }) {
  return <>{useProgressText()(tg)}</>;
}
