import { checkStatistics } from '../../plugins/gov-disclosure/shared/domain/report-checks';
import { REPORT_TEMPLATES } from '../../plugins/gov-disclosure/shared/domain/report-templates';
import { SEED_REPORT_2018 } from '../../src/seed/data/report-2018';

const cells = (findings: Array<{ cell: string }>) => findings.map((f) => f.cell).sort();

describe('勾稽 checks on the seed’s 2018 table', () => {
  const result = checkStatistics('2008', SEED_REPORT_2018.statistics);

  it('reports exactly its real problems and nothing else', () => {
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => ({ cell: w.cell, expected: w.expected, actual: w.actual }))).toEqual([
      { cell: '1', expected: null, actual: 1974 }, // row 一 carries 1974 = 94 + 1880
      { cell: '3', expected: null, actual: 2 }, // heading 三 carries a count
      { cell: '3.1', expected: 2, actual: null }, // 收到申请数 blank while 网络申请 = 2
      { cell: '3.2', expected: 2, actual: null }, // 申请办结数 blank while 按时办结 = 2
      { cell: '3.3', expected: 2, actual: null }, // 申请答复数 blank while 1 + 1
    ]);
  });

  it('explains each finding in words a clerk understands, in Chinese and English', () => {
    expect(result.warnings.find((w) => w.cell === '3.1')!.message).toBe('「（一）收到申请数」未填写，但其分项合计为 2，请填写合计数');
    expect(result.warnings.find((w) => w.cell === '1')!.message).toContain('是标题行');
    const en = checkStatistics('2008', SEED_REPORT_2018.statistics, 'en');
    expect(en.warnings.find((w) => w.cell === '3.1')!.message).toBe('「(1) Requests received」 is blank but its items add up to 2; fill in the total');
  });

  it('accepts the channel total (二) = 1348 + 400 + 132 = 1880 and 七(三) = 0 + 2', () => {
    expect(cells(result.warnings)).not.toContain('1.2');
    expect(cells(result.warnings)).not.toContain('7.3');
  });

  it('clears once the clerk fixes the table', () => {
    const fixed = { ...SEED_REPORT_2018.statistics, '1': null, '3': null, '3.1': 2, '3.2': 2, '3.3': 2 };
    expect(checkStatistics('2008', fixed)).toEqual({ errors: [], warnings: [] });
  });
});

describe('each kind of check, passing and failing', () => {
  it('sum: a wrong total', () => {
    expect(checkStatistics('2008', { '4': 3, '4.1': 1, '4.2': 1 }).warnings).toEqual([
      expect.objectContaining({ cell: '4', check: 'sum:4', expected: 2, actual: 3 }),
    ]);
    expect(checkStatistics('2008', { '4': 2, '4.1': 1, '4.2': 1 }).warnings).toEqual([]);
  });

  it('not-more-than: an "of which" row larger than its whole', () => {
    expect(checkStatistics('2008', { '1.1': 3, '1.1.a': 4 }).warnings).toEqual([
      expect.objectContaining({ cell: '1.1.a', check: 'limit:1.1.a', expected: 3, actual: 4 }),
    ]);
  });

  it('no limit between requests received and replies: a December request is answered in January', () => {
    expect(checkStatistics('2008', { '3.1': 1, '3.1.3': 1, '3.2': 2, '3.2.1': 2, '3.3': 2, '3.3.2': 2 }).warnings).toEqual([]);
  });

  it('equation: 2021 table 三, 一 + 二 = 三(七) + 四 in every column', () => {
    const ok = { 't3.new:natural': 5, 't3.carried:natural': 1, 't3.r1:natural': 4, 't3.r7:natural': 4, 't3.next:natural': 2 };
    expect(checkStatistics('2021', ok).warnings.filter((w) => w.check === 'balance:natural')).toEqual([]);
    const broken = { ...ok, 't3.next:natural': 1 };
    expect(checkStatistics('2021', broken).warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ check: 'balance:natural', expected: 6, actual: 5 })])
    );
  });

  it('row totals: the 总计 column is the sum of the applicant columns', () => {
    const values = { 't3.new:natural': 2, 't3.new:commercial': 1, 't3.new:total': 4 };
    expect(checkStatistics('2021', values).warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ cell: 't3.new:total', check: 'row-total:t3.new', expected: 3, actual: 4 })])
    );
  });

  it('table 四: each 总计 is the four outcomes', () => {
    expect(checkStatistics('2021', { 't4.cases:review.upheld': 1, 't4.cases:review.total': 2 }).warnings).toEqual([
      expect.objectContaining({ cell: 't4.cases:review.total', expected: 1, actual: 2 }),
    ]);
  });

  it('errors: not a number, negative, fraction of a count, money with five decimals, unknown cell', () => {
    const { errors, warnings } = checkStatistics('2021', {
      't3.new:natural': -1,
      't3.carried:natural': 0.5,
      't2.20.8.fees:amount': 1.23456,
      'x:y': 1,
      't3.r1:natural': 'a',
    });
    expect(cells(errors)).toEqual(['t2.20.8.fees:amount', 't3.carried:natural', 't3.new:natural', 't3.r1:natural', 'x:y']);
    expect(warnings).toEqual([]);
  });

  it('every template check has passing data (all blank) and declared cells', () => {
    for (const template of Object.values(REPORT_TEMPLATES)) {
      expect(checkStatistics(template.id, {})).toEqual({ errors: [], warnings: [] });
    }
  });
});
