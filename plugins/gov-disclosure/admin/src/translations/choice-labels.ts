import {
  COLUMN_KIND_LABELS,
  COLUMN_PURPOSE_LABELS,
  DISCLOSURE_MODE_LABELS,
  DISCLOSURE_SCOPE_LABELS,
  DISCLOSURE_TERM_LABELS,
  DOCUMENT_KIND_LABELS,
  GENRE_LABELS,
  VALIDITY_LABELS,
  WORDING_SEVERITY_LABELS,
} from '../../../shared/constants';
import { STATE_LABELS } from '../../../shared/domain/workflow';

/**
 * The content manager shows an enumeration's options (and its list filters) through
 * formatMessage({ id: value, defaultMessage: value }): translating the stored values is how a
 * clerk sees 主动公开 instead of "proactive" without a custom field. The labels are the ones the
 * portal and reports use (shared/constants.ts). Only values of the types shown in the content
 * manager; none is one of Strapi's own message ids.
 */
const LABEL_SETS = [
  STATE_LABELS,
  GENRE_LABELS,
  DISCLOSURE_MODE_LABELS,
  DISCLOSURE_SCOPE_LABELS,
  DISCLOSURE_TERM_LABELS,
  DOCUMENT_KIND_LABELS,
  VALIDITY_LABELS,
  COLUMN_KIND_LABELS,
  COLUMN_PURPOSE_LABELS,
  WORDING_SEVERITY_LABELS,
] as Array<Record<string, { zh: string; en: string }>>;

export const choiceLabels = (locale: string): Record<string, string> =>
  Object.fromEntries(LABEL_SETS.flatMap((set) => Object.entries(set).map(([value, label]) => [value, locale === 'zh-Hans' ? label.zh : label.en])));
