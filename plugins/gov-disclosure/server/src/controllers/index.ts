import organizationCodes from './organization-codes';
import subjectCategories from './subject-categories';
import workflow from './workflow';

export default {
  'organization-codes': organizationCodes,
  'subject-categories': subjectCategories,
  workflow,
};
