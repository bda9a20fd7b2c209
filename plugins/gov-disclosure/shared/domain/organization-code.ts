/**
 * Check digits of Chinese organization identifiers.
 *
 * - 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a
 *   31-symbol alphabet (no I, O, Z, S, V); the 18th is a mod-31 check over the first 17.
 * - 组织机构代码 (legacy organization code), GB 11714-1997: 8 body characters and a
 *   mod-11 check character (0-9 or X).
 *
 * Both are pure functions so the admin form and the server share one implementation.
 */

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type OrganizationCodeKind = 'credit-code' | 'organization-code';

export type OrganizationCodeCheck =
  { valid: true; kind: OrganizationCodeKind; code: string } | { valid: false; reason: OrganizationCodeProblem; expected?: string };

export type OrganizationCodeProblem = 'length' | 'characters' | 'check-digit';

export const creditCodeCheckCharacter = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += CREDIT_ALPHABET.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  }
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
};

const orgCharValue = (c: string): number => (c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55); // A=10 … Z=35

export const organizationCodeCheckCharacter = (first8: string): string => {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += orgCharValue(first8[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  if (c === 10) return 'X';
  if (c === 11) return '0';
  return String(c);
};

export const checkCreditCode = (raw: string): OrganizationCodeCheck => {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return { valid: false, reason: 'length' };
  for (const c of code) {
    if (!CREDIT_ALPHABET.includes(c)) return { valid: false, reason: 'characters' };
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (expected !== code[17]) return { valid: false, reason: 'check-digit', expected };
  return { valid: true, kind: 'credit-code', code };
};

export const checkOrganizationCode = (raw: string): OrganizationCodeCheck => {
  const code = raw.trim().toUpperCase().replace('-', '');
  if (code.length !== 9) return { valid: false, reason: 'length' };
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) return { valid: false, reason: 'characters' };
  const expected = organizationCodeCheckCharacter(code.slice(0, 8));
  if (expected !== code[8]) return { valid: false, reason: 'check-digit', expected };
  return { valid: true, kind: 'organization-code', code };
};

/** Accepts either form, decided by length, and says which it was. */
export const checkIssuerCode = (raw: string): OrganizationCodeCheck => {
  const compact = raw.trim().replace('-', '');
  if (compact.length === 18) return checkCreditCode(compact);
  if (compact.length === 9) return checkOrganizationCode(compact);
  return { valid: false, reason: 'length' };
};

export const describeCodeProblem = (check: OrganizationCodeCheck): string => {
  if (check.valid) return '';
  switch (check.reason) {
    case 'length':
      return 'must be an 18-character 统一社会信用代码 or a 9-character 组织机构代码';
    case 'characters':
      return 'contains characters not allowed in an organization code (I, O, Z, S and V are never used in a 统一社会信用代码)';
    case 'check-digit':
      return `check digit is wrong: expected "${check.expected}" as the last character`;
    default:
      return 'is not a valid organization code';
  }
};
