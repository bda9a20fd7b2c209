import organizationCodes from './organization-codes';
import subjectCategories from './subject-categories';

export default {
  'organization-codes': organizationCodes,
  'subject-categories': subjectCategories,
};
