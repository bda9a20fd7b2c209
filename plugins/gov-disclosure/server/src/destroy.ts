import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** The instance stops: its cache listener's connection closes with it. */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'cluster-events').stop();
};

export default destroy;
