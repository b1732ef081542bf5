import { Route, Routes } from 'react-router';
import CoursesPage from './CoursesPage';
import FairPage from './FairPage';
import FairsPage from './FairsPage';
import PersonEmploymentPage from './PersonEmploymentPage';
import ProgressPage from './ProgressPage';
import ReportsPage from './ReportsPage';
import VacancyBoard from './VacancyBoard';

/** The pages of the employment module, under /employment. */
export default function EmploymentRoutes() {
  return (
    <Routes>
      <Route index element={<VacancyBoard />} />
      <Route path="fairs" element={<FairsPage />} />
      <Route path="fairs/:id" element={<FairPage />} />
      <Route path="courses" element={<CoursesPage />} />
      <Route path="progress" element={<ProgressPage />} />
      <Route path="reports" element={<ReportsPage />} />
      <Route path="persons/:id" element={<PersonEmploymentPage by="supply" />} />
      <Route path="registry/:id" element={<PersonEmploymentPage by="persons" />} />
    </Routes>
  );
}
