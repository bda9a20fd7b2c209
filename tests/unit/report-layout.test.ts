/**
 * The form as drawn: merged cells where the official form merges them. Tables 三 and 四 are
 * compared with the HTML tables of a report published in the 2019 trial format (上海市人民政府
 * 办公厅 2019: every rowspan and colspan below is read off it) and with the 2021 layout, where
 * （六） holds three items and 三、本年度办理结果 spans 22 rows.
 */
import { formLayout, layoutGrid, localizeTable, localizeTables, type LayoutCell } from '../../plugins/gov-disclosure/shared/domain/report-layout';
import { REPORT_TEMPLATES } from '../../plugins/gov-disclosure/shared/domain/report-templates';

const signature = (cell: LayoutCell): string => {
  if (cell.kind === 'value') return cell.colSpan > 1 ? `#×${cell.colSpan}` : '#';
  if (cell.kind === 'unit') return `unit:${cell.text}`;
  const rowSpan = 'rowSpan' in cell ? cell.rowSpan : 1;
  return `${cell.text}|${cell.colSpan}|${rowSpan}`;
};

const drawn = (templateId: string, tableId: string, values = {}) => {
  const table = REPORT_TEMPLATES[templateId].tables.find((t) => t.id === tableId)!;
  const layout = formLayout(localizeTable(table, values, 'zh'));
  return { layout, rows: [...layout.head, ...layout.body].map((r) => r.map(signature)) };
};

const values7 = ['#', '#', '#', '#', '#', '#', '#'];
const item = (label: string) => [`${label}|1|1`, ...values7];

/** Table 三 of the published 2019 report, row by row: [text, colspan, rowspan] of each label cell, # per value. */
const PUBLISHED_2019_T3 = [
  ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）|3|3', '申请人情况|7|1'],
  ['自然人|1|2', '法人或其他组织|5|1', '总计|1|2'],
  ['商业企业|1|1', '科研机构|1|1', '社会公益组织|1|1', '法律服务机构|1|1', '其他|1|1'],
  ['一、本年新收政府信息公开申请数量|3|1', ...values7],
  ['二、上年结转政府信息公开申请数量|3|1', ...values7],
  ['三、本年度办理结果|1|20', '（一）予以公开|2|1', ...values7],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）|2|1', ...values7],
  ['（三）不予公开|1|8', ...item('1.属于国家秘密')],
  item('2.其他法律行政法规禁止公开'),
  item('3.危及“三安全一稳定”'),
  item('4.保护第三方合法权益'),
  item('5.属于三类内部事务信息'),
  item('6.属于四类过程性信息'),
  item('7.属于行政执法案卷'),
  item('8.属于行政查询事项'),
  ['（四）无法提供|1|3', ...item('1.本机关不掌握相关政府信息')],
  item('2.没有现成信息需要另行制作'),
  item('3.补正后申请内容仍不明确'),
  ['（五）不予处理|1|5', ...item('1.信访举报投诉类申请')],
  item('2.重复申请'),
  item('3.要求提供公开出版物'),
  item('4.无正当理由大量反复申请'),
  item('5.要求行政机关确认或重新出具已获取信息'),
  ['（六）其他处理|2|1', ...values7],
  ['（七）总计|2|1', ...values7],
  ['四、结转下年度继续办理|3|1', ...values7],
];

const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** Table 四 as published: no row label, 行政诉讼 over its two kinds, the reconsideration outcomes reaching down two rows. */
const PUBLISHED_T4 = [
  ['行政复议|5|1', '行政诉讼|10|1'],
  [...OUTCOMES.map((o) => `${o}|1|2`), '未经复议直接起诉|5|1', '复议后起诉|5|1'],
  [...OUTCOMES, ...OUTCOMES].map((o) => `${o}|1|1`),
  Array.from({ length: 15 }, () => '#'),
];

describe('table 三', () => {
  it('2019 trial format: drawn exactly as the published report draws it', () => {
    expect(drawn('2019', 't3').rows).toEqual(PUBLISHED_2019_T3);
  });

  it('2021 format: （六）其他处理 is a group of three items and 三、本年度办理结果 spans 22 rows', () => {
    const { rows } = drawn('2021', 't3');
    expect(rows[5][0]).toBe('三、本年度办理结果|1|22');
    expect(rows.find((r) => r[0].startsWith('（六）其他处理'))).toEqual([
      '（六）其他处理|1|3',
      ...item('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
    ]);
    expect(rows.filter((r) => r.length === 8 || r.length === 9 || r.length === 10)).toHaveLength(25); // every row with cells
    // no cells of their own for the group labels
    expect(
      rows
        .flat()
        .filter((c) => /^（[三四五六]）/.test(c))
        .every((c) => !c.endsWith('|2|1'))
    ).toBe(true);
  });
});

describe('table 四', () => {
  it.each(['2019', '2021'])('%s: three header rows as published, one row of 15 counts without a label', (id) => {
    expect(drawn(id, 't4').rows).toEqual(PUBLISHED_T4);
  });
});

describe('table 二', () => {
  it('2021: four blocks, each its heading across the table, 信息内容 and its own columns', () => {
    const { rows, layout } = drawn('2021', 't2');
    expect(layout.width).toBe(4);
    expect(rows.slice(0, 5)).toEqual([
      ['第二十条第（一）项|4|1'],
      ['信息内容|1|1', '本年制发件数|1|1', '本年废止件数|1|1', '现行有效件数|1|1'],
      ['规章|1|1', '#', '#', '#'],
      ['行政规范性文件|1|1', '#', '#', '#'],
      ['第二十条第（五）项|4|1'],
    ]);
    expect(rows.slice(5, 7)).toEqual([
      ['信息内容|1|1', '本年处理决定数量|3|1'],
      ['行政许可|1|1', '#×3'],
    ]);
    expect(rows[rows.length - 2]).toEqual(['信息内容|1|1', '本年收费金额（单位：万元）|3|1']);
  });

  it('2019 trial format: five blocks with the trial headers; 采购总金额 prints its unit in the cell', () => {
    const { rows, layout } = drawn('2019', 't2', { 't2.20.9.procurement:amount': 25.1 });
    expect(rows.filter((r) => r.length === 1).map((r) => r[0].split('|')[0])).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
      '第二十条第（九）项',
    ]);
    expect(rows[1]).toEqual(['信息内容|1|1', '本年新制作数量|1|1', '本年新公开数量|1|1', '对外公开总数量|1|1']);
    expect(rows).toContainEqual(['信息内容|1|1', '上一年项目数量|2|1', '本年增/减|1|1']);
    expect(layoutGrid(layout).pop()).toEqual(['政府集中采购', '', '', '25.1万元']);
  });
});

describe('the 2008 form', () => {
  it('indicator, unit (—— for headings) and count, the hierarchy by indentation', () => {
    const { layout } = drawn('2008', 'statistics', { '1.1': 94 });
    expect(layout.head[0].map(signature)).toEqual(['统计指标|1|1', '单位|1|1', '统计数|1|1']);
    expect(layoutGrid(layout)[1]).toEqual(['一、主动公开情况', '——', '']);
    expect(layoutGrid(layout)[2]).toEqual(['（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', '94']);
    expect(layout.body[1][0]).toMatchObject({ kind: 'label', indent: 1 });
  });
});

describe('a number left in a cell the form does not have', () => {
  it('is printed as a note under its table, not dropped', () => {
    const tables = localizeTables(REPORT_TEMPLATES['2021'], { 't3.r3:natural': 5, 't3.r3.1:natural': 5 }, 'zh');
    expect(tables.find((t) => t.id === 't3')!.notes).toEqual(['注：「（三）不予公开 · 自然人」填有 5。现行表格中该项为分组标题，没有单元格，此数未列入上表。']);
    expect(tables.filter((t) => t.id !== 't3').every((t) => t.notes.length === 0)).toBe(true);
  });
});

describe('layoutGrid', () => {
  it('writes a merged cell once, at its top left, and leaves the rest of the merge blank', () => {
    const grid = layoutGrid(drawn('2021', 't3', { 't3.new:natural': 8 }).layout);
    expect(grid.every((row) => row.length === 10)).toBe(true);
    expect(grid[0].slice(0, 4)).toEqual(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况']);
    expect(grid[3]).toEqual(['一、本年新收政府信息公开申请数量', '', '', '8', '', '', '', '', '', '']);
    expect(grid[5].slice(0, 3)).toEqual(['三、本年度办理结果', '（一）予以公开', '']);
    expect(grid[6][0]).toBe('');
  });
});
