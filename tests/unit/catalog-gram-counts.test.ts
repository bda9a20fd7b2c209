import {
  countedGrams,
  countedTerm,
  EVERY_ENTRY_GRAM,
  GramTally,
  MAX_COUNTED_GRAM,
  pageAgreesWithCount,
} from '../../plugins/gov-disclosure/server/src/domain/catalog-gram-counts';
import { searchDocument, searchTerms } from '../../plugins/gov-disclosure/shared/domain/search-text';

/** The oracle: every substring of the document that a one-term search finds, by brute force. */
const substringsFound = (document: string): Set<string> => {
  const found = new Set<string>();
  const chars = Array.from(document);
  for (let i = 0; i < chars.length; i += 1)
    for (let n = 1; n <= MAX_COUNTED_GRAM && i + n <= chars.length; n += 1) {
      const term = chars.slice(i, i + n).join('');
      // a search term is normalized text without spaces or line breaks
      if (searchTerms(term).length === 1 && searchTerms(term)[0] === term) found.add(term);
    }
  return found;
};

describe('the grams an entry is counted under', () => {
  it('are exactly the terms of one to four characters a search would find in it, and the every-entry gram', () => {
    const documents = [
      searchDocument(['关于特种设备安全检查的通知', '电梯，检查', '京政发〔2018〕12号']),
      searchDocument(['Annual Report 2021', null, 'A-1']),
      searchDocument(['𠀀𠀁 汉字', '', '']), // characters outside the basic plane count as one each
    ];
    for (const document of documents) {
      const grams = countedGrams(document);
      expect(new Set(grams).size).toBe(grams.length);
      expect(grams).toContain(EVERY_ENTRY_GRAM);
      expect(new Set(grams.filter((g) => g !== EVERY_ENTRY_GRAM))).toEqual(substringsFound(document));
    }
  });

  it('never span a line break between fields or a space', () => {
    const grams = countedGrams(searchDocument(['电梯 检查', '安全']));
    expect(grams).toContain('电梯');
    expect(grams).not.toContain('梯 ');
    expect(grams).not.toContain('梯检');
    expect(grams).not.toContain('查\n安');
    expect(grams).not.toContain('查安');
  });

  it('count a repeated gram once', () => {
    expect(countedGrams('电梯电梯').filter((g) => g === '电梯')).toHaveLength(1);
  });
});

describe('the term whose count is read', () => {
  const base = { locale: 'zh-Hans' };

  it('is the one normalized term of at most four characters, without filters', () => {
    expect(countedTerm({ ...base, q: ' 特种设备 ' })).toBe('特种设备');
    expect(countedTerm({ ...base, q: '（2018）' })).toBeNull(); // 〔2018〕: six characters
    expect(countedTerm({ ...base, q: 'ＡＢ' })).toBe('ab');
    expect(countedTerm({ ...base, q: '电' })).toBe('电');
  });

  it('is none for several terms, a longer term, a filter or no words', () => {
    expect(countedTerm({ ...base, q: '电梯 检查' })).toBeNull();
    expect(countedTerm({ ...base, q: '特种设备安全' })).toBeNull();
    expect(countedTerm({ ...base, q: '电梯', year: 2018 })).toBeNull();
    expect(countedTerm({ ...base, q: '电梯', subject: '09' })).toBeNull();
    expect(countedTerm({ ...base })).toBeNull();
    expect(countedTerm({ ...base, q: '   ' })).toBeNull();
  });

  it('is the same term when repeated', () => {
    expect(countedTerm({ ...base, q: '电梯 电梯' })).toBe('电梯');
  });
});

describe('a tally of count changes', () => {
  it('nets additions against removals and drops what nets to nought', () => {
    const tally = new GramTally();
    tally.add('zh-Hans', '电梯检查', 1);
    tally.add('zh-Hans', '电梯检查', -1);
    expect(tally.drain()).toEqual([]);
    tally.add('zh-Hans', '电梯', -1);
    tally.add('zh-Hans', '电梯检查', 1);
    const changes = tally.drain();
    expect(changes.find((c) => c.gram === '电梯')).toBeUndefined();
    expect(changes.find((c) => c.gram === EVERY_ENTRY_GRAM)).toBeUndefined();
    expect(changes.find((c) => c.gram === '检查')).toEqual({ locale: 'zh-Hans', gram: '检查', entries: 1 });
    expect(tally.size).toBe(0);
  });

  it('keeps locales apart and hands its changes over in one order, whatever order they came in', () => {
    const a = new GramTally();
    a.add('zh-Hans', '电梯', 1);
    a.add('en', 'lift', 1);
    const b = new GramTally();
    b.add('en', 'lift', 1);
    b.add('zh-Hans', '电梯', 1);
    const keys = (t: GramTally) => t.drain().map((c) => `${c.locale}|${c.gram}`);
    const first = keys(a);
    expect(first).toEqual(keys(b));
    expect(first.filter((k) => k.endsWith(`|${EVERY_ENTRY_GRAM}`))).toEqual(['en|', 'zh-Hans|']);
  });
});

describe('a page read against a kept count', () => {
  /** The oracle: the pages a reader walks, by the total each page gives, against the true matches. */
  const pagedIds = (truth: number, kept: number, limit: number): number[] => {
    const seen: number[] = [];
    for (let offset = 0; ; offset += limit) {
      // the page read with one row more, as the search reads it
      const read = Math.max(0, Math.min(limit + 1, truth - offset));
      const total = offset < kept && pageAgreesWithCount(kept, offset, limit, read) ? kept : truth;
      seen.push(...Array.from({ length: Math.max(0, Math.min(limit, truth - offset)) }, (_, i) => offset + i));
      if (offset + limit >= total) return seen;
    }
  };

  it('agrees only with the rows the count leaves from its start, up to one more than the page', () => {
    expect(pageAgreesWithCount(50, 0, 7, 8)).toBe(true);
    expect(pageAgreesWithCount(50, 42, 7, 8)).toBe(true);
    expect(pageAgreesWithCount(49, 42, 7, 7)).toBe(true);
    // the count says the last page is full, and a row more is there: a count too low
    expect(pageAgreesWithCount(49, 42, 7, 8)).toBe(false);
    // the count says more than the page holds: a count too high
    expect(pageAgreesWithCount(51, 49, 7, 1)).toBe(false);
  });

  it('never hides a match from a reader paging by the totals it is given, whatever the count says', () => {
    for (const limit of [1, 5, 7, 20])
      for (let truth = 0; truth <= 60; truth += 1)
        for (const kept of [0, 1, truth - 8, truth - 7, truth - 1, truth, truth + 1, truth + 7, truth * 2].filter((k) => k >= 0)) {
          expect(pagedIds(truth, kept, limit)).toEqual(Array.from({ length: truth }, (_, i) => i));
        }
  });
});
