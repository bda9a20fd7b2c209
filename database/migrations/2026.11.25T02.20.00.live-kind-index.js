'use strict';

/**
 * The annual report's table 二 counts regulations and normative documents: an index of live
 * entries by kind lets that count read only those rows.
 */
module.exports = {
  async up(knex) {
    await knex.raw(`CREATE INDEX IF NOT EXISTS gd_catalog_live_kind_idx
      ON gov_disclosure_catalog_entries (locale, document_kind)
      WHERE published_at IS NOT NULL`);
  },
};
