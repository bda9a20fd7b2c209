/**
 * The public catalog's search table: one row per live, public entry with the values the catalog
 * filters on, and its title, keywords and 文号 normalized for substring search. Kept in step by the
 * publish and withdraw transitions inside their transaction, like the column listings; rebuilt in
 * batches after a bulk load. On PostgreSQL each filter plus the newest-first order is one index
 * range and text goes through a GIN index of character grams (shared/domain/search-text); on
 * SQLite every question is one MATCH of the terms index beside the table (domain/catalog-terms).
 * On both, a search for one short term without filters reads its count from the gram counts
 * beside the table (domain/catalog-gram-counts).
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../shared/constants';
import { chunksOf, isoDate, joinTableOf, lockUntilCommit, rawRows, tableOf } from '../utils/sql';
import { requiredGrams, searchDocument, searchTerms } from '../../../shared/domain/search-text';
import { entryIdOf, facetFilters, orderKey, termsMatch, termsRow, type CatalogQuery, type CatalogSearchRecord } from '../domain/catalog-terms';
import { PUBLIC_ENTRY_SQL } from '../domain/public-visibility';
import { GramTally, countedTerm, pageAgreesWithCount } from '../domain/catalog-gram-counts';
import { SEARCH_TABLE, TERMS_TABLE } from '../utils/catalog-search-tables';
import { COUNTS_HELD, READ_BATCH, countedMatches, gramCountsSql } from '../utils/gram-counts-sql';
import { getService } from '../utils/get-service';

/** PostgreSQL's GIN index of the text's grams (database/migrations/catalog-search.ts). */
const GRAMS_INDEX = 'gd_catalog_search_grams_idx';

type Knex = Core.Strapi['db']['connection'];

export type { CatalogQuery };

interface LiveRow {
  entry_id: number;
  document_id: string;
  locale: string;
  published_date: string | Date | null;
  genre: string;
  validity: string;
  document_kind: string;
  title: string | null;
  keywords: string | null;
  document_number: string | null;
  organization_document_id: string | null;
  subject_code: string | null;
  subject_top_code: string | null;
}

interface StaleRow {
  entry_id: number;
  published_date: string | Date | null;
}

export const COUNT_CAP = 10_000;

/**
 * Above this share of rows holding every gram of a search, its matches are counted by testing the
 * text row by row instead of through the gram index. PostgreSQL plans such a search (工作, in
 * nearly every title) as a scan that computes gd_search_grams() for each row it reads, 87 µs
 * each: 875 ms to count 10,001 matches, where testing the text found them in 3 ms.
 */
const DENSE_SHARE = 0.5;

/**
 * A walk for a counted term reads about (offset + limit) × entries ÷ matches rows when its matches
 * are spread over time. It stops after WALK_SLACK times that plus WALK_FLOOR rows: a term whose
 * matches are all old (every match from one year of a million-entry catalog) would otherwise read
 * most of the catalog for one page, where counting through the gram index reads its matches only.
 * Spread matches overrun the expectation by 4× with a chance far below one in a million. (A term
 * of more than COUNT_CAP matches, all old, still walks: past the cap the page is taken from the
 * order, since sorting every match would cost more.)
 */
export const WALK_SLACK = 4;
export const WALK_FLOOR = 100;

/** A count (up to one past the cap) as the API answers it. */
const answered = (count: number) => ({ total: Math.min(count, COUNT_CAP), capped: count > COUNT_CAP });

const NEWEST_FIRST = [
  { column: 'published_date', order: 'desc' as const },
  { column: 'entry_id', order: 'desc' as const },
];

const catalogSearch = ({ strapi }: { strapi: Core.Strapi }) => {
  const isPostgres = () => strapi.db.dialect.client === 'postgres';
  const counts = gramCountsSql(strapi.db.dialect.client);

  // The share of rows holding each common gram, as PostgreSQL's last ANALYZE of the gram index
  // sampled it; read at most once a minute. It chooses how to count, never what is counted.
  let gramShares = { value: Promise.resolve(new Map<string, number>()), expires: 0 };
  const sharesOfGrams = () => {
    if (gramShares.expires < Date.now()) {
      const value = strapi.db.connection
        .raw(
          `SELECT most_common_elems::text::text[] AS grams, most_common_elem_freqs AS shares FROM pg_stats
          WHERE schemaname = current_schema() AND tablename = ?`,
          [GRAMS_INDEX]
        )
        .then((r: { rows: Array<{ grams: string[] | null; shares: number[] | null }> }) => {
          const { grams, shares } = r.rows[0] ?? { grams: null, shares: null };
          return new Map((grams ?? []).map((gram, i) => [gram, Number(shares?.[i] ?? 0)]));
        })
        .catch(() => new Map<string, number>());
      gramShares = { value, expires: Date.now() + 60_000 };
    }
    return gramShares.value;
  };

  /** Whether most rows hold every gram of the search (grams the statistics do not list are rare). */
  const isDense = async (q: string | undefined) => {
    if (!q) return false;
    const shares = await sharesOfGrams();
    return requiredGrams(searchTerms(q)).reduce((share, gram) => share * (shares.get(gram) ?? 0), 1) >= DENSE_SHARE;
  };

  /** Live public entries with what the search table needs; of some documents, or a batch after an id. */
  const liveRowsSql = (by: { documents: number } | 'batch') => {
    const org = joinTableOf(strapi, UID.catalogEntry, 'organization');
    const subject = joinTableOf(strapi, UID.catalogEntry, 'subjectCategory');
    const parent = joinTableOf(strapi, UID.subjectCategory, 'parent');
    const subjects = tableOf(strapi, UID.subjectCategory);
    return `SELECT e.id AS entry_id, e.document_id, e.locale, e.published_date, e.genre, e.validity, e.document_kind,
        e.title, e.keywords, e.document_number,
        o.document_id AS organization_document_id, s.code AS subject_code, COALESCE(p.code, s.code) AS subject_top_code
      FROM ${tableOf(strapi, UID.catalogEntry)} e
      LEFT JOIN ${org.name} ol ON ol.${org.joinColumn.name} = e.id
      LEFT JOIN ${tableOf(strapi, UID.organization)} o ON o.id = ol.${org.inverseJoinColumn.name}
      LEFT JOIN ${subject.name} sl ON sl.${subject.joinColumn.name} = e.id
      LEFT JOIN ${subjects} s ON s.id = sl.${subject.inverseJoinColumn.name}
      LEFT JOIN ${parent.name} pl ON pl.${parent.joinColumn.name} = s.id
      LEFT JOIN ${subjects} p ON p.id = pl.${parent.inverseJoinColumn.name}
      WHERE ${PUBLIC_ENTRY_SQL}
      ${by === 'batch' ? 'AND e.id > ? ORDER BY e.id LIMIT ?' : `AND e.document_id IN (${Array(by.documents).fill('?').join(', ')})`}`;
  };

  const insert = async (db: Knex, rows: LiveRow[], tally: GramTally) => {
    if (rows.length === 0) return;
    const records = rows.map((r): CatalogSearchRecord => {
      const date = isoDate(r.published_date);
      return {
        entry_id: r.entry_id,
        document_id: r.document_id,
        locale: r.locale,
        published_date: date,
        published_year: date ? Number(date.slice(0, 4)) : null,
        organization_document_id: r.organization_document_id,
        subject_code: r.subject_code,
        subject_top_code: r.subject_top_code,
        genre: r.genre,
        validity: r.validity,
        document_kind: r.document_kind,
        search_text: searchDocument([r.title, r.keywords, r.document_number]),
      };
    });
    for (const r of records) tally.add(r.locale, r.search_text, 1);
    for (const chunk of chunksOf(records)) {
      // eslint-disable-next-line no-await-in-loop
      await db(SEARCH_TABLE).insert(chunk);
      // eslint-disable-next-line no-await-in-loop
      if (!isPostgres()) await db(TERMS_TABLE).insert(chunk.map(termsRow));
    }
  };

  /** Takes entries out of the table and out of the terms index, whose rows are found by their order key. */
  const removeEntries = async (db: Knex, stale: StaleRow[], tally: GramTally) => {
    if (stale.length === 0) return;
    if (!isPostgres()) {
      const keys = stale.map((r) => orderKey(isoDate(r.published_date), Number(r.entry_id)));
      await db(TERMS_TABLE).whereIn('rowid', keys).delete();
    }
    const ids = stale.map((r) => r.entry_id);
    // Counted out as the delete found them: a row another transaction removed meanwhile is not
    // counted out twice. Raw, as knex answers a delete on SQLite with the number of rows, not them.
    const removed = rawRows<{ locale: string; search_text: string }>(
      await db.raw(`DELETE FROM ${SEARCH_TABLE} WHERE entry_id IN (${ids.map(() => '?').join(', ')}) RETURNING locale, search_text`, ids)
    );
    for (const r of removed) tally.add(r.locale, r.search_text, -1);
  };

  /** PostgreSQL: keeps the rows whose text holds every term (as a substring: a term holds no space). */
  const holdingEvery = <B extends { whereRaw(sql: string, bindings: string[]): unknown }>(builder: B, terms: string[]): B => {
    for (const term of terms) builder.whereRaw('strpos(search_text, ?) > 0', [term]);
    return builder;
  };

  /**
   * PostgreSQL: the rows matching the filters and every search term. 'index' finds the terms
   * through the gram index (few matches); 'scan' tests each row's text while walking the
   * newest-first order, which is quicker when matches are so many that a page is found within the
   * first few hundred rows.
   */
  const matching = (db: Knex, query: CatalogQuery, via: 'index' | 'scan') => {
    const terms = query.q ? searchTerms(query.q) : [];
    const builder = db(SEARCH_TABLE).where('locale', query.locale);
    for (const [column, value] of facetFilters(query)) {
      // A year as a range of the published date: with another filter it is then one range of that
      // filter's index (…, published_date DESC, entry_id DESC). As published_year = ? PostgreSQL read
      // every row of the other filter to test its year: subject 09 of 2016 read 7,004 rows for 399
      // (1.2 ms warm, 0.4 ms as a range).
      if (column === 'published_year') builder.where('published_date', '>=', `${value}-01-01`).where('published_date', '<', `${Number(value) + 1}-01-01`);
      else builder.where(column, value);
    }
    if (terms.length === 0) return builder;
    if (via === 'scan') return holdingEvery(builder, terms);
    builder.whereRaw('gd_search_grams(search_text) @> ?::text[]', [requiredGrams(terms)]);
    // A term of one or two characters is its gram; a longer one may have its grams out of order.
    return holdingEvery(
      builder,
      terms.filter((t) => Array.from(t).length > 2)
    );
  };

  /** Empties the table and indexes every live public entry again, in batches by id. */
  const fill = async (trx: Knex): Promise<number> => {
    // FTS5's own command: emptied at once, not row by row with deletion markers left to merge
    if (!isPostgres()) await trx.raw(`INSERT INTO ${TERMS_TABLE}(${TERMS_TABLE}) VALUES ('delete-all')`);
    // counted as the rows are written, not read back afterwards
    const tally = await counts.emptyCounts(trx);
    await trx(SEARCH_TABLE).delete();
    let indexed = 0;
    let after = 0;
    for (;;) {
      // eslint-disable-next-line no-await-in-loop -- batches follow one another by id
      const rows = rawRows<LiveRow>(await trx.raw(liveRowsSql('batch'), [after, READ_BATCH]));
      if (rows.length === 0) {
        // eslint-disable-next-line no-await-in-loop -- once, after the last batch
        await counts.applyTally(trx, tally);
        return indexed;
      }
      // eslint-disable-next-line no-await-in-loop
      await insert(trx, rows, tally);
      // eslint-disable-next-line no-await-in-loop
      if (tally.size >= COUNTS_HELD) await counts.applyTally(trx, tally);
      after = rows[rows.length - 1].entry_id;
      indexed += rows.length;
    }
  };

  /** Runs a built statement through services/read-sql.ts, planned for its values: they decide between indexes. */
  const run = async <T>(builder: ReturnType<Knex>): Promise<T[]> => {
    const { sql, bindings } = builder.toSQL();
    return getService(strapi, 'read-sql').all<T>(sql, bindings as Array<string | number>, { planEach: true });
  };

  /** The rows a walk reads: every matching row, or only those among the first `within` of the order. */
  const walked = (query: CatalogQuery, within?: number): ReturnType<Knex> => {
    const db = strapi.db.connection;
    if (within === undefined || !query.q) return matching(db, query, query.q ? 'scan' : 'index');
    const newest = matching(db, { ...query, q: undefined }, 'index')
      .select('entry_id', 'published_date', 'search_text')
      .orderBy(NEWEST_FIRST)
      .limit(within);
    return holdingEvery(db.from(newest.as('w')), searchTerms(query.q));
  };

  /**
   * PostgreSQL: a page of the matches found by walking the newest-first order (a search: testing
   * each row's text), reading at most `within` rows of it when given (the page may then be short).
   */
  const scannedPage = async (query: CatalogQuery, offset: number, limit: number, within?: number): Promise<number[]> =>
    (await run<{ entry_id: number }>(walked(query, within).select('entry_id').orderBy(NEWEST_FIRST).limit(limit).offset(offset))).map((r) =>
      Number(r.entry_id)
    );

  /**
   * PostgreSQL: a one-term search whose kept count says its matches are dense takes that count and
   * walks the newest-first order for its page. Otherwise one pass over the matches (through the
   * gram index, up to the cap; row by row for a search most rows match) gives their count and,
   * when none was left out, the page sorted from them (the same rows were fetched twice, for the
   * count and again for the page). Past the cap matches are so many that walking the newest-first
   * order, testing each row's text, finds a page within a few hundred rows.
   */
  const postgresPage = async (query: CatalogQuery, offset: number, limit: number) => {
    const db = strapi.db.connection;
    const term = countedTerm(query);
    const counted = term === null ? null : await countedMatches(getService(strapi, 'read-sql'), query.locale, term);
    // Walking the order reads about (offset + limit) × entries ÷ matches rows; the gram index visits
    // the row of every match, each about thrice the cost of a row walked (EXPLAIN ANALYZE). Only
    // then is the kept count the total; a question it does not answer that way (a rare term, the
    // last page, where a walk would read to the end) is counted by the statement below.
    const expected = counted && counted.matches > 0 ? ((offset + limit) * counted.entries) / counted.matches : Infinity;
    if (counted && offset + limit <= Math.min(counted.matches, COUNT_CAP + 1) && expected <= 2 * counted.matches) {
      const ids = await scannedPage(query, offset, limit + 1, Math.ceil(WALK_SLACK * expected) + WALK_FLOOR);
      // A page that disagrees with the count: the walk stopped before finding it (matches bunched in
      // the past), or the count is wrong; the statement below counts the question instead.
      if (pageAgreesWithCount(counted.matches, offset, limit, ids.length)) return { ids: ids.slice(0, limit), ...answered(counted.matches) };
    }
    const matches = matching(db, query, (await isDense(query.q)) ? 'scan' : 'index')
      .select('entry_id', 'published_date')
      .limit(COUNT_CAP + 1)
      .toSQL();
    const [found] = await getService(strapi, 'read-sql').all<{ total: number | string; ids: number[] | null }>(
      `WITH m AS MATERIALIZED (${matches.sql})
      SELECT count(*) AS total, (
        SELECT array_agg(p.entry_id ORDER BY p.published_date DESC, p.entry_id DESC) FROM (
          SELECT entry_id, published_date FROM m ORDER BY published_date DESC, entry_id DESC LIMIT ? OFFSET ?
        ) p
      ) AS ids FROM m`,
      [...(matches.bindings as Array<string | number>), limit, offset],
      // the gram function's declared cost (see its migration) makes a search through the gram index
      // look dear: with jit on, a count of 4,288 matches took 8 ms instead of 3, one of 25,000 85 ms
      // instead of 7, mostly compiling
      { planEach: true, withoutJit: true }
    );
    const count = Number(found?.total ?? 0);
    const ids = count <= COUNT_CAP || offset >= count ? (found?.ids ?? []) : await scannedPage(query, offset, limit);
    return { ids: ids.map(Number), ...answered(count) };
  };

  /**
   * SQLite: one MATCH of the terms index, its page read in the catalog's order, counted up to the
   * cap. A one-term search takes its count from the gram counts when its page agrees with it:
   * counting the matches in the index was two thirds of such a search (特种设备, 4,290 matches:
   * 2.2 of 3.1 ms).
   */
  const sqlitePage = async (query: CatalogQuery, offset: number, limit: number) => {
    const sql = getService(strapi, 'read-sql');
    const match = termsMatch(query);
    const pageOf = async (size: number) =>
      (
        await sql.all<{ key: number }>(`SELECT rowid AS key FROM ${TERMS_TABLE} WHERE ${TERMS_TABLE} MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?`, [
          match,
          size,
          offset,
        ])
      ).map((r) => entryIdOf(Number(r.key)));
    const term = countedTerm(query);
    const counted = term === null ? null : await countedMatches(sql, query.locale, term);
    // the page and a row more, read against the kept count; kept for the answer below when they disagree
    const read = counted && offset < Math.min(counted.matches, COUNT_CAP + 1) ? await pageOf(limit + 1) : null;
    // a page that disagrees (a count gone wrong, or a publication between the two reads) is counted in the index
    if (counted && read && pageAgreesWithCount(counted.matches, offset, limit, read.length)) return { ids: read.slice(0, limit), ...answered(counted.matches) };
    const found = await sql.first<{ total: number }>(`SELECT count(*) AS total FROM (SELECT 1 FROM ${TERMS_TABLE} WHERE ${TERMS_TABLE} MATCH ? LIMIT ?)`, [
      match,
      COUNT_CAP + 1,
    ]);
    const count = Number(found?.total ?? 0);
    return { ids: count === 0 || offset >= count ? [] : (read ?? (await pageOf(limit))).slice(0, limit), ...answered(count) };
  };

  return {
    /** Re-indexes one document (all its locales): after its publish or withdraw, in the same transaction. */
    async refreshDocument(trx: Knex, documentId: string): Promise<void> {
      await this.refreshDocuments(trx, [documentId]);
    },

    /** Re-indexes these documents: after a batch of an import, in its transaction. */
    async refreshDocuments(trx: Knex, documentIds: string[]): Promise<void> {
      // The counts change by what the documents' rows leave and bring (a republish of the same text
      // changes none), written once for all the documents: a transaction then locks the count rows
      // it changes in one order, so two writers never wait on each other in a circle.
      const tally = new GramTally();
      for (const ids of chunksOf(documentIds)) {
        // eslint-disable-next-line no-await-in-loop
        const stale = (await trx(SEARCH_TABLE).whereIn('document_id', ids).select('entry_id', 'published_date')) as StaleRow[];
        // eslint-disable-next-line no-await-in-loop
        await removeEntries(trx, stale, tally);
        // eslint-disable-next-line no-await-in-loop
        await insert(trx, rawRows<LiveRow>(await trx.raw(liveRowsSql({ documents: ids.length }), ids)), tally);
      }
      await counts.applyTally(trx, tally);
    },

    /** Indexes everything again, in batches: after a bulk load, or on a database that has none yet. */
    async rebuild(): Promise<number> {
      return strapi.db.connection.transaction((trx) => fill(trx));
    },

    /** Rebuilds only when the table is empty (an upgrade, a bulk load), once across instances. */
    async rebuildIfEmpty(): Promise<number | null> {
      return strapi.db.connection.transaction(async (trx) => {
        await lockUntilCommit(strapi, trx, SEARCH_TABLE);
        if (!(await trx(SEARCH_TABLE).first('entry_id'))) return fill(trx);
        // Counted once after the upgrade, and again when a locale's entry count disagrees with the
        // table: an instance of an earlier version kept publishing during a rolling upgrade without
        // counting. Its edits of live text leave that count as it was and go unseen here; a page
        // read against a count gone wrong is counted again (pageAgreesWithCount), so none hides an entry.
        if (!(await counts.countsAgree(trx))) await counts.fillCounts(trx);
        return null;
      });
    },

    /**
     * One page of matching entry ids, newest first, and how many match, counted up to COUNT_CAP:
     * counting a million matches exactly costs more than the page; past the cap, narrowing the
     * search is the useful answer, as on the search engines people know.
     */
    async page(query: CatalogQuery, offset: number, limit: number): Promise<{ ids: number[]; total: number; capped: boolean }> {
      return isPostgres() ? postgresPage(query, offset, limit) : sqlitePage(query, offset, limit);
    },
  };
};

export default catalogSearch;
export type CatalogSearchService = ReturnType<typeof catalogSearch>;
