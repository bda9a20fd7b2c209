import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema, yup } from '@strapi/utils';
import type { InspectionResponse, MyColumnsResponse } from '../../../shared/types';
import { isPublisher } from '../domain/workflow-policy';
import { getService } from '../utils/get-service';

interface Ctx {
  query: Record<string, unknown>;
  body: unknown;
  forbidden(message: string): void;
}

const validateQuery = validateYupSchema(
  yup
    .object({
      organization: yup.string().trim().min(1, 'organization must be a document id (发布机构)').max(100, 'organization must be a document id (发布机构)'),
    })
    .noUnknown()
);

/** 网站检查: the office sees the whole site; a column administrator sees their own columns in 待办. */
const inspectionController = ({ strapi }: { strapi: Core.Strapi }) => {
  const actor = async () => {
    const current = await getService(strapi, 'actors').current();
    if (!current) throw new errors.UnauthorizedError('Log in to the admin panel');
    return current;
  };

  return {
    async report(ctx: Ctx) {
      // answered here, not thrown: Strapi's authorize middleware would turn a thrown one into a bare "Forbidden"
      if (!isPublisher(await actor())) return ctx.forbidden('仅办公室可查看网站检查 (only the publisher, the general office, sees the inspection page)');
      const { organization } = (await validateQuery(ctx.query)) as { organization?: string };
      ctx.body = { data: await getService(strapi, 'inspection').report(organization) } satisfies InspectionResponse;
      return undefined;
    },

    async myColumns(ctx: Ctx) {
      ctx.body = { data: await getService(strapi, 'inspection').columnsOf((await actor()).id) } satisfies MyColumnsResponse;
    },
  };
};

export default inspectionController;
