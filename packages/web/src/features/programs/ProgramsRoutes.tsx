import { Route, Routes } from 'react-router';
import { RequireAbility } from '../../components/RouteGuards';
import { NotFoundPage } from '../../components/StatusPages';
import BatchPage from './BatchPage';
import ListPage from './ListPage';
import ProgramPage from './ProgramPage';
import ProgramsPage from './ProgramsPage';

/** The pages of the programs module, under /programs (programs.read is checked by the router). */
export default function ProgramsRoutes() {
  return (
    <Routes>
      <Route index element={<ProgramsPage />} />
      <Route path="lists/:id" element={<ListPage />} />
      <Route
        path="batches/:id"
        element={
          <RequireAbility ability="programs.pay">
            <BatchPage />
          </RequireAbility>
        }
      />
      <Route path=":id" element={<ProgramPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
