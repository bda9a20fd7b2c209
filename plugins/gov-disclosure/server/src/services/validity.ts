/**
 * The validity sweep, scheduled work that runs every quarter of an hour on one instance: entries
 * whose 废止日期 has come or whose 有效期至 has passed change to 废止 / 失效 (../domain/validity-by-date.ts)
 * in every version (the draft the clerks edit and the live one the portal shows), with an event in
 * the trail of each locale, the catalog's listings and search index refreshed, and every
 * instance's cached pages dropped once it commits. A large backlog is worked in batches.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../shared/constants';
import { dayIn } from '../../../shared/domain/calendar-day';
import type { WorkflowState } from '../../../shared/domain/workflow';
import type { Validity } from '../../../shared/constants';
import { lapseOn } from '../domain/validity-by-date';
import { workflowEventData } from '../domain/workflow-event';
import { getService } from '../utils/get-service';
import { isoDate } from '../utils/sql';
import { documentsOf, rowsOf } from '../utils/query';
import { runInTransition } from '../utils/write-context';
import type { JobResult } from './jobs';

export const VALIDITY_SWEEP = 'validity-sweep';
const EVERY_MS = 15 * 60_000;
const DOCUMENTS_PER_RUN = 100;

interface EntryRow {
  id: number;
  documentId: string;
  locale: string;
  validity: Validity | null;
  repealedDate: unknown;
  expiryDate: unknown;
  workflowState: WorkflowState | null;
  publishedAt: string | null;
}

const validity = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** One batch; runs again at once while entries are left, else in a quarter of an hour. */
  async sweep(): Promise<JobResult> {
    const today = dayIn(strapi.plugin('gov-disclosure').config('timeZone') as string);
    const notRepealed = { $or: [{ validity: null }, { validity: { $ne: 'repealed' } }] };
    const inForce = { $or: [{ validity: null }, { validity: 'effective' }] };
    const rows = (await rowsOf(strapi, UID.catalogEntry).findMany({
      where: { $or: [{ $and: [{ repealedDate: { $lte: today } }, notRepealed] }, { $and: [{ expiryDate: { $lt: today } }, inForce] }] },
      select: ['id', 'documentId', 'locale', 'validity', 'repealedDate', 'expiryDate', 'workflowState', 'publishedAt'],
      orderBy: [{ documentId: 'asc' }, { id: 'asc' }],
      limit: DOCUMENTS_PER_RUN * 4,
    })) as EntryRow[];
    const documents = [...new Set(rows.map((r) => r.documentId))];
    const batch = new Set(documents.slice(0, DOCUMENTS_PER_RUN));
    const more = documents.length > DOCUMENTS_PER_RUN || rows.length === DOCUMENTS_PER_RUN * 4;

    await strapi.db.transaction(async ({ trx, onCommit }) => {
      for (const documentId of batch) {
        for (const row of rows.filter((r) => r.documentId === documentId)) {
          const lapse = lapseOn({ validity: row.validity, repealedDate: isoDate(row.repealedDate), expiryDate: isoDate(row.expiryDate) }, today);
          if (!lapse) continue;
          // compare-and-swap: a second sweep, or a clerk's edit meanwhile, is not overwritten
          // eslint-disable-next-line no-await-in-loop -- a batch of small writes in one transaction
          const swapped = (await rowsOf(strapi, UID.catalogEntry).updateMany({
            where: { id: row.id, validity: row.validity },
            data: { validity: lapse.to },
          })) as { count: number };
          // the draft row of each locale carries the trail (its state is the item's)
          if (swapped.count === 1 && row.publishedAt === null) {
            const action = lapse.to === 'repealed' ? 'repeal' : 'expire';
            // eslint-disable-next-line no-await-in-loop
            await runInTransition(action, () =>
              documentsOf(strapi, UID.workflowEvent).create({
                data: workflowEventData({
                  uid: UID.catalogEntry,
                  documentId,
                  locale: row.locale,
                  action,
                  from: row.workflowState ?? 'draft',
                  actor: null,
                  comment: lapse.reason,
                }),
              })
            );
          }
        }
        // eslint-disable-next-line no-await-in-loop
        await getService(strapi, 'column-listings').refreshDocument(trx, documentId);
        // eslint-disable-next-line no-await-in-loop
        await getService(strapi, 'catalog-search').refreshDocument(trx, documentId);
        // eslint-disable-next-line no-await-in-loop
        await getService(strapi, 'entry-links').refreshDocuments(trx, [documentId]);
      }
      if (batch.size > 0) onCommit(() => getService(strapi, 'public-cache').clear());
    });
    if (batch.size > 0) strapi.log.info(`[gov-disclosure] validity: ${batch.size} entries lapsed by date (${today})`);
    return { runAgainAt: Date.now() + (more ? 0 : EVERY_MS) };
  },
});

export default validity;
export type ValidityService = ReturnType<typeof validity>;
