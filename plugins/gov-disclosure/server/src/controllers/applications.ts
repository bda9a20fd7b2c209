/**
 * The 依申请公开 register's admin routes. Input is checked here (a 400 names the field); who may do
 * what is decided in the service, through Strapi's permission engine and the register's policy.
 */
import type { Core } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';
import type {
  AppealView,
  ApplicantIdentityView,
  ApplicationEventView,
  AdminUserOption,
  ApplicationListResponse,
  CalendarYearView,
  OrganizationOption,
  ApplicationView,
  RegisteredApplication,
} from '../../../shared/application-types';
import { APPLICANT_TYPES, APPLICATION_ACTIONS, APPLICATION_STATES, CHANNELS, type ApplicationAction } from '../../../shared/domain/disclosure-application';
import { getService } from '../utils/get-service';
import { NOTICE_KINDS, type NoticeKind } from '../../../shared/domain/reply-notices';
import { ApplicationConflictError } from '../services/applications';
import type { ApplicationFileMeta } from '../services/application-files';
import { allUploads, type UploadedFiles } from '../utils/uploads';

interface Ctx {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown; files?: UploadedFiles };
  body: unknown;
  status: number;
  conflict(message: string): void;
  set(header: string, value: string): void;
}

/** A case that moved on, or an action that does not fit it now, is a 409 with the reason. */
const orConflict = async (ctx: Ctx, work: () => Promise<unknown>) => {
  try {
    ctx.body = await work();
  } catch (error) {
    if (error instanceof ApplicationConflictError) return ctx.conflict(error.message);
    throw error;
  }
};

const documentIdOf = validateYupSchema(
  yup.object({
    documentId: yup
      .string()
      .matches(/^[a-z0-9]{10,40}$/, 'documentId is not an application')
      .required(),
  })
);

const listQuery = validateYupSchema(
  yup.object({
    state: yup.string().oneOf([...APPLICATION_STATES]),
    channel: yup.string().oneOf([...CHANNELS]),
    applicantType: yup.string().oneOf([...APPLICANT_TYPES]),
    year: yup.number().integer().min(2008).max(2100),
    overdue: yup.boolean(),
    dueWithin: yup.number().integer().min(0).max(60),
    mine: yup.boolean(),
    q: yup.string().max(40),
    page: yup.number().integer().min(1).max(100000).default(1),
    pageSize: yup.number().integer().min(1).max(100).default(20),
  }),
  // query strings arrive as text: cast them ("20" → 20, "true" → true), then check
  { strict: false }
);

const actionParams = validateYupSchema(
  yup.object({
    documentId: yup
      .string()
      .matches(/^[a-z0-9]{10,40}$/, 'documentId is not an application')
      .required(),
    action: yup
      .string()
      .oneOf([...APPLICATION_ACTIONS], `action must be one of ${APPLICATION_ACTIONS.join(', ')}`)
      .required(),
  })
);

const appealQuery = validateYupSchema(
  yup.object({
    application: yup.string().matches(/^[a-z0-9]{10,40}$/, 'application is not an application'),
    year: yup.number().integer().min(2008).max(2100),
  }),
  { strict: false }
);

const noticeParams = validateYupSchema(
  yup.object({
    documentId: yup
      .string()
      .matches(/^[a-z0-9]{10,40}$/, 'documentId is not an application')
      .required(),
    kind: yup
      .string()
      .oneOf([...NOTICE_KINDS], `kind must be one of ${NOTICE_KINDS.join(', ')}`)
      .required(),
  })
);

const fileParams = validateYupSchema(
  yup.object({
    documentId: yup
      .string()
      .matches(/^[a-z0-9]{10,40}$/, 'documentId is not an application')
      .required(),
    id: yup.number().integer().min(1).required(),
  }),
  { strict: false }
);

const assignBody = validateYupSchema(yup.object({ handler: yup.number().integer().min(1).required('handler is required') }));
const yearParam = validateYupSchema(yup.object({ year: yup.number().integer().min(2000).max(2100).required() }), { strict: false });

const body = (ctx: Ctx): Record<string, unknown> => {
  const b = ctx.request.body;
  return typeof b === 'object' && b !== null && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
};

const applicationsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'applications');
  const actor = () => getService(strapi, 'actors').current();

  return {
    async list(ctx: Ctx) {
      const filters = (await listQuery(ctx.query)) as Parameters<ReturnType<typeof service>['list']>[0];
      ctx.body = (await service().list(filters, await actor())) satisfies ApplicationListResponse;
    },

    async register(ctx: Ctx) {
      ctx.status = 201;
      ctx.body = (await service().register(body(ctx), await actor(), 'office')) satisfies RegisteredApplication;
    },

    async findOne(ctx: Ctx) {
      const { documentId } = (await documentIdOf(ctx.params)) as { documentId: string };
      ctx.body = { data: await service().findOne(documentId, await actor()) } satisfies { data: ApplicationView };
    },

    async history(ctx: Ctx) {
      const { documentId } = (await documentIdOf(ctx.params)) as { documentId: string };
      ctx.body = { data: await service().history(documentId, await actor()) } satisfies { data: ApplicationEventView[] };
    },

    async identity(ctx: Ctx) {
      const { documentId } = (await documentIdOf(ctx.params)) as { documentId: string };
      ctx.body = { data: await service().identity(documentId, await actor()) } satisfies { data: ApplicantIdentityView };
    },

    async notice(ctx: Ctx) {
      const { documentId, kind } = (await noticeParams(ctx.params)) as { documentId: string; kind: NoticeKind };
      await orConflict(ctx, async () => {
        const { fileName, docx } = await service().notice(documentId, kind, await actor());
        ctx.set('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
        ctx.set('Content-Disposition', `attachment; filename="notice.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
        ctx.set('Cache-Control', 'no-store');
        return docx;
      });
    },

    async files(ctx: Ctx) {
      const { documentId } = (await documentIdOf(ctx.params)) as { documentId: string };
      ctx.body = { data: await getService(strapi, 'case-files').list(documentId, await actor()) } satisfies { data: ApplicationFileMeta[] };
    },

    async addReply(ctx: Ctx) {
      const { documentId } = (await documentIdOf(ctx.params)) as { documentId: string };
      // (the temporary files go with the request: middlewares/remove-uploads.ts)
      const [upload] = allUploads(ctx.request.files);
      ctx.status = 201;
      ctx.body = { data: await getService(strapi, 'case-files').addReply(documentId, upload, await actor()) } satisfies { data: ApplicationFileMeta };
    },

    async file(ctx: Ctx) {
      const { documentId, id } = (await fileParams(ctx.params)) as { documentId: string; id: number };
      const file = await getService(strapi, 'case-files').download(documentId, id, await actor());
      ctx.set('Content-Type', file.mime);
      ctx.set('Content-Disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = file.bytes;
    },

    async assign(ctx: Ctx) {
      const { documentId } = (await documentIdOf(ctx.params)) as { documentId: string };
      const { handler } = (await assignBody(body(ctx))) as { handler: number };
      await orConflict(ctx, async () => ({ data: await service().assign(documentId, handler, await actor()) }) satisfies { data: ApplicationView });
    },

    async act(ctx: Ctx) {
      const { documentId, action } = (await actionParams(ctx.params)) as { documentId: string; action: ApplicationAction };
      await orConflict(ctx, async () => ({ data: await service().act(documentId, action, body(ctx), await actor()) }) satisfies { data: ApplicationView });
    },

    async appeals(ctx: Ctx) {
      const filters = (await appealQuery(ctx.query)) as { application?: string; year?: number };
      ctx.body = { data: await getService(strapi, 'appeals').list(filters, await actor()) } satisfies { data: AppealView[] };
    },

    async createAppeal(ctx: Ctx) {
      ctx.status = 201;
      ctx.body = { data: await getService(strapi, 'appeals').create(body(ctx), await actor()) } satisfies { data: AppealView };
    },

    async updateAppeal(ctx: Ctx) {
      const { documentId } = (await documentIdOf(ctx.params)) as { documentId: string };
      ctx.body = { data: await getService(strapi, 'appeals').update(documentId, body(ctx), await actor()) } satisfies { data: AppealView };
    },

    async organizations(ctx: Ctx) {
      ctx.body = { data: await service().organizations(await actor()) } satisfies { data: OrganizationOption[] };
    },

    async handlers(ctx: Ctx) {
      ctx.body = { data: await service().handlers(await actor()) } satisfies { data: AdminUserOption[] };
    },

    async calendar(ctx: Ctx) {
      ctx.body = { data: await getService(strapi, 'working-calendar').list() } satisfies { data: CalendarYearView[] };
    },

    async saveCalendarYear(ctx: Ctx) {
      const { year } = (await yearParam(ctx.params)) as { year: number };
      const who = await actor();
      const saved = await getService(strapi, 'working-calendar').saveYear(year, body(ctx), who?.name ?? '');
      ctx.body = { data: saved } satisfies { data: CalendarYearView };
    },
  };
};

export default applicationsController;
