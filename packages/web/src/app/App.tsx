import { useState } from 'react';
import type { ReactNode } from 'react';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/es/locale/vi_VN';
import enUS from 'antd/es/locale/en_US';
import { ApiError } from '../kernel/http';
import { meKey } from '../kernel/authApi';
import { AuthProvider, markSessionExpired } from '../kernel/auth';
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
import { organisationMessages } from '../features/organisation/messages';
import { activitiesMessages } from '../features/activities/messages';
import { usersMessages } from '../features/users/messages';
import { agenciesMessages } from '../features/agencies/messages';
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
  organisation: organisationMessages,
  activities: activitiesMessages,
  users: usersMessages,
  agencies: agenciesMessages,
});

function makeQueryClient(): QueryClient {
  // When a call says the session is gone: with a user on screen, keep the page (and what was typed)
  // and ask for the password over it; without one, forget the user (the guard shows the login page).
  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.status === 401 && e.code === 'AUTH_REQUIRED') {
      if (client.getQueryData(meKey)) markSessionExpired();
      else client.setQueryData(meKey, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    // Any change may add or remove work: the inbox (and the menu's badges) is read again.
    mutationCache: new MutationCache({
      onError,
      onSuccess: () => void client.invalidateQueries({ queryKey: ['inbox'] }),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retry once, only what may pass on a second try (network errors and 5xx other than 501),
        // after a second: the page shows "Đang tải…" meanwhile, then the error with "Thử lại".
        retry: (count, e) =>
          e instanceof ApiError && (e.status === 0 || (e.status >= 500 && e.status !== 501)) && count < 1,
        retryDelay: 1000,
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
