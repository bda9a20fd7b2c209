import type { Core } from '@strapi/strapi';
import { MIGRATIONS } from '../database/migrations';
import { getService } from '../utils/get-service';

interface Ctx {
  status: number;
  body: unknown;
}

/**
 * Readiness for a load balancer or an orchestrator (Strapi's /_health only says the process
 * listens): the database answers and has every migration of this plugin version. The cache
 * listener's state is reported but does not fail readiness: without it cached pages still expire
 * within seconds.
 */
const healthController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async ready(ctx: Ctx) {
    let database = 'ok';
    let schema = 'current';
    try {
      const ran = (await strapi.db.connection('gov_disclosure_migrations').select('name')) as Array<{ name: string }>;
      const names = new Set(ran.map((r) => r.name));
      if (MIGRATIONS.some((m) => !names.has(m.name))) schema = 'behind';
    } catch {
      database = 'unreachable';
      schema = 'unknown';
    }
    const ready = database === 'ok' && schema === 'current';
    ctx.status = ready ? 200 : 503;
    ctx.body = { status: ready ? 'ready' : 'not ready', database, schema, cacheListener: getService(strapi, 'cluster-events').status().state };
  },
});

export default healthController;
