import { Route, Routes } from 'react-router';
import ComingSoonPage from '../placeholder/ComingSoonPage';

/** The pages of the programs module, under /programs. */
export default function ProgramsRoutes() {
  return (
    <Routes>
      <Route index element={<ComingSoonPage module="programs" />} />
    </Routes>
  );
}
