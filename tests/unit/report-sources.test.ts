import { cellIndex, REPORT_TEMPLATES } from '../../plugins/gov-disclosure/shared/domain/report-templates';
import { CATALOG_MEASURES, cellSources, coverageOf, MEASURE_LABELS } from '../../plugins/gov-disclosure/shared/domain/report-sources';
import { measureSql, yearBounds } from '../../plugins/gov-disclosure/server/src/domain/report-measures';

describe('computed cells', () => {
  it.each(Object.keys(REPORT_TEMPLATES))('%s: every computed cell is a cell of its form, fed by a known measure or last year’s cell', (id) => {
    const cells = cellIndex(REPORT_TEMPLATES[id]);
    for (const [cell, source] of Object.entries(cellSources(id))) {
      expect(cells.has(cell)).toBe(true);
      if (source.kind === 'catalog') for (const m of source.measures) expect(CATALOG_MEASURES).toContain(m);
      else expect(cellIndex(REPORT_TEMPLATES['2021']).has(source.cell)).toBe(true);
    }
  });

  it('every measure has words for the records list and a condition in SQL on both databases', () => {
    for (const client of ['sqlite', 'postgres']) {
      const sql = measureSql(yearBounds(2020), client);
      for (const m of CATALOG_MEASURES) {
        expect(MEASURE_LABELS[m].zh).toMatch(/\S/);
        expect(sql[m].when).toMatch(/^e\./);
      }
    }
    expect(measureSql(yearBounds(2020), 'postgres').channel_weibo.when).toContain(`@> '["weibo"]'::jsonb`);
  });

  it('refuses a year that is not a plain integer (it is written into the SQL)', () => {
    expect(() => yearBounds(2020.5)).toThrow(RangeError);
    expect(() => yearBounds(Number('2020; DROP TABLE x'))).toThrow(RangeError);
  });

  it('coverage: how much of each form the product’s own data answers', () => {
    expect(coverageOf('2008')).toEqual({ cells: 58, computed: 10, typed: 48 });
    expect(coverageOf('2019')).toEqual({ cells: 198, computed: 13, typed: 185 });
    expect(coverageOf('2021')).toEqual({ cells: 200, computed: 13, typed: 187 });
  });
});
