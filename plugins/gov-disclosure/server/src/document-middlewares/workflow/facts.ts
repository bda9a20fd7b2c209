/**
 * What the workflow guards need to know about an item at a door: its working row, state and column
 * staff, the staff of the columns a new entry is filed in, whether a live version exists, and the
 * actor's permissions on the item.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../shared/constants';
import type { WorkflowState } from '../../../../shared/domain/workflow';
import type { WorkflowUid } from '../../../../shared/types';
import type { ColumnStaff } from '../../domain/workflow-policy';
import type { Actor } from '../../services/actors';
import { getService } from '../../utils/get-service';
import { rowsOf } from '../../utils/query';
import { connectedTargets } from '../../utils/relations';

const NO_STAFF = (): ColumnStaff => ({ administrators: new Set(), reviewers: new Set() });

export const workflowFacts = (strapi: Core.Strapi) => ({
  /** The actor's permissions on this item, conditions matched against it; a new item has no row yet. */
  onItem: (actor: Actor, uid: string, row: object | null) => (row ? getService(strapi, 'actors').onItem(actor, uid, row) : actor),

  /** The draft row and its facts for this document and locale (falls back to any locale for staff). */
  async of(uid: WorkflowUid, documentId: string, requestedLocale: string | undefined) {
    const wf = getService(strapi, 'workflow');
    const locale = requestedLocale ?? ((await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string);
    const row = await wf.draftRow(uid, documentId, locale);
    const any = row ?? ((await rowsOf(strapi, uid).findOne({ where: { documentId, publishedAt: null } })) as { id: number } | null);
    const staff: ColumnStaff = any ? await wf.staffOf(uid, any.id) : uid === UID.catalogEntry ? NO_STAFF() : null;
    const state: WorkflowState = row ? wf.stateOfRow(row) : 'draft';
    return { row, state, staff };
  },

  /** Administrators and reviewers of the columns a write files a new entry in. */
  async staffOfNewColumns(value: unknown, locale: string | undefined): Promise<ColumnStaff> {
    const refs = connectedTargets(value);
    if (refs.length === 0) return NO_STAFF();
    const documentIds = refs.flatMap((r) => ('documentId' in r ? [r.documentId] : []));
    const ids = refs.flatMap((r) => ('id' in r ? [r.id] : []));
    const columns = (await rowsOf(strapi, UID.column).findMany({
      where: { $or: [{ id: { $in: ids } }, { documentId: { $in: documentIds }, ...(locale ? { locale } : {}) }] },
      populate: { administrators: { select: ['id'] }, reviewers: { select: ['id'] } },
    })) as Array<{ administrators?: Array<{ id: number }>; reviewers?: Array<{ id: number }> }>;
    return {
      administrators: new Set(columns.flatMap((c) => (c.administrators ?? []).map((u) => u.id))),
      reviewers: new Set(columns.flatMap((c) => (c.reviewers ?? []).map((u) => u.id))),
    };
  },

  async publishedExists(uid: string, documentId: string, locale?: string) {
    const where = { documentId, publishedAt: { $notNull: true }, ...(locale && locale !== '*' ? { locale } : {}) };
    return (await rowsOf(strapi, uid).count({ where })) > 0;
  },
});

export type WorkflowFacts = ReturnType<typeof workflowFacts>;
