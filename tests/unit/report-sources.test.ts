import { cellIndex, REPORT_TEMPLATES } from '../../plugins/gov-disclosure/shared/domain/report-templates';
import { CATALOG_MEASURES, cellSources, coverageOf, MEASURE_LABELS } from '../../plugins/gov-disclosure/shared/domain/report-sources';
import { APPEAL_KINDS, APPEAL_OUTCOMES, registerMeasureLabel } from '../../plugins/gov-disclosure/shared/domain/register-measures';
import { registerMeasureSql } from '../../plugins/gov-disclosure/server/src/domain/register-measures-sql';
import { measureSql, yearBounds } from '../../plugins/gov-disclosure/server/src/domain/report-measures';

describe('computed cells', () => {
  it.each(Object.keys(REPORT_TEMPLATES))('%s: every computed cell is a cell of its form, fed by a known measure or last year’s cell', (id) => {
    const cells = cellIndex(REPORT_TEMPLATES[id]);
    for (const [cell, source] of Object.entries(cellSources(id))) {
      expect(cells.has(cell)).toBe(true);
      if (source.kind === 'catalog') for (const m of source.measures) expect(CATALOG_MEASURES).toContain(m);
      else if (source.kind === 'register') {
        // every register measure has words and a condition; 二 falls back to last year's 四
        for (const m of source.measures) {
          expect(registerMeasureLabel(m, 'zh')).toMatch(/\S/);
          expect(registerMeasureSql(m, yearBounds(2020))).toMatch(/a\./);
        }
        if (source.fallback) expect(cellIndex(REPORT_TEMPLATES['2021']).has(source.fallback.cell)).toBe(true);
      } else if (source.kind === 'appeals') {
        for (const m of source.measures) expect(APPEAL_KINDS.flatMap((k) => APPEAL_OUTCOMES.map((o) => `${k}:${o}`))).toContain(m);
      } else expect(cellIndex(REPORT_TEMPLATES['2021']).has(source.cell)).toBe(true);
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
    // 2008: the catalog's 10 and the register's 8 (三 by channel and 办结 on time / extended)
    expect(coverageOf('2008')).toEqual({ cells: 58, computed: 18, typed: 40 });
    // since 2019: article 20 (1) from the catalog, all of tables 三 and 四 from the register
    expect(coverageOf('2019')).toEqual({ cells: 198, computed: 6 + 23 * 7 + 15, typed: 198 - 6 - 23 * 7 - 15 });
    expect(coverageOf('2021')).toEqual({ cells: 200, computed: 6 + 25 * 7 + 15, typed: 200 - 6 - 25 * 7 - 15 });
  });
});
