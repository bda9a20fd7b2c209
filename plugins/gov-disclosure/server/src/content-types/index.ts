import annualReport from './annual-report';
import appealCase from './appeal-case';
import applicationEvent from './application-event';
import catalogEntry from './catalog-entry';
import column from './column';
import disclosureApplication from './disclosure-application';
import organization from './organization';
import subjectCategory from './subject-category';
import workflowEvent from './workflow-event';
import wordingRule from './wording-rule';
import workingCalendarYear from './working-calendar-year';

export default {
  organization,
  column,
  'catalog-entry': catalogEntry,
  'annual-report': annualReport,
  'workflow-event': workflowEvent,
  'subject-category': subjectCategory,
  'disclosure-application': disclosureApplication,
  'application-event': applicationEvent,
  'appeal-case': appealCase,
  'working-calendar-year': workingCalendarYear,
  'wording-rule': wordingRule,
};
