/** Shapes a file row takes on the way in (checked entry values) and out (export cells). */
import {
  type Channel,
  type DisclosureMode,
  type DisclosureScope,
  type DisclosureTerm,
  type DocumentKind,
  type Genre,
  type Validity,
} from '../../../../shared/constants';

/** What a row is checked against: the organization imported into, and the lists it may name. */
export interface ImportContext {
  organization: { name: string; code: string; indexNumberPattern: string };
  /** A 主题分类 by code, name or "top/leaf" name; null where the text names none or an inner node. */
  resolveSubject: (text: string) => { id: number; code: string } | { problem: string };
  /** A column by name or slug. */
  resolveColumn: (text: string) => { id: number } | null;
}

/** Entry fields a file row holds as they are stored, the same on the way in and out. */
export interface StoredAsIs {
  title: string;
  writtenDate: string | null;
  documentNumber: string | null;
  genre: Genre;
  validity: Validity;
  disclosureMode: DisclosureMode;
  keywords: string | null;
  body: string | null;
  repealedDate: string | null;
  withholdReason: string | null;
  summary: string | null;
  effectiveDate: string | null;
  disclosureScope: DisclosureScope;
  disclosureTerm: DisclosureTerm;
  /** null where the file has no 公开渠道 for the row: unknown, not "none". */
  channels: Channel[] | null;
  documentKind: DocumentKind;
}

export interface ImportRow {
  /** 1-based line in the file, the header being row 1. */
  row: number;
  values: StoredAsIs & {
    indexNumber: string | null;
    publishedDate: string;
    subjectCategoryId: number | null;
    columnIds: number[];
    /** 索引号 or 文号 (brackets normalized) of the policies an interpretation explains. */
    interprets: string[];
  };
}

// A CSV cell starting with one of these is a formula to Excel; the export quotes it with a leading
// apostrophe (OWASP's advice against CSV injection) and the import takes that apostrophe off again.
