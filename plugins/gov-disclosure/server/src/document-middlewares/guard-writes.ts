import type { Core, Modules } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import type { GuardedAction } from '../services/write-guard';

const GUARDED_ACTIONS = new Set<string>(['create', 'update', 'clone']);

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
    if (!GUARDED_ACTIONS.has(context.action) || !guard.isGuarded(context.uid)) return next();
    const params = context.params as WriteParams;
    params.data = params.data ?? {};
    await guard.check({
      uid: context.uid,
      action: context.action as GuardedAction,
      documentId: params.documentId,
      locale: params.locale,
      data: params.data,
    });
    return next();
  };
