/**
 * 有效性 follows the dates: an entry is 废止 (repealed) from its 废止日期, and 失效 (expired) the
 * day after its 有效期至 (the last day it is in force). 废止 is the stronger statement and wins
 * when both dates have passed. Only an entry still marked in force lapses to 失效; a validity set
 * by hand that already says more is left as it is.
 */
import { VALIDITY_LABELS, type Validity } from '../../../shared/constants';

export interface ValidityFacts {
  validity: Validity | null;
  /** YYYY-MM-DD */
  repealedDate: string | null;
  /** YYYY-MM-DD, the last day in force */
  expiryDate: string | null;
}

export type Lapse = { to: 'repealed' | 'expired'; reason: string };

export const lapseOn = (facts: ValidityFacts, today: string): Lapse | null => {
  const was = VALIDITY_LABELS[facts.validity ?? 'effective'].zh;
  if (facts.repealedDate && facts.repealedDate <= today && facts.validity !== 'repealed') {
    return { to: 'repealed', reason: `废止日期 ${facts.repealedDate} 已到：有效性由「${was}」改为「废止」` };
  }
  if (facts.expiryDate && facts.expiryDate < today && (facts.validity ?? 'effective') === 'effective') {
    return { to: 'expired', reason: `有效期至 ${facts.expiryDate}，已过期：有效性由「${was}」改为「失效」` };
  }
  return null;
};
