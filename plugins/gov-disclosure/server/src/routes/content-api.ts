/** Public read API, mounted at /api/gov-disclosure. No login: every handler serves published content only. */
import type { ActionOf, Handler } from './handler';

const route = (path: string, handler: ActionOf<'public-api'>) => ({
  method: 'GET',
  path,
  handler: `public-api.${handler}`,
  config: { auth: false as const },
});

export default {
  type: 'content-api',
  routes: [
    route('/columns', 'columns'),
    route('/columns/:slug/entries', 'columnEntries'),
    route('/entries/:key', 'entry'),
    route('/catalog', 'catalog'),
    route('/annual-reports', 'annualReports'),
    route('/annual-reports/:organization/:year', 'annualReport'),
    // readiness for a load balancer: the database answers and its schema is this version's
    { method: 'GET', path: '/ready', handler: 'health.ready' satisfies Handler, config: { auth: false as const } },
  ],
};
