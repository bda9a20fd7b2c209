/**
 * The regression corpus: real published annual reports typed from their tables
 * (tests/fixtures/annual-reports/*.json, each with its source), read into a template's cells.
 * Rows are matched by order and each printed label is checked against the template's, so a
 * fixture and a template that drift apart fail loudly instead of filling the wrong cells.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  cellIdOf,
  columnsOfRow,
  REPORT_TEMPLATES,
  type ReportTemplate,
  type TemplateRow,
  type TemplateTable,
} from '../../plugins/gov-disclosure/shared/domain/report-templates';
import type { StatisticsValues } from '../../plugins/gov-disclosure/shared/domain/statistics-values';

export type Printed = number | string | null;

export interface CorpusRow {
  label: string;
  values: Printed[];
  block?: string;
  headers?: string[];
}

export interface CorpusReport {
  file: string;
  source: string;
  title: string;
  organization: string;
  level: string;
  year: number;
  format: '2019' | '2021';
  tables: { t2: CorpusRow[]; t3: CorpusRow[]; t4: CorpusRow[] };
}

const DIR = path.join(__dirname, '..', 'fixtures', 'annual-reports');

export const corpusReports = (): CorpusReport[] =>
  fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as Omit<CorpusReport, 'file'>) }));

/** Labels compared without white space, punctuation and bracket or quote variants. */
export const normalize = (label: string) => label.replace(/[\s、，,。．.:：;；“”"'‘’（）()【】[\]<>/—-]/g, '');

/**
 * The number a clerk would type for a printed cell: a number as is; text with a leading number
 * (22（其中修订16件）, +81, 251000元) its number, 元 turned into the cell's 万元.
 */
export const enteredValue = (printed: Printed, unit: string): number | null => {
  if (printed === null || typeof printed === 'number') return printed;
  const m = /^([+-]?\d+(?:\.\d+)?)(万元|元)?/.exec(printed.trim());
  if (!m) throw new Error(`cannot read "${printed}" as a number`);
  const n = Number(m[1]);
  return m[2] === '元' && unit === '万元' ? Math.round((n / 10_000) * 10_000) / 10_000 : n;
};

const dataRows = (table: TemplateTable): TemplateRow[] => table.rows.filter((r) => r.kind === undefined);

/** The group label a numbered item sits under (（三）不予公开 for 1.属于国家秘密). */
const groupOf = (table: TemplateTable, row: TemplateRow): string => {
  const index = table.rows.indexOf(row);
  return (
    table.rows
      .slice(0, index)
      .reverse()
      .find((r) => r.kind === 'group' && r.level < row.level)?.label ?? ''
  );
};

/** A printed label names the template row if either holds the other once normalized (规范性文件 ⊂ 行政规范性文件). */
const sameRow = (printed: string, table: TemplateTable, row: TemplateRow): boolean => {
  const p = normalize(printed);
  const own = normalize(row.label);
  if (!(p.includes(own) || own.includes(p))) return false;
  // a numbered item also names its group, by the group's first words (（六）其他 for （六）其他处理)
  const group = normalize(groupOf(table, row)).slice(0, 3);
  return !/^\d/.test(row.label) || group === '' || p.startsWith(group);
};

export interface Mapped {
  values: StatisticsValues;
  /** Printed rows whose label did not match the template row at their position. */
  mismatches: string[];
}

/**
 * The report's tables 二, 三 and 四 as cells of a 2019 or 2021 template. Reading a 2019 report into
 * the 2021 template (as a clerk re-using last year's numbers would) matches table 三 rows by label:
 * the 2019 form's single （六） row has no 2021 counterpart and is left out.
 */
export const mapReport = (report: CorpusReport, templateId: '2019' | '2021'): Mapped => {
  const template: ReportTemplate = REPORT_TEMPLATES[templateId];
  const values: StatisticsValues = {};
  const mismatches: string[] = [];
  const fill = (table: TemplateTable, rows: CorpusRow[], byLabel: boolean) => {
    const targets = dataRows(table);
    const pairs: Array<[CorpusRow, TemplateRow | undefined]> = byLabel
      ? rows.map((r) => [r, targets.find((t) => sameRow(r.label, table, t) && t.id !== 't3.r6')])
      : rows.map((r, i) => [r, targets[i]]);
    if (!byLabel && rows.length !== targets.length) mismatches.push(`${table.id}: ${rows.length} printed rows, ${targets.length} on the form`);
    for (const [printed, row] of pairs) {
      if (!row) {
        if (printed.values.some((v) => v !== null)) mismatches.push(`${table.id}: no row for "${printed.label}" with values`);
        continue;
      }
      if (table.rowLabels !== false && !sameRow(printed.label, table, row))
        mismatches.push(`${table.id}: "${printed.label}" printed where the form has "${row.label}"`);
      const columns = columnsOfRow(table, row);
      if (printed.headers && printed.headers.map(normalize).join('|') !== columns.map((c) => normalize(c.label)).join('|')) {
        mismatches.push(`${table.id}: headers ${printed.headers.join(' · ')} printed where the form has ${columns.map((c) => c.label).join(' · ')}`);
      }
      if (printed.values.length !== columns.length)
        mismatches.push(`${table.id}: "${printed.label}" has ${printed.values.length} values for ${columns.length} cells`);
      columns.forEach((column, i) => {
        values[cellIdOf(table, row, column)] = enteredValue(printed.values[i] ?? null, column.unit ?? '件');
      });
    }
  };
  const [t2, t3, t4] = template.tables;
  const crossFormat = report.format !== templateId;
  if (!crossFormat) fill(t2, report.tables.t2, false);
  fill(t3, report.tables.t3, crossFormat);
  fill(t4, report.tables.t4, false);
  return { values, mismatches };
};
