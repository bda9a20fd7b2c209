/**
 * A statutory annual-report format, described as data: its narrative sections, its statistics
 * tables (rows × value columns, each cell with a stable id) and the checks (勾稽关系) between cells.
 * Adding a format means adding one file like template-2021.ts and listing it in index.ts.
 * How a table is drawn (merged group labels, multi-level headers, blocks) is derived from this
 * data by report-layout.ts, so the editor, the portal and every export draw the same form.
 */
export type Unit = '条' | '件' | '次' | '篇' | '个' | '人' | '万元' | '人次';

export interface Label {
  label: string;
  labelEn: string;
}

export interface TemplateSection {
  /** Field of the annual-report content type that holds this section's Markdown. */
  field: 'section1' | 'section2' | 'section3' | 'section4' | 'section5' | 'section6';
  title: string;
  titleEn: string;
}

export interface TemplateColumn extends Label {
  id: string;
  /** Column-group headings drawn above this column, outermost first (e.g. 申请人情况 › 法人或其他组织). */
  groups?: Label[];
  unit?: Unit;
  /** A change from last year (本年增/减): may be negative. */
  signed?: boolean;
  /** The heading names no unit, so the printed value carries it (采购总金额: 25.1万元). */
  unitInCell?: boolean;
}

/**
 * A row of the form. Most rows hold cells; two kinds only organise the rows after them:
 * - `group`: a label drawn as a merged cell to the left of the rows it holds (rows of a deeper
 *   level that follow it), e.g. 三、本年度办理结果 or （三）不予公开 in table 三; it has no cells.
 * - `block`: the heading of a sub-table (第二十条第（一）项 in table 二), drawn across the whole
 *   width and followed by a header row with the columns its rows use; it has no cells.
 */
export interface TemplateRow extends Label {
  id: string;
  /** Depth on the official form, 0 for a top-level row. */
  level: number;
  kind?: 'group' | 'block';
  /** Unit of the row's cells; absent on heading rows (printed as ——) and when the column carries it. */
  unit?: Unit;
  /** A heading row (单位 ——) of the 2008 form: printed with a cell that must stay blank. */
  heading?: boolean;
  /** A heading row that may carry the total of its parts (checked as a sum, not as a heading). */
  totalOfParts?: boolean;
  /** Only these value columns exist for this row (the rows of a table-二 block). */
  onlyColumns?: string[];
}

export interface TemplateTable {
  id: string;
  title: string;
  titleEn: string;
  /** The merged cell at the top left, above the row labels (table 三's 勾稽 note, 信息内容, 统计指标). */
  corner?: Label;
  /** False for a table printed without row labels (table 四: one row of counts). */
  rowLabels?: boolean;
  /** A unit column between the labels and the values (the 2008 form's 单位). */
  unitColumn?: Label;
  columns: TemplateColumn[];
  rows: TemplateRow[];
}

export type CellKind = 'count' | 'money' | 'change';

export interface TemplateCell {
  id: string;
  tableId: string;
  rowId: string;
  columnId: string;
  unit: Unit;
  kind: CellKind;
}

export type TemplateCheck =
  | { id: string; kind: 'sum'; total: string; parts: string[] }
  | { id: string; kind: 'equation'; left: string[]; right: string[] }
  | { id: string; kind: 'not-more-than'; cell: string; limit: string[] }
  | { id: string; kind: 'heading-blank'; row: string; cell: string };

/** A cell an earlier edition of the template had and the official form does not: stored values stay until cleared. */
export interface RetiredCell extends Label {
  id: string;
}

export interface ReportTemplate {
  id: string;
  title: string;
  titleEn: string;
  basis: string;
  sections: TemplateSection[];
  tables: TemplateTable[];
  checks: TemplateCheck[];
  retiredCells?: RetiredCell[];
}

/** A single-column table's cell id is its row id; otherwise `${row}:${column}`. */
export const cellIdOf = (table: TemplateTable, row: TemplateRow, column: TemplateColumn): string =>
  table.columns.length === 1 ? row.id : `${row.id}:${column.id}`;

/** Rows that hold cells (groups and block headings only organise the others). */
export const holdsCells = (row: TemplateRow): boolean => row.kind === undefined;

export const columnsOfRow = (table: TemplateTable, row: TemplateRow): TemplateColumn[] =>
  holdsCells(row) ? table.columns.filter((c) => !row.onlyColumns || row.onlyColumns.includes(c.id)) : [];

const kindOf = (unit: Unit, column: TemplateColumn): CellKind => {
  if (column.signed) return 'change';
  return unit === '万元' ? 'money' : 'count';
};

/** Every cell that can hold a value: rows × value columns, heading rows included (they must stay blank). */
export const templateCells = (template: ReportTemplate): TemplateCell[] =>
  template.tables.flatMap((table) =>
    table.rows.flatMap((row) =>
      columnsOfRow(table, row).map((column) => {
        const unit = (row.unit ?? column.unit ?? '件') as Unit;
        return { id: cellIdOf(table, row, column), tableId: table.id, rowId: row.id, columnId: column.id, unit, kind: kindOf(unit, column) };
      })
    )
  );
