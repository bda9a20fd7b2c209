import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema, yup } from '@strapi/utils';
import { TRANSITIONS, WORKFLOW_ACTIONS, type WorkflowAction } from '../../../shared/domain/workflow';
import type {
  SchedulePublicationRequest,
  SchedulePublicationResponse,
  TransitionRequest,
  TransitionResponse,
  WorkflowHistoryResponse,
  WorkflowOverviewResponse,
  WorkflowStatusResponse,
  WorkflowTasksResponse,
  WorkflowUid,
} from '../../../shared/types';
import { WORKFLOW_UIDS, WorkflowConflictError } from '../services/workflow';
import { getService } from '../utils/get-service';

const target = {
  uid: yup
    .string()
    .oneOf([...WORKFLOW_UIDS])
    .required(),
  documentId: yup.string().trim().min(1).max(100).required(),
  locale: yup.string().trim().min(2).max(20).required(),
};

const transitionBody = yup
  .object({
    ...target,
    action: yup
      .string()
      .oneOf([...WORKFLOW_ACTIONS])
      .required(),
    comment: yup
      .string()
      .max(5000)
      .nullable()
      .when('action', {
        is: (action: WorkflowAction) => Boolean(action && TRANSITIONS[action]?.commentRequired),
        then: (s) => s.trim().required('a comment (reason) is required for this action (须填写意见)'),
      }),
  })
  .noUnknown()
  .strict();

const targetQuery = yup.object(target).noUnknown();

const scheduleBody = yup
  .object({
    ...target,
    publishAt: yup
      .string()
      .required()
      .test('iso-date-time', 'publishAt must be a date and time with its offset, e.g. 2026-12-03T09:00:00+08:00 (定时发布时间格式不对)', (v) =>
        Boolean(v && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)))
      ),
    comment: yup.string().max(5000).nullable(),
  })
  .noUnknown()
  .strict();
const validateSchedule = validateYupSchema(scheduleBody);

const validateTransition = validateYupSchema(transitionBody);
const validateTarget = validateYupSchema(targetQuery);

interface Ctx {
  request: { body: unknown };
  query: Record<string, unknown>;
  body: unknown;
  conflict(message: string, details?: unknown): void;
  forbidden(message: string, details?: unknown): void;
}

/**
 * Strapi's authorize middleware turns a ForbiddenError thrown by a handler into a bare
 * "Forbidden"; answering here keeps the reason, which tells the clerk what to do instead.
 */
const answerRefusals = async (ctx: Ctx, handle: () => Promise<void>) => {
  try {
    await handle();
  } catch (error) {
    if (error instanceof WorkflowConflictError) return ctx.conflict(error.message, error.details);
    if (error instanceof errors.ForbiddenError) return ctx.forbidden(error.message, error.details ?? {});
    throw error;
  }
  return undefined;
};

const workflowController = ({ strapi }: { strapi: Core.Strapi }) => {
  const actor = async () => {
    const current = await getService(strapi, 'actors').current();
    if (!current) throw new errors.UnauthorizedError('Log in to the admin panel');
    return current;
  };

  return {
    async transition(ctx: Ctx) {
      const body = (await validateTransition(ctx.request.body ?? {})) as TransitionRequest;
      return answerRefusals(ctx, async () => {
        ctx.body = { data: await getService(strapi, 'workflow').transition(body, await actor()) } satisfies TransitionResponse;
      });
    },

    async history(ctx: Ctx) {
      const q = (await validateTarget(ctx.query)) as { uid: WorkflowUid; documentId: string; locale: string };
      return answerRefusals(ctx, async () => {
        ctx.body = { data: await getService(strapi, 'workflow').history(q.uid, q.documentId, q.locale, await actor()) } satisfies WorkflowHistoryResponse;
      });
    },

    async status(ctx: Ctx) {
      const q = (await validateTarget(ctx.query)) as { uid: WorkflowUid; documentId: string; locale: string };
      return answerRefusals(ctx, async () => {
        ctx.body = { data: await getService(strapi, 'workflow').status(q.uid, q.documentId, q.locale, await actor()) } satisfies WorkflowStatusResponse;
      });
    },

    /** 定时发布: the office sets the time an item awaiting publication goes live. */
    async schedule(ctx: Ctx) {
      const body = (await validateSchedule(ctx.request.body ?? {})) as SchedulePublicationRequest;
      return answerRefusals(ctx, async () => {
        const data = await getService(strapi, 'scheduled-publication').set({ ...body, publishAt: new Date(body.publishAt) }, await actor());
        ctx.body = { data } satisfies SchedulePublicationResponse;
      });
    },

    async unschedule(ctx: Ctx) {
      const q = (await validateTarget(ctx.query)) as { uid: WorkflowUid; documentId: string; locale: string };
      return answerRefusals(ctx, async () => {
        await getService(strapi, 'scheduled-publication').cancel(q, await actor());
        ctx.body = { data: null } satisfies SchedulePublicationResponse;
      });
    },

    async overview(ctx: Ctx) {
      ctx.body = { data: await getService(strapi, 'office-overview').of(await actor()) } satisfies WorkflowOverviewResponse;
    },

    async tasks(ctx: Ctx) {
      ctx.body = { data: await getService(strapi, 'workflow').tasks(await actor()) } satisfies WorkflowTasksResponse;
    },
  };
};

export default workflowController;
