import { cellIndex, REPORT_TEMPLATES, retiredCellIndex } from './report-templates';
import { issue, type FieldIssue } from './field-issue';

/** A statistics table as stored: cell id → number, or null for a blank cell (blank is not zero). */
export type StatisticsValues = Record<string, number | null>;

const MONEY_DECIMALS = 4;

const decimals = (n: number): number => {
  const text = String(n);
  if (text.includes('e-')) return Number(text.split('e-')[1]);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
};

/**
 * Errors that make a statistics table unsavable: unknown cells and values that are not counts
 * (or amounts of money) at all. Sums that do not add up are warnings, checked elsewhere. A cell
 * the template retired keeps a stored count (it is reported until the office clears it).
 */
export const statisticsValueIssues = (templateId: string, statistics: unknown): FieldIssue[] => {
  const template = REPORT_TEMPLATES[templateId];
  if (!template) return [issue('template', `unknown template "${templateId}"; use one of ${Object.keys(REPORT_TEMPLATES).join(', ')}`)];
  if (statistics === null || statistics === undefined) return [];
  if (typeof statistics !== 'object' || Array.isArray(statistics)) {
    return [issue('statistics', 'must be an object mapping cell ids to numbers')];
  }
  const cells = cellIndex(template);
  const retired = retiredCellIndex(template);
  const issues: FieldIssue[] = [];
  for (const [cellId, value] of Object.entries(statistics as Record<string, unknown>)) {
    const path = ['statistics', cellId];
    const cell = cells.get(cellId) ?? (retired.has(cellId) ? ({ unit: '件', kind: 'count' } as const) : undefined);
    if (!cell) {
      issues.push(issue(path, `unknown cell "${cellId}" for the ${templateId} template (统计表中没有此单元格)`));
      continue;
    }
    if (value === null || value === '') continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      issues.push(issue(path, `must be a number or blank, got ${JSON.stringify(value)} (须为数字或留空)`));
      continue;
    }
    if (value < 0 && cell.kind !== 'change') {
      issues.push(issue(path, `must not be negative, got ${value} (不能为负数)`));
      continue;
    }
    if (cell.kind !== 'money' && !Number.isInteger(value)) {
      issues.push(issue(path, `is a count in ${cell.unit} and must be a whole number, got ${value} (须为整数)`));
    }
    if (cell.kind === 'money' && decimals(value) > MONEY_DECIMALS) {
      issues.push(issue(path, `is an amount in 万元 with at most ${MONEY_DECIMALS} decimals, got ${value} (最多保留四位小数)`));
    }
  }
  return issues;
};
