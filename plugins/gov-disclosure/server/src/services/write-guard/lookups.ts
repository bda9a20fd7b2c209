/**
 * What the write guard reads to judge a write: the stored row, relation targets before and after
 * the write, linked entries, slug collisions, a subject category's place in the tree.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../shared/constants';
import type { LinkedEntry, SubjectCategoryFacts } from '../../domain/content-rules';
import { contentTypeOf, rowsOf } from '../../utils/query';
import { toManyChange, type TargetRef } from '../../utils/relations';
import type { Row, Values } from './types';

export const writeLookups = (strapi: Core.Strapi) => {
  const query = (uid: string) => rowsOf(strapi, uid);

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

  return {
    hasDraftAndPublish,
    findStored,
    resolveDocumentId,
    storedRelation,
    storedTargets,
    targetsAfter,
    entryDraft,
    linkedEntries,
    slugTaken,
    categoryFacts,
    count: (uid: string, where: Values) => query(uid).count({ where }),
  };
};

export type WriteLookups = ReturnType<typeof writeLookups>;
