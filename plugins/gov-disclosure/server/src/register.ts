import type { Core } from '@strapi/strapi';
import { runMigrations } from './database/run-migrations';
import { beginStartup } from './database/startup-lock';
import { workflowGuards } from './document-middlewares/workflow/guards';
import { guardWrites } from './document-middlewares/guard-writes';
import { removeUploads } from './middlewares/remove-uploads';
import { getService } from './utils/get-service';

const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  // before anything is stored: production without the key that seals applicants' data stops here
  getService(strapi, 'applicant-key').load();
  // outermost, before the app's middlewares: no uploaded file outlives its request
  strapi.server.use(removeUploads as never);
  // then the public reads, ahead of the app's middleware stack once they know its headers
  strapi.server.use(getService(strapi, 'front-door').middleware() as never);
  for (const guard of workflowGuards(strapi)) strapi.documents.use(guard);
  strapi.documents.use(guardWrites(strapi));
  // before Strapi syncs its schema: instances starting together on PostgreSQL take turns
  await beginStartup(strapi);
  // the plugin's own tables and indexes, on whatever app it is installed in
  strapi.hook('strapi::content-types.afterSync').register(async () => {
    const ran = await runMigrations(strapi);
    if (ran.length > 0) strapi.log.info(`[gov-disclosure] ran database migrations: ${ran.join(', ')}`);
  });
};

export default register;
