import {
  CATALOG_FILE_HEADERS,
  exportCells,
  guardFormula,
  hasListSeparator,
  mapHeaders,
  parseLegacyDate,
  readRow,
  type ExportEntry,
  type ImportContext,
} from '../../plugins/gov-disclosure/server/src/domain/catalog-file';

const context: ImportContext = {
  organization: { name: '温州市质量技术监督局', code: '11330300002579909B', indexNumberPattern: '{code}/{YYYY}-{NNNNN}' },
  resolveSubject: (text) =>
    text === '09.02' || text === '质量监督' ? { id: 7, code: '09.02' } : { problem: `"${text}" is not in the national 主题分类 list` },
  resolveColumn: (text) => (text === '通知公告' ? { id: 3 } : null),
};

const header = mapHeaders(CATALOG_FILE_HEADERS).byField;
const row = (values: Record<string, string>) => CATALOG_FILE_HEADERS.map((h) => values[h] ?? '');

describe('legacy catalog file', () => {
  it('reads the dates legacy systems write, and refuses impossible ones', () => {
    expect(parseLegacyDate('2018-3-5')).toBe('2018-03-05');
    expect(parseLegacyDate('2018/03/05')).toBe('2018-03-05');
    expect(parseLegacyDate('2018年3月5日')).toBe('2018-03-05');
    expect(parseLegacyDate('20180305')).toBe('2018-03-05');
    expect(parseLegacyDate('2018-03-05 10:00:00')).toBe('2018-03-05');
    expect(parseLegacyDate('2018-02-30')).toBeNull();
    expect(parseLegacyDate('三月五日')).toBeNull();
  });

  it('maps headers and their aliases, warns about unknown ones, requires 名称 and 发布日期', () => {
    const { byField, issues } = mapHeaders(['标题', '公开日期', '备注', '正文']);
    expect([...byField.entries()]).toEqual([
      ['title', 0],
      ['publishedDate', 1],
      ['body', 3],
    ]);
    expect(issues).toEqual([expect.objectContaining({ column: '备注', severity: 'warning' })]);
    expect(mapHeaders(['索引号']).issues.map((i) => i.column)).toEqual(['名称', '发布日期']);
  });

  it('reads a good row into entry values', () => {
    const { row: read, issues } = readRow(
      row({
        索引号: '11330300002579909B/2015-00007',
        名称: '关于电梯安全检查的通知',
        发布日期: '2015年3月5日',
        文号: '温质监[2015]12号',
        主题分类: '质量监督',
        体裁分类: '通知',
        有效性: '有效',
        公开方式: '主动公开',
        栏目: '通知公告；通知公告',
      }),
      2,
      header,
      context
    );
    expect(issues).toEqual([]);
    expect(read?.values).toMatchObject({
      indexNumber: '11330300002579909B/2015-00007',
      publishedDate: '2015-03-05',
      documentNumber: '温质监〔2015〕12号',
      subjectCategoryId: 7,
      genre: 'notice',
      validity: 'effective',
      disclosureMode: 'proactive',
      columnIds: [3],
    });
  });

  it('names each bad cell of a row', () => {
    const { row: read, issues } = readRow(
      row({ 索引号: '11330300002579909C/2015-00007', 名称: '', 成文日期: '2015-03-09', 发布日期: '2015-03-05', 体裁分类: '喜报', 公开方式: '不予公开' }),
      5,
      header,
      context
    );
    expect(read).toBeNull();
    expect(issues.map((i) => [i.row, i.column]).sort()).toEqual(
      [
        [5, '不予公开理由'],
        [5, '体裁分类'],
        [5, '名称'],
        [5, '成文日期'],
        [5, '索引号'],
      ].sort()
    );
  });

  const exported: ExportEntry = {
    indexNumber: '11330300002579909B/2015-00007',
    title: '关于电梯安全检查的通知',
    organization: '温州市质量技术监督局',
    writtenDate: '2015-03-01',
    publishedDate: '2015-03-05',
    documentNumber: '温质监〔2015〕12号',
    subject: '质量监督',
    genre: 'interpretation',
    validity: 'repealed',
    disclosureMode: 'proactive',
    keywords: '电梯',
    body: '正文',
    columns: ['通知公告'],
    repealedDate: '2016-01-01',
    withholdReason: null,
    interprets: ['11330300002579909B/2015-00001'],
    summary: '概述',
    effectiveDate: '2015-04-01',
    disclosureScope: 'specific',
    disclosureTerm: 'time_limited',
    channels: ['gazette', 'wechat'],
    documentKind: 'regulation',
  };

  it('writes a row the reader reads back to the same values, every column', () => {
    const cells = exportCells(exported);
    expect(cells).toHaveLength(CATALOG_FILE_HEADERS.length);
    const { row: read, issues } = readRow(cells, 2, header, context);
    expect(issues).toEqual([]);
    expect(read?.values).toEqual({
      indexNumber: exported.indexNumber,
      title: exported.title,
      writtenDate: '2015-03-01',
      publishedDate: '2015-03-05',
      documentNumber: '温质监〔2015〕12号',
      subjectCategoryId: 7,
      genre: 'interpretation',
      validity: 'repealed',
      disclosureMode: 'proactive',
      keywords: '电梯',
      body: '正文',
      columnIds: [3],
      repealedDate: '2016-01-01',
      withholdReason: null,
      interprets: ['11330300002579909B/2015-00001'],
      summary: '概述',
      effectiveDate: '2015-04-01',
      disclosureScope: 'specific',
      disclosureTerm: 'time_limited',
      channels: ['gazette', 'wechat'],
      documentKind: 'regulation',
    });
  });

  it('defaults the columns a legacy file lacks: public, long term, other kind, channels unknown', () => {
    const { row: read } = readRow(row({ 名称: '旧系统条目', 发布日期: '2015-03-05' }), 2, header, context);
    expect(read?.values).toMatchObject({
      disclosureScope: 'public',
      disclosureTerm: 'long_term',
      documentKind: 'other',
      channels: null,
      summary: null,
      effectiveDate: null,
    });
  });

  it('normalizes the brackets of a 文号 named as 解读对象', () => {
    const { row: read } = readRow(
      row({ 名称: '解读', 发布日期: '2015-03-05', 体裁分类: '政策解读', 解读对象: '温质监[2015]12号；温质监【2016】3号' }),
      2,
      header,
      context
    );
    expect(read?.values.interprets).toEqual(['温质监〔2015〕12号', '温质监〔2016〕3号']);
  });

  it('quotes a CSV cell Excel would run as a formula, and reads it back as written', () => {
    for (const cell of ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '- 列表项']) {
      expect(guardFormula(cell)).toBe(`'${cell}`);
      const { row: read } = readRow(row({ 名称: guardFormula(cell), 发布日期: '2015-03-05', 内容: guardFormula(cell) }), 2, header, context);
      expect(read?.values).toMatchObject({ title: cell.trim(), body: cell.trim() });
    }
    expect(guardFormula('关于电梯')).toBe('关于电梯');
    // an apostrophe a title really starts with stays
    expect(readRow(row({ 名称: "'90年代档案", 发布日期: '2015-03-05' }), 2, header, context).row?.values.title).toBe("'90年代档案");
  });

  it('knows which column names a list cell would cut in two', () => {
    expect(hasListSeparator('财政预决算、三公经费')).toBe(true);
    expect(hasListSeparator('通知公告')).toBe(false);
  });
});
