'use strict';

/**
 * The public catalog walks live (published) entries newest first: a partial index holding only the
 * live rows, in that order, lets page 1 read a few dozen index entries instead of sorting them all.
 */
module.exports = {
  async up(knex) {
    await knex.raw(`CREATE INDEX IF NOT EXISTS gd_catalog_live_list_idx
      ON gov_disclosure_catalog_entries (locale, published_date DESC, id DESC)
      WHERE published_at IS NOT NULL`);
  },
};
