/**
 * Validates and completes every write to the plugin's content types, whichever door it comes
 * through (Content Manager, plugin routes, Document Service): cross-field rules, generated and
 * unique slugs, read-only 索引号, one annual report per organization, year and locale.
 * A refused write throws a ValidationError naming each field, before anything is stored.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID, DEFAULT_LOCALE } from '../../../shared/constants';
import { issue, type FieldIssue } from '../../../shared/domain/field-issue';
import {
  annualReportIssues,
  catalogEntryIssues,
  columnIssues,
  organizationIssues,
} from '../domain/content-rules';
import { toSlug, uniqueSlug } from '../domain/slug';
import { normalizeDocumentNumber } from '../../../shared/domain/document-number';
import { connectedTargets, toOneTarget, type TargetRef } from '../utils/relations';
import { isSystemWrite } from '../utils/write-context';

type Values = Record<string, unknown>;
type Row = Values & { id: number; documentId: string; locale?: string; publishedAt?: string | null };

export type GuardedAction = 'create' | 'update' | 'clone';

export interface WriteRequest {
  uid: string;
  action: GuardedAction;
  documentId?: string;
  locale?: string;
  data: Values;
}

const RULES: Record<string, (values: Values) => FieldIssue[]> = {
  [UID.organization]: organizationIssues,
  [UID.column]: columnIssues,
  [UID.catalogEntry]: catalogEntryIssues,
  [UID.annualReport]: annualReportIssues,
};

/** Field a slug is made from when none is given. */
const SLUG_SOURCE: Record<string, string> = {
  [UID.organization]: 'name',
  [UID.column]: 'name',
  [UID.catalogEntry]: 'title',
};

const blank = (v: unknown) => v === null || v === undefined || v === '';

export const throwIfIssues = (issues: FieldIssue[]): void => {
  if (issues.length === 0) return;
  const summary = issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new errors.ValidationError(issues.length === 1 ? summary : `${issues.length} fields are invalid: ${summary}`, {
    errors: issues.map((i) => ({ path: i.path, message: i.message, name: 'ValidationError', value: null })),
  });
};

const writeGuard = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = (uid: string) => strapi.db.query(uid as Parameters<typeof strapi.db.query>[0]);

  const hasDraftAndPublish = (uid: string) => strapi.contentType(uid as never)?.options?.draftAndPublish === true;

  /** The stored draft of this locale, or of any locale when the write creates a new localization. */
  const findStored = async (uid: string, documentId: string, locale?: string): Promise<Row | null> => {
    const where: Values = { documentId };
    if (hasDraftAndPublish(uid)) where.publishedAt = null;
    if (locale) {
      const exact = (await query(uid).findOne({ where: { ...where, locale } })) as Row | null;
      if (exact) return exact;
    }
    return (await query(uid).findOne({ where })) as Row | null;
  };

  const resolveDocumentId = async (uid: string, ref: TargetRef | null | undefined): Promise<string | null | undefined> => {
    if (!ref) return ref;
    if ('documentId' in ref) return ref.documentId;
    const row = (await query(uid).findOne({ where: { id: ref.id }, select: ['documentId'] })) as Row | null;
    return row?.documentId ?? null;
  };

  const storedRelation = async (uid: string, id: number, field: string): Promise<string | null> => {
    const row = (await query(uid).findOne({ where: { id }, populate: { [field]: { select: ['documentId'] } } })) as
      | (Row & Record<string, { documentId: string } | null>)
      | null;
    return row?.[field]?.documentId ?? null;
  };

  const slugTaken = (uid: string, documentId: string | undefined) => async (slug: string) => {
    const where: Values = { slug };
    if (documentId) where.documentId = { $ne: documentId };
    return (await query(uid).count({ where })) > 0;
  };

  const completeSlug = async (req: WriteRequest, values: Values, stored: Row | null, issues: FieldIssue[]) => {
    const source = SLUG_SOURCE[req.uid];
    if (!source) return;
    const { data } = req;
    if (blank(values.slug)) {
      if (stored?.slug) return; // keep the slug another locale already gave the document
      const base = toSlug(String(values[source] ?? ''));
      data.slug = await uniqueSlug(base, slugTaken(req.uid, req.documentId));
      return;
    }
    const changed = stored && stored.slug !== values.slug;
    if ((!stored || changed) && (await slugTaken(req.uid, req.documentId)(String(values.slug)))) {
      issues.push(issue('slug', `"${String(values.slug)}" is already used by another document; slugs are unique`));
      return;
    }
    if (changed && stored?.slug) {
      if (req.uid === UID.catalogEntry && (await query(req.uid).count({ where: { documentId: req.documentId, publishedAt: { $notNull: true } } })) > 0) {
        issues.push(issue('slug', 'cannot change once the entry has been published: its public URL must stay the same'));
      }
      if (req.uid === UID.column) {
        const previous = Array.isArray(stored.previousSlugs) ? (stored.previousSlugs as string[]) : [];
        data.previousSlugs = [...previous.filter((s) => s !== values.slug), String(stored.slug)];
      }
    }
  };

  const guardIndexNumber = (req: WriteRequest, stored: Row | null, issues: FieldIssue[]) => {
    if (req.uid !== UID.catalogEntry || isSystemWrite()) return;
    if (req.action === 'clone') {
      req.data.indexNumber = null;
      return;
    }
    if (!('indexNumber' in req.data)) return;
    const incoming = blank(req.data.indexNumber) ? null : req.data.indexNumber;
    const current = blank(stored?.indexNumber) ? null : stored?.indexNumber;
    if (incoming !== current) {
      issues.push(issue('indexNumber', '索引号 is assigned when the entry is first published and cannot be set or changed by hand'));
    }
  };

  const guardAnnualReportUniqueness = async (req: WriteRequest, values: Values, stored: Row | null, locale: string, issues: FieldIssue[]) => {
    if (req.uid !== UID.annualReport) return;
    const incomingOrg = await resolveDocumentId(UID.organization, toOneTarget(req.data.organization));
    const organization = incomingOrg !== undefined ? incomingOrg : stored ? await storedRelation(UID.annualReport, stored.id, 'organization') : null;
    if (!organization) {
      issues.push(issue('organization', 'an annual report belongs to an organization (发布机构)'));
      return;
    }
    if (typeof values.year !== 'number') return; // Strapi's own validator reports the missing year
    const where: Values = { year: values.year, locale, organization: { documentId: organization } };
    if (req.documentId) where.documentId = { $ne: req.documentId };
    if ((await query(UID.annualReport).count({ where })) > 0) {
      issues.push(issue('year', `this organization already has a ${values.year} report in locale ${locale}; edit that one instead`));
    }
  };

  /** A new entry without a 发布机构 takes the one of its first column (it is needed for the 索引号). */
  const completeOrganization = async (req: WriteRequest) => {
    if (req.uid !== UID.catalogEntry || req.action !== 'create' || toOneTarget(req.data.organization)) return;
    const [first] = connectedTargets(req.data.columns);
    if (!first) return;
    const where = 'documentId' in first ? { documentId: first.documentId, ...(req.locale ? { locale: req.locale } : {}) } : { id: first.id };
    const column = (await query(UID.column).findOne({ where, populate: { organization: { select: ['documentId'] } } })) as
      | { organization?: { documentId: string } | null }
      | null;
    if (column?.organization) req.data.organization = column.organization.documentId;
  };

  return {
    isGuarded(uid: string): boolean {
      return uid in RULES;
    },

    /** Checks the write and fills in what the plugin derives (slug, column slug history); throws a ValidationError. */
    async check(req: WriteRequest): Promise<void> {
      const locale = req.locale ?? DEFAULT_LOCALE;
      const stored = req.documentId && req.action !== 'clone' ? await findStored(req.uid, req.documentId, req.locale) : null;
      const source = req.action === 'clone' && req.documentId ? await findStored(req.uid, req.documentId, req.locale) : null;
      if (req.action === 'clone') {
        delete req.data.slug;
        req.documentId = undefined;
      }
      await completeOrganization(req);
      if (req.uid === UID.catalogEntry && typeof req.data.documentNumber === 'string' && req.data.documentNumber.trim() !== '') {
        req.data.documentNumber = normalizeDocumentNumber(req.data.documentNumber);
      }
      const values: Values = { ...(source ?? {}), ...(stored ?? {}), ...req.data };
      const issues = [...RULES[req.uid](values)];
      guardIndexNumber(req, stored, issues);
      await completeSlug(req, { ...values, slug: req.data.slug ?? (req.action === 'clone' ? null : values.slug) }, stored, issues);
      await guardAnnualReportUniqueness(req, values, stored ?? source, locale, issues);
      throwIfIssues(issues);
    },
  };
};

export default writeGuard;
export type WriteGuardService = ReturnType<typeof writeGuard>;
