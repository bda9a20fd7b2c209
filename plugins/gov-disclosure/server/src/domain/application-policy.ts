/**
 * Who may move an application for disclosure, and when, as one pure decision over plain facts:
 * the actor's register permissions, the case's state, handler and dates, and today's date.
 * Statutory time limits are rules here, not hints: an amendment request after its 7-working-day
 * window is refused, and a case lapses only once the applicant's own time limit has passed.
 */
import {
  APPLICATION_ACTION_LABELS,
  APPLICATION_STATE_LABELS,
  APPLICATION_TRANSITIONS,
  canApply,
  type ApplicationAction,
  type ApplicationState,
} from '../../../shared/domain/disclosure-application';

/** The register's permissions an actor holds (plugin::gov-disclosure.application.*). */
export interface RegisterActor {
  id: number;
  isSuperAdmin: boolean;
  /** Works cases assigned to them. */
  handles: boolean;
  /** The office: assigns handlers and may work any case. */
  assigns: boolean;
  /** Head of the disclosure office: approves extensions. */
  approvesExtensions: boolean;
}

export interface CaseFacts {
  state: ApplicationState;
  handlerId: number | null;
  amendmentRequested: boolean;
  extended: boolean;
  /** Last day an amendment may be requested (7 working days after receipt). */
  amendmentRequestDeadline: string;
  /** The applicant's time limit to amend, once requested. */
  amendmentDueOn: string | null;
  /** The applicant's time limit to pay, once a fee was notified. */
  paymentDueOn: string | null;
}

export type RegisterDecision = { ok: true } | { ok: false; status: 403 | 409; message: string };

const OK: RegisterDecision = { ok: true };
const deny = (status: 403 | 409, message: string): RegisterDecision => ({ ok: false, status, message });

const label = (action: ApplicationAction) => `${APPLICATION_ACTION_LABELS[action].zh} (${APPLICATION_ACTION_LABELS[action].en})`;

/** Whether the actor works this case at all: its handler, or the office. */
export const worksOn = (actor: RegisterActor, handlerId: number | null): boolean =>
  actor.isSuperAdmin || actor.assigns || (actor.handles && handlerId === actor.id);

export const decideApplicationAction = (actor: RegisterActor, facts: CaseFacts, action: ApplicationAction, today: string): RegisterDecision => {
  if (!worksOn(actor, facts.handlerId)) {
    return deny(403, `只有本申请的承办人或信息公开工作机构可以${APPLICATION_ACTION_LABELS[action].zh} (only the handler or the office may do this)`);
  }
  if (APPLICATION_TRANSITIONS[action].approval && !(actor.isSuperAdmin || actor.approvesExtensions)) {
    return deny(403, `${label(action)} 须经信息公开工作机构负责人批准 (needs the head of the disclosure office)`);
  }
  if (!canApply(facts.state, action)) {
    const state = APPLICATION_STATE_LABELS[facts.state];
    return deny(
      409,
      `申请处于“${state.zh}”状态，不能${APPLICATION_ACTION_LABELS[action].zh} (${label(action)} is not possible while ${state.en.toLowerCase()})`
    );
  }
  switch (action) {
    case 'request_amendment':
      if (facts.amendmentRequested) return deny(409, '补正只能告知一次 (an amendment may be requested only once)');
      if (today > facts.amendmentRequestDeadline) {
        return deny(
          409,
          `告知补正须在收到申请之日起7个工作日内（至 ${facts.amendmentRequestDeadline}）(the 7-working-day window ended on ${facts.amendmentRequestDeadline})`
        );
      }
      return OK;
    case 'extend':
      return facts.extended ? deny(409, '答复期限只能延长一次 (the period may be extended only once)') : OK;
    case 'lapse_amendment':
      return facts.amendmentDueOn !== null && today > facts.amendmentDueOn
        ? OK
        : deny(409, `补正期限（${facts.amendmentDueOn ?? '—'}）尚未届满 (the applicant's time to amend has not run out)`);
    case 'lapse_payment':
      return facts.paymentDueOn !== null && today > facts.paymentDueOn
        ? OK
        : deny(409, `缴费期限（${facts.paymentDueOn ?? '—'}）尚未届满 (the applicant's time to pay has not run out)`);
    default:
      return OK;
  }
};

/** The actions to offer as buttons: every one the decision would allow now. */
export const allowedApplicationActions = (actor: RegisterActor, facts: CaseFacts, today: string, actions: readonly ApplicationAction[]) =>
  actions.filter((a) => decideApplicationAction(actor, facts, a, today).ok);
