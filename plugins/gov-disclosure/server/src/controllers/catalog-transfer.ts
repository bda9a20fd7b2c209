import { PassThrough } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema, yup } from '@strapi/utils';
import { formatOf } from '../catalog-files/read';
import { isPublisher } from '../domain/workflow-policy';
import { displayName } from '../services/actors';
import { getService } from '../utils/get-service';
import type { UploadedFiles } from '../utils/uploads';

interface Ctx {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body: unknown; files?: UploadedFiles };
  state: { user?: { id: number; firstname?: string | null; lastname?: string | null; username?: string | null; email?: string } };
  body: unknown;
  status: number;
  type: string;
  set(name: string, value: string): void;
  forbidden(message: string, details?: unknown): void;
}

const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

const validateImport = validateYupSchema(
  // multipart fields arrive as text
  yup
    .object({
      organization: yup
        .string()
        .required()
        .matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be an organization slug'),
      publish: yup.string().oneOf(['true', 'false']),
    })
    .noUnknown()
);
const validateExport = validateYupSchema(
  yup
    .object({
      organization: yup
        .string()
        .required()
        .matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be an organization slug'),
      format: yup.string().oneOf(['csv', 'xlsx']).required(),
    })
    .noUnknown()
);

/** Import (upload → dry-run report → confirm → progress) and export of the catalog, for the general office. */
const catalogTransfer = ({ strapi }: { strapi: Core.Strapi }) => {
  const userOf = (ctx: Ctx) => {
    const user = ctx.state.user;
    if (!user) throw new errors.UnauthorizedError('Log in to the admin panel');
    const name =
      displayName({ firstname: user.firstname ?? null, lastname: user.lastname ?? null, username: user.username ?? null, email: user.email ?? '' }) ||
      `user ${user.id}`;
    return { id: user.id, name };
  };

  /** Importing as published skips the approval chain: only who may publish may do it. */
  const mayImport = async (userId: number, publish: boolean) => {
    if (!publish) return true;
    const actor = await getService(strapi, 'actors').byId(userId);
    return Boolean(actor && isPublisher(actor));
  };
  // answered, not thrown: Strapi's authorize middleware would turn a thrown ForbiddenError into a bare "Forbidden"
  const PUBLISH_REFUSED = 'Only the publisher (the general office) may import entries as published; import them as drafts for the approval chain';

  return {
    async upload(ctx: Ctx) {
      const owner = userOf(ctx);
      const fields = (await validateImport(ctx.request.body ?? {})) as { organization: string; publish?: 'true' | 'false' };
      const body = { organization: fields.organization, publish: fields.publish === 'true' };
      if (!(await mayImport(owner.id, body.publish))) return ctx.forbidden(PUBLISH_REFUSED);
      const given = ctx.request.files?.file;
      const file = Array.isArray(given) ? given[0] : given;
      if (!file)
        throw new errors.ValidationError('Attach the catalog file as "file"', { errors: [{ path: ['file'], message: 'required', name: 'ValidationError' }] });
      const name = file.originalFilename ?? 'catalog';
      const format = formatOf(name);
      if (!format)
        throw new errors.ValidationError(`${name}: only .csv and .xlsx files can be imported`, {
          errors: [{ path: ['file'], message: 'must be a .csv or .xlsx file', name: 'ValidationError' }],
        });
      if (file.size > MAX_UPLOAD_BYTES)
        throw new errors.ValidationError('The file is larger than 200 MB; import it with npm run catalog:import', {
          errors: [{ path: ['file'], message: 'too large', name: 'ValidationError' }],
        });
      const job = await getService(strapi, 'catalog-import-jobs').create({ path: file.filepath, name, format }, body, owner);
      ctx.status = 201;
      ctx.body = { data: job };
    },

    async status(ctx: Ctx) {
      ctx.body = { data: await getService(strapi, 'catalog-import-jobs').get(ctx.params.id, userOf(ctx).id) };
    },

    async confirm(ctx: Ctx) {
      const owner = userOf(ctx);
      const jobs = getService(strapi, 'catalog-import-jobs');
      // the role may have changed since the upload
      if (!(await mayImport(owner.id, (await jobs.get(ctx.params.id, owner.id)).publish))) return ctx.forbidden(PUBLISH_REFUSED);
      const job = await jobs.confirm(ctx.params.id, owner);
      ctx.status = 202;
      ctx.body = { data: job };
    },

    async export(ctx: Ctx) {
      const { organization, format } = (await validateExport(ctx.query)) as { organization: string; format: 'csv' | 'xlsx' };
      if (!(await getService(strapi, 'catalog-export').organizationExists(organization))) throw new errors.NotFoundError(`No organization "${organization}"`);
      const out = new PassThrough();
      ctx.type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const fileName = `政府信息公开目录-${organization}.${format}`;
      ctx.set('Content-Disposition', `attachment; filename="catalog-${organization}.${format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = out;
      getService(strapi, 'catalog-export')
        .write(out, format, organization)
        .catch((error: unknown) => {
          strapi.log.error(`[gov-disclosure] export of ${organization} failed: ${String(error)}`);
          out.destroy(error instanceof Error ? error : new Error(String(error)));
        });
    },
  };
};

export default catalogTransfer;
