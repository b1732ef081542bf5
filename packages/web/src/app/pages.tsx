import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { Button, Result, Space } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFoundPage } from '../components/StatusPages';
import { initialLang, translate, useT } from '../kernel/i18n';
import type { TFunction } from '../kernel/i18n';

function isChunkLoadError(error: unknown): boolean {
  const msg = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|Failed to fetch dynamically|error loading dynamically/i.test(
    msg,
  );
}

function CrashView({ t, error }: { t: TFunction; error: unknown }) {
  return (
    <Result
      data-testid="app-error"
      status="error"
      title={t('error.boundaryTitle')}
      subTitle={isChunkLoadError(error) ? t('error.chunkText') : t('error.boundaryText')}
      extra={
        <Space wrap>
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('common.reload')}
          </Button>
          <Button href="/">{t('common.backHome')}</Button>
        </Space>
      }
    />
  );
}

/** `errorElement` of the router: a render error or a loader error anywhere below. */
export function RouteErrorPage() {
  const error = useRouteError();
  const t = useT();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return <CrashView t={t} error={error} />;
}

interface BoundaryState {
  error: unknown;
}

/**
 * Last line of defence around the whole app (providers included), so a crash shows a Vietnamese
 * message instead of a blank page. It cannot rely on context, so it reads the saved language.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error ?? new Error('unknown') };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    // React already reports the error to the console; nothing else to do here.
  }

  override render() {
    if (this.state.error) {
      const lang = initialLang();
      const t: TFunction = (key, params) => translate(lang, key, params);
      return <CrashView t={t} error={this.state.error} />;
    }
    return this.props.children;
  }
}
