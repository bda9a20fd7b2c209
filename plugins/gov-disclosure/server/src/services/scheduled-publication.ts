/**
 * 定时发布: the office sets the time an item awaiting publication goes live. The time is a job of
 * the scheduled-work runner (./jobs.ts); when it comes, the item is published by the same
 * transition as a manual publish, in the name of the publisher who set it, with their permissions
 * checked again then, and the same audit event. Setting and cancelling the time are in the trail
 * too. Publishing by hand or returning the item drops the time (in that transition's transaction).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../shared/constants';
import { minuteIn } from '../../../shared/domain/calendar-day';
import type { ScheduledPublication, WorkflowUid } from '../../../shared/types';
import type { WorkflowState } from '../../../shared/domain/workflow';
import { decideTransition, mayView } from '../domain/workflow-policy';
import { workflowEventData } from '../domain/workflow-event';
import { getService } from '../utils/get-service';
import { documentsOf, rowsOf } from '../utils/query';
import { runInTransition } from '../utils/write-context';
import type { Actor } from './actors';
import { WorkflowConflictError } from './workflow';

export const SCHEDULED_PUBLICATION = 'scheduled-publication';

const MIN_LEAD_MS = 60_000;
const MAX_LEAD_MS = 366 * 24 * 60 * 60_000;

interface Payload {
  uid: WorkflowUid;
  documentId: string;
  locale: string;
  scheduledBy: { id: number | null; name: string };
  comment: string | null;
}

export interface ScheduleInput {
  uid: WorkflowUid;
  documentId: string;
  locale: string;
  publishAt: Date;
  comment?: string | null;
}

const keyOf = (uid: string, documentId: string, locale: string) => `${uid}|${documentId}|${locale}`;

const invalid = (path: string, message: string) => new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

const scheduledPublication = ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = () => getService(strapi, 'jobs');
  const workflow = () => getService(strapi, 'workflow');
  const timeZone = () => strapi.plugin('gov-disclosure').config('timeZone') as string;

  /** The item as the publisher sees it now: it must await publication, and they must be the one who may publish it. */
  const checkPublisher = async (input: { uid: WorkflowUid; documentId: string; locale: string }, actor: Actor) => {
    const row = await workflow().draftRow(input.uid, input.documentId, input.locale);
    if (!row) throw new errors.NotFoundError(`No ${input.uid} with documentId ${input.documentId} in locale ${input.locale}`);
    const state = workflow().stateOfRow(row);
    const staff = await workflow().staffOf(input.uid, row.id);
    if (!mayView(actor, staff)) throw new errors.ForbiddenError('This item is outside your columns');
    const decision = decideTransition({
      actor: getService(strapi, 'actors').onItem(actor, input.uid, row),
      action: 'publish',
      state,
      staff,
      lastSubmitterId: null,
      separationOfDuties: false,
    });
    if (!decision.ok) {
      if (decision.status === 409) throw new WorkflowConflictError(decision.message, { state });
      throw new errors.ForbiddenError(decision.message);
    }
    return { row, state };
  };

  /** Writes a schedule or its cancellation with its audit event, while the item still awaits publication (or neither). */
  const record = async (
    input: { uid: WorkflowUid; documentId: string; locale: string },
    write: () => Promise<void>,
    event: Parameters<typeof workflowEventData>[0]
  ) =>
    strapi.db.transaction(async () => {
      // holds the row against a return or publish committing meanwhile; 0 rows: it moved on
      const still = (await rowsOf(strapi, input.uid).updateMany({
        where: { documentId: input.documentId, locale: input.locale, publishedAt: null, workflowState: 'pending_publish' },
        data: { workflowState: 'pending_publish' },
      })) as { count: number };
      if (still.count !== 1) throw new WorkflowConflictError('Someone else changed this item first; it no longer awaits publication. Reload and try again.');
      await write();
      await runInTransition(event.action, () => documentsOf(strapi, UID.workflowEvent).create({ data: workflowEventData(event) }));
    });

  const toView = (at: number, payload: Partial<Payload>): ScheduledPublication => ({
    at: new Date(at).toISOString(),
    by: payload.scheduledBy ?? { id: null, name: '' },
    comment: payload.comment ?? null,
  });

  return {
    async set(input: ScheduleInput, actor: Actor): Promise<ScheduledPublication> {
      const lead = input.publishAt.getTime() - Date.now();
      if (lead < MIN_LEAD_MS) throw invalid('publishAt', 'The publication time must be at least a minute from now (定时发布时间须晚于当前时间至少一分钟)');
      if (lead > MAX_LEAD_MS) throw invalid('publishAt', 'The publication time must be within a year (定时发布时间须在一年以内)');
      const { row, state } = await checkPublisher(input, actor);
      const comment = input.comment?.trim() || null;
      // a report with open warnings needs the publisher's reason, now as for a manual publish
      if (input.uid === UID.annualReport) workflow().requireOverrideReason({ ...input, action: 'publish', comment }, row);
      // forbidden wording likewise: the reason is given when the time is set
      await workflow().requireWordingReason({ ...input, action: 'publish', comment }, row);
      const payload: Payload = { uid: input.uid, documentId: input.documentId, locale: input.locale, scheduledBy: { id: actor.id, name: actor.name }, comment };
      const at = input.publishAt.getTime();
      await record(input, () => jobs().schedule(SCHEDULED_PUBLICATION, keyOf(input.uid, input.documentId, input.locale), at, { ...payload }), {
        ...input,
        action: 'schedule',
        from: state,
        actor,
        comment: `定时发布时间 ${minuteIn(timeZone(), input.publishAt)}（${timeZone()}）${comment ? `；${comment}` : ''}`,
      });
      return toView(at, payload);
    },

    async cancel(input: { uid: WorkflowUid; documentId: string; locale: string }, actor: Actor): Promise<void> {
      const { state } = await checkPublisher(input, actor);
      await record(
        input,
        async () => {
          if (!(await jobs().cancel(SCHEDULED_PUBLICATION, keyOf(input.uid, input.documentId, input.locale)))) {
            throw new errors.NotFoundError('No publication time is set for this item (未设定定时发布)');
          }
        },
        { ...input, action: 'unschedule', from: state, actor }
      );
    },

    /** The time set for the item, if any. */
    async of(uid: WorkflowUid, documentId: string, locale: string): Promise<ScheduledPublication | null> {
      const job = await jobs().find(SCHEDULED_PUBLICATION, keyOf(uid, documentId, locale));
      return job && job.status !== 'done' ? toView(Date.parse(job.runAt), job.payload as Partial<Payload>) : null;
    },

    /** Every time set, for a task list. */
    async times(): Promise<{ get(uid: string, documentId: string, locale: string): string | undefined }> {
      const pending = await jobs().pending(SCHEDULED_PUBLICATION);
      return {
        get: (uid, documentId, locale) => {
          const at = pending.get(keyOf(uid, documentId, locale));
          return at === undefined ? undefined : new Date(at).toISOString();
        },
      };
    },

    /** Inside the transition that moves the item on from awaiting publication. */
    dropFor: (uid: string, documentId: string, locale: string) => jobs().cancel(SCHEDULED_PUBLICATION, keyOf(uid, documentId, locale)),

    /** The job: publishes as the publisher who set the time, if the item still awaits it. */
    async run(payload: Record<string, unknown>): Promise<void> {
      const { uid, documentId, locale, scheduledBy, comment } = payload as unknown as Payload;
      const row = await workflow().draftRow(uid, documentId, locale);
      // deleted, published by hand or sent back since: nothing left to do
      if (!row || (workflow().stateOfRow(row) as WorkflowState) !== 'pending_publish') return;
      const actor = scheduledBy.id === null ? null : await getService(strapi, 'actors').byId(scheduledBy.id);
      if (!actor)
        throw new Error(
          `The publisher who set the time (${scheduledBy.name}) is no longer an active user; publish it by hand or set the time again (设定人已停用)`
        );
      // only the publisher's own words may stand as the reason to publish over forbidden wording
      await workflow().transition(
        { uid, documentId, locale, action: 'publish', comment: `定时发布${comment ? `：${comment}` : ''}`, wordingReason: comment ?? null },
        actor
      );
    },
  };
};

export default scheduledPublication;
export type ScheduledPublicationService = ReturnType<typeof scheduledPublication>;
