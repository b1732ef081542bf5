import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/StatusPages';
import BreakdownPage from './BreakdownPage';
import CampaignPage from './CampaignPage';
import CampaignsPage from './CampaignsPage';

/** The pages of the poverty review, under /poverty. */
export default function PovertyRoutes() {
  return (
    <Routes>
      <Route index element={<CampaignsPage />} />
      <Route path="campaigns/:id" element={<CampaignPage />} />
      <Route path="breakdown" element={<BreakdownPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
