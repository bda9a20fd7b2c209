import { TEMPLATE_2008 } from './template-2008';
import { TEMPLATE_2019 } from './template-2019';
import { TEMPLATE_2021 } from './template-2021';
import { templateCells, type ReportTemplate, type RetiredCell, type TemplateCell } from './types';

export * from './types';
export { TEMPLATE_2008, TEMPLATE_2019, TEMPLATE_2021 };

export const REPORT_TEMPLATES: Record<string, ReportTemplate> = {
  [TEMPLATE_2008.id]: TEMPLATE_2008,
  [TEMPLATE_2019.id]: TEMPLATE_2019,
  [TEMPLATE_2021.id]: TEMPLATE_2021,
};

const cellIndexCache = new Map<string, Map<string, TemplateCell>>();

/** Cells of a template by id (computed once per template). */
export const cellIndex = (template: ReportTemplate): Map<string, TemplateCell> => {
  let index = cellIndexCache.get(template.id);
  if (!index) {
    index = new Map(templateCells(template).map((c) => [c.id, c]));
    cellIndexCache.set(template.id, index);
  }
  return index;
};

const retiredIndexCache = new Map<string, Map<string, RetiredCell>>();

/** Cells the template's earlier edition had, by id (computed once per template: every cell label asks). */
export const retiredCellIndex = (template: ReportTemplate): Map<string, RetiredCell> => {
  let index = retiredIndexCache.get(template.id);
  if (!index) {
    index = new Map((template.retiredCells ?? []).map((c) => [c.id, c]));
    retiredIndexCache.set(template.id, index);
  }
  return index;
};

const pick = (l: { label: string; labelEn: string }, lang: 'zh' | 'en') => (lang === 'en' ? l.labelEn : l.label);

/**
 * A cell's name as a clerk reads it off the form: 「（三）不予公开 1.属于国家秘密 · 自然人」,
 * 「行政诉讼 · 复议后起诉 · 总计」, or the row alone in a one-column table.
 */
export const cellLabel = (template: ReportTemplate, cellId: string, lang: 'zh' | 'en' = 'zh'): string => {
  const retired = retiredCellIndex(template).get(cellId);
  if (retired) return pick(retired, lang);
  const cell = cellIndex(template).get(cellId);
  if (!cell) return cellId;
  const table = template.tables.find((t) => t.id === cell.tableId)!;
  const index = table.rows.findIndex((r) => r.id === cell.rowId);
  const row = table.rows[index];
  // a numbered item (1.…) is named with the group label it sits under
  const group = /^\d/.test(row.label)
    ? table.rows
        .slice(0, index)
        .reverse()
        .find((r) => r.kind === 'group' && r.level < row.level)
    : undefined;
  const rowName = group ? `${pick(group, lang)} ${pick(row, lang)}` : pick(row, lang);
  if (table.columns.length === 1) return rowName;
  const column = table.columns.find((c) => c.id === cell.columnId)!;
  if (table.rowLabels !== false) return `${rowName} · ${pick(column, lang)}`;
  return [...(column.groups ?? []), column].map((l) => pick(l, lang)).join(' · ');
};
