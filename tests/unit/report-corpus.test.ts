/**
 * The regression corpus: real published reports must validate with no errors and no false
 * warnings. Where a published table really is inconsistent, the exact findings are pinned here
 * (the seed's 2018 table; 上海市人民政府办公厅 2019, whose 总计 column is blank in eleven rows
 * with filled parts). Sources are in each fixture.
 */
import { checkStatistics } from '../../plugins/gov-disclosure/shared/domain/report-checks';
import { REPORT_TEMPLATES } from '../../plugins/gov-disclosure/shared/domain/report-templates';
import { corpusReports, mapReport, normalize } from '../helpers/report-corpus';
import { readSeedStatisticsTable } from '../helpers/seed-document';

const blankTotals = (rows: string[]) => rows.map((r) => `row-total:${r}`);

/** Findings a published table really has, by fixture; every other fixture must be clean. */
const PINNED: Record<string, string[]> = {
  '2019-city-shanghai-bangongting-2019.json': blankTotals([
    't3.r1',
    't3.r2',
    't3.r3.1',
    't3.r3.5',
    't3.r3.6',
    't3.r3.8',
    't3.r4.1',
    't3.r4.2',
    't3.r4.3',
    't3.r5.1',
    't3.r5.2',
  ]),
};

const reports = corpusReports();

describe('the corpus', () => {
  it('holds at least five reports besides the seed, in both post-2019 formats and at several levels', () => {
    expect(reports.length).toBeGreaterThanOrEqual(5);
    expect(new Set(reports.map((r) => r.format))).toEqual(new Set(['2019', '2021']));
    expect(new Set(reports.map((r) => r.level)).size).toBeGreaterThanOrEqual(3);
    for (const r of reports) expect(r.source).toMatch(/\S/);
  });
});

describe.each(reports)('$file', (report) => {
  const { values, mismatches } = mapReport(report, report.format);

  it('reads onto its form row for row, label for label', () => {
    expect(mismatches).toEqual([]);
  });

  it('validates with no errors and no false warnings', () => {
    const { errors, warnings } = checkStatistics(report.format, values);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.check).sort()).toEqual([...(PINNED[report.file] ?? [])].sort());
  });
});

describe('a 2019 report checked against the 2021 form (the case that once gave 10 false warnings)', () => {
  const shanghai = reports.find((r) => r.file === '2019-city-shanghai-bangongting-2019.json')!;
  const { values } = mapReport(shanghai, '2021');
  const { errors, warnings } = checkStatistics('2021', values);

  it('finds only the eleven blank totals', () => {
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.check).sort()).toEqual([...PINNED[shanghai.file]].sort());
  });

  it('says no word about （七） or the group labels （三）…（五）', () => {
    expect(warnings.filter((w) => /（七）|（三）不予公开 ·|（四）无法提供 ·|（五）不予处理 ·/.test(w.message))).toEqual([]);
    expect(warnings[0].message).toMatch(/^「（一）予以公开 · 总计」未填写，但其分项合计为 272，请填写合计数$/);
  });
});

describe('the seed (温州市质量技术监督局 2018, the 2008 form)', () => {
  const printed = readSeedStatisticsTable();
  const rows = REPORT_TEMPLATES['2008'].tables[0].rows;

  it('prints the 2008 template’s 64 rows, labels and units in order', () => {
    expect(printed.map((r) => normalize(r.label))).toEqual(rows.map((r) => normalize(r.label)));
    expect(printed.map((r) => r.unit)).toEqual(rows.map((r) => (r.heading ? '——' : r.unit)));
  });

  it('has exactly its real problems', () => {
    const values = Object.fromEntries(printed.map((r, i) => [rows[i].id, r.value]));
    const { errors, warnings } = checkStatistics('2008', values);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.check)).toEqual(['heading:1', 'heading:3', 'sum:3.1', 'sum:3.2', 'sum:3.3']);
  });
});
