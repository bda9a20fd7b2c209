/**
 * The public catalog's search table: one row per live, public entry with the values the catalog
 * filters on, and its title, keywords and 文号 normalized for substring search. Kept in step by the
 * publish and withdraw transitions inside their transaction, like the column listings; rebuilt in
 * batches after a bulk load. Each filter plus the newest-first order is one index range; text goes
 * through a character-gram index (GIN on PostgreSQL, FTS5 on SQLite; see shared/domain/search-text).
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../shared/constants';
import type { PublicParams } from '../domain/public-params';
import { chunksOf, isoDate, joinTableOf, lockUntilCommit, rawRows, tableOf } from '../utils/sql';
import { ftsColumns, ftsMatchExpression, requiredGrams, searchDocument, searchTerms } from '../../../shared/domain/search-text';
import { PUBLIC_ENTRY_SQL } from '../domain/public-visibility';
import { getService } from '../utils/get-service';

export const SEARCH_TABLE = 'gov_disclosure_catalog_search';
export const FTS_TABLE = 'gov_disclosure_catalog_fts';

type Knex = Core.Strapi['db']['connection'];

/** The public catalog's parameters, with the organization resolved from its slug to its documentId. */
export type CatalogQuery = Pick<PublicParams, 'q' | 'subject' | 'genre' | 'validity' | 'documentKind' | 'year'> & { locale: string; organization?: string };

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

const REBUILD_BATCH = 2000;
export const COUNT_CAP = 10_000;

const catalogSearch = ({ strapi }: { strapi: Core.Strapi }) => {
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

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

  const insert = async (db: Knex, rows: LiveRow[]) => {
    if (rows.length === 0) return;
    const records = rows.map((r) => {
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
    for (const chunk of chunksOf(records)) {
      // eslint-disable-next-line no-await-in-loop
      await db(SEARCH_TABLE).insert(chunk);
      // eslint-disable-next-line no-await-in-loop
      if (!isPostgres()) await db(FTS_TABLE).insert(chunk.map((r) => ({ rowid: r.entry_id, ...ftsColumns(r.search_text) })));
    }
  };

  const removeEntries = async (db: Knex, entryIds: number[]) => {
    if (entryIds.length === 0) return;
    if (!isPostgres()) await db(FTS_TABLE).whereIn('rowid', entryIds).delete();
    await db(SEARCH_TABLE).whereIn('entry_id', entryIds).delete();
  };

  /**
   * The rows matching the filters and every search term. 'index' finds the terms through the gram
   * index (few matches); 'scan' tests each row's text while walking the newest-first order, which
   * is quicker when matches are so many that a page is found within the first few hundred rows.
   */
  const matching = (db: Knex, query: CatalogQuery, via: 'index' | 'scan') => {
    const terms = query.q ? searchTerms(query.q) : [];
    // SQLite, full-text matches: each is looked up in the narrow index, not in the wide table (the
    // planner picks the table's rowid without statistics, and a deployment seldom has them)
    const from: ReturnType<Knex> =
      terms.length > 0 && via === 'index' && !isPostgres() ? db.from(db.raw(`${SEARCH_TABLE} INDEXED BY gd_catalog_search_entry_idx`)) : db(SEARCH_TABLE);
    const builder = from.where('locale', query.locale);
    if (query.organization) builder.where('organization_document_id', query.organization);
    // Codes are two-level by shape (09, 09.02): a top-level code takes its children's entries too.
    if (query.subject) builder.where(query.subject.includes('.') ? 'subject_code' : 'subject_top_code', query.subject);
    if (query.genre) builder.where('genre', query.genre);
    if (query.validity) builder.where('validity', query.validity);
    if (query.documentKind) builder.where('document_kind', query.documentKind);
    if (query.year) builder.where('published_year', query.year);
    if (terms.length === 0) return builder;
    const contains = isPostgres() ? 'strpos(search_text, ?) > 0' : 'instr(search_text, ?) > 0';
    if (via === 'scan') {
      for (const term of terms) builder.whereRaw(contains, [term]);
    } else if (isPostgres()) {
      builder.whereRaw('gd_search_grams(search_text) @> ?::text[]', [requiredGrams(terms)]);
      // A term of one or two characters is its gram; a longer one may have its grams out of order.
      for (const term of terms.filter((t) => Array.from(t).length > 2)) builder.whereRaw(contains, [term]);
    } else {
      // joined, not `IN (subquery)`: the matches stream from the full-text index and the count stops at its cap
      builder.join(FTS_TABLE, `${FTS_TABLE}.rowid`, `${SEARCH_TABLE}.entry_id`).whereRaw(`${FTS_TABLE} MATCH ?`, [ftsMatchExpression(terms)]);
    }
    return builder;
  };

  /** Empties the table and indexes every live public entry again, in batches by id. */
  const fill = async (trx: Knex): Promise<number> => {
    if (!isPostgres()) await trx.raw(`DELETE FROM ${FTS_TABLE}`);
    await trx(SEARCH_TABLE).delete();
    let indexed = 0;
    let after = 0;
    for (;;) {
      // eslint-disable-next-line no-await-in-loop -- batches follow one another by id
      const rows = rawRows<LiveRow>(await trx.raw(liveRowsSql('batch'), [after, REBUILD_BATCH]));
      if (rows.length === 0) return indexed;
      // eslint-disable-next-line no-await-in-loop
      await insert(trx, rows);
      after = rows[rows.length - 1].entry_id;
      indexed += rows.length;
    }
  };

  /**
   * One page of matching ids and the capped count, on a connection or in a transaction. On SQLite
   * outside a transaction the statements run prepared on the public reads' own connection (read-sql.ts).
   */
  const pageOn = async (db: Knex, query: CatalogQuery, offset: number, limit: number): Promise<{ ids: number[]; total: number; capped: boolean }> => {
    const run = async <T>(builder: ReturnType<Knex>): Promise<T[]> => {
      if (db !== strapi.db.connection || isPostgres()) return (await builder) as T[];
      const { sql, bindings } = builder.toSQL();
      return getService(strapi, 'read-sql').all<T>(sql, bindings as Array<string | number>);
    };
    const found = await run<{ total: number | string }>(
      db.count({ total: '*' }).from(
        matching(db, query, 'index')
          .select(db.raw('1'))
          .limit(COUNT_CAP + 1)
          .as('m')
      )
    );
    const count = Number(found[0]?.total ?? 0);
    const capped = count > COUNT_CAP;
    const rows =
      count === 0 || offset >= count
        ? []
        : await run<{ entry_id: number }>(
            matching(db, query, capped ? 'scan' : 'index')
              .select('entry_id')
              .orderBy([
                { column: 'published_date', order: 'desc' },
                { column: 'entry_id', order: 'desc' },
              ])
              .limit(limit)
              .offset(offset)
          );
    return { ids: rows.map((r) => Number(r.entry_id)), total: Math.min(count, COUNT_CAP), capped };
  };

  return {
    /** Re-indexes one document (all its locales): after its publish or withdraw, in the same transaction. */
    async refreshDocument(trx: Knex, documentId: string): Promise<void> {
      await this.refreshDocuments(trx, [documentId]);
    },

    /** Re-indexes these documents: after a batch of an import, in its transaction. */
    async refreshDocuments(trx: Knex, documentIds: string[]): Promise<void> {
      for (const ids of chunksOf(documentIds)) {
        // eslint-disable-next-line no-await-in-loop
        const stale = (await trx(SEARCH_TABLE).whereIn('document_id', ids).select('entry_id')) as Array<{ entry_id: number }>;
        // eslint-disable-next-line no-await-in-loop
        await removeEntries(
          trx,
          stale.map((r) => r.entry_id)
        );
        // eslint-disable-next-line no-await-in-loop
        await insert(trx, rawRows<LiveRow>(await trx.raw(liveRowsSql({ documents: ids.length }), ids)));
      }
    },

    /** Indexes everything again, in batches: after a bulk load, or on a database that has none yet. */
    async rebuild(): Promise<number> {
      return strapi.db.connection.transaction((trx) => fill(trx));
    },

    /** Rebuilds only when the table is empty (an upgrade, a bulk load), once across instances. */
    async rebuildIfEmpty(): Promise<number | null> {
      return strapi.db.connection.transaction(async (trx) => {
        await lockUntilCommit(strapi, trx, SEARCH_TABLE);
        return (await trx(SEARCH_TABLE).first('entry_id')) ? null : fill(trx);
      });
    },

    /**
     * One page of matching entry ids, newest first, and how many match, counted up to COUNT_CAP:
     * counting a million matches exactly costs more than the page; past the cap, narrowing the
     * search is the useful answer, as on the search engines people know.
     */
    async page(query: CatalogQuery, offset: number, limit: number): Promise<{ ids: number[]; total: number; capped: boolean }> {
      if (!isPostgres() || !query.q) return pageOn(strapi.db.connection, query, offset, limit);
      // A text search reads a few thousand heap pages through the gram index; PostgreSQL's parallel
      // workers cost more to start than they save there (bench:catalog at 1,000,000 entries on 2
      // cores: 2-character query p95 110 ms with them).
      return strapi.db.connection.transaction(async (trx) => {
        await trx.raw('SET LOCAL max_parallel_workers_per_gather = 0');
        return pageOn(trx, query, offset, limit);
      });
    },
  };
};

export default catalogSearch;
export type CatalogSearchService = ReturnType<typeof catalogSearch>;
