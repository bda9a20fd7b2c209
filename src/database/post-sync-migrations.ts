import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

/**
 * Runs database/migrations/*.js once each, in name order, after Strapi has synced its tables.
 *
 * Strapi's own runner executes user migrations before the schema sync, so on a fresh database the
 * tables a custom index needs do not exist yet. These files hold what Strapi's schema cannot
 * express (partial unique indexes, trigram and full-text indexes); Strapi keeps indexes it did not
 * create. Each file runs in a transaction with its bookkeeping row; on PostgreSQL an advisory lock
 * keeps two instances starting together from running the same file twice.
 */
const TABLE = 'app_post_sync_migrations';
const LOCK_KEY = 4_200_731; // any constant shared by every instance of this app

type Knex = Core.Strapi['db']['connection'];

interface MigrationModule {
  up(knex: Knex, context: { client: string }): Promise<void>;
}

export const migrationsDir = (strapi: Core.Strapi) => path.join(strapi.dirs.app.root, 'database', 'migrations');

export const runPostSyncMigrations = async (strapi: Core.Strapi): Promise<string[]> => {
  const dir = migrationsDir(strapi);
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort() : [];
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;

  if (!(await knex.schema.hasTable(TABLE))) {
    await knex.schema
      .createTable(TABLE, (t) => {
        t.string('name', 255).primary();
        t.timestamp('ran_at').notNullable().defaultTo(knex.fn.now());
      })
      .catch(async (error: unknown) => {
        if (!(await knex.schema.hasTable(TABLE))) throw error; // another instance created it first
      });
  }

  const ran: string[] = [];
  for (const file of files) {
    // eslint-disable-next-line no-await-in-loop -- migrations run one after another, in order
    await knex.transaction(async (trx) => {
      if (client === 'postgres') await trx.raw('SELECT pg_advisory_xact_lock(?)', [LOCK_KEY]);
      if (await trx(TABLE).where({ name: file }).first()) return;
      // eslint-disable-next-line @typescript-eslint/no-var-requires, global-require -- files are discovered at run time
      const migration = require(path.join(dir, file)) as MigrationModule;
      await migration.up(trx as unknown as Knex, { client });
      await trx(TABLE).insert({ name: file });
      ran.push(file);
    });
  }
  return ran;
};
