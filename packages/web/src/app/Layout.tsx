import { Suspense, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Badge, Button, Drawer, Layout, Menu, Spin, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { ROLE_LABELS } from '@ansinh/domain';
import { hasAbility, PASSWORD_PATH, useLogout, useMe } from '../kernel/auth';
import { pick, useLang, useT } from '../kernel/i18n';
import { LangSwitch } from '../kernel/LangSwitch';
import { navCounts, useInbox } from '../features/home';
import { NAV, navKeyOf } from './nav';

const DESKTOP_QUERY = '(min-width: 768px)';

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const mql = window.matchMedia(query);
      mql.addEventListener('change', onChange);
      return () => mql.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => true,
  );
}

function MenuIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

function Brand() {
  const t = useT();
  return (
    <Link to="/" className="app-brand" title={t('nav.home')}>
      <span className="app-brand-name">{t('app.name')}</span>
      <span className="app-brand-org">{t('app.org')}</span>
    </Link>
  );
}

function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const me = useMe();
  const t = useT();
  const { pathname } = useLocation();
  // The inbox's counts as badges: what waits in each module (red when some of it is late).
  const counts = navCounts(useInbox().data);
  const items: MenuProps['items'] = [
    ...NAV.filter((n) => hasAbility(me, n.ability)).map((n) => {
      const c = counts[n.key];
      return {
        key: n.key,
        label: (
          <Link to={n.path} data-testid={`nav-${n.key}`} onClick={onNavigate}>
            {t(n.label)}
            {c && (
              <Badge
                className="nav-badge"
                count={c.count}
                overflowCount={999}
                color={c.overdue > 0 ? '#cf1322' : '#595959'}
                data-testid={`nav-badge-${n.key}`}
                title={t('nav.waiting', { count: c.count, overdue: c.overdue })}
              />
            )}
          </Link>
        ),
      };
    }),
    { type: 'divider' as const },
    {
      key: 'account',
      label: (
        <Link to={PASSWORD_PATH} data-testid="nav-account" onClick={onNavigate}>
          {t('nav.account')}
        </Link>
      ),
    },
  ];
  return (
    <nav aria-label={t('nav.label')}>
      <Menu mode="inline" items={items} selectedKeys={[navKeyOf(pathname)]} style={{ borderInlineEnd: 0 }} />
    </nav>
  );
}

function Header({ isDesktop, onOpenMenu }: { isDesktop: boolean; onOpenMenu: () => void }) {
  const me = useMe();
  const t = useT();
  const { lang } = useLang();
  const { logout, pending } = useLogout();

  return (
    <Layout.Header className="app-header">
      {!isDesktop && (
        <Button
          type="text"
          className="app-menu-button"
          aria-label={t('nav.open')}
          icon={<MenuIcon />}
          onClick={onOpenMenu}
        />
      )}
      {!isDesktop && (
        <Link to="/" className="app-header-brand">
          {t('app.name')}
        </Link>
      )}
      <div className="app-user" data-testid="user-menu">
        <Typography.Text strong className="app-user-name" data-testid="user-fullname" translate="no">
          {me.fullName}
        </Typography.Text>
        <span className="app-user-meta">
          <span data-testid="user-role" title={t('header.role')}>
            {pick(ROLE_LABELS[me.role], lang)}
          </span>
          <span aria-hidden="true"> · </span>
          <span data-testid="user-area" title={t('header.area')} translate="no">
            {me.areaName}
          </span>
          {me.agencyName && (
            <>
              <span aria-hidden="true"> · </span>
              <span data-testid="user-agency" title={t('header.agency')} translate="no">
                {me.agencyName}
              </span>
            </>
          )}
        </span>
      </div>
      <div className="app-header-actions">
        <LangSwitch />
        <Button size="small" data-testid="logout" loading={pending} onClick={() => void logout()}>
          {t('header.logout')}
        </Button>
      </div>
    </Layout.Header>
  );
}

function PageSpin() {
  const t = useT();
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status" aria-live="polite">
      <Spin />
      <div style={{ marginTop: 12, color: '#595959' }}>{t('app.loading')}</div>
    </div>
  );
}

/**
 * The first Tab stop of every page: jumps over the brand, menu and header to the page itself.
 * Focus is moved by hand (a plain #main link would go through the router and not move focus).
 */
function SkipLink() {
  const t = useT();
  return (
    <a
      href="#main"
      className="skip-link"
      onClick={(e) => {
        e.preventDefault();
        const main = document.getElementById('main');
        main?.focus();
        main?.scrollIntoView();
      }}
    >
      {t('nav.skipToMain')}
    </a>
  );
}

export function AppLayout() {
  const isDesktop = useMediaQuery(DESKTOP_QUERY);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();
  const t = useT();

  // Close the drawer when navigating, and when the window grows past the breakpoint.
  useEffect(() => setDrawerOpen(false), [pathname, isDesktop]);

  return (
    <Layout className="app-shell">
      <SkipLink />
      {isDesktop && (
        <Layout.Sider className="app-sider" width={240} theme="light">
          <Brand />
          <NavMenu />
        </Layout.Sider>
      )}
      <Layout className="app-main">
        <Header isDesktop={isDesktop} onOpenMenu={() => setDrawerOpen(true)} />
        <Layout.Content className="app-content" id="main" tabIndex={-1}>
          <Suspense fallback={<PageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {!isDesktop && (
        <Drawer
          className="app-drawer"
          placement="left"
          size={280}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('app.name')}
        >
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
