import { useState } from 'react';
import type { ReactNode } from 'react';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/es/locale/vi_VN';
import enUS from 'antd/es/locale/en_US';
import { ApiError } from '../kernel/http';
import { meKey } from '../kernel/authApi';
import { AuthProvider } from '../kernel/auth';
import { I18nProvider, registerMessages, useLang } from '../kernel/i18n';
import { areasMessages } from '../features/areas/messages';
import { auditMessages } from '../features/audit/messages';
import { authMessages } from '../features/auth/messages';
import { dossiersMessages } from '../features/dossiers/messages';
import { homeMessages } from '../features/home/messages';
import { petitionsMessages } from '../features/petitions/messages';
import { employmentMessages } from '../features/employment/messages';
import { programsMessages } from '../features/programs/messages';
import { registryMessages } from '../features/registry/messages';
import { reportsMessages } from '../features/reports/messages';
import { meritMessages } from '../features/merit/messages';
import { usersMessages } from '../features/users/messages';
import { ErrorBoundary } from './pages';
import { createRouter } from './router';

// Every feature's messages, before the first render. A feature that declares a catalogue and is
// missing here does not compile.
registerMessages({
  areas: areasMessages,
  audit: auditMessages,
  auth: authMessages,
  dossiers: dossiersMessages,
  home: homeMessages,
  petitions: petitionsMessages,
  employment: employmentMessages,
  programs: programsMessages,
  registry: registryMessages,
  reports: reportsMessages,
  merit: meritMessages,
  users: usersMessages,
});

function makeQueryClient(): QueryClient {
  // When any call says the session is gone, forget the user: the guard then shows the login page.
  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.status === 401 && e.code === 'AUTH_REQUIRED') {
      client.setQueryData(meKey, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retry only what may pass on a second try: network errors and 5xx.
        retry: (count, e) => e instanceof ApiError && (e.status === 0 || e.status >= 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

/**
 * No animations: dialogs and drop-downs appear at once. Snappier on the old office PCs the
 * officers use, and nothing moves under the pointer (or under a browser test) while it opens.
 */
const THEME = { token: { colorPrimary: '#1677ff', borderRadius: 6, motion: false } };

function AntdProviders({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const [queryClient] = useState(makeQueryClient);
  const [router] = useState(createRouter);
  return (
    <ErrorBoundary>
      <I18nProvider>
        <AntdProviders>
          <QueryClientProvider client={queryClient}>
            <AuthProvider>
              <RouterProvider router={router} />
            </AuthProvider>
          </QueryClientProvider>
        </AntdProviders>
      </I18nProvider>
    </ErrorBoundary>
  );
}
