import { Route, Routes } from 'react-router';
import ComingSoonPage from '../placeholder/ComingSoonPage';

/** The pages of the dossiers module, under /dossiers. */
export default function DossiersRoutes() {
  return (
    <Routes>
      <Route index element={<ComingSoonPage module="dossiers" />} />
    </Routes>
  );
}
