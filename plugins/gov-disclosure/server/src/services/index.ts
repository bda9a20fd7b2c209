import roles from './roles';
import subjectCategories from './subject-categories';
import writeGuard from './write-guard';

export default {
  roles,
  'subject-categories': subjectCategories,
  'write-guard': writeGuard,
};
