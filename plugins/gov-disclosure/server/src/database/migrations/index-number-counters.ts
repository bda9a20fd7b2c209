import type { Migration } from '../migration';

/**
 * Counters for 索引号 serials: one row per organization and period (year, or year+month), locked by
 * the publishing transaction while it draws a number.
 */
export const indexNumberCounters: Migration = {
  name: '2026.11.25T01.00.00.index-number-counters',
  async up(knex) {
    if (await knex.schema.hasTable('gov_disclosure_index_counters')) return;
    await knex.schema.createTable('gov_disclosure_index_counters', (t) => {
      t.string('organization_document_id', 255).notNullable();
      t.string('period', 6).notNullable();
      t.integer('last_serial').notNullable();
      t.primary(['organization_document_id', 'period']);
    });
  },
};
