import actors from './actors';
import adminLayout from './admin-layout';
import applicantKey from './applicant-key';
import applicationFiles from './application-files';
import appeals from './appeals';
import applicationReminders from './application-reminders';
import applications from './applications';
import caseFiles from './case-files';
import catalogExport from './catalog-export';
import frontDoor from './front-door';
import catalogImport from './catalog-import';
import catalogImportJobs from './catalog-import-jobs';
import catalogSearch from './catalog-search';
import clusterEvents from './cluster-events';
import columnListings from './column-listings';
import entryLinks from './entry-links';
import indexNumbers from './index-numbers';
import inspection from './inspection';
import inspectionDigest from './inspection-digest';
import jobs from './jobs';
import notifications from './notifications';
import officeOverview from './office-overview';
import permissions from './permissions';
import portal from './portal';
import portalGuard from './portal-guard';
import publicCache from './public-cache';
import readSql from './read-sql';
import registerStatistics from './register-statistics';
import reportStatistics from './report-statistics';
import roles from './roles';
import scheduledPublication from './scheduled-publication';
import subjectCategories from './subject-categories';
import validity from './validity';
import workflow from './workflow';
import workingCalendar from './working-calendar';
import wording from './wording';
import writeGuard from './write-guard';

export default {
  actors,
  'admin-layout': adminLayout,
  'applicant-key': applicantKey,
  'application-files': applicationFiles,
  appeals,
  'application-reminders': applicationReminders,
  applications,
  'case-files': caseFiles,
  'catalog-export': catalogExport,
  'catalog-import': catalogImport,
  'catalog-import-jobs': catalogImportJobs,
  'catalog-search': catalogSearch,
  'cluster-events': clusterEvents,
  'column-listings': columnListings,
  'entry-links': entryLinks,
  'index-numbers': indexNumbers,
  inspection,
  'inspection-digest': inspectionDigest,
  jobs,
  notifications,
  'office-overview': officeOverview,
  permissions,
  portal,
  'portal-guard': portalGuard,
  'public-cache': publicCache,
  'front-door': frontDoor,
  'read-sql': readSql,
  'register-statistics': registerStatistics,
  'report-statistics': reportStatistics,
  roles,
  'scheduled-publication': scheduledPublication,
  'subject-categories': subjectCategories,
  validity,
  workflow,
  'working-calendar': workingCalendar,
  wording,
  'write-guard': writeGuard,
};
