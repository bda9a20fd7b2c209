import type { Migration } from '../migration';
import { termsRow, type CatalogSearchRecord } from '../../domain/catalog-terms';
import { chunksOf } from '../../utils/sql';

const SEARCH_TABLE = 'gov_disclosure_catalog_search';
const TERMS_TABLE = 'gov_disclosure_catalog_terms';
const BATCH = 2000;

/**
 * SQLite: the catalog's terms index (domain/catalog-terms.ts) replaces the full-text table of grams
 * keyed by entry id, and is filled from the search table. Its rows come in the catalog's order and
 * carry the locale and filters, so a search is no longer joined to the search table through the
 * narrow entry index, which goes on both databases (PostgreSQL's search never used it).
 * PostgreSQL: no parallel workers for the search table. A catalog question reads a few thousand
 * heap pages at most, and starting workers cost more than they saved (bench:catalog, 1,000,000
 * entries, 2 cores: a 2-character query's p95 110 ms with them); a setting of the table, so a
 * search is one statement instead of a transaction around SET LOCAL and its two reads.
 */
export const catalogTerms: Migration = {
  name: '2026.12.03T18.00.00.catalog-terms',
  async up(knex, { client }) {
    await knex.raw('DROP INDEX IF EXISTS gd_catalog_search_entry_idx');
    if (client === 'postgres') {
      await knex.raw(`ALTER TABLE ${SEARCH_TABLE} SET (parallel_workers = 0)`);
      return;
    }
    await knex.raw('DROP TABLE IF EXISTS gov_disclosure_catalog_fts');
    await knex.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS ${TERMS_TABLE}
      USING fts5(bigrams, chars, facets, content='', contentless_delete=1, tokenize='ascii')`);
    // FTS5's own command: emptied at once, not row by row with deletion markers left to merge
    await knex.raw(`INSERT INTO ${TERMS_TABLE}(${TERMS_TABLE}) VALUES ('delete-all')`);
    for (let after = 0; ;) {
      // eslint-disable-next-line no-await-in-loop -- batches follow one another by id
      const rows = (await knex(SEARCH_TABLE).where('entry_id', '>', after).orderBy('entry_id').limit(BATCH).select()) as CatalogSearchRecord[];
      if (rows.length === 0) return;
      for (const chunk of chunksOf(rows.map(termsRow))) {
        // eslint-disable-next-line no-await-in-loop
        await knex(TERMS_TABLE).insert(chunk);
      }
      after = rows[rows.length - 1].entry_id;
    }
  },
};
