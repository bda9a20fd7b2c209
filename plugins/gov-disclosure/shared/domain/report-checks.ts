/**
 * 勾稽关系: runs a template's declared checks over a statistics table. Errors make a table
 * unsavable (not a count, negative, unknown cell, money with more than four decimals); warnings
 * are the sums and limits that do not hold, blank totals over filled parts, headings that carry a
 * value, and numbers left in cells the official form does not have. Messages are written for the
 * clerk who fills the form, in Chinese or English.
 */
import { cellLabel, REPORT_TEMPLATES, type ReportTemplate, type TemplateCheck } from './report-templates';
import { statisticsValueIssues, type StatisticsValues } from './statistics-values';

export interface CheckFinding {
  cell: string;
  check?: string;
  message: string;
  expected?: number | null;
  actual?: number | null;
}

export interface CheckResult {
  errors: CheckFinding[];
  warnings: CheckFinding[];
}

type Lang = 'zh' | 'en';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const round = (n: number) => Math.round(n * 10_000) / 10_000;

const sumOf = (values: StatisticsValues, cells: string[]) => {
  const filled = cells.map((c) => num(values[c])).filter((v): v is number => v !== null);
  return { filled: filled.length, total: round(filled.reduce((a, b) => a + b, 0)) };
};

const runCheck = (template: ReportTemplate, check: TemplateCheck, values: StatisticsValues, lang: Lang): CheckFinding | null => {
  const L = (cell: string) => `「${cellLabel(template, cell, lang)}」`;
  switch (check.kind) {
    case 'sum': {
      const total = num(values[check.total]);
      const parts = sumOf(values, check.parts);
      if (total === null) {
        if (parts.filled === 0) return null;
        return {
          cell: check.total,
          check: check.id,
          expected: parts.total,
          actual: null,
          message:
            lang === 'en'
              ? `${L(check.total)} is blank but its items add up to ${parts.total}; fill in the total`
              : `${L(check.total)}未填写，但其分项合计为 ${parts.total}，请填写合计数`,
        };
      }
      if (parts.filled === 0 || parts.total === total) return null;
      return {
        cell: check.total,
        check: check.id,
        expected: parts.total,
        actual: total,
        message:
          lang === 'en'
            ? `${L(check.total)} is ${total} but its items add up to ${parts.total}`
            : `${L(check.total)}为 ${total}，但其分项合计为 ${parts.total}，二者应相等`,
      };
    }
    case 'equation': {
      const left = sumOf(values, check.left);
      const right = sumOf(values, check.right);
      if (left.filled === 0 && right.filled === 0) return null;
      if (left.total === right.total) return null;
      const names = (cells: string[]) => cells.map(L).join(' + ');
      return {
        cell: check.right[0],
        check: check.id,
        expected: left.total,
        actual: right.total,
        message:
          lang === 'en'
            ? `${names(check.left)} = ${left.total} should equal ${names(check.right)} = ${right.total}`
            : `${names(check.left)} = ${left.total}，应等于 ${names(check.right)} = ${right.total}`,
      };
    }
    case 'not-more-than': {
      const value = num(values[check.cell]);
      const limit = sumOf(values, check.limit);
      if (value === null || limit.filled === 0 || value <= limit.total) return null;
      return {
        cell: check.cell,
        check: check.id,
        expected: limit.total,
        actual: value,
        message:
          lang === 'en'
            ? `${L(check.cell)} (${value}) cannot be more than ${check.limit.map(L).join(' + ')} (${limit.total})`
            : `${L(check.cell)}（${value}）不能多于${check.limit.map(L).join('与')}（${limit.total}）`,
      };
    }
    case 'heading-blank': {
      const value = num(values[check.cell]);
      if (value === null) return null;
      return {
        cell: check.cell,
        check: check.id,
        expected: null,
        actual: value,
        message:
          lang === 'en'
            ? `${L(check.cell)} is a heading (unit ——) and carries no count, yet it holds ${value}`
            : `${L(check.cell)}是标题行（单位为“——”），不应填写数值，当前为 ${value}`,
      };
    }
    default:
      return null;
  }
};

/** A number stored in a cell the form does not have stays visible to the office until cleared. */
const retiredFindings = (template: ReportTemplate, values: StatisticsValues, lang: Lang): CheckFinding[] =>
  (template.retiredCells ?? []).flatMap(({ id }) => {
    const value = num(values[id]);
    if (value === null) return [];
    const label = `「${cellLabel(template, id, lang)}」`;
    return [
      {
        cell: id,
        check: `retired:${id}`,
        expected: null,
        actual: value,
        message:
          lang === 'en'
            ? `${label} has no cell on the official form (it is a merged group label), yet the stored table holds ${value} there: move the number to the items below it, then clear it`
            : `${label}在现行表格中没有单元格（是合并的分组标题），但已保存的数据中仍有 ${value}：请将该数分到其下各项后清除`,
      },
    ];
  });

export const checkStatistics = (templateId: string, statistics: unknown, lang: Lang = 'zh'): CheckResult => {
  const template = REPORT_TEMPLATES[templateId];
  const errors: CheckFinding[] = statisticsValueIssues(templateId, statistics).map((i) => ({
    cell: i.path.slice(1).join('.') || i.path.join('.'),
    message: i.message,
  }));
  if (!template || errors.length > 0) return { errors, warnings: [] };
  const values = (statistics ?? {}) as StatisticsValues;
  const warnings = template.checks.map((c) => runCheck(template, c, values, lang)).filter((f): f is CheckFinding => f !== null);
  return { errors, warnings: [...retiredFindings(template, values, lang), ...warnings] };
};
