import type { Migration } from '../migration';

/**
 * What each column lists publicly (see services/column-listings.ts):
 * its index makes any page of any column an index range, and its count an index count.
 */
export const columnListings: Migration = {
  name: '2026.11.25T02.10.00.column-listings',
  async up(knex) {
    if (await knex.schema.hasTable('gov_disclosure_column_listings')) return;
    await knex.schema.createTable('gov_disclosure_column_listings', (t) => {
      t.integer('column_id').notNullable();
      t.string('locale', 20).notNullable();
      t.date('published_date').nullable();
      t.integer('entry_id').notNullable();
      t.string('document_id', 255).notNullable();
      t.primary(['column_id', 'entry_id']);
      t.index(['document_id'], 'gd_column_listings_document_idx');
    });
    await knex.raw(`CREATE INDEX gd_column_listings_page_idx
      ON gov_disclosure_column_listings (column_id, locale, published_date DESC, entry_id DESC)`);
  },
};
