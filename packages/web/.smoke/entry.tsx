import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/es/locale/vi_VN';
import type { Me } from '@ansinh/domain';
import { AuthProvider } from '/src/app/auth';
import { I18nProvider } from '/src/app/i18n';
import { routes } from '/src/app/router';
import { qk } from '/src/api/endpoints';

export function makeApp(url: string, me: Me | null, seed: (qc: QueryClient) => void) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  qc.setQueryData(qk.me, me);
  seed(qc);
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  return (
    <I18nProvider>
      <ConfigProvider locale={viVN}>
        <AntApp>
          <QueryClientProvider client={qc}>
            <AuthProvider>
              <RouterProvider router={router} />
            </AuthProvider>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </I18nProvider>
  );
}
