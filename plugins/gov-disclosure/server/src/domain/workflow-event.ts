/**
 * An audit event of the approval chain, as every writer records it (a transition, the bulk import
 * that publishes, scheduled work): its one home, so the trail reads the same whoever wrote it.
 */
import { TRANSITIONS, isWorkflowAction, type EventAction, type WorkflowState } from '../../../shared/domain/workflow';

export const SYSTEM_ACTOR_NAME = '系统 System';

export interface WorkflowEventInput {
  uid: string;
  documentId: string;
  locale: string;
  action: EventAction;
  from: WorkflowState;
  /** The admin user who acted; null for the system (seed, import, scheduled work). */
  actor: { id: number | null; name: string } | null;
  comment?: string | null;
}

export const workflowEventData = ({ uid, documentId, locale, action, from, actor, comment }: WorkflowEventInput) => ({
  targetUid: uid,
  targetDocumentId: documentId,
  targetLocale: locale,
  action,
  fromState: from,
  // events that are not transitions leave the state as it was
  toState: isWorkflowAction(action) ? TRANSITIONS[action].to : from,
  actor: actor?.id ?? null,
  actorName: actor?.name ?? SYSTEM_ACTOR_NAME,
  comment: comment?.trim() || null,
});
