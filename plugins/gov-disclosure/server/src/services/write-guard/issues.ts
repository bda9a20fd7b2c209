/**
 * What is wrong with a write, as issues naming each field: the content type's own rules, the
 * read-only 索引号, unique and (once published) fixed slugs, one report per organization, year
 * and locale, 政策解读 links on both sides, the 主题分类 an entry is filed under, and cells the
 * report form no longer has. It reads; it changes nothing.
 */
import { UID } from '../../../../shared/constants';
import { issue, type FieldIssue } from '../../../../shared/domain/field-issue';
import {
  annualReportIssues,
  catalogEntryIssues,
  columnIssues,
  INTERPRETATION,
  interpretationIssues,
  organizationIssues,
  retiredCellIssues,
  subjectCategoryIssues,
  type LinkedEntry,
} from '../../domain/content-rules';
import { wordingRuleIssues } from '../../../../shared/domain/wording-check';
import { toManyChange, toOneTarget } from '../../utils/relations';
import { isSystemWrite } from '../../utils/write-context';
import type { WriteLookups } from './lookups';
import { blank, type Row, type Values, type WriteRequest } from './types';

export const RULES: Record<string, (values: Values) => FieldIssue[]> = {
  [UID.organization]: organizationIssues,
  [UID.column]: columnIssues,
  [UID.catalogEntry]: catalogEntryIssues,
  [UID.annualReport]: annualReportIssues,
  [UID.wordingRule]: (values) => wordingRuleIssues(values),
};

export interface WriteFacts {
  req: WriteRequest;
  /** The stored row with the write applied. */
  values: Values;
  stored: Row | null;
  /** The row a clone copies. */
  cloned: Row | null;
  locale: string;
  /** The slug the write gives or keeps, before the plugin makes one for a blank (a made one is unique). */
  slug: unknown;
}

export const writeIssues = (lookups: WriteLookups) => {
  const indexNumberIssues = ({ req, stored }: WriteFacts): FieldIssue[] => {
    if (req.uid !== UID.catalogEntry || isSystemWrite() || req.action === 'clone' || !('indexNumber' in req.data)) return [];
    const incoming = blank(req.data.indexNumber) ? null : req.data.indexNumber;
    const current = blank(stored?.indexNumber) ? null : stored?.indexNumber;
    return incoming === current ? [] : [issue('indexNumber', '索引号 is assigned when the entry is first published and cannot be set or changed by hand')];
  };

  const slugIssues = async ({ req, stored, slug }: WriteFacts): Promise<FieldIssue[]> => {
    if (blank(slug)) return [];
    const changed = stored && stored.slug !== slug;
    if ((!stored || changed) && (await lookups.slugTaken(req.uid, req.documentId)(String(slug)))) {
      return [issue('slug', `"${String(slug)}" is already used by another document; slugs are unique`)];
    }
    if (
      changed &&
      stored?.slug &&
      req.uid === UID.catalogEntry &&
      (await lookups.count(req.uid, { documentId: req.documentId, publishedAt: { $notNull: true } })) > 0
    ) {
      return [issue('slug', 'cannot change once the entry has been published: its public URL must stay the same')];
    }
    return [];
  };

  const reportUniquenessIssues = async ({ req, values, stored, cloned, locale }: WriteFacts): Promise<FieldIssue[]> => {
    if (req.uid !== UID.annualReport) return [];
    const row = stored ?? cloned;
    const incomingOrg = await lookups.resolveDocumentId(UID.organization, toOneTarget(req.data.organization));
    const organization = incomingOrg !== undefined ? incomingOrg : row ? await lookups.storedRelation(UID.annualReport, row.id, 'organization') : null;
    if (!organization) return [issue('organization', 'an annual report belongs to an organization (发布机构)')];
    if (typeof values.year !== 'number') return []; // Strapi's own validator reports the missing year
    const where: Values = { year: values.year, locale, organization: { documentId: organization } };
    if (req.documentId) where.documentId = { $ne: req.documentId };
    return (await lookups.count(UID.annualReport, where)) > 0
      ? [issue('year', `this organization already has a ${values.year} report in locale ${locale}; edit that one instead`)]
      : [];
  };

  /**
   * 政策解读 links, judged on both sides of the one relation: what this entry interprets, and the
   * interpretations pointing at it (the Content Manager can edit either side). A partial write is
   * judged on the links it leaves in place, read from this locale's draft (links belong to each
   * locale's row, so a new localization starts with none).
   */
  const interpretationLinkIssues = async ({ req, values, stored, cloned, locale }: WriteFacts): Promise<FieldIssue[]> => {
    if (req.uid !== UID.catalogEntry) return [];
    const own = req.action === 'clone' ? cloned : stored?.locale === locale ? stored : req.documentId ? await lookups.entryDraft(req.documentId, locale) : null;
    // An update that changes neither the genre nor a link cannot change the verdict.
    const touched = 'genre' in req.data || [req.data.interprets, req.data.interpretations].some((v) => toManyChange(v).kind !== 'untouched');
    if (req.action === 'update' && own && !touched) return [];
    // one after the other: inside a transaction both would queue on its single connection
    const wasInterpreting = await lookups.storedTargets(UID.catalogEntry, own, 'interprets');
    const wasInterpretedBy = await lookups.storedTargets(UID.catalogEntry, own, 'interpretations');
    const interprets = await lookups.targetsAfter(UID.catalogEntry, req.data.interprets, wasInterpreting);
    const interpretedBy = await lookups.targetsAfter(UID.catalogEntry, req.data.interpretations, wasInterpretedBy);
    // This document may be linked to itself: its genre is the one being written.
    const withOwnGenre = (entries: LinkedEntry[]) => entries.map((e) => (e.documentId === req.documentId ? { ...e, genre: values.genre } : e));
    const unlinked = await lookups.linkedEntries(
      wasInterpretedBy.filter((d) => !interpretedBy.includes(d)),
      locale
    );
    const stranded: LinkedEntry[] = [];
    for (const e of unlinked.filter((u) => u.genre === INTERPRETATION)) {
      // eslint-disable-next-line no-await-in-loop -- rarely more than one
      const rest = (await lookups.storedTargets(UID.catalogEntry, await lookups.entryDraft(e.documentId, locale), 'interprets')).filter(
        (d) => d !== req.documentId
      );
      if (rest.length === 0) stranded.push(e);
    }
    return interpretationIssues({
      genre: values.genre,
      interprets: withOwnGenre(await lookups.linkedEntries(interprets, locale)),
      interpretedBy: withOwnGenre(await lookups.linkedEntries(interpretedBy, locale)),
      stranded,
    });
  };

  /**
   * The 主题分类 is checked when a write chooses it. An agency adding sub-categories under a leaf
   * later should not lock every entry already filed there out of unrelated edits; those entries
   * meet the rule again when someone picks their category.
   */
  const subjectCategoryWriteIssues = async ({ req }: WriteFacts): Promise<FieldIssue[]> => {
    const ref = req.uid === UID.catalogEntry ? toOneTarget(req.data.subjectCategory) : null;
    const facts = ref ? await lookups.categoryFacts(ref) : null;
    return facts ? subjectCategoryIssues(facts) : [];
  };

  const retiredIssues = ({ req, values, stored, cloned }: WriteFacts): FieldIssue[] =>
    req.uid === UID.annualReport && 'statistics' in req.data
      ? retiredCellIssues(String(values.template ?? ''), req.data.statistics, (stored ?? cloned)?.statistics)
      : [];

  /** Every issue of the write, in the order a clerk reads the form. */
  return async (facts: WriteFacts): Promise<FieldIssue[]> => [
    ...RULES[facts.req.uid](facts.values),
    ...indexNumberIssues(facts),
    ...retiredIssues(facts),
    ...(await slugIssues(facts)),
    ...(await reportUniquenessIssues(facts)),
    ...(await interpretationLinkIssues(facts)),
    ...(await subjectCategoryWriteIssues(facts)),
  ];
};
