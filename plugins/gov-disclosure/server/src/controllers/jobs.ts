import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema, yup } from '@strapi/utils';
import type { JobView, JobsResponse } from '../../../shared/types';
import { isPublisher } from '../domain/workflow-policy';
import { getService } from '../utils/get-service';

interface Ctx {
  params: Record<string, string>;
  body: unknown;
}

const validateId = validateYupSchema(
  yup.object({
    id: yup
      .string()
      .matches(/^[1-9]\d{0,15}$/, 'id must be a job number')
      .required(),
  })
);

/** 后台任务: the office (who publishes) sees scheduled work and retries what failed. */
const jobsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const office = async () => {
    const actor = await getService(strapi, 'actors').current();
    if (!actor) throw new errors.UnauthorizedError('Log in to the admin panel');
    if (!isPublisher(actor)) throw new errors.ForbiddenError('Only the publisher (the general office) sees scheduled work (仅办公室可查看后台任务)');
  };

  return {
    async list(ctx: Ctx) {
      await office();
      ctx.body = (await getService(strapi, 'jobs').list()) satisfies JobsResponse;
    },

    async retry(ctx: Ctx) {
      await office();
      const { id } = (await validateId(ctx.params)) as { id: string };
      ctx.body = { data: await getService(strapi, 'jobs').retry(Number(id)) } satisfies { data: JobView };
    },
  };
};

export default jobsController;
