import type { Migration } from '../migration';

/**
 * 索引号 is unique: no two published rows, and no two draft rows, of one locale share it.
 * (Draft and published rows of the same document carry the same number, hence two partial indexes.)
 * Both PostgreSQL and SQLite support partial unique indexes with this syntax.
 */
export const catalogIndexNumberUnique: Migration = {
  name: '2026.11.25T00.00.00.catalog-index-number-unique',
  async up(knex) {
    await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS gd_catalog_index_number_published_uq
      ON gov_disclosure_catalog_entries (index_number, locale)
      WHERE published_at IS NOT NULL AND index_number IS NOT NULL`);
    await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS gd_catalog_index_number_draft_uq
      ON gov_disclosure_catalog_entries (index_number, locale)
      WHERE published_at IS NULL AND index_number IS NOT NULL`);
  },
};
