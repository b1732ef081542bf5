import { Route, Routes } from 'react-router';
import { RequireAbility } from '../../components/RouteGuards';
import { hasAbility, useAuth } from '../../kernel/auth';
import CasePage from './CasePage';
import HotlinePage from './HotlinePage';
import LetterNewPage from './LetterNewPage';
import LetterPage from './LetterPage';
import { CasesPage, DuePage, LettersPage } from './ListsPage';
import PrintPage from './PrintPage';
import ReceptionPage from './ReceptionPage';
import StatsPage from './StatsPage';

/** The pages of the petitions module, under /petitions. */
export default function PetitionsRoutes() {
  const { me } = useAuth();
  // Supervisors and the administrator see counts, not contents: their page is the figures.
  if (!hasAbility(me, 'petitions.read')) {
    return (
      <Routes>
        <Route path="*" element={<StatsPage />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route index element={<DuePage />} />
      <Route path="letters" element={<LettersPage />} />
      <Route
        path="letters/new"
        element={
          <RequireAbility ability="petitions.receive">
            <LetterNewPage />
          </RequireAbility>
        }
      />
      <Route path="letters/:id" element={<LetterPage />} />
      <Route path="letters/:id/print/:form" element={<PrintPage />} />
      <Route path="cases" element={<CasesPage />} />
      <Route path="cases/:id" element={<CasePage />} />
      <Route
        path="hotline"
        element={
          <RequireAbility ability="petitions.receive">
            <HotlinePage />
          </RequireAbility>
        }
      />
      <Route path="reception" element={<ReceptionPage />} />
      <Route path="stats" element={<StatsPage />} />
    </Routes>
  );
}
