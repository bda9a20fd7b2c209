/**
 * Who may take which workflow action, and who may edit, as pure decisions over plain facts
 * (the actor's workflow permissions, the item's column staff, its state, its last submitter).
 */
import { canTransition, HOLDER, STATE_LABELS, ACTION_LABELS, type WorkflowAction, type WorkflowState } from '../../../shared/domain/workflow';

export interface WorkflowActor {
  id: number;
  isSuperAdmin: boolean;
  /** Workflow actions the actor's permissions allow (plugin::gov-disclosure.workflow.*), on the item when one is known. */
  actions: ReadonlySet<WorkflowAction>;
  /** The general office's permission to compile annual reports (plugin::gov-disclosure.report.compile): it drafts them. */
  compilesReports: boolean;
}

/**
 * Column staff of a catalog entry (the union over its columns), or null for an annual report,
 * which belongs to the office and has no column scope.
 */
export type ColumnStaff = { administrators: ReadonlySet<number>; reviewers: ReadonlySet<number> } | null;

export type Decision = { ok: true } | { ok: false; status: 403 | 409; message: string };

const OK: Decision = { ok: true };
const deny = (status: 403 | 409, message: string): Decision => ({ ok: false, status, message });

export const isPublisher = (actor: WorkflowActor) => actor.isSuperAdmin || actor.actions.has('publish');

const administers = (actor: WorkflowActor, staff: ColumnStaff) =>
  staff === null ? actor.isSuperAdmin || actor.compilesReports : staff.administrators.has(actor.id);

const reviews = (actor: WorkflowActor, staff: ColumnStaff) => staff === null || staff.reviewers.has(actor.id);

/** The actor's column scope allows this action at all (before looking at the state). */
const inScope = (actor: WorkflowActor, action: WorkflowAction, staff: ColumnStaff): boolean => {
  switch (action) {
    case 'submit':
      return administers(actor, staff);
    case 'approve':
      return reviews(actor, staff);
    case 'return':
      return reviews(actor, staff) || isPublisher(actor);
    default:
      return isPublisher(actor);
  }
};

const SCOPE_MESSAGE: Record<WorkflowAction, string> = {
  submit: 'only an administrator of one of its columns may submit it (annual reports: the office)',
  approve: 'only a reviewer of one of its columns may approve it',
  return: 'only a reviewer of one of its columns or the publisher may return it',
  publish: 'only the publisher (the general office) may publish',
  withdraw: 'only the publisher (the general office) may withdraw',
};

export interface TransitionFacts {
  actor: WorkflowActor;
  action: WorkflowAction;
  state: WorkflowState;
  staff: ColumnStaff;
  lastSubmitterId: number | null;
  separationOfDuties: boolean;
}

export const decideTransition = ({ actor, action, state, staff, lastSubmitterId, separationOfDuties }: TransitionFacts): Decision => {
  const label = `${ACTION_LABELS[action].zh} (${action})`;
  if (!actor.isSuperAdmin) {
    if (!actor.actions.has(action)) return deny(403, `Your role may not ${action} (你的角色没有「${label}」权限)`);
    if (!inScope(actor, action, staff)) return deny(403, `You may not ${action} this item: ${SCOPE_MESSAGE[action]}`);
  }
  if (!canTransition(state, action)) {
    return deny(409, `Cannot ${action} an item that is ${state} (当前状态「${STATE_LABELS[state].zh}」不能${ACTION_LABELS[action].zh})`);
  }
  if (!actor.isSuperAdmin) {
    if (action === 'return' && state === 'pending_publish' && !isPublisher(actor)) {
      return deny(403, 'Only the publisher may return an item awaiting publication');
    }
    if (action === 'approve' && separationOfDuties && lastSubmitterId === actor.id) {
      return deny(403, 'You submitted this revision; another reviewer must approve it (审核人不能审核自己提交的稿件)');
    }
  }
  return OK;
};

/** Whether the actor may change the content in this state: only the party whose move it is. */
export const mayEdit = (actor: WorkflowActor, state: WorkflowState, staff: ColumnStaff): boolean => {
  if (actor.isSuperAdmin) return true;
  switch (HOLDER[state]) {
    case 'drafter':
      return actor.actions.has('submit') && administers(actor, staff);
    case 'reviewer':
      return actor.actions.has('approve') && reviews(actor, staff);
    default:
      return isPublisher(actor);
  }
};

/** Whether the actor may see the item at all (lists, edit view, history). */
export const mayView = (actor: WorkflowActor, staff: ColumnStaff): boolean =>
  actor.isSuperAdmin || isPublisher(actor) || staff === null || staff.administrators.has(actor.id) || staff.reviewers.has(actor.id);

export const editRefusal = (state: WorkflowState): string =>
  `This item is ${state} (${STATE_LABELS[state].zh}); only the ${HOLDER[state]} whose turn it is may change it now`;
