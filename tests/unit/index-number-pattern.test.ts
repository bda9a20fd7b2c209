import {
  counterPeriod,
  DEFAULT_INDEX_NUMBER_PATTERN,
  formatIndexNumber,
  indexNumberPatternIssues,
  parseIndexNumber,
} from '../../plugins/gov-disclosure/shared/domain/index-number-pattern';

describe('索引号 patterns', () => {
  it('formats the national form and a year+month local variant', () => {
    expect(formatIndexNumber(DEFAULT_INDEX_NUMBER_PATTERN, { code: '000014349', year: 2018, month: 3, serial: 222 })).toBe('000014349/2018-00222');
    expect(formatIndexNumber('{code}/{YYYY}{MM}-{NNNNN}', { code: '11620622013933539B', year: 2021, month: 10, serial: 13 })).toBe(
      '11620622013933539B/202110-00013'
    );
  });

  it('reads back what it writes, and nothing that does not fit', () => {
    expect(parseIndexNumber(DEFAULT_INDEX_NUMBER_PATTERN, '11620622013933539B/2021-03844')).toEqual({
      code: '11620622013933539B',
      year: 2021,
      month: 1, // no month in the pattern: the first
      serial: 3844,
    });
    expect(parseIndexNumber('{code}/{YYYY}{MM}-{NNNNN}', '11620622013933539B/202110-00013')).toMatchObject({ year: 2021, month: 10, serial: 13 });
    expect(parseIndexNumber(DEFAULT_INDEX_NUMBER_PATTERN, '000014349/2018-222')).toBeNull();
    expect(parseIndexNumber(DEFAULT_INDEX_NUMBER_PATTERN, 'x/2018-00222')).toBeNull();
  });

  it('draws serials per year, or per month when the pattern has {MM}', () => {
    expect(counterPeriod(DEFAULT_INDEX_NUMBER_PATTERN, 2021, 10)).toBe('2021');
    expect(counterPeriod('{code}/{YYYY}{MM}-{NNNNN}', 2021, 3)).toBe('202103');
  });

  it('refuses a pattern that cannot make a unique, readable number, saying why', () => {
    expect(indexNumberPatternIssues(DEFAULT_INDEX_NUMBER_PATTERN)).toEqual([]);
    const messages = (p: string) => indexNumberPatternIssues(p).map((i) => i.message);
    expect(messages('{YYYY}-{NNNNN}')).toEqual([expect.stringContaining('must contain {code}')]);
    expect(messages('{code}/{YYYY}')).toEqual([expect.stringContaining('exactly one serial')]);
    expect(messages('{code}/{YYYY}-{NN}')).toEqual([expect.stringContaining('3 to 8 Ns')]);
    expect(messages('{code}/{YYYY}-{NNNNN}{foo}')).toEqual([expect.stringContaining('unknown {token}')]);
    expect(messages('{code} {YYYY}-{NNNNN}')).toEqual([expect.stringContaining('letters, digits')]);
  });
});
