import annualReport from './annual-report';
import catalogEntry from './catalog-entry';
import column from './column';
import organization from './organization';
import subjectCategory from './subject-category';
import workflowEvent from './workflow-event';

export default {
  organization,
  column,
  'catalog-entry': catalogEntry,
  'annual-report': annualReport,
  'workflow-event': workflowEvent,
  'subject-category': subjectCategory,
};
