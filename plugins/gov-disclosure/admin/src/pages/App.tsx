import { Route, Routes, useParams } from 'react-router-dom';
import { Page } from '@strapi/strapi/admin';
import { ApplicationPage } from './ApplicationPage';
import { ApplicationsPage } from './ApplicationsPage';
import { CatalogTransferPage } from './CatalogTransferPage';
import { InspectionPage } from './InspectionPage';
import { JobsPage } from './JobsPage';
import { OverviewPage } from './OverviewPage';
import { ReportEditorPage } from './ReportEditorPage';
import { TasksPage } from './TasksPage';
import { WorkingCalendarPage } from './WorkingCalendarPage';

/** A new report is a new editor: nothing of the previous one's state carries over. */
const ReportEditorRoute = () => {
  const { documentId } = useParams();
  return <ReportEditorPage key={documentId} />;
};

/** Another case is another page: no dialog or shown identity carries over. */
const ApplicationRoute = () => {
  const { documentId } = useParams();
  return <ApplicationPage key={documentId} />;
};

const App = () => (
  <Routes>
    <Route index element={<TasksPage />} />
    <Route path="overview" element={<OverviewPage />} />
    <Route path="catalog" element={<CatalogTransferPage />} />
    <Route path="jobs" element={<JobsPage />} />
    <Route path="inspection" element={<InspectionPage />} />
    <Route path="reports/:documentId" element={<ReportEditorRoute />} />
    <Route path="applications" element={<ApplicationsPage />} />
    <Route path="applications/:documentId" element={<ApplicationRoute />} />
    <Route path="working-calendar" element={<WorkingCalendarPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
