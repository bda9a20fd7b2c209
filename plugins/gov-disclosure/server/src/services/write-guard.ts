/**
 * Validates and completes every write to the plugin's content types, whichever door it comes
 * through (Content Manager, plugin routes, Document Service): cross-field rules, generated and
 * unique slugs, read-only 索引号, one annual report per organization, year and locale, 政策解读
 * links and the 主题分类 an entry is filed under.
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
  INTERPRETATION,
  interpretationIssues,
  interpretationPublishIssues,
  policyWithdrawIssues,
  organizationIssues,
  retiredCellIssues,
  subjectCategoryIssues,
  type LinkedEntry,
  type SubjectCategoryFacts,
} from '../domain/content-rules';
import { toSlug, uniqueSlug } from '../domain/slug';
import { normalizeDocumentNumber } from '../../../shared/domain/document-number';
import { connectedTargets, toManyChange, toOneTarget, type TargetRef } from '../utils/relations';
import { isSystemWrite } from '../utils/write-context';
import { publicWhere } from '../domain/public-visibility';
import { contentTypeOf } from '../utils/query';

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

  const hasDraftAndPublish = (uid: string) => contentTypeOf(strapi, uid)?.options?.draftAndPublish === true;

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
      (Row & Record<string, { documentId: string } | null>) | null;
    return row?.[field]?.documentId ?? null;
  };

  /** documentIds of relation targets, looking up the ones given by row id. */
  const documentIdsOf = async (uid: string, refs: TargetRef[]): Promise<string[]> => {
    const ids = refs.flatMap((r) => ('id' in r ? [r.id] : []));
    const rows = ids.length > 0 ? ((await query(uid).findMany({ where: { id: { $in: ids } }, select: ['id', 'documentId'] })) as Row[]) : [];
    const byId = new Map(rows.map((r) => [r.id, r.documentId]));
    return refs.map((r) => ('documentId' in r ? r.documentId : byId.get(r.id))).filter((d): d is string => Boolean(d));
  };

  /** documentIds a to-many relation of this row points at. */
  const storedTargets = async (uid: string, row: Row | null, field: string): Promise<string[]> => {
    if (!row) return [];
    const found = (await query(uid).findOne({ where: { id: row.id }, populate: { [field]: { select: ['documentId'] } } })) as
      (Row & Record<string, Array<{ documentId: string }> | undefined>) | null;
    return (found?.[field] ?? []).map((t) => t.documentId);
  };

  /** What a to-many relation points at once the write is applied to what it points at now. */
  const targetsAfter = async (uid: string, value: unknown, current: string[]): Promise<string[]> => {
    const change = toManyChange(value);
    if (change.kind === 'untouched') return current;
    if (change.kind === 'set') return [...new Set(await documentIdsOf(uid, change.targets))];
    const disconnected = new Set(await documentIdsOf(uid, change.disconnect));
    return [...new Set([...current.filter((d) => !disconnected.has(d)), ...(await documentIdsOf(uid, change.connect))])];
  };

  const entryDraft = async (documentId: string, locale: string) =>
    (await query(UID.catalogEntry).findOne({ where: { documentId, locale, publishedAt: null } })) as Row | null;

  /** Title and genre of these entries' drafts: the title of this locale where there is one (the genre is shared by all locales). */
  const linkedEntries = async (documentIds: string[], locale: string): Promise<LinkedEntry[]> => {
    if (documentIds.length === 0) return [];
    const rows = (await query(UID.catalogEntry).findMany({
      where: { documentId: { $in: documentIds }, publishedAt: null },
      select: ['documentId', 'locale', 'title', 'genre'],
    })) as Row[];
    const byDocument = new Map<string, Row>();
    for (const r of rows) if (!byDocument.has(r.documentId) || r.locale === locale) byDocument.set(r.documentId, r);
    return documentIds.flatMap((documentId) => {
      const r = byDocument.get(documentId);
      return r ? [{ documentId, title: String(r.title), genre: r.genre }] : [];
    });
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
    const column = (await query(UID.column).findOne({ where, populate: { organization: { select: ['documentId'] } } })) as {
      organization?: { documentId: string } | null;
    } | null;
    if (column?.organization) req.data.organization = column.organization.documentId;
  };

  /**
   * 政策解读 links, judged on both sides of the one relation: what this entry interprets, and the
   * interpretations pointing at it (the Content Manager can edit either side). A partial write is
   * judged on the links it leaves in place, read from this locale's draft (links belong to each
   * locale's row, so a new localization starts with none).
   */
  const guardInterpretationLinks = async (req: WriteRequest, values: Values, stored: Row | null, source: Row | null, locale: string, issues: FieldIssue[]) => {
    if (req.uid !== UID.catalogEntry) return;
    const own = req.action === 'clone' ? source : stored?.locale === locale ? stored : req.documentId ? await entryDraft(req.documentId, locale) : null;
    // An update that changes neither the genre nor a link cannot change the verdict.
    const touched = 'genre' in req.data || [req.data.interprets, req.data.interpretations].some((v) => toManyChange(v).kind !== 'untouched');
    if (req.action === 'update' && own && !touched) return;
    // one after the other: inside a transaction both would queue on its single connection
    const wasInterpreting = await storedTargets(UID.catalogEntry, own, 'interprets');
    const wasInterpretedBy = await storedTargets(UID.catalogEntry, own, 'interpretations');
    const interprets = await targetsAfter(UID.catalogEntry, req.data.interprets, wasInterpreting);
    const interpretedBy = await targetsAfter(UID.catalogEntry, req.data.interpretations, wasInterpretedBy);
    // This document may be linked to itself: its genre is the one being written.
    const withOwnGenre = (entries: LinkedEntry[]) => entries.map((e) => (e.documentId === req.documentId ? { ...e, genre: values.genre } : e));
    const unlinked = await linkedEntries(
      wasInterpretedBy.filter((d) => !interpretedBy.includes(d)),
      locale
    );
    const stranded: LinkedEntry[] = [];
    for (const e of unlinked.filter((u) => u.genre === INTERPRETATION)) {
      // eslint-disable-next-line no-await-in-loop -- rarely more than one
      const rest = (await storedTargets(UID.catalogEntry, await entryDraft(e.documentId, locale), 'interprets')).filter((d) => d !== req.documentId);
      if (rest.length === 0) stranded.push(e);
    }
    issues.push(
      ...interpretationIssues({
        genre: values.genre,
        interprets: withOwnGenre(await linkedEntries(interprets, locale)),
        interpretedBy: withOwnGenre(await linkedEntries(interpretedBy, locale)),
        stranded,
      })
    );
  };

  /** What the 主题分类 rule needs to know about a category: its place in the tree and the top level above it. */
  const categoryFacts = async (ref: TargetRef): Promise<SubjectCategoryFacts | null> => {
    type CategoryRow = { id: number; code: string; name: string; parent?: { id: number } | null; children?: Array<{ id: number }> };
    const find = async (where: Values) =>
      (await query(UID.subjectCategory).findOne({
        where,
        select: ['id', 'code', 'name'],
        populate: { parent: { select: ['id'] }, children: { select: ['id'] } },
      })) as CategoryRow | null;
    const category = await find('documentId' in ref ? { documentId: ref.documentId } : { id: ref.id });
    if (!category) return null; // Strapi itself refuses a relation to nothing
    let top = category;
    const seen = new Set([top.id]);
    while (top.parent && !seen.has(top.parent.id)) {
      seen.add(top.parent.id);
      // eslint-disable-next-line no-await-in-loop -- the list is two levels deep
      const up = await find({ id: top.parent.id });
      if (!up) break;
      top = up;
    }
    return {
      code: category.code,
      name: category.name,
      hasParent: Boolean(category.parent),
      hasChildren: (category.children ?? []).length > 0,
      topCode: top.code,
    };
  };

  /**
   * The 主题分类 is checked when a write chooses it. An agency adding sub-categories under a leaf
   * later should not lock every entry already filed there out of unrelated edits; those entries
   * meet the rule again when someone picks their category.
   */
  const guardSubjectCategory = async (req: WriteRequest, issues: FieldIssue[]) => {
    if (req.uid !== UID.catalogEntry) return;
    const ref = toOneTarget(req.data.subjectCategory);
    if (!ref) return;
    const facts = await categoryFacts(ref);
    if (facts) issues.push(...subjectCategoryIssues(facts));
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
      if (req.uid === UID.annualReport && 'statistics' in req.data) {
        issues.push(...retiredCellIssues(String(values.template ?? ''), req.data.statistics, (stored ?? source)?.statistics));
      }
      await completeSlug(req, { ...values, slug: req.data.slug ?? (req.action === 'clone' ? null : values.slug) }, stored, issues);
      await guardAnnualReportUniqueness(req, values, stored ?? source, locale, issues);
      await guardInterpretationLinks(req, values, stored, source, locale, issues);
      await guardSubjectCategory(req, issues);
      throwIfIssues(issues);
    },

    /**
     * Before a catalog entry is published (inside the workflow's transaction): a 政策解读 goes live
     * only when a policy document it interprets is live and public, so its page never points nowhere.
     */
    async checkPublish(uid: string, documentId: string, locale: string): Promise<void> {
      if (uid !== UID.catalogEntry) return;
      const draft = await entryDraft(documentId, locale);
      if (!draft) return;
      // publishing dates an undated entry today, which a 成文日期 still in the future would follow
      throwIfIssues(catalogEntryIssues(draft));
      if (draft.genre !== INTERPRETATION) return;
      const targets = await storedTargets(uid, draft, 'interprets');
      const live = targets.length === 0 ? 0 : await query(uid).count({ where: { ...publicWhere(locale), documentId: { $in: targets } } });
      throwIfIssues(interpretationPublishIssues(draft.genre, live));
    },

    /** Refuses to withdraw a policy document while a live 政策解读 explains it alone. */
    async checkWithdraw(uid: string, documentId: string, locale: string): Promise<void> {
      if (uid !== UID.catalogEntry) return;
      // live rows link to live rows: the interpretations' other live policies are their populated targets
      const interpreters = (await query(uid).findMany({
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
