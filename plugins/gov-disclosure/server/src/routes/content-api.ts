/** Public read API, mounted at /api/gov-disclosure. No login: every handler serves published content only. */
import type { ActionOf } from './handler';

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
  ],
};
