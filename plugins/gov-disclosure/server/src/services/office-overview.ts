/**
 * The plugin's home at a glance: how many items wait in each state of the chain, how many went
 * out this month, what is scheduled and what failed. Only the office (who publishes) sees the
 * whole chain; everyone else sees the length of their own 待办.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../shared/constants';
import { dayIn, startOfDayIn } from '../../../shared/domain/calendar-day';
import { WORKFLOW_STATES, WORKFLOW_UIDS, type WorkflowState } from '../../../shared/domain/workflow';
import type { OverviewCounts, WorkflowOverview } from '../../../shared/types';
import { isPublisher } from '../domain/workflow-policy';
import { getService } from '../utils/get-service';
import { rowsOf } from '../utils/query';
import type { Actor } from './actors';

interface PublishEvent {
  targetUid: string;
  targetDocumentId: string;
  targetLocale: string;
}

const officeOverview = ({ strapi }: { strapi: Core.Strapi }) => {
  const timeZone = () => strapi.plugin('gov-disclosure').config('timeZone') as string;

  /** Each draft row is one item in one language; its workflowState is where the item stands. */
  const statesOf = async (uid: string): Promise<Record<WorkflowState, number>> => {
    const counts = {} as Record<WorkflowState, number>;
    for (const state of WORKFLOW_STATES) {
      // eslint-disable-next-line no-await-in-loop -- six indexed counts
      counts[state] = await rowsOf(strapi, uid).count({
        // rows from before the chain existed have no state: they are drafts, as the workflow reads them
        where: { publishedAt: null, ...(state === 'draft' ? { $or: [{ workflowState: 'draft' }, { workflowState: null }] } : { workflowState: state }) },
      });
    }
    return counts;
  };

  /** Items published since `since`, once each however often they were published again. */
  const publishedSince = async (since: Date): Promise<Map<string, number>> => {
    const events = (await rowsOf(strapi, UID.workflowEvent).findMany({
      where: { action: 'publish', createdAt: { $gte: since } },
      select: ['targetUid', 'targetDocumentId', 'targetLocale'],
    })) as PublishEvent[];
    const items = new Set(events.map((e) => `${e.targetUid}\u0000${e.targetDocumentId}\u0000${e.targetLocale}`));
    const byUid = new Map<string, number>();
    for (const item of items) {
      const uid = item.split('\u0000')[0];
      byUid.set(uid, (byUid.get(uid) ?? 0) + 1);
    }
    return byUid;
  };

  return {
    async of(actor: Actor): Promise<WorkflowOverview> {
      const tasks = await getService(strapi, 'workflow').tasks(actor);
      if (!isPublisher(actor)) return { myTasks: tasks.length, office: null };
      const month = dayIn(timeZone()).slice(0, 7);
      const published = await publishedSince(startOfDayIn(timeZone(), `${month}-01`));
      const types: OverviewCounts[] = [];
      for (const uid of WORKFLOW_UIDS) {
        types.push({
          uid,
          // eslint-disable-next-line no-await-in-loop -- two content types
          states: await statesOf(uid),
          publishedThisMonth: published.get(uid) ?? 0,
          // the office publishes everything, so every item awaiting publication is in its 待办
          scheduled: tasks.filter((t) => t.uid === uid && t.scheduledAt).length,
        });
      }
      return { myTasks: tasks.length, office: { month, types, failedJobs: (await getService(strapi, 'jobs').list()).failed } };
    },
  };
};

export default officeOverview;
export type OfficeOverviewService = ReturnType<typeof officeOverview>;
