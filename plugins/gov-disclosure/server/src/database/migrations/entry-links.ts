import type { Migration } from '../migration';

/**
 * The portal links each live entry's body holds (services/entry-links.ts): written when the entry
 * is published or withdrawn, so the inspection page can list links to pages the portal no longer
 * serves without reading every body.
 */
export const entryLinks: Migration = {
  name: '2026.12.03T13.00.00.entry-links',
  async up(knex) {
    if (await knex.schema.hasTable('gov_disclosure_entry_links')) return;
    await knex.schema.createTable('gov_disclosure_entry_links', (t) => {
      t.string('document_id', 255).notNullable();
      t.string('locale', 20).notNullable();
      t.integer('entry_id').notNullable();
      t.string('href', 2000).notNullable();
      // entry | column
      t.string('target_kind', 16).notNullable();
      t.string('target_key', 255).notNullable();
      t.index(['document_id'], 'gd_entry_links_document_idx');
      t.index(['target_kind', 'target_key'], 'gd_entry_links_target_idx');
    });
  },
};
