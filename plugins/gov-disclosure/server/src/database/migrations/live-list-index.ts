import type { Migration } from '../migration';

/**
 * The public catalog walks live (published) entries newest first: a partial index holding only the
 * live rows, in that order, lets page 1 read a few dozen index entries instead of sorting them all.
 */
export const liveListIndex: Migration = {
  name: '2026.11.25T02.00.00.live-list-index',
  async up(knex) {
    await knex.raw(`CREATE INDEX IF NOT EXISTS gd_catalog_live_list_idx
      ON gov_disclosure_catalog_entries (locale, published_date DESC, id DESC)
      WHERE published_at IS NOT NULL`);
  },
};
