// The shell's route table. Dependencies point one way: app -> features -> components -> kernel.
// app/ is the shell only (App, router, Layout, nav, pages); features/<x>/ hold a module's pages,
// api.ts and messages.ts, and reach another feature only through its index.ts; components/ are
// generic widgets; kernel/ (http, i18n, auth, errors, format, forms, url filters) imports none of
// the others. A new module adds one lazy import and one route here (see src/README.md).
import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { createBrowserRouter, Outlet, ScrollRestoration } from 'react-router';
import type { RouteObject } from 'react-router';
import type { Ability } from '@ansinh/domain';
import { FullPageSpin, RequireAbility, RequireAuth } from '../components/RouteGuards';
import { AppLayout } from './Layout';
import { NAV } from './nav';
import { NotFoundPage } from '../components/StatusPages';
import { RouteErrorPage } from './pages';

// Feature pages are split into their own chunks.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const ChangePasswordPage = lazy(() => import('../features/auth/ChangePasswordPage'));
const HomePage = lazy(() => import('../features/home/HomePage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const AgenciesPage = lazy(() => import('../features/agencies/AgenciesPage'));
const AreasPage = lazy(() => import('../features/areas/AreasPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const PersonsPage = lazy(() => import('../features/registry/PersonsPage'));
const PersonPage = lazy(() => import('../features/registry/PersonPage'));
const HouseholdsPage = lazy(() => import('../features/registry/HouseholdsPage'));
const HouseholdPage = lazy(() => import('../features/registry/HouseholdPage'));
const ImportPage = lazy(() => import('../features/registry/ImportPage'));
const DuplicatesPage = lazy(() => import('../features/registry/DuplicatesPage'));
const TransfersPage = lazy(() => import('../features/registry/TransfersPage'));
const ProgramsRoutes = lazy(() => import('../features/programs/ProgramsRoutes'));
const DossiersRoutes = lazy(() => import('../features/dossiers/DossiersRoutes'));
const ReportsRoutes = lazy(() => import('../features/reports/ReportsRoutes'));
const PetitionsRoutes = lazy(() => import('../features/petitions/PetitionsRoutes'));
const EmploymentRoutes = lazy(() => import('../features/employment/EmploymentRoutes'));
const PovertyRoutes = lazy(() => import('../features/poverty/PovertyRoutes'));
const MeritRoutes = lazy(() => import('../features/merit/MeritRoutes'));
const OrganisationPage = lazy(() => import('../features/organisation/OrganisationPage'));
const ActivitiesPage = lazy(() => import('../features/activities/ActivitiesPage'));
const PublishedListsRoutes = lazy(() => import('../features/programs/PublishedRoutes'));

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

/** A page only users with `ability` may open; the others get "forbidden", not a blank page. */
function only(ability: Ability, page: ReactNode) {
  return <RequireAbility ability={ability}>{page}</RequireAbility>;
}

export const routes: RouteObject[] = [
  {
    element: <Root />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      // Public pages: no account needed (citizens look up a dossier; anyone reads published lists).
      // /tra-cuu and /cong-khai are the citizen's own small pages (public.html), loaded from the server;
      // signed-in supervisors read the same lists and file remarks here.
      { path: '/giam-sat/*', element: <PublishedListsRoutes /> },
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
                  { index: true, element: <HomePage modules={NAV} /> },
                  { path: 'account/password', element: <ChangePasswordPage /> },
                  { path: 'areas', element: only('areas.read', <AreasPage />) },
                  { path: 'users', element: only('users.manage', <UsersPage />) },
                  { path: 'users/agencies', element: only('users.manage', <AgenciesPage />) },
                  { path: 'audit', element: only('audit.read', <AuditPage />) },
                  {
                    path: 'registry',
                    element: only('registry.read', <Outlet />),
                    children: [
                      { index: true, element: <PersonsPage /> },
                      { path: 'persons/:id', element: <PersonPage /> },
                      { path: 'households', element: <HouseholdsPage /> },
                      { path: 'households/:id', element: <HouseholdPage /> },
                      { path: 'import', element: only('registry.write', <ImportPage />) },
                      { path: 'duplicates', element: only('registry.write', <DuplicatesPage />) },
                      { path: 'transfers', element: <TransfersPage /> },
                    ],
                  },
                  { path: 'programs/*', element: only('programs.read', <ProgramsRoutes />) },
                  { path: 'dossiers/*', element: only('dossiers.read', <DossiersRoutes />) },
                  { path: 'petitions/*', element: only('petitions.stats', <PetitionsRoutes />) },
                  { path: 'employment/*', element: only('employment.read', <EmploymentRoutes />) },
                  { path: 'reports/*', element: only('reports.read', <ReportsRoutes />) },
                  { path: 'poverty/*', element: only('poverty.read', <PovertyRoutes />) },
                  { path: 'merit/*', element: only('merit.read', <MeritRoutes />) },
                  { path: 'activities', element: only('activities.read', <ActivitiesPage />) },
                  { path: 'organisation', element: only('organisation.read', <OrganisationPage />) },
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
