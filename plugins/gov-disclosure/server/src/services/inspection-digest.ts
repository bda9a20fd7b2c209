/**
 * The inspection's weekly digest, scheduled work that runs once a week across every instance (on
 * Monday at 08:00 in the agency's time zone): each column administrator is e-mailed their columns
 * that are blank, past their update limit or within 7 days of it; the office (who publishes) the
 * single-veto counts of every organization and the home page. Nobody is mailed when all is in order.
 */
import type { Core } from '@strapi/strapi';
import type { UpdateStatus } from '../../../shared/domain/column-updates';
import type { InspectedColumn, InspectionReport } from '../../../shared/types';
import { msUntilWeekdayHour } from '../domain/reminder-plan';
import { getService } from '../utils/get-service';
import type { JobResult } from './jobs';
import { workflowPermission } from './permissions';
import { adminUrl } from '../utils/admin-url';

export const INSPECTION_DIGEST = 'inspection-digest';
const MONDAY = 1;
const SEND_AT_HOUR = 8;

interface UserRow {
  id: number;
  email: string;
}

const stateText = (s: UpdateStatus): string => {
  if (s.state === 'blank') return '空白栏目，从未发布';
  if (s.state === 'lapsed') return `已超过更新期限 ${-(s.daysLeft ?? 0)} 天`;
  return `距更新期限还剩 ${s.daysLeft ?? 0} 天`;
};

const columnLine = (c: InspectedColumn) => `- ${c.path}：最近发布 ${c.lastPublished ?? '无'}（${stateText(c.status)}）`;

const VETO_NAMES: Record<string, string> = {
  'key-columns-lapsed': '动态要闻、通知公告、政策文件类栏目未更新',
  'columns-lapsed': '超过更新期限的栏目',
  'blank-columns': '空白栏目',
};

const officeText = (report: InspectionReport): string[] => [
  report.homePage.lastPublished
    ? `首页最近更新：${report.homePage.lastPublished}（${report.homePage.daysSince} 天前${report.homePage.fails ? '，已超过 2 周：单项否决' : ''}）`
    : '首页从未更新：单项否决',
  ...report.organizations.flatMap((o) => [
    '',
    `${o.name || '未指定发布机构的栏目'}：`,
    ...o.vetoes.filter((v) => v.id !== 'home-page').map((v) => `- ${VETO_NAMES[v.id]}：${v.count} 个（${v.threshold} 个即否决）${v.fails ? '：单项否决' : ''}`),
    ...(o.undated.count > 0 ? [`- 无发布日期的已发布信息：${o.undated.count} 条`] : []),
    ...(o.brokenLinks.length > 0 ? [`- 正文中的失效链接：${o.brokenLinks.length} 个`] : []),
  ]),
];

const inspectionDigest = ({ strapi }: { strapi: Core.Strapi }) => {
  const timeZone = () => strapi.plugin('gov-disclosure').config('timeZone') as string;
  const pluginUrl = (path: string) => adminUrl(strapi, `/plugins/gov-disclosure${path}`);
  const nextRun = () => Date.now() + msUntilWeekdayHour(new Date(), timeZone(), MONDAY, SEND_AT_HOUR);

  /** The office: active users whose roles publish (super admins are not the office). */
  const officeUsers = async (): Promise<UserRow[]> =>
    (await strapi.db.query('admin::user').findMany({
      where: { isActive: true, roles: { permissions: { action: workflowPermission('publish') }, code: { $ne: 'strapi-super-admin' } } },
      select: ['id', 'email'],
    })) as UserRow[];

  /** Every active column administrator with the columns of theirs that need them (one reading of the columns). */
  const administrators = async (): Promise<Array<{ user: UserRow; columns: InspectedColumn[] }>> => {
    const byUser = await getService(strapi, 'inspection').columnsByAdministrator();
    if (byUser.size === 0) return [];
    const users = (await strapi.db
      .query('admin::user')
      .findMany({ where: { isActive: true, id: { $in: [...byUser.keys()] } }, select: ['id', 'email'] })) as UserRow[];
    return users.map((user) => ({ user, columns: byUser.get(user.id) ?? [] }));
  };

  return {
    /** This week's digest, e-mailed after the job commits; runs again next Monday at 08:00. */
    async run(): Promise<JobResult> {
      const report = await getService(strapi, 'inspection').report();
      const needsOffice = report.homePage.fails || report.organizations.some((o) => o.columns.length > 0 || o.undated.count > 0 || o.brokenLinks.length > 0);
      const office = needsOffice ? await officeUsers() : [];
      const owners = await administrators();
      const email = strapi.plugin('email').service('email') as { send(options: Record<string, unknown>): Promise<unknown> };
      // the home page is one item for the site, not one per organization
      const failing = report.organizations.flatMap((o) => o.vetoes).filter((v) => v.fails && v.id !== 'home-page').length + (report.homePage.fails ? 1 : 0);
      return {
        runAgainAt: nextRun(),
        afterCommit: async () => {
          const sent = await Promise.allSettled([
            ...office.map((u) =>
              email.send({
                to: u.email,
                subject: `【网站检查】本周提示${failing > 0 ? `：${failing} 项达到单项否决线` : ''}`,
                text: [`网站检查（${report.today}）：`, ...officeText(report), '', pluginUrl('/inspection')].join('\n'),
              })
            ),
            ...owners.map(({ user, columns }) =>
              email.send({
                to: user.email,
                subject: `【网站检查】你管理的 ${columns.length} 个栏目需要更新`,
                text: [`以下栏目空白、已超过或临近更新期限（${report.today}）：`, '', ...columns.map(columnLine), '', pluginUrl('')].join('\n'),
              })
            ),
          ]);
          const failed = sent.filter((s) => s.status === 'rejected').length;
          strapi.log.info(`[gov-disclosure] inspection digest: ${sent.length - failed} e-mail(s) sent${failed ? `, ${failed} failed` : ''}`);
        },
      };
    },

    /** Keeps the weekly job scheduled (at start-up). */
    async ensureScheduled(): Promise<void> {
      await getService(strapi, 'jobs').ensure(INSPECTION_DIGEST, 'weekly', nextRun());
    },
  };
};

export default inspectionDigest;
