import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '../../../shared/constants';
import { parsePublicParams, ROUTE_PARAMS, type ParamSpec, type PublicParams } from '../domain/public-params';
import { rss, sitemap } from '../portal-views/feeds';
import type { SafeHtml } from '../portal-views/html';
import { t } from '../portal-views/i18n';
import { CARE_STYLE, href, HTML_TYPE, layout, MODE_COOKIE, PORTAL_CSP } from '../portal-views/layout';
import { catalogPage, columnPage, disclosurePage, entryPage, errorPage, homePage, reportPage, reportsPage } from '../portal-views/pages';
import { getService } from '../utils/get-service';
import { PUBLIC_MAX_AGE, sendCacheable, withPublicCache } from '../utils/http-cache';
import type { PublicCtx } from '../utils/http-cache';

type Ctx = PublicCtx;

interface ModeCookies {
  get(name: string): string | undefined;
  set(name: string, value: string | null, options: Record<string, unknown>): void;
}

const SITEMAP_LIMIT = 50_000; // the sitemap protocol's maximum per file

class PageError extends Error {
  constructor(
    readonly status: 400 | 404,
    readonly messages: string[] = []
  ) {
    super(`portal ${status}`);
  }
}

/** Server-rendered pages under /portal for agencies without a front end of their own. */
const portalPages = ({ strapi }: { strapi: Core.Strapi }) => {
  const portal = () => getService(strapi, 'portal');

  const paramsOf = (ctx: Ctx, spec: ParamSpec): PublicParams & { locale: string } => {
    const { params, issues } = parsePublicParams(ctx.query, spec);
    if (issues.length > 0)
      throw new PageError(
        400,
        issues.map((i) => i.message)
      );
    return { ...params, locale: params.locale ?? DEFAULT_LOCALE };
  };

  const site = async (locale: string) => {
    const { name, identity } = await portal().site(locale);
    return { siteName: name ?? t(locale, 'catalog'), identity };
  };

  const page = async (ctx: Ctx, locale: string, title: string, body: SafeHtml, feed?: string) => {
    const [columns, about] = await Promise.all([portal().columns(locale), site(locale)]);
    ctx.set('Content-Security-Policy', PORTAL_CSP);
    sendCacheable(ctx, layout({ locale, title, ...about, columns, path: ctx.url, body, feed }), HTML_TYPE);
  };

  /** Renders the page, or the same 404 for anything unknown or unpublished, or a 400 naming the parameter. */
  const render = (build: (ctx: Ctx) => Promise<void>) =>
    withPublicCache(strapi, async (ctx: Ctx) => {
      try {
        await build(ctx);
      } catch (error) {
        if (!(error instanceof PageError)) throw error;
        const locale = ctx.query.locale === 'en' ? 'en' : DEFAULT_LOCALE;
        const [columns, about] = await Promise.all([portal().columns(locale), site(locale)]);
        ctx.set('Content-Security-Policy', PORTAL_CSP);
        ctx.set('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE}`);
        ctx.status = error.status;
        ctx.type = HTML_TYPE;
        ctx.body = layout({
          locale,
          title: t(locale, error.status === 404 ? 'notFound' : 'badRequest'),
          ...about,
          columns,
          path: ctx.url,
          body: errorPage(locale, error.status, error.messages),
        });
      }
    });

  return {
    /** 政府信息公开: guide, rules, proactive content, annual reports. */
    disclosure: render(async (ctx) => {
      const { locale } = paramsOf(ctx, ROUTE_PARAMS.columns);
      await page(ctx, locale, t(locale, 'disclosure'), disclosurePage(locale, await portal().disclosureRuleColumns(locale)));
    }),

    /** 适老化 mode chosen by a link (no script): kept a year in a cookie, then back to the page. */
    async mode(ctx: Ctx & { cookies: ModeCookies; redirect(url: string): void }) {
      const set = ctx.query.set === 'care' ? 'care' : 'standard';
      const back =
        typeof ctx.query.back === 'string' && /^\/portal(?:[/?]|$)/.test(ctx.query.back) && !/[\\]|\/\//.test(ctx.query.back) ? ctx.query.back : '/portal';
      if (set === 'care') ctx.cookies.set(MODE_COOKIE, 'care', { path: '/portal', maxAge: 365 * 86_400_000, httpOnly: true, sameSite: 'lax', overwrite: true });
      else ctx.cookies.set(MODE_COOKIE, null, { path: '/portal', overwrite: true });
      ctx.set('Cache-Control', 'no-store');
      ctx.status = 303;
      ctx.redirect(back);
    },

    /** The only part of a page that follows the reader's mode: tiny, never cached by anyone. */
    async modeCss(ctx: Ctx & { cookies: ModeCookies }) {
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Vary', 'Cookie');
      ctx.type = 'text/css; charset=utf-8';
      ctx.body = ctx.cookies.get(MODE_COOKIE) === 'care' ? CARE_STYLE : '';
    },

    home: render(async (ctx) => {
      const { locale } = paramsOf(ctx, ROUTE_PARAMS.columns);
      const [latest, reports] = await Promise.all([portal().catalog({ pageSize: 10 }, locale), portal().annualReports(locale)]);
      await page(ctx, locale, t(locale, 'home'), homePage(locale, latest.data, reports));
    }),

    column: render(async (ctx) => {
      const params = paramsOf(ctx, ROUTE_PARAMS.columnEntries);
      const found = await portal().findColumn(ctx.params.slug, params.locale);
      if (!found) throw new PageError(404);
      if ('renamedTo' in found) {
        ctx.status = 301;
        return ctx.redirect(`/portal/columns/${found.renamedTo}${ctx.querystring ? `?${ctx.querystring}` : ''}`);
      }
      if (found.column.kind === 'link' && found.column.linkUrl) return ctx.redirect(found.column.linkUrl);
      const list = await portal().columnEntries(found.column.id, params, params.locale);
      const feed = href(`/portal/columns/${found.column.slug}/rss.xml`, params.locale);
      return page(
        ctx,
        params.locale,
        found.column.name,
        columnPage(params.locale, found.column.name, list.data, list.meta.pagination, found.column.slug, feed),
        feed
      );
    }),

    entry: render(async (ctx) => {
      const { locale } = paramsOf(ctx, ROUTE_PARAMS.entry);
      const entry = await portal().entry(ctx.params.key, locale);
      if (!entry) throw new PageError(404);
      await page(ctx, locale, entry.title, entryPage(locale, entry));
    }),

    catalog: render(async (ctx) => {
      const params = paramsOf(ctx, ROUTE_PARAMS.catalog);
      const list = await portal().catalog(params, params.locale);
      const { page: _page, locale, ...filters } = params;
      await page(ctx, locale, t(locale, 'catalog'), catalogPage(locale, filters, list.data, list.meta.pagination));
    }),

    reports: render(async (ctx) => {
      const { locale } = paramsOf(ctx, ROUTE_PARAMS.annualReport);
      await page(ctx, locale, t(locale, 'reports'), reportsPage(locale, await portal().annualReports(locale)));
    }),

    report: render(async (ctx) => {
      const { locale } = paramsOf(ctx, ROUTE_PARAMS.annualReport);
      const year = /^\d{4}$/.test(ctx.params.year) ? Number(ctx.params.year) : NaN;
      const report = Number.isNaN(year) ? null : await portal().annualReport(ctx.params.organization, year, locale);
      if (!report) throw new PageError(404);
      await page(ctx, locale, report.title, reportPage(locale, report));
    }),

    rss: render(async (ctx) => {
      const { locale } = paramsOf(ctx, ROUTE_PARAMS.entry);
      const found = await portal().findColumn(ctx.params.slug, locale);
      if (!found || 'renamedTo' in found) throw new PageError(404);
      const list = await portal().columnEntries(found.column.id, { pageSize: 50 }, locale);
      sendCacheable(ctx, rss(ctx.origin, found.column, (await site(locale)).siteName, list.data, locale), 'application/rss+xml; charset=utf-8');
    }),

    sitemap: render(async (ctx) => {
      paramsOf(ctx, {});
      const rows = await portal().sitemapEntries(SITEMAP_LIMIT - 100);
      const columns = await portal().findColumnSlugs(DEFAULT_LOCALE);
      const paths = [
        { path: '/portal' },
        { path: '/portal/catalog' },
        { path: '/portal/annual-reports' },
        // 依申请公开: the guide and the application form (the status page is a form, not content)
        { path: '/portal/guide' },
        { path: '/portal/apply' },
        ...columns.map((slug) => ({ path: `/portal/columns/${slug}` })),
        ...rows.map((r) => ({ path: `/portal/entries/${r.slug || r.documentId}`, lastmod: r.publishedDate ? String(r.publishedDate).slice(0, 10) : null })),
      ];
      sendCacheable(ctx, sitemap(ctx.origin, paths), 'application/xml; charset=utf-8');
    }),
  };
};

export default portalPages;
