import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/StatusPages';
import DashboardPage from './DashboardPage';
import { DocumentsPage, ReportPage } from './DocumentsPage';
import FigurePage from './FigurePage';
import IndicatorsPage from './IndicatorsPage';
import { PlanPage, PlansPage } from './PlansPage';
import { TemplateEditorPage } from './TemplateEditor';
import { TemplatesPage } from './TemplatesPage';

/** The pages of the reports module, under /reports. */
export default function ReportsRoutes() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="figure" element={<FigurePage />} />
      <Route path="plans" element={<PlansPage />} />
      <Route path="plans/:id" element={<PlanPage />} />
      <Route path="indicators" element={<IndicatorsPage />} />
      <Route path="documents" element={<DocumentsPage />} />
      <Route path="documents/:id" element={<ReportPage />} />
      <Route path="templates" element={<TemplatesPage />} />
      <Route path="templates/:code" element={<TemplateEditorPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
