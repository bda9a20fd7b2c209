import type { Core } from '@strapi/strapi';
import { ensureLocales } from './database/locales';
import { runPostSyncMigrations } from './database/post-sync-migrations';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.hook('strapi::content-types.afterSync').register(async () => {
      const ran = await runPostSyncMigrations(strapi);
      if (ran.length > 0) strapi.log.info(`Ran database migrations: ${ran.join(', ')}`);
    });
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
  },
};
