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
