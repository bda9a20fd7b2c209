/**
 * Small helpers for the plugin's hand-written SQL: where Strapi keeps a content type's table and
 * link tables, rows of a raw query on either database, dates as YYYY-MM-DD, and batching.
 */
import type { Core } from '@strapi/strapi';

/** A relation's link table, as Strapi's metadata describes it. */
export interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

type MetadataUid = Parameters<Core.Strapi['db']['metadata']['get']>[0];

export const tableOf = (strapi: Core.Strapi, uid: string): string => strapi.db.metadata.get(uid as MetadataUid).tableName;

export const joinTableOf = (strapi: Core.Strapi, uid: string, attribute: string): JoinTable =>
  (strapi.db.metadata.get(uid as MetadataUid).attributes as unknown as Record<string, { joinTable: JoinTable }>)[attribute].joinTable;

/** The rows of knex.raw: an array on SQLite, { rows } on PostgreSQL. */
export const rawRows = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/** A date column's value as YYYY-MM-DD, whatever form the driver returns it in (text or Date). */
export const isoDate = (v: unknown): string | null => (v ? (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10) : null);

/**
 * Rows per multi-row statement: knex writes SQLite's multi-row insert as one compound SELECT,
 * limited to 500 terms, and both databases limit bound parameters.
 */
export const SQL_BATCH = 200;

export const chunksOf = <T>(list: T[], size = SQL_BATCH): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

type Transaction = Parameters<Parameters<Core.Strapi['db']['connection']['transaction']>[0]>[0];

/**
 * Holds a named lock until the transaction ends. Instances booting together on one PostgreSQL
 * would otherwise fill the same derived table at once and the second would fail on its primary
 * key; SQLite already allows one writer per file.
 */
export const lockUntilCommit = async (strapi: Core.Strapi, trx: Transaction, name: string): Promise<void> => {
  if (strapi.db.dialect.client === 'postgres') await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [name]);
};

/**
 * Runs a query in the caller's transaction when there is one (Strapi's transaction context), else
 * in a transaction of its own: a read beside a running transaction would wait forever on SQLite's
 * single connection (a job's handler runs inside its job's transaction).
 */
export const inCallerTransaction =
  (strapi: Core.Strapi) =>
  <T>(query: (knex: Core.Strapi['db']['connection']) => Promise<T>): Promise<T> =>
    strapi.db.transaction(({ trx }) => query(trx as unknown as Core.Strapi['db']['connection'])) as unknown as Promise<T>;
