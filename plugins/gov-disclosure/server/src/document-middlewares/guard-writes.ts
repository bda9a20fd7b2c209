import type { Core, Modules } from '@strapi/strapi';
import { UID } from '../../../shared/constants';
import { getService } from '../utils/get-service';
import { toOneTarget } from '../utils/relations';
import type { GuardedAction } from '../services/write-guard';

const GUARDED_ACTIONS = new Set<string>(['create', 'update', 'clone']);
const READS = new Set<string>(['findOne', 'findFirst', 'findMany', 'count']);

interface WriteParams {
  documentId?: string;
  locale?: string;
  data?: Record<string, unknown>;
}

/** Document Service middleware: every create/update/clone of the plugin's types passes the write guard first. */
export const guardWrites =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const guard = getService(strapi, 'write-guard');
    if (GUARDED_ACTIONS.has(context.action) && guard.isGuarded(context.uid)) {
      const params = context.params as WriteParams;
      params.data = params.data ?? {};
      await guard.check({
        uid: context.uid,
        action: context.action as GuardedAction,
        documentId: params.documentId,
        locale: params.locale,
        data: params.data,
      });
    }
    const result = await next();
    // Columns and organizations show in every public page: drop what this instance has rendered.
    if ((context.uid === UID.column || context.uid === UID.organization) && !READS.has(context.action)) {
      // Only a change to the tree changes what ancestors list; renames and staff edits do not.
      const params = context.params as WriteParams;
      // The Content Manager sends every relation on each save ({ connect: [], disconnect: [] } when
      // untouched): only a parent actually given counts as a move.
      const moved = context.action === 'update' && toOneTarget(params.data?.parent) !== undefined;
      const treeChanged = context.action === 'delete' || context.action === 'clone' || moved;
      if (context.uid === UID.column && treeChanged) await getService(strapi, 'column-listings').rebuild();
      getService(strapi, 'public-cache').clear();
    }
    return result;
  };
