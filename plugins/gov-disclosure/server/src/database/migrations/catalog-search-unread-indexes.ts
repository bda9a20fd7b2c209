import type { Migration } from '../migration';

const FILTERS = ['organization_document_id', 'subject_code', 'subject_top_code', 'genre', 'validity', 'document_kind', 'published_year'];

/**
 * Indexes of the search table that no question reads any more, dropped: each was written on every
 * publish, withdraw and imported row for nothing.
 * - SQLite asks every catalog question of its terms index (catalog-terms.ts); the search table is
 *   read only by document (refresh) and by entry (rebuild), so its order index and its seven filter
 *   indexes go.
 * - PostgreSQL asks a year as a range of the published date (services/catalog-search.ts, matching):
 *   alone it is a range of the order index, with another filter a range of that filter's index, so
 *   the published_year index goes. The column stays: SQLite's terms carry the year from it.
 */
export const catalogSearchUnreadIndexes: Migration = {
  name: '2026.12.04T14.30.00.catalog-search-unread-indexes',
  async up(knex, { client }) {
    const unread = client === 'postgres' ? ['published_year'] : FILTERS;
    for (const column of unread) {
      // eslint-disable-next-line no-await-in-loop
      await knex.raw(`DROP INDEX IF EXISTS gd_catalog_search_${column}_idx`);
    }
    if (client !== 'postgres') await knex.raw('DROP INDEX IF EXISTS gd_catalog_search_order_idx');
  },
};
