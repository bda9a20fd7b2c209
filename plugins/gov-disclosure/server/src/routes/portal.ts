/** Server-rendered portal pages and feeds, at the site root (no /api prefix, no login). */
import type { ActionOf } from './handler';

const page = (path: string, handler: ActionOf<'portal-pages'>) => ({
  method: 'GET',
  path,
  handler: `portal-pages.${handler}`,
  config: { auth: false as const },
});

const apply = (method: 'GET' | 'POST', path: string, handler: ActionOf<'portal-apply'>) => ({
  method,
  path,
  handler: `portal-apply.${handler}`,
  config: { auth: false as const },
});

export default {
  type: 'admin',
  prefix: '',
  routes: [
    page('/portal', 'home'),
    page('/portal/catalog', 'catalog'),
    page('/portal/disclosure', 'disclosure'),
    page('/portal/mode', 'mode'),
    page('/portal/mode.css', 'modeCss'),
    page('/portal/columns/:slug', 'column'),
    page('/portal/columns/:slug/rss.xml', 'rss'),
    page('/portal/entries/:key', 'entry'),
    page('/portal/annual-reports', 'reports'),
    page('/portal/annual-reports/:organization/:year', 'report'),
    page('/sitemap.xml', 'sitemap'),
    // 依申请公开 (controllers/portal-apply.ts): never cached; Strapi's global body parser (strapi::body,
    // koa-body with multipart) reads the form and its files; the controller removes the temporary files
    apply('GET', '/portal/guide', 'guide'),
    apply('GET', '/portal/apply', 'form'),
    apply('POST', '/portal/apply', 'submit'),
    apply('GET', '/portal/apply/status', 'statusForm'),
    apply('POST', '/portal/apply/status', 'status'),
    apply('POST', '/portal/apply/status/files/:id', 'download'),
  ],
};
