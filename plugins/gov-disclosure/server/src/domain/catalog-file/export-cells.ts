/** A row as the export writes it, in the file's column order. */
import {
  CHANNEL_LABELS,
  DISCLOSURE_MODE_LABELS,
  DISCLOSURE_SCOPE_LABELS,
  DISCLOSURE_TERM_LABELS,
  DOCUMENT_KIND_LABELS,
  GENRE_LABELS,
  VALIDITY_LABELS,
} from '../../../../shared/constants';
import type { StoredAsIs } from './types';

/** A row as the export writes it: the same columns, so an export imports back to the same catalog. */
export interface ExportEntry extends StoredAsIs {
  indexNumber: string | null;
  organization: string;
  publishedDate: string | null;
  subject: string | null;
  columns: string[];
  interprets: string[];
}

/** The cells of a row, in CATALOG_FILE_HEADERS order. */
export const exportCells = (e: ExportEntry): string[] => [
  e.indexNumber ?? '',
  e.title,
  e.organization,
  e.writtenDate ?? '',
  e.publishedDate ?? '',
  e.documentNumber ?? '',
  e.subject ?? '',
  GENRE_LABELS[e.genre].zh,
  VALIDITY_LABELS[e.validity].zh,
  DISCLOSURE_MODE_LABELS[e.disclosureMode].zh,
  e.keywords ?? '',
  e.body ?? '',
  e.columns.join('；'),
  e.repealedDate ?? '',
  e.withholdReason ?? '',
  e.interprets.join('；'),
  e.summary ?? '',
  e.effectiveDate ?? '',
  DISCLOSURE_SCOPE_LABELS[e.disclosureScope].zh,
  DISCLOSURE_TERM_LABELS[e.disclosureTerm].zh,
  (e.channels ?? []).map((c) => CHANNEL_LABELS[c].zh).join('；'),
  DOCUMENT_KIND_LABELS[e.documentKind].zh,
];
