import type { Core } from '@strapi/strapi';
import type { SubjectCategoryTreeResponse } from '../../../shared/types';
import { getService } from '../utils/get-service';

const subjectCategories = ({ strapi }: { strapi: Core.Strapi }) => ({
  async tree(ctx: { body: SubjectCategoryTreeResponse }) {
    ctx.body = { data: await getService(strapi, 'subject-categories').tree() };
  },
});

export default subjectCategories;
