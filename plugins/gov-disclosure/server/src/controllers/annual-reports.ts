import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema, yup } from '@strapi/utils';
import { LOCALES, REPORT_TEMPLATE_IDS, UID } from '../../../shared/constants';
import { checkStatistics } from '../../../shared/domain/report-checks';
import { REPORT_TEMPLATES } from '../../../shared/domain/report-templates';
import { getService } from '../utils/get-service';
import { countedEntriesCsv, reportCsv } from '../exports/report-csv';
import { reportDocx } from '../exports/report-docx';
import { reportPrintableHtml } from '../exports/report-html';

interface Ctx {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body: unknown; headers: Record<string, string | undefined> };
  state: { user?: { preferedLanguage?: string | null } };
  body: unknown;
  type: string;
  set(name: string, value: string): void;
}

const validateBody = validateYupSchema(
  yup
    .object({
      template: yup
        .string()
        .oneOf([...REPORT_TEMPLATE_IDS])
        .required(),
      statistics: yup.object().required(),
    })
    .noUnknown()
);
const validateTarget = validateYupSchema(
  yup
    .object({
      locale: yup
        .string()
        .oneOf([...LOCALES])
        .default('zh-Hans'),
    })
    .noUnknown()
);
const validateRecords = validateYupSchema(
  yup
    .object({
      locale: yup
        .string()
        .oneOf([...LOCALES])
        .default('zh-Hans'),
      page: yup.number().integer().min(1).default(1),
      pageSize: yup.number().integer().min(1).max(100).default(20),
      format: yup.string().oneOf(['json', 'csv']).default('json'),
    })
    .noUnknown(),
  // query values arrive as text: let yup read the page numbers
  { strict: false }
);
const validateExport = validateYupSchema(
  yup
    .object({
      locale: yup
        .string()
        .oneOf([...LOCALES])
        .default('zh-Hans'),
      format: yup.string().oneOf(['csv', 'docx', 'html']).required(),
    })
    .noUnknown()
);

/** The admin language decides the language of check messages: the user's own, else the browser's. */
const langOf = (ctx: Ctx): 'zh' | 'en' => {
  const preferred = ctx.state.user?.preferedLanguage ?? ctx.request.headers['accept-language'] ?? 'zh';
  return preferred.toLowerCase().startsWith('en') ? 'en' : 'zh';
};

const annualReports = ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * The general office's work: Strapi's permission engine decides (plugin::gov-disclosure.report.compile),
   * with any condition an administrator set matched against the report itself.
   */
  const office = async (documentId: string, locale: string) => {
    const actors = getService(strapi, 'actors');
    const actor = await actors.current();
    if (!actor) throw new errors.UnauthorizedError('Log in to the admin panel');
    const report = await getService(strapi, 'workflow').draftRow(UID.annualReport, documentId, locale);
    if (!report) throw new errors.NotFoundError(`No annual report ${documentId} in locale ${locale}`);
    if (!actors.mayCompileReports(actor, report)) throw new errors.PolicyError('Only the general office compiles annual reports (编制年度报告)');
    return actor;
  };

  const loadReport = async (documentId: string, locale: string) => {
    const report = await getService(strapi, 'portal').annualReportDraft(documentId, locale);
    if (!report) throw new errors.NotFoundError(`No annual report ${documentId} in locale ${locale}`);
    return report;
  };

  return {
    templates(ctx: Ctx) {
      ctx.body = { data: Object.values(REPORT_TEMPLATES).map(({ id, title, titleEn, basis }) => ({ id, title, titleEn, basis })) };
    },

    template(ctx: Ctx) {
      const template = REPORT_TEMPLATES[ctx.params.id];
      if (!template) throw new errors.NotFoundError(`No template ${ctx.params.id}; templates are ${REPORT_TEMPLATE_IDS.join(', ')}`);
      ctx.body = { data: template };
    },

    async validate(ctx: Ctx) {
      const { template, statistics } = (await validateBody(ctx.request.body ?? {})) as { template: string; statistics: Record<string, unknown> };
      ctx.body = checkStatistics(template, statistics, langOf(ctx));
    },

    async compute(ctx: Ctx) {
      const { locale = 'zh-Hans' } = (await validateTarget(ctx.query)) as { locale?: string };
      await office(ctx.params.documentId, locale);
      ctx.body = { data: await getService(strapi, 'report-statistics').compute(ctx.params.documentId, locale) };
    },

    /** The records a computed cell counted: a page of them as JSON, or all of them as CSV. */
    async records(ctx: Ctx) {
      const { locale, page, pageSize, format } = (await validateRecords(ctx.query)) as {
        locale: string;
        page: number;
        pageSize: number;
        format: 'json' | 'csv';
      };
      await office(ctx.params.documentId, locale);
      const statistics = getService(strapi, 'report-statistics');
      const { documentId, cell } = ctx.params;
      if (format === 'json') {
        ctx.body = { data: await statistics.records(documentId, locale, cell, page, pageSize, langOf(ctx)) };
        return;
      }
      const { label, entries } = await statistics.allRecords(documentId, locale, cell, langOf(ctx));
      ctx.type = 'text/csv; charset=utf-8';
      // cell ids hold dots and colons; a file name keeps letters, digits and dashes
      ctx.set('Content-Disposition', `attachment; filename="${cell.replace(/[^\w-]+/g, '-')}-records.csv"`);
      ctx.body = countedEntriesCsv(label, entries);
    },

    async export(ctx: Ctx) {
      // a report's working version is the office's until it is published
      const { locale = 'zh-Hans', format } = (await validateExport(ctx.query)) as { locale?: string; format: 'csv' | 'docx' | 'html' };
      await office(ctx.params.documentId, locale);
      const report = await loadReport(ctx.params.documentId, locale);
      const name = `${report.organization.slug}-${report.year}-annual-report`;
      if (format === 'csv') {
        ctx.type = 'text/csv; charset=utf-8';
        ctx.set('Content-Disposition', `attachment; filename="${name}.csv"`);
        ctx.body = reportCsv(report);
      } else if (format === 'docx') {
        ctx.type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
        ctx.set('Content-Disposition', `attachment; filename="${name}.docx"`);
        ctx.body = await reportDocx(report);
      } else {
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = reportPrintableHtml(report, locale);
      }
    },
  };
};

export default annualReports;
