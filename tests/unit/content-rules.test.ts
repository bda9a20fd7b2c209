import { annualReportIssues, catalogEntryIssues, columnIssues, organizationIssues } from '../../plugins/gov-disclosure/server/src/domain/content-rules';

const paths = (issues: Array<{ path: string[] }>) => issues.map((i) => i.path.join('.'));

describe('organization rules', () => {
  it('accepts a valid code and pattern', () => {
    expect(organizationIssues({ code: '11620622013933539B', indexNumberPattern: '{code}/{YYYY}-{NNNNN}' })).toEqual([]);
  });
  it('names code when the check digit is wrong', () => {
    const issues = organizationIssues({ code: '11620622013933539A' });
    expect(paths(issues)).toEqual(['code']);
    expect(issues[0].message).toContain('expected "B"');
  });
  it('names indexNumberPattern when it has no serial', () => {
    expect(paths(organizationIssues({ code: '000014349', indexNumberPattern: '{code}/{YYYY}' }))).toEqual(['indexNumberPattern']);
  });
});

describe('column rules', () => {
  it('needs a URL for a link column', () => {
    expect(paths(columnIssues({ kind: 'link', linkUrl: '' }))).toEqual(['linkUrl']);
    expect(columnIssues({ kind: 'link', linkUrl: 'https://www.zjzwfw.gov.cn/' })).toEqual([]);
    expect(columnIssues({ kind: 'link', linkUrl: '/portal/catalog' })).toEqual([]);
  });
  it('refuses script URLs', () => {
    expect(paths(columnIssues({ kind: 'link', linkUrl: 'javascript:alert(1)' }))).toEqual(['linkUrl']);
  });
  it('refuses a URL on a list column', () => {
    expect(paths(columnIssues({ kind: 'list', linkUrl: 'https://example.org' }))).toEqual(['linkUrl']);
    expect(columnIssues({ kind: 'list', linkUrl: null })).toEqual([]);
  });
});

describe('catalog entry rules', () => {
  const base = { disclosureMode: 'proactive', validity: 'effective' };
  it('accepts a plain entry', () => {
    expect(catalogEntryIssues({ ...base, writtenDate: '2018-03-20', publishedDate: '2018-03-26', channels: ['website'] })).toEqual([]);
  });
  it('needs a reason for 不予公开', () => {
    expect(paths(catalogEntryIssues({ ...base, disclosureMode: 'withheld', withholdReason: ' ' }))).toEqual(['withholdReason']);
    expect(catalogEntryIssues({ ...base, disclosureMode: 'withheld', withholdReason: '涉及国家秘密' })).toEqual([]);
  });
  it('refuses 成文日期 after 发布日期', () => {
    expect(paths(catalogEntryIssues({ ...base, writtenDate: '2018-04-01', publishedDate: '2018-03-01' }))).toEqual(['writtenDate']);
  });
  it('needs a 废止日期 when repealed, not before the effective date', () => {
    expect(paths(catalogEntryIssues({ ...base, validity: 'repealed' }))).toEqual(['repealedDate']);
    expect(paths(catalogEntryIssues({ ...base, validity: 'repealed', effectiveDate: '2019-01-01', repealedDate: '2018-01-01' }))).toEqual(['repealedDate']);
  });
  it('checks channels', () => {
    expect(paths(catalogEntryIssues({ ...base, channels: ['website', 'tiktok'] }))).toEqual(['channels']);
    expect(paths(catalogEntryIssues({ ...base, channels: ['website', 'website'] }))).toEqual(['channels']);
    expect(paths(catalogEntryIssues({ ...base, channels: 'website' }))).toEqual(['channels']);
  });
});

describe('annual report rules', () => {
  it('refuses an unknown template', () => {
    expect(paths(annualReportIssues({ template: '2019' }))).toEqual(['template']);
  });
  it('names each bad statistics cell', () => {
    const issues = annualReportIssues({
      template: '2008',
      statistics: { '1.1': -1, '3.1': 1.5, '7.4': 1.23456, 'nope': 3, '2.1': '4', '3.1.3': 2, '7.4x': null },
    });
    expect(paths(issues).sort()).toEqual(['statistics.1.1', 'statistics.2.1', 'statistics.3.1', 'statistics.7.4', 'statistics.7.4x', 'statistics.nope'].sort());
  });
  it('accepts money with four decimals, blanks and integers', () => {
    expect(annualReportIssues({ template: '2008', statistics: { '7.4': 1.2345, '3.1': null, '3.1.3': 2 } })).toEqual([]);
  });
  it('knows the 2021 cells', () => {
    expect(annualReportIssues({ template: '2021', statistics: { 't3.new:natural': 3, 't2.20.8.fees:amount': 0.5, 't4.cases:review.total': 0 } })).toEqual([]);
    expect(paths(annualReportIssues({ template: '2021', statistics: { 't2.20.1.regulation:decisions': 1 } }))).toEqual(['statistics.t2.20.1.regulation:decisions']);
  });
});
