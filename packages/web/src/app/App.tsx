import { useState } from 'react';
import type { ReactNode } from 'react';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { App as AntApp, ConfigProvider } from 'antd';
import type { ThemeConfig } from 'antd';
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
 *
 * Colours pass WCAG 2.2 AA on white (contrast ratios in the comments): the primary blue is used
 * for links and text, so it needs 4.5:1 (antd's #1677ff has 4.1:1); help and secondary text too
 * (antd's 45 % black has 3.4:1); a focus ring needs 3:1 against the page. Disabled controls are
 * exempt and keep antd's colours. The same values are in app.css (`--a11y-*`) for our own CSS.
 */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9', // 6.0:1
    colorLink: '#0958d9',
    colorInfo: '#0958d9',
    colorError: '#cf1322', // 5.9:1
    colorErrorText: '#cf1322',
    colorSuccess: '#389e0d', // buttons and icons; text below
    colorSuccessText: '#237804', // 6.4:1
    colorWarningText: '#ad4e00', // 5.6:1
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)', // 5.7:1
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)', // 5.2:1
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)', // 4.6:1
    colorIcon: 'rgba(0, 0, 0, 0.62)',
    colorIconHover: 'rgba(0, 0, 0, 0.88)',
    // The ring around a focused input: 2 px of a blue with 4.1:1 against white.
    controlOutline: '#1677ff',
    controlOutlineWidth: 2,
    borderRadius: 6,
    motion: false,
  },
};

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
