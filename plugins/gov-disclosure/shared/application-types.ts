/** Request and response shapes of the 依申请公开 register, shared by the admin panel and the server. */
import type { IdType } from './domain/application-input';
import type {
  ApplicantType,
  ApplicationAction,
  ApplicationEventAction,
  ApplicationState,
  Channel,
  Delivery,
  Outcome,
  ProvisionForm,
  ReplyKind,
} from './domain/disclosure-application';
import { PLUGIN_ID } from './constants';
import type { FeeMethod } from './domain/information-fee';
import type { AppealKind, AppealOutcome } from './domain/register-measures';
import type { CalendarYear } from './domain/working-days';

/** The register's RBAC actions (registered by the server, asked for by the admin panel). */
export const REGISTER_PERMISSION_ACTIONS = ['read', 'register', 'handle', 'assign', 'approve-extension', 'view-identity', 'calendar'] as const;
export type RegisterAction = (typeof REGISTER_PERMISSION_ACTIONS)[number];
export const registerPermission = (action: RegisterAction) => `plugin::${PLUGIN_ID}.application.${action}`;

/** GET /applications: the filters of the register page (each optional) and the page. */
export interface ApplicationListQuery {
  state?: ApplicationState;
  channel?: Channel;
  applicantType?: ApplicantType;
  year?: number;
  overdue?: boolean;
  dueWithin?: number;
  mine?: boolean;
  /** Part of a tracking number (an applicant on the phone reads theirs out). */
  q?: string;
  page: number;
  pageSize: number;
}

export interface ApplicationView {
  documentId: string;
  trackingNumber: string;
  organization: { documentId: string; name: string | null };
  channel: Channel;
  receivedOn: string;
  applicantType: ApplicantType;
  description: string;
  documentNumbers: string | null;
  provisionForm: ProvisionForm;
  delivery: Delivery;
  source: 'portal' | 'office';
  handler: { id: number; name: string } | null;
  state: ApplicationState;
  startedOn: string;
  dueOn: string | null;
  /** Working days from today to the due date (negative once overdue); null once decided. */
  workingDaysLeft: number | null;
  paused: boolean;
  /** Years the deadline crossed with no calendar data: the office must enter them. */
  calendarWarnings: number[];
  extension: { days: number; approver: string | null; reason: string | null } | null;
  amendment: { requestedOn: string; dueOn: string | null; note: string | null } | null;
  fee: { method: FeeMethod | null; yuan: number; notifiedOn: string | null; paymentDueOn: string | null; paidOn: string | null } | null;
  outcome: Outcome | null;
  replyKind: ReplyKind | null;
  replyText: string | null;
  decidedOn: string | null;
  concludedOn: string | null;
  /** Decided by the due date (null while open). */
  onTime: boolean | null;
  /** What the current user may do now (buttons). */
  allowedActions: ApplicationAction[];
  version: number;
}

export interface ApplicantIdentityView {
  applicantName: string;
  contactPerson: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  idType: IdType | null;
  idNumber: string | null;
}

export interface ApplicationEventView {
  id: number;
  action: ApplicationEventAction;
  fromState: ApplicationState | null;
  toState: ApplicationState | null;
  day: string;
  actorName: string | null;
  comment: string | null;
  createdAt: string;
}

export interface ApplicationListResponse {
  data: ApplicationView[];
  meta: { page: number; pageSize: number; total: number; countsByState: Record<ApplicationState, number>; today: string };
}

/** The registration answer: the private query code is shown once, here, and never stored in the clear. */
export interface RegisteredApplication {
  data: ApplicationView;
  queryCode: string;
}

/** What the portal shows to whoever holds both the tracking number and the query code: the case, never the applicant. */
export interface ApplicationStatusView {
  trackingNumber: string;
  receivedOn: string;
  state: ApplicationState;
  dueOn: string | null;
  paused: boolean;
  amendment: { requestedOn: string; dueOn: string | null; note: string | null } | null;
  fee: { yuan: number; paymentDueOn: string | null; paidOn: string | null } | null;
  answer: { decidedOn: string; replyKind: ReplyKind | null; replyText: string | null } | null;
}

/** An appeal case (行政复议 / 行政诉讼) against a disclosure decision, counted in table 四. */
export interface AppealView {
  documentId: string;
  application: string | null;
  organization: string;
  kind: AppealKind;
  caseNumber: string | null;
  authority: string | null;
  filedOn: string;
  outcome: AppealOutcome;
  decidedOn: string | null;
  note: string | null;
}

/** One year of the working-day calendar as the office edits it (GET /working-calendar). */
export interface CalendarYearView extends CalendarYear {
  year: number;
  source: string | null;
  updatedAt: string;
}

/** An organization a case may be received by (GET /applications/organizations). */
export interface OrganizationOption {
  documentId: string;
  name: string;
}

/** A user who may be named handler (GET /applications/handlers). */
export interface AdminUserOption {
  id: number;
  name: string;
  email: string;
}
