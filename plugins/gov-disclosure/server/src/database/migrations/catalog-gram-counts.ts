import type { Migration } from '../migration';

/**
 * PostgreSQL: how many live public entries of a locale hold each gram of one to four characters
 * (domain/catalog-gram-counts.ts), kept by services/catalog-search.ts in the transaction that
 * changes the search table. Counted from the search table at the next start
 * (catalog-search.rebuildIfEmpty), once across instances. SQLite's comes in a later migration
 * (catalog-gram-counts-sqlite.ts).
 */
export const catalogGramCounts: Migration = {
  name: '2026.12.04T18.00.00.catalog-gram-counts',
  async up(knex, { client }) {
    if (client !== 'postgres') return;
    await knex.raw(`CREATE TABLE IF NOT EXISTS gov_disclosure_catalog_gram_counts (
      locale varchar(20) NOT NULL,
      gram text NOT NULL,
      entries integer NOT NULL,
      PRIMARY KEY (locale, gram)
    )`);
  },
};
