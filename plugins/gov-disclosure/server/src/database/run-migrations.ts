import type { Core } from '@strapi/strapi';
import { MIGRATIONS } from './migrations';
import type { Knex, Migration } from './migration';

/**
 * Creates and upgrades what the plugin keeps beside Strapi's own tables (index-number counters,
 * column listings, the catalog search index, import jobs) and the indexes Strapi's schema cannot
 * express (partial unique indexes, GIN and FTS5). Runs after Strapi has synced its tables (Strapi's
 * own migration runner runs before the sync, when the tables these need do not exist yet), each
 * migration once per database, in a transaction with its bookkeeping row; on PostgreSQL an
 * advisory lock keeps instances starting together from running one twice. Strapi keeps tables and
 * indexes it did not create.
 */
const TABLE = 'gov_disclosure_migrations';
const LOCK_KEY = 4_200_731; // any constant shared by every instance

const ensureBookkeeping = async (knex: Knex) => {
  if (await knex.schema.hasTable(TABLE)) return;
  await knex.schema
    .createTable(TABLE, (t) => {
      t.string('name', 255).primary();
      t.timestamp('ran_at').notNullable().defaultTo(knex.fn.now());
    })
    .catch(async (error: unknown) => {
      if (!(await knex.schema.hasTable(TABLE))) throw error; // another instance created it first
    });
};

export const runMigrations = async (strapi: Core.Strapi, migrations: Migration[] = MIGRATIONS): Promise<string[]> => {
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  await ensureBookkeeping(knex);
  const ran: string[] = [];
  for (const migration of migrations) {
    // eslint-disable-next-line no-await-in-loop -- migrations run one after another, in order
    await knex.transaction(async (trx) => {
      if (client === 'postgres') await trx.raw('SELECT pg_advisory_xact_lock(?)', [LOCK_KEY]);
      if (await trx(TABLE).where({ name: migration.name }).first()) return;
      await migration.up(trx as unknown as Knex, { client });
      await trx(TABLE).insert({ name: migration.name });
      ran.push(migration.name);
    });
  }
  return ran;
};
