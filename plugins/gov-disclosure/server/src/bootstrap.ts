import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Actions first: roles are created with permissions on them.
  await getService(strapi, 'permissions').registerActions();
  const { created } = await getService(strapi, 'subject-categories').ensureSeeded();
  if (created > 0) strapi.log.info(`[gov-disclosure] seeded ${created} subject categories (主题分类)`);
  await getService(strapi, 'roles').ensureRoles();
  await getService(strapi, 'admin-layout').configureOnce();
  // A database that has live entries but no listing yet (an upgrade, a bulk load): list them now.
  await getService(strapi, 'column-listings').rebuildIfEmpty();
  await getService(strapi, 'catalog-search').rebuildIfEmpty();
};

export default bootstrap;
