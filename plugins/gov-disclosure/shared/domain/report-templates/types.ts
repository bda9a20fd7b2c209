/**
 * A statutory annual-report format, described as data: its narrative sections, its statistics
 * tables (rows × value columns, each cell with a stable id) and the checks (勾稽关系) between cells.
 * Adding a format means adding one file like template-2021.ts and listing it in index.ts.
 */
export type Unit = '条' | '件' | '次' | '篇' | '个' | '人' | '万元' | '人次';

export interface TemplateSection {
  /** Field of the annual-report content type that holds this section's Markdown. */
  field: 'section1' | 'section2' | 'section3' | 'section4' | 'section5' | 'section6';
  title: string;
  titleEn: string;
}

export interface TemplateColumn {
  id: string;
  label: string;
  labelEn: string;
  /** Column-group heading drawn above this column (e.g. 法人或其他组织). */
  group?: string;
  groupEn?: string;
  unit?: Unit;
}

export interface TemplateRow {
  id: string;
  label: string;
  labelEn: string;
  /** Indentation depth on the official form, 0 for a top-level row. */
  level: number;
  /** Unit of the row's cells; absent on heading rows (printed as ——) and when the column carries it. */
  unit?: Unit;
  /** A heading row (单位 ——): it organises rows and carries no count of its own. */
  heading?: boolean;
  /** A heading row that may carry the total of its parts (checked as a sum, not as a heading). */
  totalOfParts?: boolean;
  /** Value columns this row leaves empty on the official form (its cells do not exist). */
  omitColumns?: string[];
  /** Only these value columns exist for this row (sub-blocks of table 二 in the 2021 form). */
  onlyColumns?: string[];
}

export interface TemplateTable {
  id: string;
  title: string;
  titleEn: string;
  columns: TemplateColumn[];
  rows: TemplateRow[];
}

export type CellKind = 'count' | 'money';

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

export interface ReportTemplate {
  id: string;
  title: string;
  titleEn: string;
  basis: string;
  sections: TemplateSection[];
  tables: TemplateTable[];
  checks: TemplateCheck[];
}

/** A single-column table's cell id is its row id; otherwise `${row}:${column}`. */
export const cellIdOf = (table: TemplateTable, row: TemplateRow, column: TemplateColumn): string =>
  table.columns.length === 1 ? row.id : `${row.id}:${column.id}`;

const columnsOfRow = (table: TemplateTable, row: TemplateRow): TemplateColumn[] =>
  table.columns.filter(
    (c) => !(row.omitColumns ?? []).includes(c.id) && (!row.onlyColumns || row.onlyColumns.includes(c.id))
  );

/** Every cell that can hold a value: rows × value columns, heading rows included (they must stay blank). */
export const templateCells = (template: ReportTemplate): TemplateCell[] =>
  template.tables.flatMap((table) =>
    table.rows.flatMap((row) =>
      columnsOfRow(table, row).map((column) => {
        const unit = (row.unit ?? column.unit ?? '件') as Unit;
        return {
          id: cellIdOf(table, row, column),
          tableId: table.id,
          rowId: row.id,
          columnId: column.id,
          unit,
          kind: unit === '万元' ? ('money' as const) : ('count' as const),
        };
      })
    )
  );
