/**
 * The SQL of the public reads. Building each statement through the query builder and preparing it
 * again cost more than running it (bench:portal's profile: 0.3–0.7 ms of knex and Strapi's
 * database layer per statement, against tens of microseconds of SQLite), so the portal's hot reads
 * are plain SQL, run here:
 * - on SQLite through a read-only connection of their own, each statement prepared once. It sees
 *   only committed rows — never a publication half-way through its transaction — and never waits
 *   for the app's single connection while an editor's transaction holds it;
 * - on PostgreSQL through the app's pool, as named statements: each connection parses and plans
 *   one once (the server planned every statement again: the portal's entry page, five joins, spent
 *   more time planning than running). At most `publicReadConnections` of them run at once, the
 *   rest wait here: ten busy backends on a two-core server spent 1.65–1.70 ms of its CPU per
 *   request where four spent 1.31–1.35 (bench:portal's uncached mix, 556/594 → 631/659 req/s),
 *   and the app's other work keeps the rest of the pool.
 * Statements are written with `?` placeholders (none inside a literal); callers pass only values, never SQL.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import pLimit from 'p-limit';

interface SqliteStatement {
  all(...params: unknown[]): unknown[];
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  pragma(source: string): unknown;
  close(): void;
}
type SqliteDriver = new (filename: string, options: { readonly: boolean; fileMustExist: boolean }) => SqliteDatabase;

interface PgConnection {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}
/** The pool of the knex client under Strapi's database layer. */
interface KnexClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

/** `?` placeholders as PostgreSQL's $1, $2… */
const positional = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${(n += 1)}`);
};
/** A statement with a name: each connection parses and plans it once. */
const postgresStatement = (sql: string) => ({ name: `gd_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`, text: positional(sql) });

const READ_CACHE_KIB = 64 * 1024;
const READ_MMAP_BYTES = 1024 * 1024 * 1024;

/** Distinct statements kept prepared; the portal's are a few dozen, the catalog's filter combinations a few hundred. */
const MAX_PREPARED = 1000;

const readSql = ({ strapi }: { strapi: Core.Strapi }) => {
  let sqlite: SqliteDatabase | null | undefined;
  const prepared = new Map<string, SqliteStatement>();
  const named = new Map<string, { name: string; text: string }>();
  const postgresTurn = pLimit(Number(strapi.plugin('gov-disclosure').config('publicReadConnections') ?? 4));

  /** The read-only connection, or null where there is none to open (PostgreSQL, an in-memory database). */
  const readConnection = (): SqliteDatabase | null => {
    if (sqlite !== undefined) return sqlite;
    const { client } = strapi.db.dialect;
    const filename = (strapi.db.config.connection.connection as { filename?: string } | undefined)?.filename;
    if (client !== 'sqlite' || !filename || filename === ':memory:') return (sqlite = null);
    const Driver = (strapi.db.connection.client as unknown as { driver: SqliteDriver }).driver;
    sqlite = new Driver(filename, { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
    // The public reads wander over the whole catalog (a crawler walks every entry): SQLite's default
    // 2 MB page cache re-read most pages from the file; the file mapped and a larger cache keep them.
    sqlite.pragma(`cache_size = -${READ_CACHE_KIB}`);
    sqlite.pragma(`mmap_size = ${READ_MMAP_BYTES}`);
    return sqlite;
  };

  /** A named statement, or an unnamed one that PostgreSQL plans for the values of each call. */
  const postgresQuery = (sql: string, planEach: boolean): { name?: string; text: string } => {
    if (planEach) return { text: positional(sql) };
    let statement = named.get(sql);
    if (!statement) {
      if (named.size >= MAX_PREPARED) named.clear();
      statement = postgresStatement(sql);
      named.set(sql, statement);
    }
    return statement;
  };

  /**
   * Whether the app's connections compile plans (PostgreSQL's `jit`, on by default, and a server
   * built with it): asked once, and again after a failed question. This app turns it off for its
   * pool (config/database.ts); another app may not.
   */
  let compiling: Promise<boolean> | undefined;
  const compiles = (connection: PgConnection) =>
    (compiling ??= connection
      .query({ text: "SELECT coalesce(current_setting('jit', true) = 'on' AND pg_jit_available(), false) AS on", values: [] })
      .then((r) => Boolean((r.rows[0] as { on: boolean } | undefined)?.on))
      .catch(() => {
        compiling = undefined;
        return false;
      }));

  /**
   * Ends the statement's own transaction. A connection that cannot say so goes back to the pool
   * marked broken (knex's own mark, as its PostgreSQL client sets on a connection error): the pool
   * is the app's, and its next user must never find itself inside this transaction.
   */
  const endTransaction = async (connection: PgConnection, command: 'COMMIT' | 'ROLLBACK') => {
    try {
      await connection.query({ text: command, values: [] });
    } catch (error) {
      (connection as PgConnection & { __knex__disposed?: unknown }).__knex__disposed = error;
    }
  };

  /** The statement with compiling off for itself alone, in a transaction of its own. */
  const withoutCompiling = async <T>(connection: PgConnection, run: () => Promise<T>): Promise<T> => {
    let result: T;
    try {
      await connection.query({ text: 'BEGIN; SET LOCAL jit = off', values: [] });
      result = await run();
    } catch (error) {
      await endTransaction(connection, 'ROLLBACK');
      throw error;
    }
    await endTransaction(connection, 'COMMIT');
    return result;
  };

  return {
    /**
     * The rows of a statement. `planEach`: on PostgreSQL, plan it for the values of each call. A
     * named statement gets a generic plan after five calls, and where the values decide the plan
     * (the catalog's filters, from a few hundred rows to half the table) the generic one was a
     * sequential scan: a subject and year count 9 → 64 ms.
     * `withoutJit`: on a PostgreSQL connection that compiles plans, run it with compiling off for
     * itself alone (in a transaction of its own): a plan whose estimated cost is high but whose
     * work is bounded (a capped count) pays more to compile than to run.
     */
    async all<T>(
      sql: string,
      bindings: ReadonlyArray<string | number | null> = [],
      { planEach = false, withoutJit = false }: { planEach?: boolean; withoutJit?: boolean } = {}
    ): Promise<T[]> {
      const db = readConnection();
      if (!db && strapi.db.dialect.client === 'postgres') {
        const statement = postgresQuery(sql, planEach);
        const client = strapi.db.connection.client as unknown as KnexClient;
        return postgresTurn(async () => {
          const connection = await client.acquireConnection();
          try {
            const run = async () => (await connection.query({ ...statement, values: [...bindings] })).rows as T[];
            return withoutJit && (await compiles(connection)) ? await withoutCompiling(connection, run) : await run();
          } finally {
            await client.releaseConnection(connection);
          }
        });
      }
      if (!db) {
        const result = (await strapi.db.connection.raw(sql, bindings as Array<string | number | null>)) as { rows: T[] } | T[];
        return Array.isArray(result) ? result : result.rows;
      }
      let statement = prepared.get(sql);
      if (!statement) {
        if (prepared.size >= MAX_PREPARED) prepared.clear();
        statement = db.prepare(sql);
        prepared.set(sql, statement);
      }
      return statement.all(...bindings) as T[];
    },

    async first<T>(sql: string, bindings: ReadonlyArray<string | number | null> = []): Promise<T | null> {
      return (await this.all<T>(sql, bindings))[0] ?? null;
    },

    close(): void {
      prepared.clear();
      sqlite?.close();
      sqlite = undefined;
    },
  };
};

export default readSql;
export type ReadSqlService = ReturnType<typeof readSql>;
