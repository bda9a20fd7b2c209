/** Request and response shapes shared by the admin panel and the server. */

export interface SubjectCategoryTreeNode {
  documentId: string;
  code: string;
  name: string;
  nameEn: string;
  children: SubjectCategoryTreeNode[];
}

export interface SubjectCategoryTreeResponse {
  data: SubjectCategoryTreeNode[];
}

export interface OrganizationCodeCheckRequest {
  code: string;
}

export interface OrganizationCodeCheckResponse {
  data: { valid: boolean; kind?: 'credit-code' | 'organization-code'; message?: string };
}

import type { EventAction, WorkflowAction, WorkflowState } from './domain/workflow';
import type { UpdateStatus, Veto } from './domain/column-updates';
import type { ColumnPurpose } from './constants';
import type { WordingFinding } from './domain/wording-check';
import type { ApplicantType, ApplicationState, Channel, Outcome } from './domain/disclosure-application';
import type { AppealKind, AppealOutcome } from './domain/register-measures';

export type WorkflowUid = 'plugin::gov-disclosure.catalog-entry' | 'plugin::gov-disclosure.annual-report';

export interface TransitionRequest {
  uid: WorkflowUid;
  documentId: string;
  locale: string;
  action: WorkflowAction;
  comment?: string;
}

export interface WorkflowEventView {
  id: number;
  action: EventAction;
  fromState: WorkflowState;
  toState: WorkflowState;
  actor: { id: number; name: string } | null;
  comment: string | null;
  createdAt: string;
}

export interface TransitionResponse {
  /** wording: the 错敏词 findings in the item's text when it moved (see the status's). */
  data: { state: WorkflowState; event: WorkflowEventView; wording: WordingFinding[] };
}

export interface WorkflowHistoryResponse {
  data: WorkflowEventView[];
}

export interface WorkflowStatusResponse {
  data: {
    state: WorkflowState;
    /** The party whose move it is, and the users who can make it. */
    holder: { party: 'drafter' | 'reviewer' | 'publisher'; users: Array<{ id: number; name: string }> };
    /** Exactly the actions the requesting user may take now. */
    allowedActions: WorkflowAction[];
    canEdit: boolean;
    history: WorkflowEventView[];
    /** A publication time the office set (the item goes live then), or null. */
    scheduledPublication: ScheduledPublication | null;
    /** 错敏词 in the item's text as it stands: forbidden ones block publication without a reason. */
    wording: WordingFinding[];
  };
}

export interface ScheduledPublication {
  /** ISO date-time. */
  at: string;
  by: { id: number | null; name: string };
  comment: string | null;
}

export interface SchedulePublicationRequest {
  uid: WorkflowUid;
  documentId: string;
  locale: string;
  /** ISO date-time in the future (at least a minute, at most a year ahead). */
  publishAt: string;
  comment?: string;
}

export interface SchedulePublicationResponse {
  data: ScheduledPublication | null;
}

export interface WorkflowTask {
  uid: WorkflowUid;
  documentId: string;
  locale: string;
  title: string;
  state: WorkflowState;
  /** When the item entered its current state; tasks are listed oldest first. */
  since: string;
  lastComment: string | null;
  /** Awaiting publication at a set time: listed until it goes live. */
  scheduledAt: string | null;
}

export interface WorkflowTasksResponse {
  data: WorkflowTask[];
}

/** One content type of the approval chain, as the office's home counts it. */
export interface OverviewCounts {
  uid: WorkflowUid;
  /** Items (each language version counts once) by their current state. */
  states: Record<WorkflowState, number>;
  /** Items published since the first of this month (in the agency's time zone), once each. */
  publishedThisMonth: number;
  /** Items awaiting publication with a time set. */
  scheduled: number;
}

/** GET /workflow/overview: what the plugin's home shows the user. */
export interface WorkflowOverview {
  /** Items waiting for this user: the length of 待办. */
  myTasks: number;
  /** The whole chain at a glance, for the office (who publishes); null for everyone else. */
  office: {
    /** YYYY-MM, the month "published this month" counts. */
    month: string;
    types: OverviewCounts[];
    /** Scheduled jobs that failed and wait for the office (后台任务). */
    failedJobs: number;
  } | null;
}

export interface WorkflowOverviewResponse {
  data: WorkflowOverview;
}

/** One finding of a catalog import: file row (the header is row 1), column header, message. */
export interface CatalogImportIssue {
  row: number;
  column: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface CatalogImportCounts {
  rows: number;
  /** Rows that would be (dry run) or were imported. */
  imported: number;
  /** Rows already in the catalog from an earlier run of the same file. */
  skipped: number;
  invalid: number;
}

export interface CatalogImportReport {
  dryRun: boolean;
  publish: boolean;
  organization: string;
  counts: CatalogImportCounts;
  /** The first issues found (a file with many bad rows lists at most MAX_REPORTED_ISSUES). */
  issues: CatalogImportIssue[];
  issueCount: number;
  seconds: number;
  /** The run was stopped between two batches; run it again to import the rest. */
  interrupted?: boolean;
}

export type CatalogImportJobStatus = 'validated' | 'running' | 'done' | 'failed';

/** GET /gov-disclosure/catalog-import/:id — an uploaded file's dry-run report and, once confirmed, its progress. */
export interface CatalogImportJob {
  id: string;
  fileName: string;
  organization: string;
  publish: boolean;
  status: CatalogImportJobStatus;
  report: CatalogImportReport;
  progress: { done: number; total: number };
  result: CatalogImportReport | null;
  error: string | null;
}

/** POST /gov-disclosure/annual-reports/:documentId/compute — every cell the data answers, and where it differs from the table. */
export interface ReportComputeResponse {
  data: {
    computed: Record<string, number | null>;
    diff: Array<{ cell: string; stored: number | null; computed: number }>;
  };
}

/** One catalog entry a computed cell counted. */
export interface CountedEntry {
  documentId: string;
  title: string;
  indexNumber: string | null;
  documentNumber: string | null;
  writtenDate: string | null;
  publishedDate: string | null;
  repealedDate: string | null;
  /** What it was counted as, for a cell that adds several counts (e.g. 本年经政府网站公开). */
  countedAs: string;
}

/**
 * GET /gov-disclosure/annual-reports/:documentId/cells/:cell/records — what a computed cell's
 * number is made of: catalog entries (paged; `total` is the number), last year's report cell,
 * or nothing the data can answer.
 */
export type CellRecordsResponse = {
  data:
    | { cell: string; label: string; source: 'catalog'; value: number; entries: CountedEntry[]; pagination: { page: number; pageSize: number; total: number } }
    | {
        cell: string;
        label: string;
        source: 'previous-report';
        value: number | null;
        report: { documentId: string; year: number; title: string; cell: string; cellLabel: string } | null;
      }
    | { cell: string; label: string; source: 'none'; message: string }
    | {
        cell: string;
        label: string;
        source: 'register';
        value: number;
        applications: CountedApplication[];
        pagination: { page: number; pageSize: number; total: number };
      }
    | {
        cell: string;
        label: string;
        source: 'appeals';
        value: number;
        appeals: CountedAppeal[];
        pagination: { page: number; pageSize: number; total: number };
      };
};

/** An application for disclosure as a report cell's records list shows it: the case, never the applicant. */
export interface CountedApplication {
  documentId: string;
  trackingNumber: string;
  receivedOn: string | null;
  channel: Channel;
  applicantType: ApplicantType;
  state: ApplicationState;
  outcome: Outcome | null;
  decidedOn: string | null;
  dueOn: string | null;
  countedAs: string;
}

export interface CountedAppeal {
  documentId: string;
  caseNumber: string | null;
  kind: AppealKind;
  filedOn: string | null;
  decidedOn: string | null;
  outcome: AppealOutcome;
  applicationDocumentId: string | null;
  countedAs: string;
}

/** Scheduled work as the admin panel's 后台任务 page shows it. */
export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface JobView {
  id: number;
  kind: string;
  status: JobStatus;
  /** When it runs next (pending), or ran. ISO date-time. */
  runAt: string;
  attempts: number;
  lastError: string | null;
  updatedAt: string;
  /** The item a job works on (scheduled publication), when it has one. */
  target: { uid: WorkflowUid; documentId: string; locale: string } | null;
}

export interface JobsResponse {
  data: JobView[];
  /** Jobs that failed for good and wait for the office to retry them. */
  failed: number;
}

/** One column as the inspection page shows it (GET /inspection). */
export interface InspectedColumn {
  documentId: string;
  name: string;
  /** Ancestors' names then its own, e.g. 通知公告 › 工作动态. */
  path: string;
  purpose: ColumnPurpose;
  /** Watched by the inspection's 5-column count (news at any level, notices and policy at the top). */
  key: boolean;
  lastPublished: string | null;
  status: UpdateStatus;
}

export interface InspectedOrganization {
  documentId: string | null;
  name: string;
  /** List columns that are blank, lapsed or within 7 days of their limit; the rest are in order. */
  columns: InspectedColumn[];
  /** List columns checked in all, whatever their state. */
  columnCount: number;
  /** Published items without a 发布日期 (an inspector counts them as not updated): the first 50. */
  undated: { count: number; items: Array<{ documentId: string; title: string }> };
  /** Links in live bodies to entries or columns the portal no longer serves, with the item holding each. */
  brokenLinks: Array<{ holder: { documentId: string; title: string }; href: string; kind: 'entry' | 'column' }>;
  vetoes: Veto[];
}

/** GET /inspection: where the site stands against the inspection's single-veto items, per organization. */
export interface InspectionReport {
  today: string;
  locale: string;
  homePage: { lastPublished: string | null; daysSince: number | null; limitDays: number; fails: boolean };
  organizations: InspectedOrganization[];
}

export interface InspectionResponse {
  data: InspectionReport;
}

/** GET /inspection/my-columns: the user's own columns that are blank, lapsed or about to lapse. */
export interface MyColumnsResponse {
  data: InspectedColumn[];
}
