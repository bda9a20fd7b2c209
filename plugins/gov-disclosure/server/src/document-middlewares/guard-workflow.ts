import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../shared/constants';
import type { WorkflowUid } from '../../../shared/types';
import type { WorkflowState } from '../../../shared/domain/workflow';
import { editRefusal, isPublisher, mayEdit, type ColumnStaff } from '../domain/workflow-policy';
import type { Actor } from '../services/actors';
import { isWorkflowUid } from '../services/workflow';
import { getService } from '../utils/get-service';
import { connectedTargets } from '../utils/relations';
import { currentTransition, isSystemWrite } from '../utils/write-context';
import { rowsOf } from '../utils/query';

/**
 * One rule, every door: whatever calls the Document Service (Content Manager, plugin routes,
 * scripts), content of the chain goes live only through a publisher's transition, is edited only
 * by the party whose turn it is, and is seen by drafters and reviewers only in their columns.
 * The audit trail is written only by transitions.
 */
type Params = {
  documentId?: string;
  locale?: string;
  data?: Record<string, unknown>;
  filters?: Record<string, unknown>;
  status?: string;
};

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const EVENT_WRITES = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

/**
 * A PolicyError is a ForbiddenError (403) whose message Strapi passes through to the client, so
 * the Content Manager shows the clerk why the chain refused.
 */
const forbid = (message: string): never => {
  throw new errors.PolicyError(message, { policy: 'gov-disclosure.workflow' });
};

export const guardWorkflow = (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware => {
  const workflow = () => getService(strapi, 'workflow');

  /** The actor's permissions on this item, conditions matched against it; a new item has no row yet. */
  const onItem = (actor: Actor, uid: string, row: object | null) => (row ? getService(strapi, 'actors').onItem(actor, uid, row) : actor);

  const scopeFilter = (actor: Actor) => ({
    $or: [{ columns: { administrators: { id: actor.id } } }, { columns: { reviewers: { id: actor.id } } }],
  });

  /** The draft row and its facts for this document and locale (falls back to any locale for staff). */
  const factsOf = async (uid: WorkflowUid, documentId: string, requestedLocale: string | undefined) => {
    const wf = workflow();
    const locale = requestedLocale ?? ((await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string);
    const row = await wf.draftRow(uid, documentId, locale);
    const any = row ?? ((await rowsOf(strapi, uid).findOne({ where: { documentId, publishedAt: null } })) as { id: number } | null);
    const staff: ColumnStaff = any ? await wf.staffOf(uid, any.id) : uid === UID.catalogEntry ? { administrators: new Set(), reviewers: new Set() } : null;
    const state: WorkflowState = row ? wf.stateOfRow(row) : 'draft';
    return { row, state, staff };
  };

  const staffOfNewColumns = async (value: unknown, locale: string | undefined): Promise<ColumnStaff> => {
    const refs = connectedTargets(value);
    const documentIds = refs.flatMap((r) => ('documentId' in r ? [r.documentId] : []));
    const ids = refs.flatMap((r) => ('id' in r ? [r.id] : []));
    if (refs.length === 0) return { administrators: new Set(), reviewers: new Set() };
    const columns = (await rowsOf(strapi, UID.column).findMany({
      where: { $or: [{ id: { $in: ids } }, { documentId: { $in: documentIds }, ...(locale ? { locale } : {}) }] },
      populate: { administrators: { select: ['id'] }, reviewers: { select: ['id'] } },
    })) as Array<{ administrators?: Array<{ id: number }>; reviewers?: Array<{ id: number }> }>;
    return {
      administrators: new Set(columns.flatMap((c) => (c.administrators ?? []).map((u) => u.id))),
      reviewers: new Set(columns.flatMap((c) => (c.reviewers ?? []).map((u) => u.id))),
    };
  };

  const publishedExists = async (uid: string, documentId: string, locale?: string) =>
    (await rowsOf(strapi, uid).count({
      where: { documentId, publishedAt: { $notNull: true }, ...(locale && locale !== '*' ? { locale } : {}) },
    })) > 0;

  return async (context, next) => {
    const { uid, action } = context;
    const params = context.params as Params;

    if (uid === UID.workflowEvent) {
      if (EVENT_WRITES.has(action) && !currentTransition()) {
        forbid('The audit trail is append-only and written only by workflow transitions');
      }
      return next();
    }
    if (!isWorkflowUid(uid)) return next();

    if (action === 'publish' && currentTransition() !== 'publish') {
      forbid(
        'Publishing goes through the approval chain: submit → approve → publish (发布须经起草、审核、发布流程). Use the workflow panel once the item is awaiting publication.'
      );
    }
    if (action === 'unpublish' && currentTransition() !== 'withdraw') {
      forbid('Published items are taken down with the workflow’s Withdraw, which needs a reason (撤回须填写理由)');
    }
    if ((action === 'create' || action === 'update') && params.status === 'published' && !currentTransition()) {
      forbid('Publishing goes through the approval chain; save without status=published');
    }
    if (isSystemWrite() || currentTransition()) {
      if (action === 'create' || action === 'clone') params.data = { ...(params.data ?? {}), workflowState: params.data?.workflowState ?? 'draft' };
      return next();
    }

    const actor = await getService(strapi, 'actors').current();

    if (READS.has(action)) {
      if (actor && !actor.isSuperAdmin && !isPublisher(actor) && uid === UID.catalogEntry) {
        params.filters = params.filters ? { $and: [params.filters, scopeFilter(actor)] } : scopeFilter(actor);
      }
      return next();
    }

    if (action === 'create' || action === 'clone') {
      if (actor && !actor.isSuperAdmin) {
        if (uid === UID.annualReport) {
          if (!getService(strapi, 'actors').mayCompileReports(actor)) forbid('Annual reports are compiled by the general office (编制年度报告 permission)');
        } else {
          const staff =
            action === 'create' ? await staffOfNewColumns(params.data?.columns, params.locale) : (await factsOf(uid, params.documentId!, params.locale)).staff;
          if (!mayEdit(actor, 'draft', staff)) {
            forbid('Drafters create entries only in columns they administer: choose one of your columns (只能在自己管理的栏目中起草)');
          }
        }
      }
      params.data = { ...(params.data ?? {}), workflowState: 'draft' };
      return next();
    }

    if (action === 'update') {
      const { row, state, staff } = await factsOf(uid, params.documentId!, params.locale);
      if (actor && !mayEdit(onItem(actor, uid, row), state, staff)) forbid(editRefusal(state));
      const data = { ...(params.data ?? {}) };
      delete data.workflowState; // the state moves only by transitions
      // Editing a published item starts a new draft revision; the live version stays until it passes the chain.
      if (!row || state === 'published') data.workflowState = 'draft';
      params.data = data;
      return next();
    }

    if (action === 'discardDraft') {
      const { row, state, staff } = await factsOf(uid, params.documentId!, params.locale);
      if (!(await publishedExists(uid, params.documentId!, params.locale))) {
        forbid('There is no published version to go back to: this item has never been published or was withdrawn');
      }
      if (!['draft', 'returned'].includes(state) || (actor && !mayEdit(onItem(actor, uid, row), state, staff))) {
        forbid(`Only the drafter may discard an unpublished revision, and only while it is a draft or returned; this one is ${state}`);
      }
      const result = await next();
      await rowsOf(strapi, uid).updateMany({
        where: { documentId: params.documentId, publishedAt: null, ...(params.locale && params.locale !== '*' ? { locale: params.locale } : {}) },
        data: { workflowState: 'published' },
      });
      return result;
    }

    if (action === 'delete') {
      if (await publishedExists(uid, params.documentId!, params.locale)) {
        forbid('A published item cannot be deleted; withdraw it first so the audit trail stays complete');
      }
      const { row, state, staff } = await factsOf(uid, params.documentId!, params.locale !== '*' ? params.locale : undefined);
      if (state === 'pending_review' || state === 'pending_publish') forbid(`An item ${state} cannot be deleted; return it first`);
      if (actor && !mayEdit(onItem(actor, uid, row), state, staff)) forbid(editRefusal(state));
      return next();
    }

    return next();
  };
};
