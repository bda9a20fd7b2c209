/**
 * The SQL of the portal's hot reads (services/portal.ts runs it through services/read-sql.ts):
 * what Strapi's query engine built for them, written once, with table and link names taken from
 * Strapi's metadata of the app the plugin runs in. Every read of entries goes through
 * PUBLIC_ENTRY_SQL, the one rule of what the public may see.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../shared/constants';
import { PUBLIC_ENTRY_SQL } from '../domain/public-visibility';
import { MAX_PAGE_SIZE } from '../domain/public-params';
import { joinTableOf, tableOf } from './sql';
import { LISTING_TABLE } from '../services/column-listings';

interface MorphTable {
  name: string;
  joinColumn: { name: string };
  morphColumn: { typeColumn: { name: string }; idColumn: { name: string } };
}

/** Columns of an entry's summary, aliased as the query engine names them, and its organization's. */
const SUMMARY_COLUMNS = `e.id, e.document_id AS "documentId", e.slug, e.title, e.summary, e.index_number AS "indexNumber",
  e.published_date AS "publishedDate", e.genre, o.slug AS "organizationSlug", o.name AS "organizationName"`;

/** The names SUMMARY_COLUMNS gives its columns. */
const SUMMARY_FIELDS = ['id', 'documentId', 'slug', 'title', 'summary', 'indexNumber', 'publishedDate', 'genre', 'organizationSlug', 'organizationName'];

/**
 * A JSON array of the rows of `from`, one object of `fields` each, ordered by its columns
 * `orderBy` (ascending): PostgreSQL's json_agg, SQLite's json_group_array (ORDER BY inside since
 * 3.44). The aggregate sorts by the columns itself: numbering the rows with row_number() first
 * was a second sort, and the entry page's statement took 0.41 ms on SQLite with it, 0.24 without
 * (its row alone: 0.04).
 */
const jsonRowsOf = (client: string) => (fields: string[], from: string, orderBy: string[]) => {
  const pairs = fields.map((f) => `'${f}', r."${f}"`).join(', ');
  const order = orderBy.map((c) => `r."${c}"`).join(', ');
  return client === 'postgres'
    ? `(SELECT coalesce(json_agg(json_build_object(${pairs}) ORDER BY ${order}), '[]'::json) FROM (${from}) r)`
    : `(SELECT json_group_array(json_object(${pairs}) ORDER BY ${order}) FROM (${from}) r)`;
};

/**
 * A page size written into the statement: PostgreSQL's plan for an unknown LIMIT assumed a tenth
 * of the column, so it planned every column page again for its values (0.87 ms a page, 0.43 with
 * the plan kept). A whole number up to MAX_PAGE_SIZE, one statement each; never text from a request.
 */
const pageLimit = (limit: number): number => {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
    throw new RangeError(`page size ${limit} is not a whole number from 1 to ${MAX_PAGE_SIZE}`);
  return limit;
};

/** How an entry may be asked for: one indexed equality each (an OR over them defeats SQLite's indexes). */
export type EntryKey = 'slug' | 'documentId' | 'indexNumber';
const KEY_COLUMNS: Record<EntryKey, string> = { slug: 'e.slug', documentId: 'e.document_id', indexNumber: 'e.index_number' };

const build = (strapi: Core.Strapi) => {
  const entries = tableOf(strapi, UID.catalogEntry);
  const org = joinTableOf(strapi, UID.catalogEntry, 'organization');
  const subject = joinTableOf(strapi, UID.catalogEntry, 'subjectCategory');
  const columnLink = joinTableOf(strapi, UID.catalogEntry, 'columns');
  const files = (strapi.db.metadata.get('plugin::upload.file' as never) as unknown as { tableName: string; attributes: { related: { joinTable: MorphTable } } })
    .tableName;
  const morph = (strapi.db.metadata.get('plugin::upload.file' as never) as unknown as { attributes: { related: { joinTable: MorphTable } } }).attributes.related
    .joinTable;
  const organizationJoin = `LEFT JOIN ${org.name} ol ON ol.${org.joinColumn.name} = e.id
    LEFT JOIN ${tableOf(strapi, UID.organization)} o ON o.id = ol.${org.inverseJoinColumn.name}`;
  // one text per (shape, page size), built once: the hot path only looks it up
  const pages = new Map<string, string>();
  const columnPage = (from: string, limit: number): string => {
    const key = `${from}|${limit}`;
    let text = pages.get(key);
    if (!text) {
      text = columnPageText(from, pageLimit(limit));
      pages.set(key, text);
    }
    return text;
  };
  const columnPageText = (from: string, limit: number) => `SELECT ${SUMMARY_COLUMNS} FROM (
        SELECT entry_id, published_date FROM ${LISTING_TABLE}
        WHERE column_id = ? AND locale = ? ${from}
        ORDER BY published_date DESC, entry_id DESC LIMIT ${limit} OFFSET ?
      ) l
      JOIN ${entries} e ON e.id = l.entry_id
      ${organizationJoin}
      WHERE ${PUBLIC_ENTRY_SQL}
      ORDER BY l.published_date DESC, l.entry_id DESC`;
  /**
   * The live entries an entry (its id `of`) interprets or is interpreted by, as summaries;
   * `linkOrder` is their place in the editor's order.
   */
  const related = (attribute: 'interprets' | 'interpretations', of: string) => {
    const link = joinTableOf(strapi, UID.catalogEntry, attribute) as ReturnType<typeof joinTableOf> & { orderColumnName: string };
    return `SELECT ${SUMMARY_COLUMNS}, r.${link.orderColumnName} AS "linkOrder" FROM ${link.name} r
      JOIN ${entries} e ON e.id = r.${link.inverseJoinColumn.name}
      ${organizationJoin}
      WHERE r.${link.joinColumn.name} = ${of} AND e.locale = ? AND ${PUBLIC_ENTRY_SQL}`;
  };
  const jsonRows = jsonRowsOf(strapi.db.dialect.client);
  /** The entry's lists beside its row: one statement, where five round trips each queued for a pooled connection on PostgreSQL. */
  const withLists = (entry: string) => `SELECT x.*,
      ${jsonRows(
        ['slug', 'name'],
        `SELECT c.slug, c.name, c.sort_order AS "sortOrder", c.id FROM ${columnLink.name} cl
        JOIN ${tableOf(strapi, UID.column)} c ON c.id = cl.${columnLink.inverseJoinColumn.name}
        WHERE cl.${columnLink.joinColumn.name} = x.id`,
        ['sortOrder', 'id']
      )} AS "columns",
      ${jsonRows(
        ['name', 'url', 'mime', 'size'],
        `SELECT f.name, f.url, f.mime, f.size, m."order" AS "linkOrder", f.id FROM ${morph.name} m
        JOIN ${files} f ON f.id = m.${morph.joinColumn.name}
        WHERE m.${morph.morphColumn.idColumn.name} = x.id AND m.${morph.morphColumn.typeColumn.name} = ? AND m.field = 'attachments'`,
        ['linkOrder', 'id']
      )} AS "attachments",
      ${jsonRows(SUMMARY_FIELDS, related('interprets', 'x.id'), ['linkOrder', 'id'])} AS "interprets",
      ${jsonRows(SUMMARY_FIELDS, related('interpretations', 'x.id'), ['linkOrder', 'id'])} AS "interpretations"
    FROM (${entry}) x`;

  return {
    /** (column, locale) → how many entries it lists. */
    columnSize: `SELECT count(*) AS total FROM ${LISTING_TABLE} WHERE column_id = ? AND locale = ?`,

    /**
     * (column, locale, offset) → a page of `limit` of its summaries, newest first. The page is cut
     * from the listing's index alone, then joined: joining first would read every skipped row's entry.
     */
    columnPage: (limit: number) => columnPage('', limit),

    /**
     * (column, locale, column, locale, column, locale, skip) → the sort keys of the first row and of
     * every (skip + 1)-th after it, in order: where deep pages start. Each is found from the one
     * before by an index range of `skip` rows, in one statement (one round trip on PostgreSQL, where
     * a round trip per anchor queued behind busy connections for seconds).
     */
    columnAnchors: `WITH RECURSIVE anchors(n, entry_id, published_date) AS (
        SELECT 0, entry_id, published_date FROM (
          SELECT entry_id, published_date FROM ${LISTING_TABLE} WHERE column_id = ? AND locale = ?
          ORDER BY published_date DESC, entry_id DESC LIMIT 1
        ) f
        UNION ALL
        SELECT a.n + 1, l.entry_id, l.published_date FROM anchors a
        JOIN ${LISTING_TABLE} l ON l.column_id = ? AND l.locale = ? AND l.entry_id = (
          SELECT s.entry_id FROM ${LISTING_TABLE} s
          WHERE s.column_id = ? AND s.locale = ? AND (s.published_date, s.entry_id) < (a.published_date, a.entry_id)
          ORDER BY s.published_date DESC, s.entry_id DESC LIMIT 1 OFFSET ?
        )
      )
      SELECT published_date AS "publishedDate", entry_id AS "entryId" FROM anchors ORDER BY n`,

    /** (column, locale) → a row when some entry it lists has no date. */
    columnUndated: `SELECT 1 AS undated FROM ${LISTING_TABLE} WHERE column_id = ? AND locale = ? AND published_date IS NULL LIMIT 1`,

    /** (column, locale, anchor date, anchor id, offset) → a page of `limit` counted from an anchor row on. */
    columnPageFrom: (limit: number) => columnPage('AND (published_date, entry_id) <= (?, ?)', limit),

    /** (locale, ...ids) → the summaries of these live public entries, in no order. */
    summaries: (count: number) => `SELECT ${SUMMARY_COLUMNS} FROM ${entries} e
      ${organizationJoin}
      WHERE e.id IN (${Array(count).fill('?').join(', ')}) AND e.locale = ? AND ${PUBLIC_ENTRY_SQL}`,

    /**
     * (entry uid, locale, locale, key, locale) → the live public entry with its organization and
     * subject, and as JSON arrays (text on SQLite) its columns, its attachments and the live entries
     * it interprets and that interpret it, each in its order.
     */
    entry: (key: EntryKey) =>
      withLists(`SELECT ${SUMMARY_COLUMNS}, e.document_number AS "documentNumber", e.written_date AS "writtenDate", e.validity,
          e.keywords, e.disclosure_mode AS "disclosureMode", e.body,
          s.code AS "subjectCode", s.name AS "subjectName", s.name_en AS "subjectNameEn"
        FROM ${entries} e
        ${organizationJoin}
        LEFT JOIN ${subject.name} sl ON sl.${subject.joinColumn.name} = e.id
        LEFT JOIN ${tableOf(strapi, UID.subjectCategory)} s ON s.id = sl.${subject.inverseJoinColumn.name}
        WHERE ${KEY_COLUMNS[key]} = ? AND e.locale = ? AND ${PUBLIC_ENTRY_SQL}
        LIMIT 1`),
  };
};

const built = new WeakMap<Core.Strapi, ReturnType<typeof build>>();

export const portalSql = (strapi: Core.Strapi): ReturnType<typeof build> => {
  let sql = built.get(strapi);
  if (!sql) {
    sql = build(strapi);
    built.set(strapi, sql);
  }
  return sql;
};
