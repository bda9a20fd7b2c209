/**
 * The approval chain: transitions with compare-and-swap on the state and the audit event written
 * in the same transaction, publish/unpublish performed inside the transition, history, the
 * side-panel status and each user's task list.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../shared/constants';
import { HOLDER, TRANSITIONS, WORKFLOW_ACTIONS, WORKFLOW_UIDS, isWorkflowUid, type WorkflowAction, type WorkflowState } from '../../../shared/domain/workflow';
import type { WorkflowEventView, WorkflowStatusResponse, WorkflowTask, WorkflowUid } from '../../../shared/types';
import { checkStatistics } from '../../../shared/domain/report-checks';
import { decideTransition, mayEdit, mayView, type ColumnStaff } from '../domain/workflow-policy';
import { getService } from '../utils/get-service';
import { workflowEventData } from '../domain/workflow-event';
import { runInTransition } from '../utils/write-context';
import type { Actor } from './actors';
import { documentsOf, rowsOf } from '../utils/query';
import { dayIn } from '../../../shared/domain/calendar-day';
import { afterCommit } from '../utils/after-commit';
import type { WordingFinding } from '../../../shared/domain/wording-check';

export { WORKFLOW_UIDS, isWorkflowUid };

/** 409: the action does not fit the item's current state (also when another user got there first). */
export class WorkflowConflictError extends errors.ApplicationError<'ConflictError'> {
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, details);
    this.name = 'ConflictError';
  }
}

/** The moves at which the item's wording is checked (its text is then what goes on). */
const WORDING_CHECKED: WorkflowAction[] = ['submit', 'approve', 'publish'];

interface DraftRow {
  id: number;
  documentId: string;
  locale: string;
  title: string;
  workflowState: WorkflowState | null;
  publishedDate?: string | null;
  updatedAt: string;
  /** Annual reports only. */
  template?: string;
  statistics?: unknown;
}

interface EventRow {
  id: number;
  targetUid: string;
  targetDocumentId: string;
  targetLocale: string;
  action: WorkflowAction;
  fromState: WorkflowState;
  toState: WorkflowState;
  actorName: string | null;
  comment: string | null;
  createdAt: string;
  actor?: { id: number } | null;
}

export interface TransitionInput {
  uid: WorkflowUid;
  documentId: string;
  locale: string;
  action: WorkflowAction;
  comment?: string | null;
  /**
   * The publisher's own reason for publishing over forbidden wording, when it is not the comment
   * itself: a scheduled publication's comment carries its own prefix, which is no reason.
   */
  wordingReason?: string | null;
}

const toView = (e: EventRow): WorkflowEventView => ({
  id: e.id,
  action: e.action,
  fromState: e.fromState,
  toState: e.toState,
  actor: e.actor ? { id: e.actor.id, name: e.actorName ?? '' } : null,
  comment: e.comment,
  createdAt: new Date(e.createdAt).toISOString(),
});

/** What Strapi's built-in conditions read of an item: its creator and the creator's roles. */
const CREATOR = { createdBy: { select: ['id'], populate: { roles: { select: ['id'] } } } };

const workflow = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = (uid: string) => rowsOf(strapi, uid);
  const separationOfDuties = () => strapi.plugin('gov-disclosure').config('separationOfDuties') !== false;
  const today = () => dayIn(strapi.plugin('gov-disclosure').config('timeZone') as string);

  /** The working row, with its creator (for the conditions an administrator may set, e.g. "is creator"). */
  const draftRow = async (uid: WorkflowUid, documentId: string, locale: string) =>
    (await query(uid).findOne({ where: { documentId, locale, publishedAt: null }, populate: CREATOR })) as DraftRow | null;

  const stateOfRow = (row: DraftRow): WorkflowState => row.workflowState ?? 'draft';

  /** Administrators and reviewers over all of an entry's columns (this locale); null for reports. */
  const staffOf = async (uid: WorkflowUid, rowId: number): Promise<ColumnStaff> => {
    if (uid !== UID.catalogEntry) return null;
    const row = (await query(uid).findOne({
      where: { id: rowId },
      populate: { columns: { populate: { administrators: { select: ['id'] }, reviewers: { select: ['id'] } } } },
    })) as { columns?: Array<{ administrators?: Array<{ id: number }>; reviewers?: Array<{ id: number }> }> } | null;
    const columns = row?.columns ?? [];
    return {
      administrators: new Set(columns.flatMap((c) => (c.administrators ?? []).map((u) => u.id))),
      reviewers: new Set(columns.flatMap((c) => (c.reviewers ?? []).map((u) => u.id))),
    };
  };

  const events = async (uid: string, documentId: string, locale: string) =>
    (await query(UID.workflowEvent).findMany({
      where: { targetUid: uid, targetDocumentId: documentId, targetLocale: locale },
      populate: { actor: { select: ['id'] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    })) as EventRow[];

  const lastSubmitterId = async (uid: string, documentId: string, locale: string): Promise<number | null> => {
    const last = (await query(UID.workflowEvent).findOne({
      where: { targetUid: uid, targetDocumentId: documentId, targetLocale: locale, action: 'submit' },
      populate: { actor: { select: ['id'] } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    })) as EventRow | null;
    return last?.actor?.id ?? null;
  };

  /** Moves the state with compare-and-swap, records the event, publishes or unpublishes: all or nothing. */
  const apply = async (
    input: TransitionInput,
    row: DraftRow,
    from: WorkflowState,
    actor: { id: number; name: string } | null
  ): Promise<{ event: EventRow; wording: WordingFinding[] }> => {
    const to = TRANSITIONS[input.action].to;
    const { uid, documentId, locale } = input;
    const applied = await strapi.db.transaction(async ({ trx, onCommit }) => {
      const swapped = (await query(uid).updateMany({
        where: {
          documentId,
          locale,
          publishedAt: null,
          ...(from === 'draft' ? { $or: [{ workflowState: 'draft' }, { workflowState: null }] } : { workflowState: from }),
        },
        data: { workflowState: to, ...(input.action === 'publish' && !row.publishedDate ? { publishedDate: today() } : {}) },
      })) as { count: number };
      if (swapped.count !== 1) {
        throw new WorkflowConflictError(`Someone else changed this item first; it is no longer ${from}. Reload and try again.`, { expectedState: from });
      }
      // In the transaction, after the swap: a refusal rolls the state back, and a lost race is still a 409.
      if (input.action === 'publish') await getService(strapi, 'write-guard').checkPublish(uid, documentId, locale);
      if (input.action === 'withdraw') await getService(strapi, 'write-guard').checkWithdraw(uid, documentId, locale);
      // the text as it is now, not as it was read before the swap: what is checked is what goes on
      const wording = await checkWording(input, (await draftRow(uid, documentId, locale)) ?? row);
      // published by hand or sent back: a publication time set for it no longer applies
      if (from === 'pending_publish') await getService(strapi, 'scheduled-publication').dropFor(uid, documentId, locale);
      // what every instance has rendered for the public is stale once the change is committed
      if (input.action === 'publish' || input.action === 'withdraw') onCommit(() => getService(strapi, 'public-cache').clear());
      return runInTransition(input.action, async () => {
        const event = (await documentsOf<EventRow>(strapi, UID.workflowEvent).create({
          data: workflowEventData({ uid, documentId, locale, action: input.action, from, actor, comment: wording.comment }),
        })) as EventRow;
        if (input.action === 'publish') {
          if (uid === UID.catalogEntry) await getService(strapi, 'index-numbers').assignOnFirstPublication(trx, documentId, locale);
          await documentsOf(strapi, uid).publish({ documentId, locale });
        }
        if (input.action === 'withdraw') await documentsOf(strapi, uid).unpublish({ documentId, locale });
        if (uid === UID.catalogEntry && (input.action === 'publish' || input.action === 'withdraw')) {
          await getService(strapi, 'column-listings').refreshDocument(trx, documentId);
          await getService(strapi, 'catalog-search').refreshDocument(trx, documentId);
          await getService(strapi, 'entry-links').refreshDocuments(trx, [documentId]);
        }
        return { event: { ...event, actor: actor ? { id: actor.id } : null }, wording: wording.findings };
      });
    });
    return applied;
  };

  /** A report whose table still has warnings is published only with the publisher's reason, kept in the trail. */
  const requireOverrideReason = (input: TransitionInput, report: DraftRow) => {
    const { warnings } = checkStatistics(String(report.template), report.statistics ?? {});
    if (warnings.length > 0 && !input.comment?.trim()) {
      throw new errors.ValidationError(
        `The statistics table has ${warnings.length} open warning(s); publish with a reason for overriding them (统计表存在 ${warnings.length} 条警告，发布须填写理由)`,
        {
          errors: [{ path: ['comment'], message: 'an override reason is required while the table has warnings', name: 'ValidationError' }],
          warnings,
        }
      );
    }
  };

  /**
   * 错敏词 at submission, review and publication: found words travel with the answer; a forbidden
   * one stops publication unless the publisher gives a reason, and the trail then names the words
   * published over with that reason.
   */
  const checkWording = async (input: TransitionInput, row: DraftRow): Promise<{ findings: WordingFinding[]; comment?: string | null }> => {
    if (!WORDING_CHECKED.includes(input.action)) return { findings: [], comment: input.comment };
    const findings = await getService(strapi, 'wording').findingsOf(input.uid, row as unknown as Record<string, unknown>);
    const forbidden = [...new Set(findings.filter((f) => f.severity === 'forbidden').map((f) => f.phrase))];
    if (input.action !== 'publish' || forbidden.length === 0) return { findings, comment: input.comment };
    const reason = (input.wordingReason !== undefined ? input.wordingReason : input.comment)?.trim();
    if (!reason) {
      throw new errors.ValidationError(
        `含禁用词「${forbidden.join('」「')}」，发布须填写放行理由 (forbidden wording found: publish only with a reason for overriding it)`,
        {
          errors: [
            { path: ['comment'], message: '含禁用词，须填写放行理由 (a reason is required to publish over forbidden wording)', name: 'ValidationError' },
          ],
          wording: findings,
        }
      );
    }
    return { findings, comment: `${(input.comment ?? '').trim()}（含禁用词「${forbidden.join('」「')}」，放行发布）` };
  };

  const requireRow = async (uid: WorkflowUid, documentId: string, locale: string) => {
    const row = await draftRow(uid, documentId, locale);
    if (!row) throw new errors.NotFoundError(`No ${uid} with documentId ${documentId} in locale ${locale}`);
    return row;
  };

  return {
    draftRow,
    staffOf,
    stateOfRow,
    requireOverrideReason,
    /** Scheduling a publication asks the publisher's reason now, as publishing would. */
    async requireWordingReason(input: TransitionInput, row: DraftRow): Promise<void> {
      await checkWording({ ...input, action: 'publish' }, row);
    },

    async transition(input: TransitionInput, actor: Actor): Promise<{ state: WorkflowState; event: WorkflowEventView; wording: WordingFinding[] }> {
      if (TRANSITIONS[input.action].commentRequired && !input.comment?.trim()) {
        throw new errors.ValidationError(`A comment is required to ${input.action}`, {
          errors: [{ path: ['comment'], message: `${input.action} needs a comment (须填写意见)`, name: 'ValidationError' }],
        });
      }
      const row = await requireRow(input.uid, input.documentId, input.locale);
      const from = stateOfRow(row);
      const staff = await staffOf(input.uid, row.id);
      if (!mayView(actor, staff)) throw new errors.ForbiddenError('This item is outside your columns');
      const decision = decideTransition({
        actor: getService(strapi, 'actors').onItem(actor, input.uid, row),
        action: input.action,
        state: from,
        staff,
        lastSubmitterId: input.action === 'approve' ? await lastSubmitterId(input.uid, input.documentId, input.locale) : null,
        separationOfDuties: separationOfDuties(),
      });
      if (!decision.ok) {
        if (decision.status === 409) throw new WorkflowConflictError(decision.message, { state: from });
        throw new errors.ForbiddenError(decision.message);
      }
      if (input.uid === UID.annualReport && input.action === 'publish') requireOverrideReason(input, row);
      const { event, wording } = await apply(input, row, from, actor);
      const state = TRANSITIONS[input.action].to;
      // mail only what has been committed (a scheduled publication runs inside its job's transaction)
      await afterCommit(strapi, () =>
        getService(strapi, 'notifications')
          .afterTransition({ ...input, title: row.title, actor, staff, state })
          .catch((error: Error) => {
            strapi.log.error(`[gov-disclosure] notification for ${input.action} on ${input.documentId} failed: ${error.message}`);
          })
      );
      return { state, event: toView(event), wording };
    },

    /** Publishes as the system (seed, import): recorded like any transition, with no human actor. */
    async publishAsSystem(uid: WorkflowUid, documentId: string, locale: string, comment: string): Promise<void> {
      const row = await requireRow(uid, documentId, locale);
      const from = stateOfRow(row);
      if (from === 'published') return;
      await apply({ uid, documentId, locale, action: 'publish', comment }, row, from, null);
    },

    async history(uid: WorkflowUid, documentId: string, locale: string, actor: Actor): Promise<WorkflowEventView[]> {
      const row = await requireRow(uid, documentId, locale);
      if (!mayView(actor, await staffOf(uid, row.id))) throw new errors.ForbiddenError('This item is outside your columns');
      return (await events(uid, documentId, locale)).map(toView);
    },

    async status(uid: WorkflowUid, documentId: string, locale: string, actor: Actor): Promise<WorkflowStatusResponse['data']> {
      const row = await requireRow(uid, documentId, locale);
      const state = stateOfRow(row);
      const staff = await staffOf(uid, row.id);
      if (!mayView(actor, staff)) throw new errors.ForbiddenError('This item is outside your columns');
      const lastSubmitter = await lastSubmitterId(uid, documentId, locale);
      const onItem = getService(strapi, 'actors').onItem(actor, uid, row);
      const allowedActions = WORKFLOW_ACTIONS.filter(
        (action) => decideTransition({ actor: onItem, action, state, staff, lastSubmitterId: lastSubmitter, separationOfDuties: separationOfDuties() }).ok
      );
      const party = HOLDER[state];
      const actors = getService(strapi, 'actors');
      const candidates = await actors.usersWith(party === 'drafter' ? 'submit' : party === 'reviewer' ? 'approve' : 'publish');
      const users = candidates.filter((u) =>
        staff === null || party === 'publisher' ? true : (party === 'drafter' ? staff.administrators : staff.reviewers).has(u.id)
      );
      return {
        state,
        holder: { party, users: users.map(({ id, name }) => ({ id, name })) },
        allowedActions,
        canEdit: mayEdit(onItem, state, staff),
        history: (await events(uid, documentId, locale)).map(toView),
        scheduledPublication: state === 'pending_publish' ? await getService(strapi, 'scheduled-publication').of(uid, documentId, locale) : null,
        wording: await getService(strapi, 'wording').findingsOf(uid, row as unknown as Record<string, unknown>),
      };
    },

    /** What waits on this user, oldest first: returned drafts, items to review, items to publish. */
    async tasks(actor: Actor): Promise<WorkflowTask[]> {
      const wanted: Array<{ state: WorkflowState; uids: WorkflowUid[] }> = [];
      if (actor.isSuperAdmin || actor.actions.has('submit')) wanted.push({ state: 'returned', uids: [...WORKFLOW_UIDS] });
      if (actor.isSuperAdmin || actor.actions.has('approve')) wanted.push({ state: 'pending_review', uids: [...WORKFLOW_UIDS] });
      if (actor.isSuperAdmin || actor.actions.has('publish')) wanted.push({ state: 'pending_publish', uids: [...WORKFLOW_UIDS] });
      const tasks: WorkflowTask[] = [];
      const scheduled = await getService(strapi, 'scheduled-publication').times();
      for (const { state, uids } of wanted) {
        for (const uid of uids) {
          // eslint-disable-next-line no-await-in-loop -- at most six small queries
          const rows = (await query(uid).findMany({
            where: { publishedAt: null, workflowState: state },
            select: ['id', 'documentId', 'locale', 'title', 'updatedAt'],
            populate: CREATOR,
          })) as DraftRow[];
          for (const row of rows) {
            // eslint-disable-next-line no-await-in-loop
            const staff = await staffOf(uid, row.id);
            // eslint-disable-next-line no-await-in-loop
            const lastSubmitter = state === 'pending_review' ? await lastSubmitterId(uid, row.documentId, row.locale) : null;
            const action: WorkflowAction = state === 'returned' ? 'submit' : state === 'pending_review' ? 'approve' : 'publish';
            const mine = decideTransition({
              actor: getService(strapi, 'actors').onItem(actor, uid, row),
              action,
              state,
              staff,
              lastSubmitterId: lastSubmitter,
              separationOfDuties: separationOfDuties(),
            }).ok;
            if (!mine) continue;
            // eslint-disable-next-line no-await-in-loop
            const history = await events(uid, row.documentId, row.locale);
            const last = history[history.length - 1];
            tasks.push({
              uid,
              documentId: row.documentId,
              locale: row.locale,
              title: row.title,
              state,
              since: new Date(last?.createdAt ?? row.updatedAt).toISOString(),
              lastComment: last?.comment ?? null,
              scheduledAt: state === 'pending_publish' ? (scheduled.get(uid, row.documentId, row.locale) ?? null) : null,
            });
          }
        }
      }
      return tasks.sort((a, b) => String(a.since).localeCompare(String(b.since)));
    },
  };
};

export default workflow;
export type WorkflowService = ReturnType<typeof workflow>;
