import { Link, useLocation } from 'react-router';
import { Tag } from 'antd';
import type { DossierListItem } from '@ansinh/domain';
import { hasAbility, useAuth } from '../../kernel/auth';
import { useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { PageHead } from '../../components/PageHead';

const URGENCY_COLOR: Record<string, string> = {
  overdue: 'red',
  due_today: 'volcano',
  due_tomorrow: 'orange',
  due_soon: 'gold',
  in_time: 'green',
};
const TIMELINESS_COLOR: Record<string, string> = { early: 'green', on_time: 'blue', late: 'red' };

export function StateTag({ d }: { d: Pick<DossierListItem, 'state' | 'urgency' | 'timeliness'> }) {
  const t = useT();
  return (
    <span>
      <Tag>{t(`dossiers.state.${d.state}` as MessageKey)}</Tag>
      {d.urgency && <Tag color={URGENCY_COLOR[d.urgency]}>{t(`dossiers.urgency.${d.urgency}` as MessageKey)}</Tag>}
      {d.timeliness && (
        <Tag color={TIMELINESS_COLOR[d.timeliness]}>{t(`dossiers.timeliness.${d.timeliness}` as MessageKey)}</Tag>
      )}
    </span>
  );
}

/** The module's tabs under the page title. */
export function DossiersHead({ title, intro, extra }: { title: string; intro?: string; extra?: React.ReactNode }) {
  const t = useT();
  const { me } = useAuth();
  const path = useLocation().pathname;
  const tabs: [string, MessageKey, boolean][] = [
    ['/dossiers', 'dossiers.tab.mine', true],
    ['/dossiers/all', 'dossiers.tab.all', true],
    ['/dossiers/procedures', 'dossiers.tab.procedures', true],
    ['/dossiers/stats', 'dossiers.tab.stats', true],
    ['/dossiers/new', 'dossiers.receive', hasAbility(me, 'dossiers.receive')],
  ];
  return (
    <>
      <nav
        className="registry-tabs no-print"
        aria-label={t('dossiers.title')}
        style={{ display: 'flex', gap: 16, flexWrap: 'wrap', marginBottom: 8 }}
      >
        {tabs
          .filter(([, , show]) => show)
          .map(([to, label]) => (
            <Link
              key={to}
              to={to}
              aria-current={path === to ? 'page' : undefined}
              style={{ fontWeight: path === to ? 600 : 400 }}
            >
              {t(label)}
            </Link>
          ))}
      </nav>
      <PageHead title={title} intro={intro} extra={extra} />
    </>
  );
}

export const pathText = (t: (k: MessageKey) => string, path: { level: string; days: number }[]) =>
  path.map((s) => `${t(`dossiers.level.${s.level}` as MessageKey)} ${s.days}`).join(' → ');
