/**
 * Validates and completes every write to the plugin's content types, whichever door it comes
 * through (Content Manager, plugin routes, Document Service). First the plugin fills in what it
 * derives (complete.ts), then the write is judged (issues.ts): a refused write throws a
 * ValidationError naming each field, before anything is stored. Also the checks a transition
 * makes before it publishes or withdraws.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, UID } from '../../../../shared/constants';
import type { FieldIssue } from '../../../../shared/domain/field-issue';
import { catalogEntryIssues, INTERPRETATION, interpretationPublishIssues, policyWithdrawIssues } from '../../domain/content-rules';
import { publicWhere } from '../../domain/public-visibility';
import { rowsOf } from '../../utils/query';
import { writeCompletion } from './complete';
import { RULES, writeIssues } from './issues';
import { writeLookups } from './lookups';
import type { WriteRequest } from './types';

export type { GuardedAction, WriteRequest } from './types';

export const throwIfIssues = (issues: FieldIssue[]): void => {
  if (issues.length === 0) return;
  const summary = issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new errors.ValidationError(issues.length === 1 ? summary : `${issues.length} fields are invalid: ${summary}`, {
    errors: issues.map((i) => ({ path: i.path, message: i.message, name: 'ValidationError', value: null })),
  });
};

const writeGuard = ({ strapi }: { strapi: Core.Strapi }) => {
  const lookups = writeLookups(strapi);
  const complete = writeCompletion(strapi, lookups);
  const issuesOf = writeIssues(lookups);

  return {
    isGuarded(uid: string): boolean {
      return uid in RULES;
    },

    /** Fills in what the plugin derives (organization, 文号, slug, column slug history), then judges the write; throws a ValidationError. */
    async check(req: WriteRequest): Promise<void> {
      const locale = req.locale ?? DEFAULT_LOCALE;
      const stored = req.documentId && req.action !== 'clone' ? await lookups.findStored(req.uid, req.documentId, req.locale) : null;
      const cloned = req.action === 'clone' && req.documentId ? await lookups.findStored(req.uid, req.documentId, req.locale) : null;
      const slug = req.action === 'clone' ? null : (req.data.slug ?? stored?.slug);
      await complete(req, stored, cloned);
      const values = { ...(cloned ?? {}), ...(stored ?? {}), ...req.data };
      throwIfIssues(await issuesOf({ req, values, stored, cloned, locale, slug }));
    },

    /**
     * Before a catalog entry is published (inside the workflow's transaction): a 政策解读 goes live
     * only when a policy document it interprets is live and public, so its page never points nowhere.
     */
    async checkPublish(uid: string, documentId: string, locale: string): Promise<void> {
      if (uid !== UID.catalogEntry) return;
      const draft = await lookups.entryDraft(documentId, locale);
      if (!draft) return;
      // publishing dates an undated entry today, which a 成文日期 still in the future would follow
      throwIfIssues(catalogEntryIssues(draft));
      if (draft.genre !== INTERPRETATION) return;
      const targets = await lookups.storedTargets(uid, draft, 'interprets');
      const live = targets.length === 0 ? 0 : await lookups.count(uid, { ...publicWhere(locale), documentId: { $in: targets } });
      throwIfIssues(interpretationPublishIssues(draft.genre, live));
    },

    /** Refuses to withdraw a policy document while a live 政策解读 explains it alone. */
    async checkWithdraw(uid: string, documentId: string, locale: string): Promise<void> {
      if (uid !== UID.catalogEntry) return;
      // live rows link to live rows: the interpretations' other live policies are their populated targets
      const interpreters = (await rowsOf(strapi, uid).findMany({
        where: { ...publicWhere(locale), interprets: { documentId } },
        select: ['title'],
        populate: { interprets: { select: ['documentId'], where: publicWhere(locale) } },
      })) as Array<{ title: string; interprets: Array<{ documentId: string }> }>;
      throwIfIssues(policyWithdrawIssues(interpreters.filter((e) => e.interprets.every((t) => t.documentId === documentId))));
    },
  };
};

export default writeGuard;
export type WriteGuardService = ReturnType<typeof writeGuard>;
