/**
 * 公民身份号码 (GB 11643-1999): 17 digits (region, birth date, sequence) and an ISO 7064 MOD 11-2
 * check character (0–9 or X). Checked before an application is stored, so a mistyped number is
 * caught while the applicant is still at the form.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export const residentIdCheckCharacter = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
};

export type ResidentIdProblem = 'format' | 'birth-date' | 'check-digit';

export const checkResidentId = (raw: string): { valid: true; id: string } | { valid: false; reason: ResidentIdProblem } => {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { valid: false, reason: 'format' };
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number);
  const born = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || born.getUTCMonth() !== m - 1 || born.getUTCDate() !== d) return { valid: false, reason: 'birth-date' };
  return residentIdCheckCharacter(id) === id[17] ? { valid: true, id } : { valid: false, reason: 'check-digit' };
};
