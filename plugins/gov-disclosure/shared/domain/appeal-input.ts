/**
 * An appeal case against a disclosure decision (行政复议 or 行政诉讼, table 四) as the office records
 * it: each field checked, problems named, Chinese first.
 */
import { issue, type FieldIssue } from './field-issue';
import { APPEAL_KINDS, APPEAL_OUTCOMES, type AppealKind, type AppealOutcome } from './register-measures';
import { isDay } from './working-days';

export interface AppealInput {
  organization: string | null;
  application: string | null;
  kind: AppealKind;
  caseNumber: string | null;
  authority: string | null;
  filedOn: string;
  outcome: AppealOutcome;
  decidedOn: string | null;
  note: string | null;
}

const optionalText = (raw: Record<string, unknown>, field: string, limit: number, issues: FieldIssue[]): string | null => {
  const v = raw[field];
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string' || [...v].length > limit) {
    issues.push(issue(field, `${field} 应为不超过${limit}字的文字 (${field} must be text of at most ${limit} characters)`));
    return null;
  }
  return v.trim() || null;
};

export const checkAppealInput = (raw: Record<string, unknown>, today: string): { ok: true; value: AppealInput } | { ok: false; issues: FieldIssue[] } => {
  const issues: FieldIssue[] = [];
  const organization = optionalText(raw, 'organization', 100, issues);
  const application = optionalText(raw, 'application', 100, issues);
  if (!organization && !application) issues.push(issue('organization', '请选择被申请复议或被诉的机关，或关联的申请 (organization or application is required)'));
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(APPEAL_KINDS as readonly string[]).includes(kind)) {
    issues.push(issue('kind', `请选择案件类型 (kind must be one of ${APPEAL_KINDS.join(', ')})`));
  }
  const outcome = raw.outcome ?? 'pending';
  if (typeof outcome !== 'string' || !(APPEAL_OUTCOMES as readonly string[]).includes(outcome)) {
    issues.push(issue('outcome', `请选择审理结果 (outcome must be one of ${APPEAL_OUTCOMES.join(', ')})`));
  }
  let filedOn: string | null = null;
  if (!isDay(raw.filedOn)) issues.push(issue('filedOn', '请填写立案日期（YYYY-MM-DD）(filedOn must be a date)'));
  else if (raw.filedOn > today) issues.push(issue('filedOn', `立案日期不能晚于今天（${today}）(filedOn is in the future)`));
  else filedOn = raw.filedOn;
  let decidedOn: string | null = null;
  if (outcome === 'pending') {
    if (raw.decidedOn) issues.push(issue('decidedOn', '尚未审结的案件不填审结日期 (a pending case has no decision date)'));
  } else if (!isDay(raw.decidedOn)) issues.push(issue('decidedOn', '请填写审结日期（YYYY-MM-DD）(decidedOn must be a date)'));
  else if (raw.decidedOn > today) issues.push(issue('decidedOn', `审结日期不能晚于今天（${today}）(decidedOn is in the future)`));
  else if (filedOn && raw.decidedOn < filedOn) issues.push(issue('decidedOn', '审结日期不能早于立案日期 (decidedOn is before filedOn)'));
  else decidedOn = raw.decidedOn;
  const caseNumber = optionalText(raw, 'caseNumber', 100, issues);
  const authority = optionalText(raw, 'authority', 200, issues);
  const note = optionalText(raw, 'note', 5000, issues);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      organization,
      application,
      kind: kind as AppealKind,
      caseNumber,
      authority,
      filedOn: filedOn!,
      outcome: outcome as AppealOutcome,
      decidedOn,
      note,
    },
  };
};
