/**
 * What each step of a case needs from the handler (APPLICATION_TRANSITIONS[action].needs), checked
 * before anything is written: a missing or bad field is a 400 that names it.
 */
import { issue, type FieldIssue } from '../../../shared/domain/field-issue';
import {
  ANSWER_OUTCOMES,
  APPLICATION_TRANSITIONS,
  PERIODS,
  REPLY_KIND_KEYS,
  type ApplicationAction,
  type Outcome,
  type ReplyKind,
} from '../../../shared/domain/disclosure-application';
import { informationFee, type FeeMethod } from '../../../shared/domain/information-fee';
import { isDay } from '../../../shared/domain/working-days';

export interface ActionInput {
  comment: string | null;
  note?: string;
  dueOn?: string;
  day?: string;
  approver?: string;
  extensionDays?: number;
  fee?: { method: FeeMethod; yuan: number };
  outcome?: Outcome;
  replyKind?: ReplyKind;
  replyText?: string;
}

interface Context {
  today: string;
  /** The latest day the case already stands on (receipt or amendment): a step cannot predate it. */
  lastDay: string;
  /** While paused: the day the pause began (it cannot end before). */
  pausedSince: string | null;
}

const text = (raw: Record<string, unknown>, field: string, limit: number, issues: FieldIssue[], label: string): string | undefined => {
  const value = raw[field];
  if (typeof value !== 'string' || value.trim() === '') {
    issues.push(issue(field, `请填写${label} (${field} is required)`));
    return undefined;
  }
  if ([...value.trim()].length > limit) issues.push(issue(field, `${label}不能超过${limit}个字 (${field} is longer than ${limit} characters)`));
  return value.trim();
};

export const actionDataOf = (
  action: ApplicationAction,
  raw: Record<string, unknown>,
  ctx: Context
): { ok: true; value: ActionInput } | { ok: false; issues: FieldIssue[] } => {
  const issues: FieldIssue[] = [];
  const needs = APPLICATION_TRANSITIONS[action].needs;
  let comment: string | null = null;
  if (raw.comment !== undefined && raw.comment !== null) {
    if (typeof raw.comment !== 'string' || [...raw.comment].length > 5000)
      issues.push(issue('comment', '办理意见应为不超过5000字的文字 (comment must be text of at most 5000 characters)'));
    else comment = raw.comment.trim() || null;
  }
  const value: ActionInput = { comment };
  if (needs.includes('note')) {
    value.note = text(raw, 'note', 5000, issues, action === 'request_amendment' ? '需要补正的事项' : action === 'extend' ? '延期理由' : '征求意见的对象和事项');
  }
  if (needs.includes('dueOn')) {
    if (!isDay(raw.dueOn)) issues.push(issue('dueOn', '请填写补正期限（YYYY-MM-DD）(dueOn must be a date)'));
    else if (raw.dueOn <= ctx.today) issues.push(issue('dueOn', `补正期限应晚于今天（${ctx.today}）(dueOn must be after today)`));
    else value.dueOn = raw.dueOn;
  }
  if (needs.includes('day')) {
    const day = raw.day === undefined || raw.day === null || raw.day === '' ? ctx.today : raw.day;
    const earliest = ctx.pausedSince && ctx.pausedSince > ctx.lastDay ? ctx.pausedSince : ctx.lastDay;
    if (!isDay(day)) issues.push(issue('day', '日期应为 YYYY-MM-DD (day must be a date)'));
    else if (day > ctx.today) issues.push(issue('day', `日期不能晚于今天（${ctx.today}）(day is in the future)`));
    else if (day < earliest) issues.push(issue('day', `日期不能早于 ${earliest} (day is before ${earliest})`));
    else value.day = day;
  }
  if (needs.includes('approver')) {
    value.approver = text(raw, 'approver', 100, issues, '批准延期的负责人');
    const days = raw.extensionDays === undefined || raw.extensionDays === null ? PERIODS.extension : raw.extensionDays;
    if (!Number.isInteger(days) || (days as number) < 1 || (days as number) > PERIODS.extension) {
      issues.push(issue('extensionDays', `延长期限应为1至${PERIODS.extension}个工作日 (extensionDays must be 1 to ${PERIODS.extension})`));
    } else value.extensionDays = days as number;
  }
  if (needs.includes('fee')) {
    const fee = (typeof raw.fee === 'object' && raw.fee !== null ? raw.fee : {}) as Record<string, unknown>;
    const method = fee.method;
    const computed = method === 'by_item' || method === 'by_volume' ? informationFee({ ...fee, method } as Parameters<typeof informationFee>[0]) : null;
    if (!computed) issues.push(issue(['fee', 'method'], '请选择计费方式：按件或按量 (fee.method must be by_item or by_volume)'));
    else if (!computed.ok) issues.push(issue(['fee', computed.field], computed.message));
    else if (computed.totalYuan === 0)
      issues.push(issue(['fee'], '按此计算不收取信息处理费，无需发出收费通知 (the fee comes to nothing: no fee notice is needed)'));
    else value.fee = { method: method as FeeMethod, yuan: computed.totalYuan };
  }
  if (needs.includes('outcome')) {
    if (typeof raw.outcome !== 'string' || !(ANSWER_OUTCOMES as string[]).includes(raw.outcome)) {
      issues.push(issue('outcome', `请选择办理结果（表三的一项）(outcome must be one of ${ANSWER_OUTCOMES.join(', ')})`));
    } else value.outcome = raw.outcome as Outcome;
    if (typeof raw.replyKind !== 'string' || !(REPLY_KIND_KEYS as string[]).includes(raw.replyKind)) {
      issues.push(issue('replyKind', `请选择答复类型 (replyKind must be one of ${REPLY_KIND_KEYS.join(', ')})`));
    } else value.replyKind = raw.replyKind as ReplyKind;
    value.replyText = text(raw, 'replyText', 20000, issues, '答复内容');
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
};
