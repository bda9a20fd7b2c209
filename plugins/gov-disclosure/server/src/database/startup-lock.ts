/**
 * Instances starting together on one PostgreSQL take turns through start-up. Strapi syncs its
 * schema with no lock of its own (two instances on an empty database race it: strapi/strapi#27567),
 * and the bootstraps after it create roles, locales and categories once per database. The first
 * instance holds a session advisory lock on a connection of its own from the plugin's register
 * (before the sync) until its bootstrap has finished; the others wait for it, then find the
 * schema current and their sync a no-op. None listens for requests before its schema is current,
 * because Strapi listens only after bootstrap. A process that dies drops the connection and, with
 * it, the lock. SQLite has one instance and needs no turn.
 */
import type { Core } from '@strapi/strapi';

/**
 * Any constant shared by every instance (not the migrations' key, which this process takes inside
 * the turn), with the schema: apps on other schemas of the same database do not wait for this one.
 */
const LOCK_KEY = 4_200_732;
const LOCK = `${LOCK_KEY}, hashtext($1)`;

interface PgConnection {
  query(sql: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

interface PoolClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

interface StartupLock {
  release(): Promise<void>;
}

/** The turn each Strapi instance of this process holds between its register and its bootstrap. */
const turns = new WeakMap<Core.Strapi, StartupLock>();

const take = async (strapi: Core.Strapi): Promise<StartupLock | null> => {
  if (strapi.db.dialect.client !== 'postgres') return null;
  const pool = strapi.db.connection.client as unknown as PoolClient;
  const connection = await pool.acquireConnection();
  const schema = [strapi.db.getSchemaName() ?? 'public'];
  const tried = await connection.query(`SELECT pg_try_advisory_lock(${LOCK}) AS ok`, schema);
  if (!tried.rows[0]?.ok) {
    strapi.log.info('[gov-disclosure] another instance is starting on this database; waiting for its schema changes to finish');
    const started = Date.now();
    await connection.query(`SELECT pg_advisory_lock(${LOCK})`, schema);
    strapi.log.info(`[gov-disclosure] start-up turn taken after ${Date.now() - started} ms`);
  }
  let held = true;
  return {
    async release() {
      if (!held) return;
      held = false;
      try {
        await connection.query(`SELECT pg_advisory_unlock(${LOCK})`, schema);
      } finally {
        await pool.releaseConnection(connection);
      }
    },
  };
};

/** In register: waits until no other instance is starting on this database. */
export const beginStartup = async (strapi: Core.Strapi): Promise<void> => {
  const turn = await take(strapi);
  if (turn) turns.set(strapi, turn);
};

/** At the end of bootstrap (and on destroy, should start-up fail): the next instance may start. */
export const endStartup = async (strapi: Core.Strapi): Promise<void> => {
  const turn = turns.get(strapi);
  turns.delete(strapi);
  await turn?.release();
};
