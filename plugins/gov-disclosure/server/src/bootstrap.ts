import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '../../shared/constants';
import { getService } from './utils/get-service';

interface LocalesService {
  findByCode(code: string): Promise<{ code: string } | null>;
  create(locale: { code: string; name: string }): Promise<unknown>;
}

/**
 * The disclosure's own locale (zh-Hans: numbers, reports and the catalog are counted in it) exists
 * in any app the plugin is installed in; which locale the app shows by default stays the app's.
 */
const ensureContentLocale = async (strapi: Core.Strapi) => {
  const locales = strapi.plugin('i18n').service('locales') as LocalesService;
  if (!(await locales.findByCode(DEFAULT_LOCALE))) await locales.create({ code: DEFAULT_LOCALE, name: 'Chinese (Simplified) (zh-Hans)' });
};

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureContentLocale(strapi);
  // Actions first: roles are created with permissions on them.
  await getService(strapi, 'permissions').registerActions();
  const { created } = await getService(strapi, 'subject-categories').ensureSeeded();
  if (created > 0) strapi.log.info(`[gov-disclosure] seeded ${created} subject categories (主题分类)`);
  await getService(strapi, 'roles').ensureRoles();
  await getService(strapi, 'admin-layout').configureOnce();
  // A database that has live entries but no listing yet (an upgrade, a bulk load): list them now.
  await getService(strapi, 'column-listings').rebuildIfEmpty();
  await getService(strapi, 'catalog-search').rebuildIfEmpty();
  // last: an instance listens for the others' changes once it is ready to serve
  await getService(strapi, 'cluster-events').start();
};

export default bootstrap;
