/**
 * The public catalog's terms index on SQLite (an FTS5 table; services/catalog-search.ts keeps it):
 * one row per live public entry holding its text grams and its filter values as tokens, every
 * token scoped by the entry's locale, with the entry's place in the catalog's newest-first order as
 * its rowid. Any catalog question — words, filters or both — is then one MATCH whose results come
 * in the catalog's order and are counted without leaving the index. bench:portal's 1,200 catalog
 * URLs (100,000 entries): words 2.6 → 0.9 ms and filters 2.6 → 0.6 ms on average, the slowest
 * 23 → 4.6 ms, against joining the text matches to the search table and sorting them.
 */
import { ftsColumns, ftsMatchExpression, gramToken, searchTerms } from '../../../shared/domain/search-text';
import type { PublicParams } from './public-params';

/** The catalog's filter values, as the search table holds them. */
export interface CatalogFacets {
  organization_document_id: string | null;
  subject_code: string | null;
  subject_top_code: string | null;
  genre: string;
  validity: string;
  document_kind: string;
  published_year: number | null;
}

/** A row of the search table. */
export interface CatalogSearchRecord extends CatalogFacets {
  entry_id: number;
  document_id: string;
  locale: string;
  published_date: string | null;
  search_text: string;
}

/** The public catalog's question, with the organization resolved from its slug to its documentId. */
export type CatalogQuery = Pick<PublicParams, 'q' | 'subject' | 'genre' | 'validity' | 'documentKind' | 'year'> & { locale: string; organization?: string };

const FACET_LETTERS: Record<keyof CatalogFacets, string> = {
  organization_document_id: 'o',
  subject_code: 's',
  subject_top_code: 't',
  genre: 'g',
  validity: 'v',
  document_kind: 'k',
  published_year: 'y',
};

/** The query's filters as (search table column, value): which column each filter reads, for both databases. */
export const facetFilters = (query: CatalogQuery): Array<[keyof CatalogFacets, string | number]> => {
  const filters: Array<[keyof CatalogFacets, string | number | undefined]> = [
    ['organization_document_id', query.organization],
    // Codes are two-level by shape (09, 09.02): a top-level code takes its children's entries too.
    [query.subject?.includes('.') ? 'subject_code' : 'subject_top_code', query.subject],
    ['genre', query.genre],
    ['validity', query.validity],
    ['document_kind', query.documentKind],
    ['published_year', query.year],
  ];
  return filters.filter((f): f is [keyof CatalogFacets, string | number] => f[1] !== undefined && f[1] !== '');
};

const ID_SPAN = 2 ** 32;
const DAY_MS = 86_400_000;
// SQLite's descending order puts entries without a date after every dated one: below any real day.
const UNDATED_DAY = -(2 ** 20);
// day × 2^32 + id stays an exact double (2^53) up to day 2^21 (the year 7711)
const LAST_DAY = 2 ** 21 - 1;

/**
 * An entry's place in the catalog's order (published date, then id, both descending) as one
 * integer: the rowid of its terms row, so FTS5 hands matches over newest first.
 */
export const orderKey = (publishedDate: string | null, entryId: number): number => {
  if (!Number.isInteger(entryId) || entryId < 0 || entryId >= ID_SPAN) throw new RangeError(`entry id ${entryId} does not fit the catalog's order key`);
  const day = publishedDate ? Math.min(LAST_DAY, Math.floor(Date.parse(`${publishedDate.slice(0, 10)}T00:00:00Z`) / DAY_MS)) : UNDATED_DAY;
  return (Number.isNaN(day) ? UNDATED_DAY : day) * ID_SPAN + entryId;
};

/** The entry id inside an order key. */
export const entryIdOf = (key: number): number => ((key % ID_SPAN) + ID_SPAN) % ID_SPAN;

/** A locale's prefix of every token: its entries share no token with another locale's. */
const scopeOf = (locale: string) => `l${gramToken(locale)}w`;

const facetToken = (scope: string, column: keyof CatalogFacets, value: string | number) => `${scope}f${FACET_LETTERS[column]}${gramToken(String(value))}`;

/** Every entry of a locale carries this token: the question with no words and no filter. */
const everyEntryToken = (scope: string) => `${scope}a`;

/** The terms row of a search table row. */
export const termsRow = (record: CatalogSearchRecord): { rowid: number; bigrams: string; chars: string; facets: string } => {
  const scope = scopeOf(record.locale);
  const facets = (Object.keys(FACET_LETTERS) as Array<keyof CatalogFacets>)
    .filter((column) => record[column] !== null && record[column] !== undefined && record[column] !== '')
    .map((column) => facetToken(scope, column, record[column] as string | number));
  return {
    rowid: orderKey(record.published_date, record.entry_id),
    ...ftsColumns(record.search_text, scope),
    facets: [everyEntryToken(scope), ...facets].join(' '),
  };
};

/** The MATCH expression of a catalog question: every filter, every word, in the query's locale. */
export const termsMatch = (query: CatalogQuery): string => {
  const scope = scopeOf(query.locale);
  const parts = facetFilters(query).map(([column, value]) => `facets : ${facetToken(scope, column, value)}`);
  const terms = query.q ? searchTerms(query.q) : [];
  if (terms.length > 0) parts.push(ftsMatchExpression(terms, scope));
  return parts.length > 0 ? parts.join(' AND ') : `facets : ${everyEntryToken(scope)}`;
};
