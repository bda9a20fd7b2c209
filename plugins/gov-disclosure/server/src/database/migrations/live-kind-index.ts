import type { Migration } from '../migration';

/**
 * The annual report's table 二 counts regulations and normative documents: an index of live
 * entries by kind lets that count read only those rows.
 */
export const liveKindIndex: Migration = {
  name: '2026.11.25T02.20.00.live-kind-index',
  async up(knex) {
    await knex.raw(`CREATE INDEX IF NOT EXISTS gd_catalog_live_kind_idx
      ON gov_disclosure_catalog_entries (locale, document_kind)
      WHERE published_at IS NOT NULL`);
  },
};
