/**
 * How many live public entries of a locale hold each short piece of text (a gram of one to four
 * characters), kept beside the search table (services/catalog-search.ts): a search for one such
 * term, without filters, then knows its count at once. PostgreSQL counts a search through its gram
 * index by visiting every match's row (特种设备: 4,290 matches, 2,360 table pages, 5–6 ms warm),
 * where a page of the newest matches is found in a few hundred rows of the catalog's order once
 * the count says they are that dense; SQLite's terms index counts them in 2.2 ms and finds the
 * page in 0.8.
 *
 * A term is matched as a substring of a field (shared/domain/search-text.ts: fields one per line,
 * a term holds no space), so an entry holds a gram when some run of its text between spaces and
 * line breaks does: counted once per entry however often it occurs.
 */
import { searchTerms } from '../../../shared/domain/search-text';
import { facetFilters, type CatalogQuery } from './catalog-terms';

/** The longest term counted: Chinese words and names are mostly of two to four characters. */
export const MAX_COUNTED_GRAM = 4;

/** The gram every entry holds: its row counts the locale's entries, and says the counts are there. */
export const EVERY_ENTRY_GRAM = '';

/** The distinct grams of one to MAX_COUNTED_GRAM characters of a search document, and EVERY_ENTRY_GRAM. */
export const countedGrams = (document: string): string[] => {
  const grams = new Set<string>([EVERY_ENTRY_GRAM]);
  for (const run of document.split(/[\n ]/)) {
    const chars = Array.from(run);
    for (let start = 0; start < chars.length; start += 1) {
      let gram = '';
      for (let end = start; end < Math.min(chars.length, start + MAX_COUNTED_GRAM); end += 1) {
        gram += chars[end];
        grams.add(gram);
      }
    }
  }
  return [...grams];
};

/** The one term whose count the table answers: a question of one term of at most four characters and no filter. */
export const countedTerm = (query: CatalogQuery): string | null => {
  if (!query.q || facetFilters(query).length > 0) return null;
  const terms = searchTerms(query.q);
  return terms.length === 1 && Array.from(terms[0]).length <= MAX_COUNTED_GRAM ? terms[0] : null;
};

/**
 * Whether a page read with one row more than its size agrees with a term's kept count: it holds
 * as many rows as the count leaves from the page's start, up to that one more. A count too high
 * shows as a short page; the extra row shows a count too low on the last page the count gives.
 * Paging by a count gone wrong (or moved by a publication between the two reads) thus always
 * reaches a page that is counted again, and no entry is hidden behind it.
 */
export const pageAgreesWithCount = (matches: number, offset: number, limit: number, read: number): boolean => read === Math.min(limit + 1, matches - offset);

/** Changes to the counts: (locale, gram) → entries added (negative: removed). */
export class GramTally {
  private readonly changes = new Map<string, { locale: string; gram: string; entries: number }>();

  /** Adds (sign 1) or removes (sign −1) one entry's grams. */
  add(locale: string, document: string, sign: 1 | -1): void {
    for (const gram of countedGrams(document)) {
      const key = `${locale}\u0000${gram}`;
      const change = this.changes.get(key);
      if (change) change.entries += sign;
      else this.changes.set(key, { locale, gram, entries: sign });
    }
  }

  get size(): number {
    return this.changes.size;
  }

  /**
   * The changes that change something, ordered by (locale, gram): writers that touch the same
   * counts lock their rows in one order, so two publications never wait on each other in a circle.
   */
  drain(): Array<{ locale: string; gram: string; entries: number }> {
    const list = [...this.changes.values()].filter((c) => c.entries !== 0);
    this.changes.clear();
    const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return list.sort((a, b) => order(a.locale, b.locale) || order(a.gram, b.gram));
  }
}
