import annualReports from './annual-reports';
import applications from './applications';
import catalogTransfer from './catalog-transfer';
import health from './health';
import inspection from './inspection';
import jobs from './jobs';
import markdown from './markdown';
import organizationCodes from './organization-codes';
import portalApply from './portal-apply';
import portalPages from './portal-pages';
import publicApi from './public-api';
import subjectCategories from './subject-categories';
import workflow from './workflow';

export default {
  'annual-reports': annualReports,
  applications,
  'catalog-transfer': catalogTransfer,
  health,
  inspection,
  jobs,
  markdown,
  'organization-codes': organizationCodes,
  'portal-apply': portalApply,
  'portal-pages': portalPages,
  'public-api': publicApi,
  'subject-categories': subjectCategories,
  workflow,
};
