import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Button, Result, Spin } from 'antd';
import type { Ability } from '@ansinh/domain';
import { hasAbility, PASSWORD_PATH, useAuth } from '../kernel/auth';
import { useErrorText } from '../kernel/errors';
import { useT } from '../kernel/i18n';
import { ReloginModal } from './ReloginModal';
import { ForbiddenPage } from './StatusPages';

export function FullPageSpin() {
  const t = useT();
  return (
    <div style={{ padding: '20vh 16px', textAlign: 'center' }} role="status" aria-live="polite">
      <Spin size="large" />
      <div style={{ marginTop: 16, color: '#595959' }}>{t('app.loading')}</div>
    </div>
  );
}

/** Route guard: signed in, and past the forced password change. */
export function RequireAuth() {
  const { me, error, retry, expired } = useAuth();
  const location = useLocation();
  const t = useT();
  const errorText = useErrorText();

  if (me === undefined) {
    if (error) {
      return (
        <Result
          status="warning"
          title={t('error.sessionCheck')}
          subTitle={errorText(error)}
          extra={
            <Button type="primary" onClick={retry}>
              {t('common.retry')}
            </Button>
          }
        />
      );
    }
    return <FullPageSpin />;
  }

  const here = `${location.pathname}${location.search}${location.hash}`;
  if (me === null) {
    const next = here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  if (me.mustChangePassword && location.pathname !== PASSWORD_PATH) {
    const next = here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`${PASSWORD_PATH}${next}`} replace />;
  }
  return (
    <>
      <Outlet />
      {expired && <ReloginModal />}
    </>
  );
}

/** Route guard for one ability; shows a 403 page (not a redirect) so the user knows why. */
export function RequireAbility({ ability, children }: { ability: Ability; children: ReactNode }) {
  const { me } = useAuth();
  if (!hasAbility(me, ability)) return <ForbiddenPage />;
  return <>{children}</>;
}
