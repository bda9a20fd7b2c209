import type { Migration } from '../migration';

/**
 * Imports started from the admin panel, kept in the database so that any instance behind a load
 * balancer can confirm one and report its progress: the job (its dry-run report, status, progress,
 * heartbeat) and the uploaded file in parts, dropped when the import ends.
 */
export const importJobs: Migration = {
  name: '2026.11.25T04.00.00.import-jobs',
  async up(knex) {
    if (!(await knex.schema.hasTable('gov_disclosure_import_jobs'))) {
      await knex.schema.createTable('gov_disclosure_import_jobs', (t) => {
        t.string('id', 36).primary();
        t.integer('owner_id').notNullable();
        t.string('file_name', 255).notNullable();
        t.string('format', 8).notNullable();
        t.string('organization', 255).notNullable();
        t.boolean('publish').notNullable();
        t.string('status', 16).notNullable();
        t.text('report', 'longtext').notNullable();
        t.integer('progress_done').notNullable().defaultTo(0);
        t.integer('progress_total').notNullable().defaultTo(0);
        t.text('result', 'longtext');
        t.text('error');
        // milliseconds since the epoch; updated_at is the running instance's heartbeat
        t.bigInteger('created_at').notNullable();
        t.bigInteger('updated_at').notNullable();
        t.bigInteger('finished_at');
      });
    }
    if (!(await knex.schema.hasTable('gov_disclosure_import_file_parts'))) {
      await knex.schema.createTable('gov_disclosure_import_file_parts', (t) => {
        t.string('job_id', 36).notNullable();
        t.integer('part').notNullable();
        t.binary('data').notNullable();
        t.primary(['job_id', 'part']);
      });
    }
  },
};
