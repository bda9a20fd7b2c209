import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '../../shared/constants';
import { endStartup } from './database/startup-lock';
import { defaultAdminUserLanguage } from './lifecycles/admin-user-language';
import { SCHEDULED_PUBLICATION } from './services/scheduled-publication';
import { VALIDITY_SWEEP } from './services/validity';
import { APPLICATION_REMINDERS } from './services/application-reminders';
import { INSPECTION_DIGEST } from './services/inspection-digest';
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
  if (!(await locales.findByCode(DEFAULT_LOCALE))) await locales.create({ code: DEFAULT_LOCALE, name: '简体中文 (zh-Hans)' });
};

/** Scheduled work: each kind's handler, the recurring sweep, then the runner. */
const startJobs = async (strapi: Core.Strapi) => {
  const jobs = getService(strapi, 'jobs');
  jobs.register(SCHEDULED_PUBLICATION, (payload) => getService(strapi, 'scheduled-publication').run(payload));
  jobs.register(VALIDITY_SWEEP, () => getService(strapi, 'validity').sweep());
  jobs.register(APPLICATION_REMINDERS, () => getService(strapi, 'application-reminders').run());
  jobs.register(INSPECTION_DIGEST, () => getService(strapi, 'inspection-digest').run());
  await jobs.ensure(VALIDITY_SWEEP, 'catalog', Date.now());
  await getService(strapi, 'application-reminders').ensureScheduled();
  await getService(strapi, 'inspection-digest').ensureScheduled();
  jobs.start();
};

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  try {
    defaultAdminUserLanguage(strapi);
    await ensureContentLocale(strapi);
    // Actions first: roles are created with permissions on them.
    await getService(strapi, 'permissions').registerActions();
    const { created } = await getService(strapi, 'subject-categories').ensureSeeded();
    if (created > 0) strapi.log.info(`[gov-disclosure] seeded ${created} subject categories (主题分类)`);
    await getService(strapi, 'roles').ensureRoles();
    const years = await getService(strapi, 'working-calendar').ensureSeeded();
    if (years > 0) strapi.log.info(`[gov-disclosure] seeded the working-day calendar with ${years} year(s)`);
    const rules = await getService(strapi, 'wording').seedStarterListOnce();
    if (rules > 0) strapi.log.info(`[gov-disclosure] seeded the 错敏词 dictionary with ${rules} starter rule(s)`);
    await getService(strapi, 'admin-layout').configureOnce();
    // A database that has live entries but no listing yet (an upgrade, a bulk load): list them now.
    await getService(strapi, 'column-listings').rebuildIfEmpty();
    await getService(strapi, 'catalog-search').rebuildIfEmpty();
    await getService(strapi, 'entry-links').rebuildOnce();
    await startJobs(strapi);
    // last: an instance listens for the others' changes once it is ready to serve
    await getService(strapi, 'cluster-events').start();
  } finally {
    // the schema is current and the seeding done: the next instance starting on this database may go on
    await endStartup(strapi);
  }
};

export default bootstrap;
