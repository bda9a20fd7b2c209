import type { Core } from '@strapi/strapi';
import { endStartup } from './database/startup-lock';
import { getService } from './utils/get-service';

/** The instance stops: the job in hand finishes (or rolls back), then the listener's connection closes. */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'jobs').stop();
  await getService(strapi, 'cluster-events').stop();
  getService(strapi, 'read-sql').close();
  await endStartup(strapi);
};

export default destroy;
