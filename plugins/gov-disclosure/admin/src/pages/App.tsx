import { Route, Routes } from 'react-router-dom';
import { Page } from '@strapi/strapi/admin';
import { OverviewPage } from './OverviewPage';

const App = () => (
  <Routes>
    <Route index element={<OverviewPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
