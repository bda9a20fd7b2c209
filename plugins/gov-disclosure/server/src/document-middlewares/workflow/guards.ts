/**
 * One rule, every door: whatever calls the Document Service (Content Manager, plugin routes,
 * scripts), content of the chain goes live only through a publisher's transition, is edited only
 * by the party whose turn it is, and is seen by drafters and reviewers only in their columns; the
 * audit trail is written only by transitions. One small document middleware per concern, each
 * calling next() once.
 */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../../shared/constants';
import { isWorkflowUid } from '../../../../shared/domain/workflow';
import type { WorkflowUid } from '../../../../shared/types';
import { editRefusal, isPublisher, mayEdit } from '../../domain/workflow-policy';
import type { Actor } from '../../services/actors';
import { getService } from '../../utils/get-service';
import { rowsOf } from '../../utils/query';
import { currentTransition, isSystemWrite } from '../../utils/write-context';
import { workflowFacts, type WorkflowFacts } from './facts';

type Middleware = Modules.Documents.Middleware.Middleware;
type Context = Parameters<Middleware>[0];
type Params = { documentId?: string; locale?: string; data?: Record<string, unknown>; filters?: Record<string, unknown>; status?: string };

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const EVENT_WRITES = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

/**
 * A PolicyError is a ForbiddenError (403) whose message Strapi passes through to the client, so
 * the Content Manager shows the clerk why the chain refused.
 */
const forbid = (message: string): never => {
  throw new errors.PolicyError(message, { policy: 'gov-disclosure.workflow' });
};

const paramsOf = (context: Context) => context.params as Params;

/** A person's own write to content of the chain (not a transition's, not the system's). */
const personalWrite = (context: Context, actions: string[]): context is Context & { uid: WorkflowUid } =>
  isWorkflowUid(context.uid) && actions.includes(context.action) && !isSystemWrite() && !currentTransition();

/** The audit trail is append-only: only transitions write it. */
const appendOnlyTrail: Middleware = async (context, next) => {
  if (context.uid === UID.workflowEvent && EVENT_WRITES.has(context.action) && !currentTransition()) {
    forbid('The audit trail is append-only and written only by workflow transitions');
  }
  return next();
};

/** Content goes live and comes down only through the chain's publish and withdraw. */
const liveOnlyThroughChain: Middleware = async (context, next) => {
  const { uid, action } = context;
  if (isWorkflowUid(uid)) {
    if (action === 'publish' && currentTransition() !== 'publish') {
      forbid(
        'Publishing goes through the approval chain: submit → approve → publish (发布须经起草、审核、发布流程). Use the workflow panel once the item is awaiting publication.'
      );
    }
    if (action === 'unpublish' && currentTransition() !== 'withdraw') {
      forbid('Published items are taken down with the workflow’s Withdraw, which needs a reason (撤回须填写理由)');
    }
    if ((action === 'create' || action === 'update') && paramsOf(context).status === 'published' && !currentTransition()) {
      forbid('Publishing goes through the approval chain; save without status=published');
    }
  }
  return next();
};

/** A new item starts as a draft (the system and transitions may say otherwise). */
const startsAsDraft: Middleware = async (context, next) => {
  if (isWorkflowUid(context.uid) && (context.action === 'create' || context.action === 'clone')) {
    const params = paramsOf(context);
    const trusted = isSystemWrite() || currentTransition();
    params.data = { ...(params.data ?? {}), workflowState: trusted ? (params.data?.workflowState ?? 'draft') : 'draft' };
  }
  return next();
};

const guards = (strapi: Core.Strapi, facts: WorkflowFacts) => {
  const actor = () => getService(strapi, 'actors').current();
  const scopeFilter = (a: Actor) => ({ $or: [{ columns: { administrators: { id: a.id } } }, { columns: { reviewers: { id: a.id } } }] });

  /** Drafters and reviewers see catalog entries of their columns only. */
  const columnScopedReads: Middleware = async (context, next) => {
    if (context.uid === UID.catalogEntry && READS.has(context.action) && !isSystemWrite() && !currentTransition()) {
      const a = await actor();
      const params = paramsOf(context);
      if (a && !a.isSuperAdmin && !isPublisher(a)) params.filters = params.filters ? { $and: [params.filters, scopeFilter(a)] } : scopeFilter(a);
    }
    return next();
  };

  /** Drafters create entries in columns they administer; the office creates annual reports. */
  const createInScope: Middleware = async (context, next) => {
    if (personalWrite(context, ['create', 'clone'])) {
      const a = await actor();
      const params = paramsOf(context);
      if (a && !a.isSuperAdmin && context.uid === UID.annualReport && !getService(strapi, 'actors').mayCompileReports(a)) {
        forbid('Annual reports are compiled by the general office (编制年度报告 permission)');
      }
      if (a && !a.isSuperAdmin && context.uid === UID.catalogEntry) {
        const staff =
          context.action === 'create'
            ? await facts.staffOfNewColumns(params.data?.columns, params.locale)
            : (await facts.of(context.uid, params.documentId!, params.locale)).staff;
        if (!mayEdit(a, 'draft', staff))
          forbid('Drafters create entries only in columns they administer: choose one of your columns (只能在自己管理的栏目中起草)');
      }
    }
    return next();
  };

  /** Only the party whose turn it is edits; the state moves only by transitions; editing a live item starts a new draft. */
  const editByHolder: Middleware = async (context, next) => {
    if (personalWrite(context, ['update'])) {
      const params = paramsOf(context);
      const { row, state, staff } = await facts.of(context.uid, params.documentId!, params.locale);
      const a = await actor();
      if (a && !mayEdit(facts.onItem(a, context.uid, row), state, staff)) forbid(editRefusal(state));
      const data = { ...(params.data ?? {}) };
      delete data.workflowState;
      // the live version stays until the new revision passes the chain
      if (!row || state === 'published') data.workflowState = 'draft';
      params.data = data;
    }
    return next();
  };

  /** The drafter may go back to the live version while a revision is a draft or returned. */
  const discardByDrafter: Middleware = async (context, next) => {
    if (!personalWrite(context, ['discardDraft'])) return next();
    const { uid } = context;
    const params = paramsOf(context);
    const { row, state, staff } = await facts.of(uid, params.documentId!, params.locale);
    if (!(await facts.publishedExists(uid, params.documentId!, params.locale))) {
      forbid('There is no published version to go back to: this item has never been published or was withdrawn');
    }
    const a = await actor();
    if (!['draft', 'returned'].includes(state) || (a && !mayEdit(facts.onItem(a, uid, row), state, staff))) {
      forbid(`Only the drafter may discard an unpublished revision, and only while it is a draft or returned; this one is ${state}`);
    }
    const result = await next();
    await rowsOf(strapi, uid).updateMany({
      where: { documentId: params.documentId, publishedAt: null, ...(params.locale && params.locale !== '*' ? { locale: params.locale } : {}) },
      data: { workflowState: 'published' },
    });
    return result;
  };

  /** Deleted only while nobody has it under review and nothing of it is live (the trail stays whole). */
  const deleteUnpublished: Middleware = async (context, next) => {
    if (personalWrite(context, ['delete'])) {
      const params = paramsOf(context);
      if (await facts.publishedExists(context.uid, params.documentId!, params.locale)) {
        forbid('A published item cannot be deleted; withdraw it first so the audit trail stays complete');
      }
      const { row, state, staff } = await facts.of(context.uid, params.documentId!, params.locale !== '*' ? params.locale : undefined);
      if (state === 'pending_review' || state === 'pending_publish') forbid(`An item ${state} cannot be deleted; return it first`);
      const a = await actor();
      if (a && !mayEdit(facts.onItem(a, context.uid, row), state, staff)) forbid(editRefusal(state));
    }
    return next();
  };

  return [columnScopedReads, createInScope, editByHolder, discardByDrafter, deleteUnpublished];
};

/** The workflow's document middlewares, in the order they apply. */
export const workflowGuards = (strapi: Core.Strapi): Middleware[] => [
  appendOnlyTrail,
  liveOnlyThroughChain,
  ...guards(strapi, workflowFacts(strapi)),
  startsAsDraft,
];
