/**
 * The SQL of the gram counts (domain/catalog-gram-counts.ts says what is counted), on PostgreSQL
 * and SQLite: changing them by a tally, recounting them from the search table
 * (services/catalog-search.ts does both inside the transactions that change that table), and
 * reading one term's count for a public search.
 */
import type { Core } from '@strapi/strapi';
import { EVERY_ENTRY_GRAM, GramTally } from '../domain/catalog-gram-counts';
import type { ReadSqlService } from '../services/read-sql';
import { GRAM_COUNTS_TABLE, SEARCH_TABLE } from './catalog-search-tables';
import { chunksOf, rawRows } from './sql';

type Knex = Core.Strapi['db']['connection'];

/** Counts changed per statement. */
const COUNTS_PER_STATEMENT = 5000;
/** Rows read per statement while indexing the catalog or counting the search table. */
export const READ_BATCH = 2000;
/**
 * Distinct grams held in memory while counting the whole table (~100 bytes each) before they are
 * written: the benchmark's 100,000 entries hold 147,102, written once; a flush per few batches
 * would upsert the common grams again and again inside one transaction.
 */
export const COUNTS_HELD = 1_000_000;

interface CountChange {
  locale: string;
  gram: string;
  entries: number;
}

/**
 * Changes as a table of (locale, gram, entries), in their order, in each database's words:
 * PostgreSQL takes three arrays (one statement text whatever the number), SQLite a VALUES list.
 */
const changesTable = (client: string, changes: CountChange[]): { sql: string; bindings: Array<string | number | Array<string | number>> } =>
  client === 'postgres'
    ? {
        sql: 'SELECT locale, gram, entries FROM unnest(?::text[], ?::text[], ?::int[]) WITH ORDINALITY AS c(locale, gram, entries, n) ORDER BY n',
        bindings: [changes.map((c) => c.locale), changes.map((c) => c.gram), changes.map((c) => c.entries)],
      }
    : {
        // WHERE true: SQLite reads ON CONFLICT after a bare FROM as a join's
        sql: `SELECT column1 AS locale, column2 AS gram, column3 AS entries FROM (VALUES ${changes.map(() => '(?, ?, ?)').join(', ')}) WHERE true`,
        bindings: changes.flatMap((c) => [c.locale, c.gram, c.entries]),
      };

/**
 * Adds the tally's changes to the counts, emptying it; counts that reach nought go. The rows are
 * written in the tally's order (PostgreSQL locks them as it goes; SQLite has one writer).
 */
const applyTally = async (db: Knex, client: string, tally: GramTally) => {
  for (const chunk of chunksOf(tally.drain(), COUNTS_PER_STATEMENT)) {
    const added = changesTable(client, chunk);
    // eslint-disable-next-line no-await-in-loop
    await db.raw(
      `INSERT INTO ${GRAM_COUNTS_TABLE} (locale, gram, entries) ${added.sql}
      ON CONFLICT (locale, gram) DO UPDATE SET entries = ${GRAM_COUNTS_TABLE}.entries + excluded.entries`,
      added.bindings
    );
    const fewer = chunk.filter((c) => c.entries < 0);
    if (fewer.length === 0) continue;
    const lowered = changesTable(client, fewer);
    // eslint-disable-next-line no-await-in-loop
    await db.raw(`DELETE FROM ${GRAM_COUNTS_TABLE} WHERE entries <= 0 AND (locale, gram) IN (SELECT locale, gram FROM (${lowered.sql}) f)`, lowered.bindings);
  }
};

/** Whether each locale's entry count (gram '') is the search table's: the counts are there and none was missed. */
const countsAgree = async (trx: Knex): Promise<boolean> => {
  const [row] = rawRows<{ n: number | string }>(
    await trx.raw(
      `SELECT count(*) AS n FROM (
        SELECT locale, count(*) AS entries FROM ${SEARCH_TABLE} GROUP BY locale
      ) t FULL JOIN (SELECT locale, entries FROM ${GRAM_COUNTS_TABLE} WHERE gram = ?) c USING (locale)
      WHERE t.entries IS DISTINCT FROM c.entries`,
      [EVERY_ENTRY_GRAM]
    )
  );
  return Number(row.n) === 0;
};

/**
 * Empties the counts for a recount in this transaction, and gives the tally to count into. On
 * PostgreSQL another instance publishing meanwhile waits at its count changes until the recount
 * commits: what it committed before is in the rows counted, what it commits after adds its own
 * changes, and nothing is counted twice; public reads go on. SQLite's one writer waits anyway.
 */
const emptyCounts = async (trx: Knex, client: string): Promise<GramTally> => {
  if (client === 'postgres') await trx.raw(`LOCK TABLE ${GRAM_COUNTS_TABLE} IN EXCLUSIVE MODE`);
  await trx(GRAM_COUNTS_TABLE).delete();
  return new GramTally();
};

/** Counts every row of the search table again, in batches by entry id. */
const fillCounts = async (trx: Knex, client: string) => {
  const tally = await emptyCounts(trx, client);
  for (let after = 0; ;) {
    // eslint-disable-next-line no-await-in-loop -- batches follow one another by id
    const rows = (await trx(SEARCH_TABLE)
      .where('entry_id', '>', after)
      .orderBy('entry_id')
      .limit(READ_BATCH)
      .select('entry_id', 'locale', 'search_text')) as Array<{
      entry_id: number;
      locale: string;
      search_text: string;
    }>;
    for (const r of rows) tally.add(r.locale, r.search_text, 1);
    // eslint-disable-next-line no-await-in-loop
    if (rows.length === 0 || tally.size >= COUNTS_HELD) await applyTally(trx, client, tally);
    if (rows.length === 0) return;
    after = rows[rows.length - 1].entry_id;
  }
};

/** The statements that change the counts, for the database of `client` (strapi.db.dialect.client). */
export const gramCountsSql = (client: string) => ({
  applyTally: (db: Knex, tally: GramTally) => applyTally(db, client, tally),
  countsAgree,
  emptyCounts: (trx: Knex) => emptyCounts(trx, client),
  fillCounts: (trx: Knex) => fillCounts(trx, client),
});

/**
 * How many live entries of the locale hold this one term, and how many it has; null
 * while the counts are not there (a database upgraded and not yet counted).
 */
export const countedMatches = async (sql: ReadSqlService, locale: string, term: string): Promise<{ matches: number; entries: number } | null> => {
  const rows = await sql.all<{ gram: string; entries: number | string }>(`SELECT gram, entries FROM ${GRAM_COUNTS_TABLE} WHERE locale = ? AND gram IN (?, ?)`, [
    locale,
    term,
    EVERY_ENTRY_GRAM,
  ]);
  const every = rows.find((r) => r.gram === EVERY_ENTRY_GRAM);
  return every ? { matches: Number(rows.find((r) => r.gram === term)?.entries ?? 0), entries: Number(every.entries) } : null;
};
