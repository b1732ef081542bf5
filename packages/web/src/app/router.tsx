import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet, ScrollRestoration } from 'react-router';
import type { RouteObject } from 'react-router';
import { FullPageSpin, RequireAbility, RequireAuth } from './auth';
import { AppLayout } from './Layout';
import { NotFoundPage, RouteErrorPage } from './pages';

// Feature pages are split into their own chunks.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const ChangePasswordPage = lazy(() => import('../features/auth/ChangePasswordPage'));
const HomePage = lazy(() => import('../features/home/HomePage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const AreasPage = lazy(() => import('../features/areas/AreasPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const ComingSoonPage = lazy(() => import('../features/placeholder/ComingSoonPage'));
const PersonsPage = lazy(() => import('../features/registry/PersonsPage'));
const PersonPage = lazy(() => import('../features/registry/PersonPage'));
const HouseholdsPage = lazy(() => import('../features/registry/HouseholdsPage'));
const HouseholdPage = lazy(() => import('../features/registry/HouseholdPage'));
const ImportPage = lazy(() => import('../features/registry/ImportPage'));
const DuplicatesPage = lazy(() => import('../features/registry/DuplicatesPage'));

function Root() {
  return (
    <>
      <Suspense fallback={<FullPageSpin />}>
        <Outlet />
      </Suspense>
      <ScrollRestoration />
    </>
  );
}

export const routes: RouteObject[] = [
  {
    element: <Root />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              {
                // Errors in a page render inside the layout, so the menu stays usable.
                errorElement: <RouteErrorPage />,
                children: [
                  { index: true, element: <HomePage /> },
                  { path: 'account/password', element: <ChangePasswordPage /> },
                  {
                    path: 'areas',
                    element: (
                      <RequireAbility ability="areas.read">
                        <AreasPage />
                      </RequireAbility>
                    ),
                  },
                  {
                    path: 'users',
                    element: (
                      <RequireAbility ability="users.manage">
                        <UsersPage />
                      </RequireAbility>
                    ),
                  },
                  {
                    path: 'audit',
                    element: (
                      <RequireAbility ability="audit.read">
                        <AuditPage />
                      </RequireAbility>
                    ),
                  },
                  {
                    path: 'registry',
                    element: (
                      <RequireAbility ability="registry.read">
                        <Outlet />
                      </RequireAbility>
                    ),
                    children: [
                      { index: true, element: <PersonsPage /> },
                      { path: 'persons/:id', element: <PersonPage /> },
                      { path: 'households', element: <HouseholdsPage /> },
                      { path: 'households/:id', element: <HouseholdPage /> },
                      {
                        path: 'import',
                        element: (
                          <RequireAbility ability="registry.write">
                            <ImportPage />
                          </RequireAbility>
                        ),
                      },
                      {
                        path: 'duplicates',
                        element: (
                          <RequireAbility ability="registry.write">
                            <DuplicatesPage />
                          </RequireAbility>
                        ),
                      },
                    ],
                  },
                  {
                    path: 'programs',
                    element: (
                      <RequireAbility ability="programs.read">
                        <ComingSoonPage module="programs" />
                      </RequireAbility>
                    ),
                  },
                  {
                    path: 'dossiers',
                    element: (
                      <RequireAbility ability="dossiers.read">
                        <ComingSoonPage module="dossiers" />
                      </RequireAbility>
                    ),
                  },
                  {
                    path: 'reports',
                    element: (
                      <RequireAbility ability="reports.read">
                        <ComingSoonPage module="reports" />
                      </RequireAbility>
                    ),
                  },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
