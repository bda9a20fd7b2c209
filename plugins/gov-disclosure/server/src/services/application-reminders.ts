/**
 * The register's daily reminders, scheduled work that runs once a day across every instance (at
 * 08:00 in the agency's time zone): the handler and the office are e-mailed about the cases due in
 * 5 and in 1 working days, and every day about those overdue (../domain/reminder-plan.ts). The
 * messages name cases by tracking number, never the applicant.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../shared/constants';
import { clockOf, deadlineOf } from '../../../shared/domain/application-deadline';
import { dayIn } from '../../../shared/domain/calendar-day';
import type { ApplicationState } from '../../../shared/domain/disclosure-application';
import { addWorkingDays } from '../../../shared/domain/working-days';
import { msUntilHour, planReminders, REMINDER_DAYS, type OpenCase, type Reminder } from '../domain/reminder-plan';
import { getService } from '../utils/get-service';
import { rowsOf } from '../utils/query';
import { registerPermission } from './permissions';
import type { JobResult } from './jobs';
import { adminUrl } from '../utils/admin-url';

export const APPLICATION_REMINDERS = 'application-reminders';
const SEND_AT_HOUR = 8;

interface CaseRow {
  documentId: string;
  trackingNumber: string;
  state: ApplicationState;
  startedOn: string;
  pausedWorkingDays: number | null;
  pausedSince: string | null;
  extensionDays: number | null;
  handler?: { id: number } | null;
}

interface UserRow {
  id: number;
  email: string;
  isActive: boolean;
}

const describe = (r: Reminder) => {
  const left = r.case.workingDaysLeft;
  const when = left < 0 ? `已超期 ${-left} 个工作日` : `剩余 ${left} 个工作日`;
  return `${r.case.trackingNumber}  答复期限 ${r.case.dueOn}（${when}）`;
};

const applicationReminders = ({ strapi }: { strapi: Core.Strapi }) => {
  const timeZone = () => strapi.plugin('gov-disclosure').config('timeZone') as string;
  const adminBase = () => adminUrl(strapi, '/plugins/gov-disclosure/applications');

  /** Open cases with their deadline as of today. */
  const openCases = async (): Promise<OpenCase[]> => {
    const calendar = await getService(strapi, 'working-calendar').calendar();
    const today = dayIn(timeZone());
    const rows = (await rowsOf<CaseRow>(strapi, UID.application).findMany({
      // only a running clock has a deadline to remind of (amendment, consultation and fee waits stand
      // still), and only one due within the first reminder's days or past (the stored due date follows
      // the calendar: services/working-calendar.ts)
      where: { decidedOn: null, state: 'received', dueOn: { $lte: addWorkingDays(calendar, today, REMINDER_DAYS.five_days).day } },
      select: ['documentId', 'trackingNumber', 'state', 'startedOn', 'pausedWorkingDays', 'pausedSince', 'extensionDays'],
      populate: { handler: { select: ['id'] } },
    })) as CaseRow[];
    return rows.map((r) => {
      const d = deadlineOf(calendar, clockOf(r), today);
      return {
        documentId: r.documentId,
        trackingNumber: r.trackingNumber,
        handlerId: r.handler?.id ?? null,
        dueOn: d.dueOn,
        workingDaysLeft: d.workingDaysLeft,
        paused: d.paused,
      };
    });
  };

  /** The office: active users whose roles assign applications (super admins are not the office). */
  const officeUsers = async (): Promise<number[]> => {
    const users = (await strapi.db.query('admin::user').findMany({
      where: { isActive: true, roles: { permissions: { action: registerPermission('assign') }, code: { $ne: 'strapi-super-admin' } } },
      select: ['id'],
    })) as Array<{ id: number }>;
    return users.map((u) => u.id);
  };

  return {
    /** Today's reminders, e-mailed after the job commits; runs again at the next 08:00. */
    async run(): Promise<JobResult> {
      const plan = planReminders(await openCases(), await officeUsers());
      const runAgainAt = Date.now() + msUntilHour(new Date(), timeZone(), SEND_AT_HOUR);
      if (plan.size === 0) return { runAgainAt };
      const users = (await strapi.db.query('admin::user').findMany({
        where: { id: { $in: [...plan.keys()] }, isActive: true },
        select: ['id', 'email', 'isActive'],
      })) as UserRow[];
      const email = strapi.plugin('email').service('email') as { send(options: Record<string, unknown>): Promise<unknown> };
      return {
        runAgainAt,
        afterCommit: async () => {
          const sent = await Promise.allSettled(
            users.map((u) => {
              const reminders = plan.get(u.id) ?? [];
              const overdue = reminders.filter((r) => r.kind === 'overdue').length;
              const subject = `【依申请公开】${reminders.length} 件申请临近答复期限${overdue > 0 ? `，其中 ${overdue} 件已超期` : ''}`;
              const text = [
                '以下政府信息公开申请需要在答复期限内办理 / Applications for disclosure due soon or overdue:',
                '',
                ...reminders.map((r) => `${describe(r)}\n  ${adminBase()}/${r.case.documentId}`),
              ].join('\n');
              return email.send({ to: u.email, subject, text });
            })
          );
          const failed = sent.filter((s) => s.status === 'rejected').length;
          strapi.log.info(`[gov-disclosure] application reminders: ${users.length - failed} e-mail(s) sent${failed ? `, ${failed} failed` : ''}`);
        },
      };
    },

    /** Keeps the daily job scheduled (at start-up). */
    async ensureScheduled(): Promise<void> {
      await getService(strapi, 'jobs').ensure(APPLICATION_REMINDERS, 'daily', Date.now() + msUntilHour(new Date(), timeZone(), SEND_AT_HOUR));
    },
  };
};

export default applicationReminders;
