import { Tabs, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../../kernel/i18n';

const TABS = [
  ['/employment', 'employment.tab.vacancies'],
  ['/employment/fairs', 'employment.tab.fairs'],
  ['/employment/courses', 'employment.tab.courses'],
  ['/employment/progress', 'employment.tab.progress'],
  ['/employment/reports', 'employment.tab.reports'],
] as const;

/** The module's title and tabs, shared by its list pages. */
export function EmploymentHead() {
  const t = useT();
  const nav = useNavigate();
  const { pathname } = useLocation();
  const active = [...TABS].reverse().find(([p]) => pathname.startsWith(p))?.[0] ?? '/employment';
  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t('employment.title')}
      </Typography.Title>
      <Typography.Paragraph className="page-intro">{t('employment.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={active}
        onChange={(k) => void nav(k)}
        items={TABS.map(([k, label]) => ({ key: k, label: t(label) }))}
      />
    </>
  );
}

export const money = (n: number | null) => (n === null ? '—' : n.toLocaleString('vi-VN'));
export const pct = (n: number | null) =>
  n === null ? '—' : `${n.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;
