import { TEMPLATE_2008 } from './template-2008';
import { TEMPLATE_2021 } from './template-2021';
import { templateCells, type ReportTemplate, type TemplateCell } from './types';

export * from './types';
export { TEMPLATE_2008, TEMPLATE_2021 };

export const REPORT_TEMPLATES: Record<string, ReportTemplate> = {
  [TEMPLATE_2008.id]: TEMPLATE_2008,
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
