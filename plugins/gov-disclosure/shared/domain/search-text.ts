/**
 * Chinese substring search without a word segmenter: text and query are normalized the same way
 * and cut into overlapping character pairs (bigrams). A query of n characters is found where its
 * n−1 bigrams stand next to each other, so any substring of two or more characters can be looked
 * up in an index of bigrams; a single character in an index of characters. Trigram indexes
 * (pg_trgm, FTS5 trigram) cannot answer the two-character queries that are most Chinese words.
 */

/** Bracket variants folded to the one form 文号 are stored in, so [2018] finds 〔2018〕. */
const BRACKETS: Record<string, string> = { '[': '〔', ']': '〕', '【': '〔', '】': '〕', '(': '〔', ')': '〕', '（': '〔', '）': '〕', '［': '〔', '］': '〕' };

/** Full-width to half-width, lower case, one kind of bracket, single spaces. */
export const normalizeSearchText = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[[\]【】()（）［］]/g, (c) => BRACKETS[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();

/** The fields searched, normalized, one per line (a query never spans two fields). */
export const searchDocument = (fields: Array<string | null | undefined>): string =>
  fields
    .map((f) => normalizeSearchText(f ?? ''))
    .filter(Boolean)
    .join('\n');

/** The query's terms: every one must occur (each in any field). */
export const searchTerms = (query: string): string[] => [...new Set(normalizeSearchText(query).split(' ').filter(Boolean))];

const chars = (s: string) => Array.from(s);

/** Every bigram of a field in order, repeats kept (phrase positions must line up). */
const bigramsInOrder = (field: string): string[] => {
  const c = chars(field);
  const out: string[] = [];
  for (let i = 0; i + 1 < c.length; i += 1) out.push(c[i] + c[i + 1]);
  return out;
};

/** Distinct bigrams of a term (a one-character term has none). */
export const bigramsOf = (term: string): string[] => [...new Set(bigramsInOrder(term))];

// SQLite's FTS5 tokenizers split on punctuation, which 文号 are full of; each gram is therefore
// stored as an alphanumeric token spelling its code points ("x7535x68af" for 电梯).
const hex = (c: string) => `x${c.codePointAt(0)!.toString(16)}`;
export const gramToken = (gram: string): string => chars(gram).map(hex).join('');

/** A token no gram spells: put between fields so a phrase never runs from one into the next. */
export const FIELD_BREAK_TOKEN = 'zz';

/**
 * FTS5 columns of a document: its bigram tokens in order, and its distinct characters. A scope
 * (alphanumeric) prefixes every token, so documents of different scopes share no token and a
 * search in one never reads another's postings (services/catalog-search.ts scopes by locale).
 */
export const ftsColumns = (document: string, scope = ''): { bigrams: string; chars: string } => {
  const token = (gram: string) => `${scope}${gramToken(gram)}`;
  const fields = document.split('\n');
  const bigrams = fields
    .map((f) => bigramsInOrder(f).map(token).join(' '))
    .filter(Boolean)
    .join(` ${FIELD_BREAK_TOKEN} `);
  const distinct = [...new Set(chars(document).filter((c) => c !== '\n' && c !== ' '))];
  return { bigrams, chars: distinct.map(token).join(' ') };
};

/** An FTS5 MATCH expression requiring every term, in the documents of a scope. */
export const ftsMatchExpression = (terms: string[], scope = ''): string =>
  terms
    .map((t) => {
      const grams = bigramsInOrder(t);
      if (grams.length === 0) return `chars : ${scope}${gramToken(t)}`;
      return `bigrams : "${grams.map((g) => `${scope}${gramToken(g)}`).join(' ')}"`;
    })
    .join(' AND ');

/** The grams PostgreSQL's GIN index must contain for every term: bigrams, or the lone character. */
export const requiredGrams = (terms: string[]): string[] => [...new Set(terms.flatMap((t) => (chars(t).length === 1 ? [t] : bigramsOf(t))))];
