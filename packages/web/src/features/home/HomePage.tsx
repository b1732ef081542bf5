import { Link } from 'react-router';
import { Card, Col, Collapse, Row, Tag, Typography } from 'antd';
import { ROLE_LABELS } from '@ansinh/domain';
import type { Ability, Role } from '@ansinh/domain';
import { hasAbility, useMe } from '../../kernel/auth';
import { pick, useLang, useT, useTN } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { Inbox } from './Inbox';

interface Tip {
  text: MessageKey;
  /** Where the tip leads; shown as a link when the user may go there. */
  to?: string;
  /** Hide the tip when the user lacks this ability. */
  ability?: Ability;
}

const CHECK: Tip = { text: 'home.tip.common.check' };
const LOGOUT: Tip = { text: 'home.tip.common.logout' };
const AUDIT: Tip = { text: 'home.tip.audit', to: '/audit', ability: 'audit.read' };

/** What to do first, by role: short, concrete, in the order a new user needs it. */
const TIPS: Record<Role, Tip[]> = {
  admin: [
    CHECK,
    { text: 'home.tip.admin.users', to: '/users', ability: 'users.manage' },
    { text: 'home.tip.admin.reset', to: '/users', ability: 'users.manage' },
    AUDIT,
  ],
  province_leader: [
    CHECK,
    { text: 'home.tip.reports', to: '/reports', ability: 'reports.read' },
    { text: 'home.tip.areas.province', to: '/areas', ability: 'areas.read' },
    AUDIT,
  ],
  province_officer: [
    CHECK,
    { text: 'home.tip.areas.province', to: '/areas', ability: 'areas.read' },
    { text: 'home.tip.programs.approve', to: '/programs', ability: 'programs.read' },
    { text: 'home.tip.dossiers.deadline', to: '/dossiers', ability: 'dossiers.read' },
  ],
  district_officer: [
    CHECK,
    { text: 'home.tip.areas.district', to: '/areas', ability: 'areas.read' },
    { text: 'home.tip.programs.appraise', to: '/programs', ability: 'programs.read' },
    { text: 'home.tip.dossiers.deadline', to: '/dossiers', ability: 'dossiers.read' },
  ],
  commune_officer: [
    CHECK,
    { text: 'home.tip.registry.commune', to: '/registry', ability: 'registry.read' },
    { text: 'home.tip.dossiers.counter', to: '/dossiers', ability: 'dossiers.read' },
    LOGOUT,
  ],
  employment_centre: [
    CHECK,
    { text: 'home.tip.employment.centre', to: '/employment/fairs', ability: 'employment.read' },
    LOGOUT,
  ],
  inspector: [CHECK, AUDIT, { text: 'home.tip.inspector.petitions' }, LOGOUT],
  supervisor: [
    CHECK,
    { text: 'home.tip.supervisor.readonly' },
    { text: 'home.tip.supervisor.lists', to: '/programs', ability: 'programs.read' },
    LOGOUT,
  ],
};

/** An entry of the shell's menu, as the home page lists it (the shell passes its menu in). */
export interface HomeModule {
  key: string;
  path: string;
  label: MessageKey;
  ability: Ability | null;
  comingSoon?: boolean;
}

export default function HomePage({ modules: all }: { modules: readonly HomeModule[] }) {
  const me = useMe();
  const t = useT();
  const tn = useTN();
  const { lang } = useLang();
  const tips = (TIPS[me.role] ?? [CHECK, LOGOUT]).filter((tip) => !tip.ability || hasAbility(me, tip.ability));
  const modules = all.filter((n) => n.key !== 'home' && hasAbility(me, n.ability));

  return (
    <div data-testid="home">
      <Typography.Title level={1} className="page-title">
        {tn('home.greeting', { name: me.fullName })}
      </Typography.Title>
      <Typography.Paragraph className="page-intro">
        {tn('home.youAre', { role: <>{pick(ROLE_LABELS[me.role], lang)}</>, area: me.areaName })}
      </Typography.Paragraph>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Inbox />
        </Col>
        <Col xs={24} xl={8}>
          {modules.length > 0 && (
            <Card title={t('home.modulesTitle')} style={{ marginBottom: 16 }}>
              <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
                {modules.map((m) => (
                  <li key={m.key} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
                    <Link to={m.path}>{t(m.label)}</Link>
                    {m.comingSoon && (
                      <Tag style={{ marginInlineStart: 8 }} color="default">
                        {t('home.soonTag')}
                      </Tag>
                    )}
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <Collapse
            items={[
              {
                key: 'tips',
                label: t('home.startTitle'),
                children: (
                  <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="home-tips">
                    {tips.map((tip) => (
                      <li key={tip.text} style={{ marginBottom: 10 }}>
                        {t(tip.text)}{' '}
                        {tip.to && (
                          <Link to={tip.to} style={{ whiteSpace: 'nowrap' }}>
                            {t('home.open')} →
                          </Link>
                        )}
                      </li>
                    ))}
                  </ol>
                ),
              },
            ]}
          />
        </Col>
      </Row>
    </div>
  );
}
