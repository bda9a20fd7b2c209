import { REPORT_TEMPLATES, templateCells } from '../../plugins/gov-disclosure/shared/domain/report-templates';

const referencedCells = (check: (typeof REPORT_TEMPLATES)[string]['checks'][number]): string[] => {
  switch (check.kind) {
    case 'sum':
      return [check.total, ...check.parts];
    case 'equation':
      return [...check.left, ...check.right];
    case 'not-more-than':
      return [check.cell, ...check.limit];
    case 'heading-blank':
      return [check.cell];
    default:
      return [];
  }
};

describe.each(Object.values(REPORT_TEMPLATES))('template ', (template) => {
  const cells = templateCells(template);
  const ids = new Set(cells.map((c) => c.id));

  it('has unique cell ids', () => {
    expect(ids.size).toBe(cells.length);
  });

  it('has unique row ids per table and six sections', () => {
    for (const table of template.tables) {
      expect(new Set(table.rows.map((r) => r.id)).size).toBe(table.rows.length);
    }
    expect(template.sections.map((s) => s.field)).toEqual(['section1', 'section2', 'section3', 'section4', 'section5', 'section6']);
  });

  it('references only existing cells in its checks, with unique check ids', () => {
    const missing = template.checks.flatMap((c) =>
      referencedCells(c)
        .filter((id) => !ids.has(id))
        .map((id) => `${c.id} → ${id}`)
    );
    expect(missing).toEqual([]);
    expect(new Set(template.checks.map((c) => c.id)).size).toBe(template.checks.length);
  });
});

describe('2008 template', () => {
  it('has the 64 rows of the seed form', () => {
    expect(REPORT_TEMPLATES['2008'].tables[0].rows).toHaveLength(64);
  });
});

describe('2021 template', () => {
  it('has table 三 with 7 columns and table 四 with 15', () => {
    const [, t3, t4] = REPORT_TEMPLATES['2021'].tables;
    expect(t3.columns).toHaveLength(7);
    expect(t4.columns).toHaveLength(15);
    expect(templateCells(REPORT_TEMPLATES['2021']).filter((c) => c.tableId === 't4')).toHaveLength(15);
  });
});
