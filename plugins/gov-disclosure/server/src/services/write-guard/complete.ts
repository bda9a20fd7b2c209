/**
 * What the plugin fills in on a write before judging it: a clone's reset fields, a new entry's
 * 发布机构 from its first column, the 文号's brackets normalised, a slug made from the name or title,
 * a renamed column's former slugs (so old links redirect). It changes the request; it judges nothing.
 */
import { UID } from '../../../../shared/constants';
import { normalizeDocumentNumber } from '../../../../shared/domain/document-number';
import { toSlug, uniqueSlug } from '../../domain/slug';
import { connectedTargets, toOneTarget } from '../../utils/relations';
import { rowsOf } from '../../utils/query';
import { isSystemWrite } from '../../utils/write-context';
import type { Core } from '@strapi/strapi';
import type { WriteLookups } from './lookups';
import { blank, type Row, type WriteRequest } from './types';

/** Field a slug is made from when none is given. */
export const SLUG_SOURCE: Record<string, string> = {
  [UID.organization]: 'name',
  [UID.column]: 'name',
  [UID.catalogEntry]: 'title',
};

export const writeCompletion = (strapi: Core.Strapi, lookups: WriteLookups) => {
  /** A new entry without a 发布机构 takes the one of its first column (it is needed for the 索引号). */
  const completeOrganization = async (req: WriteRequest) => {
    if (req.uid !== UID.catalogEntry || req.action !== 'create' || toOneTarget(req.data.organization)) return;
    const [first] = connectedTargets(req.data.columns);
    if (!first) return;
    const where = 'documentId' in first ? { documentId: first.documentId, ...(req.locale ? { locale: req.locale } : {}) } : { id: first.id };
    const column = (await rowsOf(strapi, UID.column).findOne({ where, populate: { organization: { select: ['documentId'] } } })) as {
      organization?: { documentId: string } | null;
    } | null;
    if (column?.organization) req.data.organization = column.organization.documentId;
  };

  /** A blank slug is made from the name or title (unless another locale already gave the document one). */
  const completeSlug = async (req: WriteRequest, stored: Row | null, cloned: Row | null) => {
    const field = SLUG_SOURCE[req.uid];
    const slug = req.data.slug ?? (req.action === 'clone' ? null : stored?.slug);
    if (!field || !blank(slug) || stored?.slug) return;
    const base = toSlug(String(req.data[field] ?? stored?.[field] ?? cloned?.[field] ?? ''));
    req.data.slug = await uniqueSlug(base, lookups.slugTaken(req.uid, req.documentId));
  };

  /** A column keeps the slugs it had, so links to its old address still find it. */
  const rememberColumnSlug = (req: WriteRequest, stored: Row | null) => {
    if (req.uid !== UID.column || !stored?.slug || blank(req.data.slug) || req.data.slug === stored.slug) return;
    const previous = Array.isArray(stored.previousSlugs) ? (stored.previousSlugs as string[]) : [];
    req.data.previousSlugs = [...previous.filter((s) => s !== req.data.slug), String(stored.slug)];
  };

  /** Completes the request in place; `stored` is the row it changes, `cloned` the one a clone copies. */
  return async (req: WriteRequest, stored: Row | null, cloned: Row | null): Promise<void> => {
    if (req.action === 'clone') {
      delete req.data.slug;
      req.documentId = undefined;
      // a copy is a new document: it gets its own 索引号 when it is published
      if (req.uid === UID.catalogEntry && !isSystemWrite()) req.data.indexNumber = null;
    }
    await completeOrganization(req);
    if (req.uid === UID.catalogEntry && typeof req.data.documentNumber === 'string' && req.data.documentNumber.trim() !== '') {
      req.data.documentNumber = normalizeDocumentNumber(req.data.documentNumber);
    }
    await completeSlug(req, stored, cloned);
    rememberColumnSlug(req, stored);
  };
};
