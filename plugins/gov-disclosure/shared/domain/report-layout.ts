/**
 * How the official form draws a statistics table: which cells are merged, across how many rows
 * and columns. Written once and used by every renderer (the admin editor, the portal page, the
 * printable page, DOCX and CSV), so they all draw the form the same way. Three shapes, derived
 * from the table's data:
 * - one value column (the 2008 form): indicator, unit, count, the hierarchy shown by indentation;
 * - blocks (table 二): each block a full-width heading, its own header row, then its rows;
 * - a grid (tables 三 and 四): multi-level column headings (申请人情况 › 法人或其他组织 › 商业企业)
 *   and merged group labels on the left (三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密).
 */
import type { PublicReportTable } from '../public-types';
import { cellIdOf, columnsOfRow, type ReportTemplate, type RetiredCell, type TemplateTable } from './report-templates';
import type { StatisticsValues } from './statistics-values';

type Lang = 'zh' | 'en';

/**
 * A number left in a cell the form does not have is not drawn in the table (there is no cell),
 * but it is never dropped either: it is printed as a note under the table until it is cleared.
 */
const retiredNotes = (table: TemplateTable, retired: RetiredCell[], values: StatisticsValues, lang: Lang): string[] =>
  retired.flatMap((cell) => {
    const value = values[cell.id];
    if (cell.id.split('.')[0] !== table.id || typeof value !== 'number') return [];
    return [
      lang === 'en'
        ? `Note: 「${cell.labelEn}」 holds ${value}. On the current form that is a group label without a cell, so the number is not shown in the table.`
        : `注：「${cell.label}」填有 ${value}。现行表格中该项为分组标题，没有单元格，此数未列入上表。`,
    ];
  });

/** A template table in one language with the values of a report (blank cells null). */
export const localizeTable = (table: TemplateTable, values: StatisticsValues, lang: Lang, retired: RetiredCell[] = []): PublicReportTable => {
  const en = lang === 'en';
  const pick = (l: { label: string; labelEn: string }) => (en ? l.labelEn : l.label);
  return {
    id: table.id,
    title: en ? table.titleEn : table.title,
    corner: table.corner ? pick(table.corner) : null,
    rowLabels: table.rowLabels !== false,
    unitColumn: table.unitColumn ? pick(table.unitColumn) : null,
    notes: retiredNotes(table, retired, values, lang),
    columns: table.columns.map((c) => ({
      id: c.id,
      label: pick(c),
      groups: (c.groups ?? []).map(pick),
      ...(c.unit ? { unit: c.unit } : {}),
      ...(c.unitInCell ? { unitInCell: true } : {}),
    })),
    rows: table.rows.map((r) => {
      const own = new Set(columnsOfRow(table, r).map((c) => c.id));
      return {
        id: r.id,
        label: pick(r),
        level: r.level,
        kind: r.kind ?? 'data',
        unit: r.heading && !r.totalOfParts ? null : (r.unit ?? null),
        heading: Boolean(r.heading),
        cells: table.columns.map((c) => {
          if (!own.has(c.id)) return null;
          const id = cellIdOf(table, r, c);
          const value = values[id];
          return { id, column: c.id, value: typeof value === 'number' ? value : null };
        }),
      };
    }),
  };
};

export const localizeTables = (template: ReportTemplate, values: StatisticsValues, lang: Lang): PublicReportTable[] =>
  template.tables.map((t) => localizeTable(t, values, lang, template.retiredCells));

export type LayoutCell =
  /** Header text: the corner, a column group, a column; `scope` as for a <th>. */
  | { kind: 'header'; text: string; colSpan: number; rowSpan: number; scope: 'col' | 'colgroup' | null }
  /** A row label; `rowgroup` labels are merged over the rows of their group; `indent` as printed (the 2008 form indents, the others merge). */
  | { kind: 'label'; text: string; colSpan: number; rowSpan: number; indent: number; scope: 'row' | 'rowgroup' }
  /** A block heading of table 二, across the whole width. */
  | { kind: 'block'; text: string; colSpan: number }
  | { kind: 'unit'; text: string }
  /** `text` is the value as printed: blank for a blank cell, with its unit where the heading names none. */
  | { kind: 'value'; id: string; column: string; value: number | null; text: string; colSpan: number };

export interface TableLayout {
  /** Width of the drawn grid in columns (labels + unit + values). */
  width: number;
  /** Grid columns before the first value column (row labels, and the 2008 form's unit). */
  labelColumns: number;
  head: LayoutCell[][];
  body: LayoutCell[][];
}

type Row = PublicReportTable['rows'][number];
type Value = Extract<LayoutCell, { kind: 'value' }>;

const printed = (value: number | null, column: PublicReportTable['columns'][number]): string => {
  if (value === null) return '';
  return column.unitInCell && column.unit ? `${value}${column.unit}` : String(value);
};

const valueCells = (table: PublicReportTable, row: Row): Value[] =>
  row.cells.flatMap((c, i) =>
    c ? [{ kind: 'value' as const, id: c.id, column: c.column, value: c.value, text: printed(c.value, table.columns[i]), colSpan: 1 }] : []
  );

/** Spreads `width` grid columns over `count` cells as evenly as the form does, wider ones first. */
const spans = (width: number, count: number): number[] => Array.from({ length: count }, (_, i) => Math.floor(width / count) + (i < width % count ? 1 : 0));

const singleColumn = (table: PublicReportTable): TableLayout => ({
  width: 3,
  labelColumns: 2,
  head: [
    [
      { kind: 'header', text: table.corner ?? '', colSpan: 1, rowSpan: 1, scope: 'col' },
      { kind: 'header', text: table.unitColumn ?? '', colSpan: 1, rowSpan: 1, scope: 'col' },
      { kind: 'header', text: table.columns[0].label, colSpan: 1, rowSpan: 1, scope: 'col' },
    ],
  ],
  body: table.rows.map((row) => [
    { kind: 'label', text: row.label, colSpan: 1, rowSpan: 1, indent: row.level, scope: 'row' },
    { kind: 'unit', text: row.unit ?? (row.heading ? '——' : '') },
    ...valueCells(table, row),
  ]),
});

const blocks = (table: PublicReportTable): TableLayout => {
  const valueWidth = Math.max(1, ...table.rows.map((r) => r.cells.filter(Boolean).length));
  const width = valueWidth + 1;
  const body: LayoutCell[][] = [];
  table.rows.forEach((row, i) => {
    if (row.kind === 'block') {
      const end = table.rows.findIndex((r, j) => j > i && r.kind === 'block');
      const members = table.rows.slice(i + 1, end === -1 ? undefined : end);
      const used = table.columns.filter((_, ci) => members.some((m) => m.cells[ci] !== null));
      const widths = spans(valueWidth, used.length);
      body.push([{ kind: 'block', text: row.label, colSpan: width }]);
      body.push([
        { kind: 'header', text: table.corner ?? '', colSpan: 1, rowSpan: 1, scope: 'col' },
        ...used.map((c, ci): LayoutCell => ({ kind: 'header', text: c.label, colSpan: widths[ci], rowSpan: 1, scope: 'col' })),
      ]);
      return;
    }
    const values = valueCells(table, row);
    const widths = spans(valueWidth, values.length);
    body.push([{ kind: 'label', text: row.label, colSpan: 1, rowSpan: 1, indent: 0, scope: 'row' }, ...values.map((v, vi) => ({ ...v, colSpan: widths[vi] }))]);
  });
  return { width, labelColumns: 1, head: [], body };
};

/** Column headings as the form stacks them: a group spans its columns, a column reaches the bottom. */
const stackedHeader = (table: PublicReportTable, labelWidth: number): LayoutCell[][] => {
  const paths = table.columns.map((c) => [...c.groups, c.label]);
  const depth = Math.max(...paths.map((p) => p.length));
  const samePrefix = (a: string[], b: string[], length: number) => a.slice(0, length).every((x, i) => x === b[i]);
  const head: LayoutCell[][] = Array.from({ length: depth }, () => []);
  if (labelWidth > 0) head[0].push({ kind: 'header', text: table.corner ?? '', colSpan: labelWidth, rowSpan: depth, scope: null });
  for (let level = 0; level < depth; level += 1) {
    for (let i = 0; i < paths.length;) {
      const path = paths[i];
      if (level >= path.length) {
        i += 1; // covered by the column's own heading above
        continue;
      }
      if (level === path.length - 1) {
        head[level].push({ kind: 'header', text: path[level], colSpan: 1, rowSpan: depth - level, scope: 'col' });
        i += 1;
        continue;
      }
      let j = i + 1;
      while (j < paths.length && paths[j].length > level + 1 && samePrefix(paths[j], path, level + 1)) j += 1;
      head[level].push({ kind: 'header', text: path[level], colSpan: j - i, rowSpan: 1, scope: 'colgroup' });
      i = j;
    }
  }
  return head;
};

/** Group rows a row sits under: the nearest group of each shallower level before it. */
const ancestorsOf = (rows: Row[], index: number): number[] => {
  const chain: number[] = [];
  let level = rows[index].level;
  for (let i = index - 1; i >= 0 && level > 0; i -= 1) {
    if (rows[i].level < level) {
      if (rows[i].kind !== 'group') break;
      chain.unshift(i);
      level = rows[i].level;
    }
  }
  return chain;
};

const grid = (table: PublicReportTable): TableLayout => {
  const { rows } = table;
  const ancestors = rows.map((_, i) => ancestorsOf(rows, i));
  const dataRows = rows.map((r, i) => i).filter((i) => rows[i].kind !== 'group');
  const labelWidth = table.rowLabels ? 1 + Math.max(0, ...dataRows.map((i) => ancestors[i].length)) : 0;
  const drawn = new Set<number>();
  const body = dataRows.map((i) => {
    const row = rows[i];
    const cells: LayoutCell[] = [];
    if (table.rowLabels) {
      for (const g of ancestors[i]) {
        if (drawn.has(g)) continue;
        drawn.add(g);
        const rowSpan = dataRows.filter((d) => ancestors[d].includes(g)).length;
        cells.push({ kind: 'label', text: rows[g].label, colSpan: 1, rowSpan, indent: 0, scope: 'rowgroup' });
      }
      cells.push({ kind: 'label', text: row.label, colSpan: labelWidth - ancestors[i].length, rowSpan: 1, indent: 0, scope: 'row' });
    }
    return [...cells, ...valueCells(table, row)];
  });
  return { width: labelWidth + table.columns.length, labelColumns: labelWidth, head: stackedHeader(table, labelWidth), body };
};

export const formLayout = (table: PublicReportTable): TableLayout => {
  if (table.columns.length === 1) return singleColumn(table);
  if (table.rows.some((r) => r.kind === 'block')) return blocks(table);
  return grid(table);
};

/**
 * The layout as a plain grid of text, each merged cell's text in its top-left position and the
 * rest of the merge blank, as a spreadsheet saves merged cells.
 */
export const layoutGrid = (layout: TableLayout): string[][] => {
  const rows = [...layout.head, ...layout.body];
  const out: Array<Array<string | undefined>> = rows.map(() => new Array<string | undefined>(layout.width).fill(undefined));
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (c < layout.width && out[r][c] !== undefined) c += 1;
      const colSpan = 'colSpan' in cell ? cell.colSpan : 1;
      const rowSpan = 'rowSpan' in cell ? cell.rowSpan : 1;
      for (let dr = 0; dr < rowSpan; dr += 1) {
        for (let dc = 0; dc < colSpan; dc += 1) {
          if (out[r + dr]) out[r + dr][c + dc] = dr === 0 && dc === 0 ? cell.text : '';
        }
      }
      c += colSpan;
    }
  });
  return out.map((row) => row.map((v) => v ?? ''));
};
