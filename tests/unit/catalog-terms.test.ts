import {
  entryIdOf,
  facetFilters,
  orderKey,
  termsMatch,
  termsRow,
  type CatalogSearchRecord,
} from '../../plugins/gov-disclosure/server/src/domain/catalog-terms';

const record = (over: Partial<CatalogSearchRecord> = {}): CatalogSearchRecord => ({
  entry_id: 7,
  document_id: 'doc7',
  locale: 'zh-Hans',
  published_date: '2018-03-05',
  published_year: 2018,
  organization_document_id: 'org1',
  subject_code: '09.02',
  subject_top_code: '09',
  genre: 'notice',
  validity: 'effective',
  document_kind: 'normative',
  search_text: '电梯安全检查',
  ...over,
});

describe('the catalog order key', () => {
  it('sorts as the catalog does: newest date first, then the larger id, undated entries last', () => {
    const rows: Array<[string | null, number]> = [
      ['2018-03-05', 9],
      ['2018-03-05', 10],
      ['2019-01-01', 1],
      [null, 50],
      [null, 3],
      ['1969-12-31', 4],
      ['1970-01-01', 2],
      ['2026-12-03', 4_294_967_295],
    ];
    const byCatalog = [...rows].sort(([da, ia], [db, ib]) => {
      if (da !== db) return da === null ? 1 : db === null ? -1 : db.localeCompare(da);
      return ib - ia;
    });
    const byKey = [...rows].sort(([da, ia], [db, ib]) => orderKey(db, ib) - orderKey(da, ia));
    expect(byKey).toEqual(byCatalog);
  });

  it('gives the entry id back, for dates before and after 1970 and for undated entries', () => {
    for (const [date, id] of [
      ['2018-03-05', 123_456],
      ['1950-06-01', 9],
      [null, 77],
      ['2026-12-03', 4_294_967_295],
    ] as Array<[string | null, number]>) {
      expect(entryIdOf(orderKey(date, id))).toBe(id);
      expect(Number.isSafeInteger(orderKey(date, id))).toBe(true);
    }
  });

  it('reads a timestamp by its date and refuses an id that does not fit', () => {
    expect(orderKey('2018-03-05T10:00:00.000Z', 1)).toBe(orderKey('2018-03-05', 1));
    expect(() => orderKey('2018-03-05', 2 ** 32)).toThrow(RangeError);
  });
});

describe('the catalog terms', () => {
  it('reads a top-level subject code through its top code and a second-level one exactly', () => {
    expect(facetFilters({ locale: 'zh-Hans', subject: '09' })).toEqual([['subject_top_code', '09']]);
    expect(facetFilters({ locale: 'zh-Hans', subject: '09.02', year: 2018, validity: 'effective' })).toEqual([
      ['subject_code', '09.02'],
      ['validity', 'effective'],
      ['published_year', 2018],
    ]);
  });

  it('asks for every filter and every word, each token present in the row it should find', () => {
    const row = termsRow(record());
    const tokens = new Set(`${row.bigrams} ${row.chars} ${row.facets}`.split(' '));
    const match = termsMatch({ locale: 'zh-Hans', q: '梯安 检', subject: '09', year: 2018, documentKind: 'normative' });
    const asked = [...match.matchAll(/(?:facets|chars) : (\w+)|"([^"]+)"/g)].flatMap((m) => (m[1] ? [m[1]] : m[2].split(' ')));
    expect(asked.length).toBe(5);
    for (const token of asked) expect(tokens.has(token)).toBe(true);
    expect(row.rowid).toBe(orderKey('2018-03-05', 7));
  });

  it('keeps locales apart: no token of an English row answers a Chinese question', () => {
    const en = termsRow(record({ locale: 'en' }));
    const tokens = new Set(`${en.bigrams} ${en.chars} ${en.facets}`.split(' '));
    const match = termsMatch({ locale: 'zh-Hans', q: '电梯', genre: 'notice' });
    for (const token of match.match(/\w{8,}/g) ?? []) expect(tokens.has(token)).toBe(false);
  });

  it('asks for every entry of the locale when there is no word and no filter', () => {
    const row = termsRow(record({ organization_document_id: null, subject_code: null, subject_top_code: null, published_year: null }));
    const match = termsMatch({ locale: 'zh-Hans' });
    expect(match).toMatch(/^facets : \w+$/);
    expect(row.facets.split(' ')).toContain(match.split(' : ')[1]);
    expect(termsMatch({ locale: 'zh-Hans', q: '  ' })).toBe(match);
  });
});
