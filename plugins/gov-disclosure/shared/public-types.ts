/** Shapes of the public read API (/api/gov-disclosure/…), shared by the server and any front end. */

export interface PublicColumn {
  slug: string;
  name: string;
  kind: 'list' | 'page' | 'link';
  linkUrl?: string;
  children: PublicColumn[];
}

export interface PublicOrganization {
  slug: string;
  name: string;
}

export interface PublicEntrySummary {
  documentId: string;
  slug: string;
  title: string;
  summary: string | null;
  indexNumber: string | null;
  publishedDate: string | null;
  genre: { key: string; label: string };
  organization: PublicOrganization | null;
}

export interface PublicAttachment {
  name: string;
  url: string;
  mime: string;
  size: number;
}

export interface PublicEntry {
  documentId: string;
  slug: string;
  title: string;
  indexNumber: string | null;
  organization: PublicOrganization | null;
  subjectCategory: { code: string; name: string } | null;
  genre: { key: string; label: string };
  documentNumber: string | null;
  writtenDate: string | null;
  publishedDate: string | null;
  validity: { key: string; label: string };
  keywords: string[];
  summary: string | null;
  disclosureMode: { key: string; label: string };
  /** Empty for 依申请公开 entries: the catalog lists them, the text goes to applicants. */
  bodyHtml: string;
  attachments: PublicAttachment[];
  columns: Array<{ slug: string; name: string }>;
  interpretations: PublicEntrySummary[];
  interprets: PublicEntrySummary[];
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
  /** The catalog counts matches up to a cap: true means "more than total"; narrow the search to see the rest. */
  totalCapped?: boolean;
}

export interface PublicReportSummary {
  organization: PublicOrganization;
  year: number;
  title: string;
  template: string;
}

export interface PublicReportCell {
  id: string;
  column: string;
  value: number | null;
}

/** A statistics table as the form prints it, in one language; report-layout.ts draws it. */
export interface PublicReportTable {
  id: string;
  title: string;
  /** Text of the merged cell at the top left (table 三's 勾稽 note, 信息内容, 统计指标); null when blank. */
  corner: string | null;
  /** False when the form prints the table without row labels (table 四). */
  rowLabels: boolean;
  /** Heading of the unit column (the 2008 form's 单位); null when the table has none. */
  unitColumn: string | null;
  /** Numbers stored in cells the form does not have (an earlier template's), printed under the table until the office clears them. */
  notes: string[];
  /** Value columns; `groups` are the headings drawn above a column, outermost first. */
  columns: Array<{ id: string; label: string; groups: string[]; unit?: string; unitInCell?: boolean }>;
  /**
   * Rows in form order. A `group` row is a merged label to the left of the deeper rows after it;
   * a `block` row heads a sub-table of table 二; neither has cells. `cells` follow `columns`, null
   * where the row has no such cell.
   */
  rows: Array<{
    id: string;
    label: string;
    level: number;
    kind: 'data' | 'group' | 'block';
    unit: string | null;
    /** A 2008-form heading row (单位 ——). */
    heading: boolean;
    cells: Array<PublicReportCell | null>;
  }>;
}

export interface PublicReport extends PublicReportSummary {
  prefaceHtml: string;
  sections: Array<{ title: string; html: string }>;
  statistics: { tables: PublicReportTable[] };
}
