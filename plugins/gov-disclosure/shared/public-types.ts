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
  row: string;
  column: string;
  unit: string;
  value: number | null;
}

export interface PublicReport extends PublicReportSummary {
  prefaceHtml: string;
  sections: Array<{ title: string; html: string }>;
  statistics: {
    tables: Array<{
      id: string;
      title: string;
      columns: Array<{ id: string; label: string; group?: string; unit?: string }>;
      rows: Array<{ id: string; label: string; level: number; unit: string | null; heading: boolean; cells: Array<{ column: string; value: number | null } | null> }>;
    }>;
  };
}
