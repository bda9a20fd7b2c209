import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  const { created } = await getService(strapi, 'subject-categories').ensureSeeded();
  await getService(strapi, 'roles').ensureRoles();
  if (created > 0) strapi.log.info(`[gov-disclosure] seeded ${created} subject categories (主题分类)`);
};

export default bootstrap;
