import {
  bigramsOf,
  ftsColumns,
  ftsMatchExpression,
  gramToken,
  normalizeSearchText,
  requiredGrams,
  searchDocument,
  searchTerms,
} from '../../plugins/gov-disclosure/shared/domain/search-text';

describe('search text', () => {
  it('folds width, case, brackets and spaces the same way for text and query', () => {
    expect(normalizeSearchText('  温质监［２０１８］12号  ABC\tdef ')).toBe('温质监〔2018〕12号 abc def');
    expect(normalizeSearchText('【2018】(2018)（2018）')).toBe('〔2018〕〔2018〕〔2018〕');
  });

  it('keeps fields apart, one per line, and drops empty ones', () => {
    expect(searchDocument(['电梯安全', null, '温质监[2018]1号'])).toBe('电梯安全\n温质监〔2018〕1号');
  });

  it('splits a query into distinct terms', () => {
    expect(searchTerms(' 电梯  安全 电梯 ')).toEqual(['电梯', '安全']);
    expect(searchTerms('   ')).toEqual([]);
  });

  it('cuts bigrams, counting characters outside the basic plane as one', () => {
    expect(bigramsOf('电梯安全')).toEqual(['电梯', '梯安', '安全']);
    expect(bigramsOf('𠀋𠀋a')).toEqual(['𠀋𠀋', '𠀋a']);
    expect(bigramsOf('电')).toEqual([]);
  });

  it('spells grams as alphanumeric FTS tokens, one per code point', () => {
    expect(gramToken('电梯')).toBe('x7535x68af');
    expect(gramToken('〔2')).toMatch(/^[x0-9a-f]+$/);
  });

  it('puts a break token between fields, so no phrase spans two of them', () => {
    const { bigrams, chars } = ftsColumns('电梯\n安全');
    expect(bigrams).toBe(`${gramToken('电梯')} zz ${gramToken('安全')}`);
    expect(chars.split(' ')).toHaveLength(4);
  });

  it('asks FTS5 for a phrase of bigrams per term, a character for one-character terms', () => {
    expect(ftsMatchExpression(['电梯安全', '梯'])).toBe(`bigrams : "${['电梯', '梯安', '安全'].map(gramToken).join(' ')}" AND chars : ${gramToken('梯')}`);
  });

  it('needs a one-character term as itself and a longer one as its bigrams', () => {
    expect(requiredGrams(['梯', '电梯安'])).toEqual(['梯', '电梯', '梯安']);
  });
});
