import { Route, Routes } from 'react-router';

/** Published lists, open to anyone, under /cong-khai. */
export default function PublishedRoutes() {
  return (
    <Routes>
      <Route index element={<p>Danh sách công khai</p>} />
    </Routes>
  );
}
