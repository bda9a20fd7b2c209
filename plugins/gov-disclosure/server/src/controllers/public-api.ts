import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '../../../shared/constants';
import { parsePublicParams, ROUTE_PARAMS, type ParamSpec, type PublicParams } from '../domain/public-params';
import { throwIfIssues } from '../services/write-guard';
import { getService } from '../utils/get-service';
import { sendCacheable, sendNotFound, withPublicCache } from '../utils/http-cache';
import type { PublicCtx } from '../utils/http-cache';

type Ctx = PublicCtx;

const paramsOf = (ctx: Ctx, spec: ParamSpec): PublicParams & { locale: string } => {
  const { params, issues } = parsePublicParams(ctx.query, spec);
  throwIfIssues(issues);
  return { ...params, locale: params.locale ?? DEFAULT_LOCALE };
};

/** The public read API (/api/gov-disclosure/…): published content only, no login. */
const publicApi = ({ strapi }: { strapi: Core.Strapi }) => {
  const portal = () => getService(strapi, 'portal');

  const handlers = {
    async columns(ctx: Ctx) {
      const { locale } = paramsOf(ctx, ROUTE_PARAMS.columns);
      sendCacheable(ctx, { data: await portal().columns(locale) });
    },

    async columnEntries(ctx: Ctx) {
      const params = paramsOf(ctx, ROUTE_PARAMS.columnEntries);
      const found = await portal().findColumn(ctx.params.slug, params.locale);
      if (!found) return sendNotFound(ctx);
      if ('renamedTo' in found) {
        ctx.status = 301;
        return ctx.redirect(`/api/gov-disclosure/columns/${found.renamedTo}/entries${ctx.querystring ? `?${ctx.querystring}` : ''}`);
      }
      return sendCacheable(ctx, await portal().columnEntries(found.column.id, params, params.locale));
    },

    async entry(ctx: Ctx) {
      const { locale } = paramsOf(ctx, ROUTE_PARAMS.entry);
      const entry = await portal().entry(ctx.params.key, locale);
      if (!entry) return sendNotFound(ctx);
      return sendCacheable(ctx, { data: entry });
    },

    async catalog(ctx: Ctx) {
      const params = paramsOf(ctx, ROUTE_PARAMS.catalog);
      sendCacheable(ctx, await portal().catalog(params, params.locale));
    },

    async annualReports(ctx: Ctx) {
      const params = paramsOf(ctx, ROUTE_PARAMS.annualReports);
      sendCacheable(ctx, { data: await portal().annualReports(params.locale, params.organization) });
    },

    async annualReport(ctx: Ctx) {
      const { locale } = paramsOf(ctx, ROUTE_PARAMS.annualReport);
      const year = /^\d{4}$/.test(ctx.params.year) ? Number(ctx.params.year) : NaN;
      const report = Number.isNaN(year) ? null : await portal().annualReport(ctx.params.organization, year, locale);
      if (!report) return sendNotFound(ctx);
      return sendCacheable(ctx, { data: report });
    },
  };
  return Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, withPublicCache(strapi, handler)])) as typeof handlers;
};

export default publicApi;
