/** Server-rendered portal pages and feeds, at the site root (no /api prefix, no login). */
import type { ActionOf } from './handler';

const page = (path: string, handler: ActionOf<'portal-pages'>) => ({
  method: 'GET',
  path,
  handler: `portal-pages.${handler}`,
  config: { auth: false as const },
});

export default {
  type: 'admin',
  prefix: '',
  routes: [
    page('/portal', 'home'),
    page('/portal/catalog', 'catalog'),
    page('/portal/columns/:slug', 'column'),
    page('/portal/columns/:slug/rss.xml', 'rss'),
    page('/portal/entries/:key', 'entry'),
    page('/portal/annual-reports', 'reports'),
    page('/portal/annual-reports/:organization/:year', 'report'),
    page('/sitemap.xml', 'sitemap'),
  ],
};
