import { Route, Routes } from 'react-router';
import DossierPage from './DossierPage';
import DossiersPage from './DossiersPage';
import PrintPage from './PrintPage';
import ProceduresPage from './ProceduresPage';
import ReceivePage from './ReceivePage';
import StatsPage from './StatsPage';
import { hasAbility, useAuth } from '../../kernel/auth';
import { RequireAbility } from '../../components/RouteGuards';

/** The pages of the dossiers module, under /dossiers. */
export default function DossiersRoutes() {
  const { me } = useAuth();
  return (
    <Routes>
      {/* Officers who act on dossiers start at what their level must do; leaders at everything. */}
      <Route index element={<DossiersPage mine={hasAbility(me, 'dossiers.receive')} />} />
      <Route path="all" element={<DossiersPage mine={false} />} />
      <Route
        path="new"
        element={
          <RequireAbility ability="dossiers.receive">
            <ReceivePage />
          </RequireAbility>
        }
      />
      <Route path="procedures" element={<ProceduresPage />} />
      <Route path="stats" element={<StatsPage />} />
      <Route path=":id" element={<DossierPage />} />
      <Route path=":id/print/:form" element={<PrintPage />} />
    </Routes>
  );
}
