import type { Migration } from '../migration';

/**
 * Scheduled work (a publication at a set time, the validity sweep, the register's reminders), kept
 * in the database so that behind a load balancer every instance sees the same queue and each job
 * runs once: an instance claims a due job by taking a lease (owner and expiry); a lease whose
 * holder died expires and the job is claimed again. (kind, key) names the job's subject, so
 * scheduling it again moves it instead of adding a second.
 */
export const jobs: Migration = {
  name: '2026.12.02T22.00.00.jobs',
  async up(knex) {
    if (await knex.schema.hasTable('gov_disclosure_jobs')) return;
    await knex.schema.createTable('gov_disclosure_jobs', (t) => {
      t.increments('id').primary();
      t.string('kind', 64).notNullable();
      t.string('job_key', 255).notNullable();
      t.text('payload').notNullable();
      // pending | running | done | failed
      t.string('status', 16).notNullable();
      // milliseconds since the epoch, as the import jobs keep time
      t.bigInteger('run_at').notNullable();
      t.integer('attempts').notNullable().defaultTo(0);
      t.text('last_error');
      t.string('lease_owner', 64);
      t.bigInteger('lease_until');
      t.bigInteger('created_at').notNullable();
      t.bigInteger('updated_at').notNullable();
      t.bigInteger('finished_at');
      t.unique(['kind', 'job_key']);
      t.index(['status', 'run_at']);
    });
  },
};
