/**
 * Appeal cases against the office's disclosure decisions (行政复议, 行政诉讼), recorded by the office
 * and counted in table 四. A case linked to an application belongs to that application's
 * organization.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, UID } from '../../../shared/constants';
import { checkAppealInput, type AppealInput } from '../../../shared/domain/appeal-input';
import { dayIn } from '../../../shared/domain/calendar-day';
import type { AppealKind, AppealOutcome } from '../../../shared/domain/register-measures';
import type { AppealView } from '../../../shared/application-types';
import { rowsOf } from '../utils/query';
import { throwIfIssues } from './write-guard';
import { allowOnRegister } from './permissions';
import type { Actor } from './actors';

interface AppealRow {
  id: number;
  documentId: string;
  applicationDocumentId: string | null;
  organizationDocumentId: string;
  kind: AppealKind;
  caseNumber: string | null;
  authority: string | null;
  filedOn: string;
  outcome: AppealOutcome;
  decidedOn: string | null;
  note: string | null;
}

const toView = (r: AppealRow): AppealView => ({
  documentId: r.documentId,
  application: r.applicationDocumentId,
  organization: r.organizationDocumentId,
  kind: r.kind,
  caseNumber: r.caseNumber,
  authority: r.authority,
  filedOn: r.filedOn,
  outcome: r.outcome,
  decidedOn: r.decidedOn,
  note: r.note,
});

const appeals = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => rowsOf<AppealRow>(strapi, UID.appealCase);
  const today = () => dayIn(strapi.plugin('gov-disclosure').config('timeZone') as string);

  const allow = (actor: Actor | null, action: 'read' | 'register') =>
    allowOnRegister(
      actor,
      action,
      action === 'read'
        ? '无权查看复议诉讼案件 (no permission to view appeal cases)'
        : '仅信息公开工作机构可以登记复议诉讼案件 (only the office records appeal cases)'
    );

  /** The checked input with its organization settled (from the linked application when given). */
  const settle = async (raw: Record<string, unknown>): Promise<AppealInput & { organization: string }> => {
    const checked = checkAppealInput(raw, today());
    if (!checked.ok) throwIfIssues(checked.issues);
    const input = (checked as { value: AppealInput }).value;
    let organization = input.organization;
    if (input.application) {
      const app = (await rowsOf<{ organizationDocumentId: string }>(strapi, UID.application).findOne({
        where: { documentId: input.application },
        select: ['organizationDocumentId'],
      })) as { organizationDocumentId: string } | null;
      if (!app) throwIfIssues([{ path: ['application'], message: '关联的申请不存在 (no such application)' }]);
      organization = app!.organizationDocumentId;
    } else {
      const org = await rowsOf(strapi, UID.organization).count({ where: { documentId: organization, locale: DEFAULT_LOCALE } });
      if (org === 0) throwIfIssues([{ path: ['organization'], message: '机关不存在 (no such organization)' }]);
    }
    return { ...input, organization: organization! };
  };

  const data = (input: AppealInput & { organization: string }) => ({
    applicationDocumentId: input.application,
    organizationDocumentId: input.organization,
    kind: input.kind,
    caseNumber: input.caseNumber,
    authority: input.authority,
    filedOn: input.filedOn,
    outcome: input.outcome,
    decidedOn: input.decidedOn,
    note: input.note,
  });

  return {
    async list(filters: { application?: string; year?: number }, actor: Actor | null): Promise<AppealView[]> {
      allow(actor, 'read');
      const where: Record<string, unknown> = {};
      if (filters.application) where.applicationDocumentId = filters.application;
      if (filters.year) where.filedOn = { $lte: `${filters.year}-12-31` };
      const found = await rowsOf<AppealRow>(strapi, UID.appealCase).findMany({ where, orderBy: [{ filedOn: 'desc' }, { id: 'desc' }], limit: 500 });
      return found.map(toView);
    },

    async create(raw: Record<string, unknown>, actor: Actor | null): Promise<AppealView> {
      allow(actor, 'register');
      return toView(await rows().create({ data: data(await settle(raw)) }));
    },

    async update(documentId: string, raw: Record<string, unknown>, actor: Actor | null): Promise<AppealView> {
      allow(actor, 'register');
      const existing = await rows().findOne({ where: { documentId } });
      if (!existing) throw new errors.NotFoundError(`No appeal case ${documentId} (案件不存在)`);
      const updated = await rows().update({ where: { id: existing.id }, data: data(await settle(raw)) });
      return toView(updated!);
    },
  };
};

export default appeals;
