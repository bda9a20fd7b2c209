import { issue, type FieldIssue } from './field-issue';

/**
 * 索引号 patterns: `{code}` is the organization code, `{YYYY}` the year, `{MM}` the month and
 * `{N…}` the zero-padded serial (its width is the number of Ns). National form: {code}/{YYYY}-{NNNNN}.
 */
export const DEFAULT_INDEX_NUMBER_PATTERN = '{code}/{YYYY}-{NNNNN}';

const TOKEN = /\{(code|YYYY|MM|N+)\}/g;
const LITERAL = /^[A-Za-z0-9\-/_.]*$/;

export const indexNumberPatternIssues = (pattern: string, field = 'indexNumberPattern'): FieldIssue[] => {
  const tokens = [...pattern.matchAll(TOKEN)].map((m) => m[1]);
  const literals = pattern.replace(TOKEN, '');
  const problems: string[] = [];
  if (/[{}]/.test(literals)) problems.push('has an unknown {token}; use {code}, {YYYY}, {MM} and {NNNNN}');
  if (!LITERAL.test(literals.replace(/[{}]/g, ''))) problems.push('may only contain letters, digits and - / _ . between tokens');
  if (!tokens.includes('code')) problems.push('must contain {code}');
  if (!tokens.includes('YYYY')) problems.push('must contain {YYYY}');
  const serials = tokens.filter((t) => t.startsWith('N'));
  if (serials.length !== 1) problems.push('must contain exactly one serial token such as {NNNNN}');
  else if (serials[0].length < 3 || serials[0].length > 8) problems.push('serial token must have 3 to 8 Ns');
  if (tokens.length !== new Set(tokens).size) problems.push('uses a token twice');
  return problems.map((p) => issue(field, `索引号 pattern "${pattern}" ${p}`));
};

export interface IndexNumberParts {
  code: string;
  year: number;
  month: number;
  serial: number;
}

/** The counter a number is drawn from: per organization and year (and month when the pattern has {MM}). */
export const counterPeriod = (pattern: string, year: number, month: number): string =>
  pattern.includes('{MM}') ? `${year}${String(month).padStart(2, '0')}` : String(year);

export const formatIndexNumber = (pattern: string, parts: IndexNumberParts): string =>
  pattern.replace(TOKEN, (_, token: string) => {
    if (token === 'code') return parts.code;
    if (token === 'YYYY') return String(parts.year);
    if (token === 'MM') return String(parts.month).padStart(2, '0');
    return String(parts.serial).padStart(token.length, '0');
  });

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Reads a number written in `pattern` (e.g. an imported legacy 索引号); null when it does not fit. */
export const parseIndexNumber = (pattern: string, value: string): { code: string; year: number; month: number; serial: number } | null => {
  const groups: string[] = [];
  let source = '';
  let last = 0;
  for (const m of pattern.matchAll(TOKEN)) {
    source += escapeRegExp(pattern.slice(last, m.index));
    const token = m[1];
    groups.push(token.startsWith('N') ? 'N' : token);
    source += token === 'code' ? '([0-9A-Z]{9}|[0-9A-Z]{18})' : token === 'YYYY' ? '(\\d{4})' : token === 'MM' ? '(0[1-9]|1[0-2])' : `(\\d{${token.length}})`;
    last = (m.index ?? 0) + m[0].length;
  }
  source += escapeRegExp(pattern.slice(last));
  const match = new RegExp(`^${source}$`).exec(value.trim());
  if (!match) return null;
  const at = (name: string) => match[groups.indexOf(name) + 1];
  return { code: at('code'), year: Number(at('YYYY')), month: groups.includes('MM') ? Number(at('MM')) : 1, serial: Number(at('N')) };
};
