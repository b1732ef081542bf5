import './merit.css';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { Segmented } from 'antd';
import { NotFoundPage } from '../../components/StatusPages';
import { useT } from '../../kernel/i18n';
import { GravesPage, RecordPage, RecordsPage, YearPage } from './MeritPages';
import RemainsBoardPage from './RemainsBoard';

function Tabs() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = pathname.startsWith('/merit/graves')
    ? '/merit/graves'
    : pathname.startsWith('/merit/remains')
      ? '/merit/remains'
      : pathname.startsWith('/merit/year')
        ? '/merit/year'
        : '/merit';
  return (
    <Segmented
      className="merit-noprint"
      style={{ marginBottom: 16 }}
      value={current}
      onChange={(v) => void navigate(String(v))}
      options={[
        { value: '/merit', label: t('merit.tab.records') },
        { value: '/merit/graves', label: t('merit.tab.graves') },
        { value: '/merit/remains', label: <span data-testid="merit-tab-remains">{t('merit.tab.remains')}</span> },
        { value: '/merit/year', label: t('merit.tab.year') },
      ]}
    />
  );
}

/** The pages of the merit module, under /merit. */
export default function MeritRoutes() {
  return (
    <>
      <Tabs />
      <Routes>
        <Route index element={<RecordsPage />} />
        <Route path="records/:id" element={<RecordPage />} />
        <Route path="graves" element={<GravesPage />} />
        <Route path="remains" element={<RemainsBoardPage />} />
        <Route path="year" element={<YearPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
