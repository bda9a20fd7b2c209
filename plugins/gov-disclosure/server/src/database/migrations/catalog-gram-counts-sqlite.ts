import type { Migration } from '../migration';

/**
 * SQLite keeps the gram counts too (domain/catalog-gram-counts.ts): counting a one-term search in
 * its terms index was most of the search (特种设备 at 100,000 entries: 2.2 ms of 3.1). Counted from
 * the search table at the next start, as on PostgreSQL (catalog-search.rebuildIfEmpty).
 */
export const catalogGramCountsSqlite: Migration = {
  name: '2026.12.05T00.00.00.catalog-gram-counts-sqlite',
  async up(knex, { client }) {
    if (client === 'postgres') return;
    await knex.raw(`CREATE TABLE IF NOT EXISTS gov_disclosure_catalog_gram_counts (
      locale varchar(20) NOT NULL,
      gram text NOT NULL,
      entries integer NOT NULL,
      PRIMARY KEY (locale, gram)
    ) WITHOUT ROWID`);
  },
};
