/**
 * The disclosure approval chain as a pure state machine: drafter → reviewer → office publisher.
 * One state per document and locale; the server, the admin panel and the tests all read this table.
 */
import { UID } from '../constants';
import type { WorkflowUid } from '../types';

export const WORKFLOW_STATES = ['draft', 'pending_review', 'pending_publish', 'published', 'returned', 'withdrawn'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const WORKFLOW_ACTIONS = ['submit', 'approve', 'return', 'publish', 'withdraw'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Who the chain expects to act: drafters submit, reviewers approve, the office publishes. */
export type WorkflowParty = 'drafter' | 'reviewer' | 'publisher';

export interface TransitionRule {
  from: readonly WorkflowState[];
  to: WorkflowState;
  /** A comment (a reason) is required. */
  commentRequired: boolean;
}

export const TRANSITIONS: Record<WorkflowAction, TransitionRule> = {
  submit: { from: ['draft', 'returned', 'withdrawn'], to: 'pending_review', commentRequired: false },
  approve: { from: ['pending_review'], to: 'pending_publish', commentRequired: false },
  return: { from: ['pending_review', 'pending_publish'], to: 'returned', commentRequired: true },
  publish: { from: ['pending_publish'], to: 'published', commentRequired: false },
  withdraw: { from: ['published'], to: 'withdrawn', commentRequired: true },
};

export const isWorkflowAction = (value: unknown): value is WorkflowAction =>
  typeof value === 'string' && (WORKFLOW_ACTIONS as readonly string[]).includes(value);

export const canTransition = (state: WorkflowState, action: WorkflowAction): boolean => TRANSITIONS[action].from.includes(state);

/** Whose move it is in each state: the one party that may edit the content then. */
export const HOLDER: Record<WorkflowState, WorkflowParty> = {
  draft: 'drafter',
  returned: 'drafter',
  withdrawn: 'drafter',
  published: 'drafter', // editing a published item starts a new draft revision
  pending_review: 'reviewer',
  pending_publish: 'publisher',
};

/** Actions that belong to each party (a super admin may take any). */
export const ACTIONS_OF: Record<WorkflowParty, readonly WorkflowAction[]> = {
  drafter: ['submit'],
  reviewer: ['approve', 'return'],
  publisher: ['return', 'publish', 'withdraw'],
};

/** Labels for badges, history and e-mails. */
export const STATE_LABELS: Record<WorkflowState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  pending_review: { zh: '待审核', en: 'Awaiting review' },
  pending_publish: { zh: '待发布', en: 'Awaiting publication' },
  published: { zh: '已发布', en: 'Published' },
  returned: { zh: '已退回', en: 'Returned' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const ACTION_LABELS: Record<WorkflowAction, { zh: string; en: string }> = {
  submit: { zh: '提交审核', en: 'Submit for review' },
  approve: { zh: '审核通过', en: 'Approve' },
  return: { zh: '退回', en: 'Return' },
  publish: { zh: '发布', en: 'Publish' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
};

/**
 * What else the audit trail records about an item besides its transitions: a publisher setting or
 * cancelling a publication time, and an entry's validity lapsing on its date (scheduled work).
 */
export const RECORDED_EVENTS = ['schedule', 'unschedule', 'expire', 'repeal'] as const;
export type RecordedEvent = (typeof RECORDED_EVENTS)[number];
export type EventAction = WorkflowAction | RecordedEvent;
export const EVENT_ACTIONS: readonly EventAction[] = [...WORKFLOW_ACTIONS, ...RECORDED_EVENTS];

export const EVENT_LABELS: Record<EventAction, { zh: string; en: string }> = {
  ...ACTION_LABELS,
  schedule: { zh: '设定定时发布', en: 'Publication scheduled' },
  unschedule: { zh: '取消定时发布', en: 'Scheduled publication cancelled' },
  expire: { zh: '失效', en: 'Expired' },
  repeal: { zh: '废止', en: 'Repealed' },
};

/** The content types that go through the approval chain. */
export const WORKFLOW_UIDS: readonly WorkflowUid[] = [UID.catalogEntry, UID.annualReport];
export const isWorkflowUid = (uid: string): uid is WorkflowUid => (WORKFLOW_UIDS as readonly string[]).includes(uid);
