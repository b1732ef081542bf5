import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/StatusPages';
import CampaignPage from './CampaignPage';
import CampaignsPage from './CampaignsPage';

/** The pages of the poverty review, under /poverty. */
export default function PovertyRoutes() {
  return (
    <Routes>
      <Route index element={<CampaignsPage />} />
      <Route path="campaigns/:id" element={<CampaignPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
