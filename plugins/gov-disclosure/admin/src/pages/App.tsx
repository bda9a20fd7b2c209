import { Route, Routes } from 'react-router-dom';
import { Page } from '@strapi/strapi/admin';
import { CatalogTransferPage } from './CatalogTransferPage';
import { OverviewPage } from './OverviewPage';
import { ReportEditorPage } from './ReportEditorPage';
import { TasksPage } from './TasksPage';

const App = () => (
  <Routes>
    <Route index element={<TasksPage />} />
    <Route path="overview" element={<OverviewPage />} />
    <Route path="catalog" element={<CatalogTransferPage />} />
    <Route path="reports/:documentId" element={<ReportEditorPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
