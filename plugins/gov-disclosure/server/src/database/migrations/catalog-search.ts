import type { Migration } from '../migration';

/**
 * The public catalog's search table (see services/catalog-search.ts):
 * one row per live public entry with its filter values, so each filter plus the newest-first order
 * is one index range, and a character-gram index over title, keywords and 文号 for substring search
 * (shared/domain/search-text.ts explains why grams of two, not trigrams):
 * on PostgreSQL a GIN index over gd_search_grams(search_text); on SQLite an FTS5 table of gram tokens.
 */
const TABLE = 'gov_disclosure_catalog_search';
const FILTERS = ['organization_document_id', 'subject_code', 'subject_top_code', 'genre', 'validity', 'document_kind', 'published_year'];

export const catalogSearch: Migration = {
  name: '2026.11.25T03.00.00.catalog-search',
  async up(knex, { client }) {
    if (!(await knex.schema.hasTable(TABLE))) {
      await knex.schema.createTable(TABLE, (t) => {
        t.integer('entry_id').primary();
        t.string('document_id', 255).notNullable();
        t.string('locale', 20).notNullable();
        t.date('published_date').nullable();
        t.integer('published_year').nullable();
        t.string('organization_document_id', 255).nullable();
        t.string('subject_code', 20).nullable();
        t.string('subject_top_code', 20).nullable();
        t.string('genre', 40).notNullable();
        t.string('validity', 20).notNullable();
        t.string('document_kind', 20).notNullable();
        t.text('search_text').notNullable();
        t.index(['document_id'], 'gd_catalog_search_document_idx');
      });
      await knex.raw(`CREATE INDEX gd_catalog_search_order_idx ON ${TABLE} (locale, published_date DESC, entry_id DESC)`);
      for (const column of FILTERS) {
        // eslint-disable-next-line no-await-in-loop
        await knex.raw(`CREATE INDEX gd_catalog_search_${column}_idx ON ${TABLE} (locale, ${column}, published_date DESC, entry_id DESC)`);
      }
    }
    if (client === 'postgres') {
      // Distinct characters and character pairs of the text, leaving out spaces and field breaks
      // (a query term has neither). IMMUTABLE, so an expression index can hold it; costly, so the
      // planner reads the index instead of computing it row by row.
      await knex.raw(`CREATE OR REPLACE FUNCTION gd_search_grams(t text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
          SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
            SELECT substr(t, i, 1) AS g FROM generate_series(1, char_length(t)) AS i
            UNION ALL
            SELECT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) AS i
          ) grams
          WHERE position(' ' in g) = 0 AND position(chr(10) in g) = 0
        $$`);
      await knex.raw(`CREATE INDEX IF NOT EXISTS gd_catalog_search_grams_idx ON ${TABLE} USING gin (gd_search_grams(search_text))`);
    } else {
      // Contentless: the text lives in the table above; rowid = entry_id.
      await knex.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS gov_disclosure_catalog_fts
        USING fts5(bigrams, chars, content='', contentless_delete=1, tokenize='ascii')`);
    }
  },
};
