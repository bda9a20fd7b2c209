import organizationCodes from './organization-codes';
import publicApi from './public-api';
import subjectCategories from './subject-categories';
import workflow from './workflow';

export default {
  'organization-codes': organizationCodes,
  'public-api': publicApi,
  'subject-categories': subjectCategories,
  workflow,
};
