import { Route, Routes } from 'react-router';
import ComingSoonPage from '../placeholder/ComingSoonPage';

/** The pages of the reports module, under /reports. */
export default function ReportsRoutes() {
  return (
    <Routes>
      <Route index element={<ComingSoonPage module="reports" />} />
    </Routes>
  );
}
