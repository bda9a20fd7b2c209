/** The public catalog's search tables (created by database/migrations/catalog-search.ts, catalog-terms.ts, catalog-gram-counts.ts). */
export const SEARCH_TABLE = 'gov_disclosure_catalog_search';
/** SQLite: the FTS5 terms index beside the search table (domain/catalog-terms.ts). */
export const TERMS_TABLE = 'gov_disclosure_catalog_terms';
/** Live public entries per (locale, gram of one to four characters): domain/catalog-gram-counts.ts. */
export const GRAM_COUNTS_TABLE = 'gov_disclosure_catalog_gram_counts';
