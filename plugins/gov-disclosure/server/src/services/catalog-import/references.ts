/**
 * What the catalog already holds, as the import needs to know it in both passes: rows of the file
 * imported before (skipped on a rerun) or colliding with another entry, and the entries a 解读对象
 * names.
 */
import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, UID } from '../../../../shared/constants';
import type { CatalogImportIssue } from '../../../../shared/types';
import type { ImportRow } from '../../domain/catalog-file';
import { isPublicEntry } from '../../domain/public-visibility';
import { chunksOf, isoDate, joinTableOf, tableOf } from '../../utils/sql';
import type { InterpretedTarget, Knex, Organization } from './types';

export const entriesTable = (strapi: Core.Strapi) => tableOf(strapi, UID.catalogEntry);

/** Keys that identify an already imported row: its 索引号, or its title, date and 文号. */
export const contentKey = (v: { title: string; publishedDate: string | null; documentNumber: string | null }) =>
  `${v.title}\u0000${v.publishedDate ?? ''}\u0000${v.documentNumber ?? ''}`;

/**
 * Which of these rows are already in the catalog (skip), and which collide with a different entry
 * (error). A 索引号 is unique in the whole catalog; title, date and 文号 only within the organization
 * (two agencies publish their annual reports under the same title on the same day).
 */
export const existing = async (strapi: Core.Strapi, db: Knex, org: Organization, rows: ImportRow[]) => {
  const numbers = rows.map((r) => r.values.indexNumber).filter((n): n is string => Boolean(n));
  const titles = rows.filter((r) => !r.values.indexNumber).map((r) => r.values.title);
  const byNumber = new Map<string, { title: string; document_id: string }>();
  for (const chunk of chunksOf(numbers)) {
    // eslint-disable-next-line no-await-in-loop
    const found = (await db(entriesTable(strapi))
      .whereIn('index_number', chunk)
      .whereNull('published_at')
      .select('index_number', 'title', 'document_id', 'locale')) as Array<{
      index_number: string;
      title: string;
      document_id: string;
      locale: string;
    }>;
    // every locale of a document carries its 索引号; the import compares with the default locale's title
    for (const f of found) if (f.locale === DEFAULT_LOCALE || !byNumber.has(f.index_number)) byNumber.set(f.index_number, f);
  }
  const keys = new Set<string>();
  const link = joinTableOf(strapi, UID.catalogEntry, 'organization');
  for (const chunk of chunksOf(titles)) {
    // eslint-disable-next-line no-await-in-loop
    const found = (await db(`${entriesTable(strapi)} as e`)
      .join(`${link.name} as ol`, `ol.${link.joinColumn.name}`, 'e.id')
      .where(`ol.${link.inverseJoinColumn.name}`, org.id)
      .where('e.locale', DEFAULT_LOCALE)
      .whereNull('e.published_at')
      .whereIn('e.title', chunk)
      .select('e.title', 'e.published_date', 'e.document_number')) as Array<{ title: string; published_date: unknown; document_number: string | null }>;
    for (const f of found) keys.add(contentKey({ title: f.title, publishedDate: isoDate(f.published_date), documentNumber: f.document_number }));
  }
  const skip = new Set<number>();
  const issues: CatalogImportIssue[] = [];
  for (const r of rows) {
    const n = r.values.indexNumber;
    if (n && byNumber.has(n)) {
      if (byNumber.get(n)!.title === r.values.title) skip.add(r.row);
      else issues.push({ row: r.row, column: '索引号', message: `${n} is already the 索引号 of «${byNumber.get(n)!.title}»`, severity: 'error' });
    } else if (!n && keys.has(contentKey(r.values))) skip.add(r.row);
  }
  return { skip, issues };
};

/**
 * The entries an interpretation names (by 索引号 or 文号): document ids with their draft and live
 * row ids, whether they are public when live, and 'ambiguous' where a 文号 names several documents.
 */
export const interpretedTargets = async (strapi: Core.Strapi, db: Knex, refs: string[]) => {
  const found = refs.length
    ? ((await db(entriesTable(strapi))
        .where('locale', DEFAULT_LOCALE)
        .where((b) => b.whereIn('index_number', refs).orWhereIn('document_number', refs))
        .select('id', 'document_id', 'index_number', 'document_number', 'published_at', 'genre', 'disclosure_mode', 'disclosure_scope')) as Array<{
        id: number;
        document_id: string;
        index_number: string | null;
        document_number: string | null;
        published_at: unknown;
        genre: string;
        disclosure_mode: string;
        disclosure_scope: string;
      }>)
    : [];
  const asked = new Set(refs);
  const byRef = new Map<string, InterpretedTarget | 'ambiguous'>();
  for (const f of found) {
    for (const ref of [f.index_number, f.document_number].filter((x): x is string => x !== null && asked.has(x))) {
      const known = byRef.get(ref);
      if (known === 'ambiguous') continue;
      if (known && known.documentId !== f.document_id) {
        byRef.set(ref, 'ambiguous');
        continue;
      }
      const target = known ?? { genre: f.genre, documentId: f.document_id, isPublic: false };
      if (f.published_at) {
        target.live = f.id;
        target.isPublic = isPublicEntry({ disclosureMode: f.disclosure_mode, disclosureScope: f.disclosure_scope });
      } else target.draft = f.id;
      byRef.set(ref, target);
    }
  }
  return byRef;
};
