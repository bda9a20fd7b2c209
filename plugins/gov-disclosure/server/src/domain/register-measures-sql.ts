/**
 * The register's counts behind table 三 and 四 cells, as SQL conditions on one application (alias
 * `a`) or appeal case (alias `c`) of the organization. Written once and used twice, by the count
 * and by the list of what it counted, so the list is as long as the number. Dates are ISO days,
 * compared as such on SQLite and PostgreSQL alike.
 */
import { APPLICANT_TYPES, CHANNELS, OUTCOME_KEYS, type ApplicantType } from '../../../shared/domain/disclosure-application';
import {
  APPEAL_KINDS,
  APPEAL_OUTCOMES,
  type AppealKind,
  type AppealMeasure,
  type AppealOutcome,
  type RegisterMeasure,
} from '../../../shared/domain/register-measures';
import type { YearBounds } from './report-measures';

/** Values come only from the fixed lists above, never from a request: safe to inline. */
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

export const registerMeasureSql = (measure: RegisterMeasure, { from, to }: YearBounds): string => {
  const decided = `a.decided_on >= '${from}' AND a.decided_on <= '${to}'`;
  const received = `a.received_on >= '${from}' AND a.received_on <= '${to}'`;
  if (measure.startsWith('outcome:')) {
    const outcome = measure.slice('outcome:'.length);
    if (!(OUTCOME_KEYS as string[]).includes(outcome)) throw new RangeError(`unknown outcome ${outcome}`);
    return `${decided} AND a.outcome = ${literal(outcome)}`;
  }
  if (measure.startsWith('channel:')) {
    const channel = measure.slice('channel:'.length);
    if (!(CHANNELS as readonly string[]).includes(channel)) throw new RangeError(`unknown channel ${channel}`);
    return `${received} AND a.channel = ${literal(channel)}`;
  }
  switch (measure) {
    case 'received':
      return received;
    case 'carried':
      return `a.received_on < '${from}' AND (a.decided_on IS NULL OR a.decided_on >= '${from}')`;
    case 'decided':
      return decided;
    case 'open_at_end':
      return `a.received_on <= '${to}' AND (a.decided_on IS NULL OR a.decided_on > '${to}')`;
    case 'decided_on_time':
      return `${decided} AND COALESCE(a.extension_days, 0) = 0 AND a.decided_on <= a.due_on`;
    case 'decided_extended':
      return `${decided} AND a.extension_days > 0`;
    default:
      throw new RangeError(`unknown register measure ${String(measure)}`);
  }
};

export const applicantTypeSql = (type: ApplicantType | null): string => {
  if (type === null) return '1 = 1';
  if (!(APPLICANT_TYPES as readonly string[]).includes(type)) throw new RangeError(`unknown applicant type ${type}`);
  return `a.applicant_type = ${literal(type)}`;
};

/**
 * Table 四 (国办公开办函〔2021〕30号 gives no filling rule for the year that we could verify): a case
 * counts under its result in the year it was decided, and as 尚未审结 when filed by the year's end
 * and not decided by then.
 */
export const appealMeasureSql = (measure: AppealMeasure, { from, to }: YearBounds): string => {
  const [kind, outcome] = measure.split(':') as [AppealKind, AppealOutcome];
  if (!APPEAL_KINDS.includes(kind) || !APPEAL_OUTCOMES.includes(outcome)) throw new RangeError(`unknown appeal measure ${measure}`);
  const ofKind = `c.kind = ${literal(kind)}`;
  if (outcome === 'pending') return `${ofKind} AND c.filed_on <= '${to}' AND (c.outcome = 'pending' OR c.decided_on IS NULL OR c.decided_on > '${to}')`;
  return `${ofKind} AND c.outcome = ${literal(outcome)} AND c.decided_on >= '${from}' AND c.decided_on <= '${to}'`;
};
