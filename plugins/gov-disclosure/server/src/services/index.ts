import subjectCategories from './subject-categories';
import writeGuard from './write-guard';

export default {
  'subject-categories': subjectCategories,
  'write-guard': writeGuard,
};
