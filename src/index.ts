import type { Core } from '@strapi/strapi';
import { ensureLocales } from './database/locales';

export default {
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
  },
};
