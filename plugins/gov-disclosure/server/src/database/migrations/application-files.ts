import type { Migration } from '../migration';

/**
 * Files of an application for disclosure: the applicant's identity documents and attachments from
 * the portal, and the office's reply documents. Each file is sealed with the applicant data key
 * (AES-256-GCM, services/applicant-key.ts) before it is written, so a database dump without the key
 * holds no identity document; name, type and size stay readable for the register's lists.
 */
export const applicationFiles: Migration = {
  name: '2026.12.03T06.00.00.application-files',
  async up(knex) {
    if (await knex.schema.hasTable('gov_disclosure_application_files')) return;
    await knex.schema.createTable('gov_disclosure_application_files', (t) => {
      t.increments('id').primary();
      t.string('application_document_id', 100).notNullable().index();
      // identity | attachment | reply
      t.string('kind', 16).notNullable();
      t.string('file_name', 255).notNullable();
      t.string('mime', 100).notNullable();
      // bytes before sealing
      t.integer('size').notNullable();
      t.binary('sealed').notNullable();
      // milliseconds since the epoch, as the plugin's other tables keep time
      t.bigInteger('created_at').notNullable();
    });
  },
};
