import {
  annualReportIssues,
  retiredCellIssues,
  catalogEntryIssues,
  columnIssues,
  interpretationIssues,
  interpretationPublishIssues,
  organizationIssues,
  subjectCategoryIssues,
} from '../../plugins/gov-disclosure/server/src/domain/content-rules';

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

describe('政策解读 links', () => {
  const policy = { documentId: 'p', title: '温州市名牌产品认定管理办法', genre: 'notice' };
  const other = { documentId: 'i', title: '《办法》政策解读', genre: 'interpretation' };
  const links = (extra: Partial<Parameters<typeof interpretationIssues>[0]>) => ({
    genre: 'interpretation',
    interprets: [],
    interpretedBy: [],
    stranded: [],
    ...extra,
  });

  it('accepts an interpretation of a policy document, and the policy interpreted by it', () => {
    expect(interpretationIssues(links({ interprets: [policy] }))).toEqual([]);
    expect(interpretationIssues(links({ genre: 'notice', interpretedBy: [other] }))).toEqual([]);
    expect(interpretationIssues(links({ genre: 'notice' }))).toEqual([]);
  });
  it('needs an interpretation to link a document, which is not an interpretation', () => {
    expect(paths(interpretationIssues(links({})))).toEqual(['interprets']);
    const issues = interpretationIssues(links({ interprets: [policy, other] }));
    expect(paths(issues)).toEqual(['interprets']);
    expect(issues[0].message).toContain('"《办法》政策解读" is itself a 政策解读');
  });
  it('lets only an interpretation interpret', () => {
    expect(paths(interpretationIssues(links({ genre: 'notice', interprets: [policy] })))).toEqual(['interprets']);
  });
  it('refuses to make an interpreted document an interpretation, naming genre', () => {
    expect(paths(interpretationIssues(links({ interprets: [policy], interpretedBy: [other] })))).toEqual(['genre']);
  });
  it('lists only interpretations as interpretations, and none left linking nothing', () => {
    expect(paths(interpretationIssues(links({ genre: 'notice', interpretedBy: [policy] })))).toEqual(['interpretations']);
    expect(paths(interpretationIssues(links({ genre: 'notice', stranded: [other] })))).toEqual(['interpretations']);
  });
  it('publishes an interpretation only with a live policy document', () => {
    expect(paths(interpretationPublishIssues('interpretation', 0))).toEqual(['interprets']);
    expect(interpretationPublishIssues('interpretation', 1)).toEqual([]);
    expect(interpretationPublishIssues('notice', 0)).toEqual([]);
  });
});

describe('主题分类 rule', () => {
  const category = (extra: Partial<Parameters<typeof subjectCategoryIssues>[0]>) => ({
    code: '09.02',
    name: '质量监督',
    hasParent: true,
    hasChildren: false,
    topCode: '09',
    ...extra,
  });
  it('accepts a leaf and a top level of the national list, and an agency’s own leaf under it', () => {
    expect(subjectCategoryIssues(category({}))).toEqual([]);
    expect(subjectCategoryIssues(category({ code: '09', name: '市场监管、安全生产监管', hasParent: false, hasChildren: true }))).toEqual([]);
    expect(subjectCategoryIssues(category({ code: '21', name: '国防', hasParent: false, topCode: '21' }))).toEqual([]);
    expect(subjectCategoryIssues(category({ code: '09.07', name: '计量' }))).toEqual([]);
  });
  it('refuses a middle category and one outside the national list', () => {
    expect(paths(subjectCategoryIssues(category({ hasChildren: true })))).toEqual(['subjectCategory']);
    const outside = subjectCategoryIssues(category({ code: '23', name: '本地特色', hasParent: false, topCode: '23' }));
    expect(paths(outside)).toEqual(['subjectCategory']);
    expect(outside[0].message).toContain('not on the national 主题分类 list');
  });
});

describe('annual report rules', () => {
  it('refuses an unknown template', () => {
    expect(paths(annualReportIssues({ template: '2020' }))).toEqual(['template']);
  });
  it('names each bad statistics cell', () => {
    const issues = annualReportIssues({
      template: '2008',
      statistics: { '1.1': -1, '3.1': 1.5, '7.4': 1.23456, nope: 3, '2.1': '4', '3.1.3': 2, '7.4x': null },
    });
    expect(paths(issues).sort()).toEqual(['statistics.1.1', 'statistics.2.1', 'statistics.3.1', 'statistics.7.4', 'statistics.7.4x', 'statistics.nope'].sort());
  });
  it('accepts money with four decimals, blanks and integers', () => {
    expect(annualReportIssues({ template: '2008', statistics: { '7.4': 1.2345, '3.1': null, '3.1.3': 2 } })).toEqual([]);
  });
  it('knows the 2019 trial format: signed 本年增/减, a single （六） row, no cells for its group labels', () => {
    expect(
      annualReportIssues({ template: '2019', statistics: { 't2.20.5.licensing:change': -3, 't3.r6:natural': 1, 't2.20.9.procurement:amount': 25.1 } })
    ).toEqual([]);
    expect(
      paths(
        annualReportIssues({
          template: '2019',
          statistics: { 't2.20.5.licensing:change': -0.5, 't3.r6.1:natural': 1, 't3.r3:natural': 1, 't2.20.5.licensing:decisions': -1 },
        })
      ).sort()
    ).toEqual(['statistics.t2.20.5.licensing:change', 'statistics.t2.20.5.licensing:decisions', 'statistics.t3.r3:natural', 'statistics.t3.r6.1:natural']);
  });
  it('keeps a number stored in a cell the 2021 form no longer has, but takes no new one', () => {
    // a report saved by the earlier template, which gave （三）不予公开 a cell of its own
    expect(annualReportIssues({ template: '2021', statistics: { 't3.r3:natural': 5 } })).toEqual([]);
    expect(retiredCellIssues('2021', { 't3.r3:natural': 5 }, { 't3.r3:natural': 5 })).toEqual([]);
    expect(retiredCellIssues('2021', { 't3.r3:natural': null }, { 't3.r3:natural': 5 })).toEqual([]);
    expect(retiredCellIssues('2021', {}, { 't3.r3:natural': 5 })).toEqual([]);
    expect(paths(retiredCellIssues('2021', { 't3.r3:natural': 6 }, { 't3.r3:natural': 5 }))).toEqual(['statistics.t3.r3:natural']);
    expect(paths(retiredCellIssues('2021', { 't3.r6:total': 1 }, null))).toEqual(['statistics.t3.r6:total']);
    expect(retiredCellIssues('2019', { 't3.r6:total': 1 }, null)).toEqual([]); // a real cell of the trial format
  });
  it('knows the 2021 cells', () => {
    expect(annualReportIssues({ template: '2021', statistics: { 't3.new:natural': 3, 't2.20.8.fees:amount': 0.5, 't4.cases:review.total': 0 } })).toEqual([]);
    expect(paths(annualReportIssues({ template: '2021', statistics: { 't2.20.1.regulation:decisions': 1 } }))).toEqual([
      'statistics.t2.20.1.regulation:decisions',
    ]);
  });
});
