/**
 * Query parameters of the public routes: each route names the ones it takes, everything else
 * (status, populate, fields, filters[…], publicationState, any unknown key) is refused with the
 * parameter's name, so no client can widen what the portal shows.
 */
import { GENRES, LOCALES, VALIDITIES, DOCUMENT_KINDS } from '../../../shared/constants';
import { issue, type FieldIssue } from '../../../shared/domain/field-issue';

export const MAX_PAGE_SIZE = 100;
const MAX_PAGE = 1_000_000;

type Kind = 'page' | 'pageSize' | 'locale' | 'year' | 'text' | 'slug' | 'subject' | 'genre' | 'validity' | 'documentKind';

export type ParamSpec = Record<string, Kind>;

export interface PublicParams {
  page?: number;
  pageSize?: number;
  locale?: string;
  year?: number;
  q?: string;
  organization?: string;
  subject?: string;
  genre?: string;
  validity?: string;
  documentKind?: string;
}

const oneOf = (values: readonly string[]) => (v: string) => values.includes(v);

const CHECKS: Record<Kind, { test: (v: string) => boolean; message: string; parse?: (v: string) => number }> = {
  page: { test: (v) => /^\d{1,7}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_PAGE, message: `must be a whole number from 1 to ${MAX_PAGE}`, parse: Number },
  pageSize: {
    test: (v) => /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_PAGE_SIZE,
    message: `must be a whole number from 1 to ${MAX_PAGE_SIZE}`,
    parse: Number,
  },
  locale: { test: oneOf(LOCALES), message: `must be one of ${LOCALES.join(', ')}` },
  year: { test: (v) => /^(19|20|21)\d{2}$/.test(v), message: 'must be a four-digit year', parse: Number },
  text: { test: (v) => v.trim().length >= 1 && v.length <= 100, message: 'must be 1 to 100 characters' },
  slug: { test: (v) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v) && v.length <= 200, message: 'must be a slug (lower-case letters, digits and hyphens)' },
  subject: { test: (v) => /^\d{2}(\.\d{2})?$/.test(v), message: 'must be a subject code such as 09 or 09.02' },
  genre: { test: oneOf(GENRES), message: `must be one of ${GENRES.join(', ')}` },
  validity: { test: oneOf(VALIDITIES), message: `must be one of ${VALIDITIES.join(', ')}` },
  documentKind: { test: oneOf(DOCUMENT_KINDS), message: `must be one of ${DOCUMENT_KINDS.join(', ')}` },
};

export const parsePublicParams = (query: Record<string, unknown>, spec: ParamSpec): { params: PublicParams; issues: FieldIssue[] } => {
  const issues: FieldIssue[] = [];
  const params: Record<string, string | number> = {};
  for (const [name, raw] of Object.entries(query)) {
    const kind = spec[name];
    if (!kind) {
      issues.push(issue(name, `unknown query parameter "${name}"; this route accepts ${Object.keys(spec).join(', ') || 'none'}`));
      continue;
    }
    if (typeof raw !== 'string') {
      issues.push(issue(name, `"${name}" must be given once, as a plain value`));
      continue;
    }
    if (raw === '') continue; // a search form's "all" option submits an empty value
    const check = CHECKS[kind];
    if (!check.test(raw)) issues.push(issue(name, `"${name}" ${check.message}`));
    else params[name] = check.parse ? check.parse(raw) : raw.trim();
  }
  return { params: params as PublicParams, issues };
};

export const ROUTE_PARAMS = {
  columns: { locale: 'locale' },
  columnEntries: { page: 'page', pageSize: 'pageSize', locale: 'locale' },
  entry: { locale: 'locale' },
  catalog: {
    subject: 'subject',
    genre: 'genre',
    organization: 'slug',
    year: 'year',
    validity: 'validity',
    documentKind: 'documentKind',
    q: 'text',
    page: 'page',
    pageSize: 'pageSize',
    locale: 'locale',
  },
  annualReports: { locale: 'locale', organization: 'slug' },
  annualReport: { locale: 'locale' },
} satisfies Record<string, ParamSpec>;
