/**
 * The public reads, served ahead of the app's middleware stack.
 *
 * Before it reaches a handler, every request passes Strapi's global middlewares (request log,
 * security headers, CORS, query and body parsers, session, favicon, static files) and a router of
 * some hundred routes: about 0.7 ms of CPU (bench:portal, a cached page), more than a cached page
 * or an indexed read costs. The portal's pages and the public JSON API need none of it — no body,
 * no session, no login — only the headers it adds. So, put outermost at register, this door:
 * - lets the first public read of the process through the stack, noting the headers the stack had
 *   set when the handler began (security headers, CORS's Vary) and those it set after the handler
 *   returned (X-Powered-By);
 * - then serves GET and HEAD of the same routes itself: the first headers, the same handler, the others.
 * Everything else takes the stack as before: other methods and paths, a path the router might read
 * differently (a trailing slash, other letter case), a request with an Origin (CORS answers depend
 * on it), and a request whose handler throws (the stack's error middleware writes the answer).
 *
 * An app whose middleware list holds anything beyond the stock ones this was measured with (an IP
 * filter, a site-wide password, compression) might rely on seeing every request: there the door
 * stays shut unless the plugin's `frontDoor` setting is true. The stack's request log (level http)
 * does not list what the door serves.
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../shared/constants';
import contentApiRoutes from '../routes/content-api';
import portalRoutes from '../routes/portal';
import { PUBLIC_READ } from '../utils/http-cache';
import { compileRoutePath, type PathMatcher } from '../utils/route-path';

/** Strapi's own middlewares that leave a public read's answer to its handler, apart from headers set before it. */
const STOCK_MIDDLEWARES = new Set([
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
]);

interface DoorCtx {
  method: string;
  path: string;
  params: Record<string, string>;
  state: Record<string, unknown>;
  status: number;
  body: unknown;
  get(name: string): string;
  set(name: string, value: string | string[]): void;
  remove(name: string): void;
  res: { getHeaderNames(): string[] };
  response: { headers: Record<string, string | string[] | number | undefined> };
}

type Next = () => Promise<unknown>;
type Action = (ctx: DoorCtx) => Promise<unknown>;

interface Route {
  match: PathMatcher;
  controller: string;
  action: string;
}

type Headers = Array<[string, string | string[]]>;

/** The headers a request going through the stack had when its handler began and when it returned. */
const LEARNING = 'govDisclosureFrontDoorLearning';

const headersOf = (ctx: DoorCtx): Headers =>
  Object.entries(ctx.response.headers)
    .filter((entry): entry is [string, string | string[] | number] => entry[1] !== undefined)
    .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)]);

const frontDoor = ({ strapi }: { strapi: Core.Strapi }) => {
  let stackHeaders: { before: Headers; after: Headers } | null = null;
  let routes: Route[] | null = null;
  let served = 0;

  const isOpen = (): boolean => {
    const setting = strapi.plugin(PLUGIN_ID).config('frontDoor') as boolean | 'auto' | undefined;
    if (typeof setting === 'boolean') return setting;
    const middlewares = (strapi.config.get('middlewares') ?? []) as Array<string | { name?: string; resolve?: string }>;
    return middlewares.every((m) => (typeof m === 'string' ? STOCK_MIDDLEWARES.has(m) : !m.resolve && STOCK_MIDDLEWARES.has(String(m.name))));
  };

  const actionOf = (r: { controller: string; action: string }) =>
    (strapi.plugin(PLUGIN_ID).controller(r.controller) as unknown as Record<string, (Action & { [PUBLIC_READ]?: true }) | undefined>)[r.action];

  /** The routes whose handlers are public reads (withPublicCache marks them), with their full paths. */
  const table = (): Route[] => {
    const prefix = `${String(strapi.config.get('api.rest.prefix', '/api'))}/${PLUGIN_ID}`;
    return [
      ...contentApiRoutes.routes.map((r) => ({ ...r, path: `${prefix}${r.path}` })),
      ...portalRoutes.routes.map((r) => ({ ...r, path: `${portalRoutes.prefix}${r.path}` })),
    ]
      .map((r) => {
        const [controller, action] = r.handler.split('.');
        return { ...r, match: compileRoutePath(r.path), controller, action };
      })
      .filter((r) => r.method === 'GET' && actionOf(r)?.[PUBLIC_READ] === true)
      .map(({ match, controller, action }) => ({ match, controller, action }));
  };

  return {
    /** Each public handler calls this as it begins and as it returns (utils/http-cache.ts). */
    handlerBoundary(ctx: DoorCtx, moment: 'begin' | 'end'): void {
      const learning = ctx.state[LEARNING] as { begin?: Headers; end?: Headers } | undefined;
      if (learning) learning[moment] = headersOf(ctx);
    },

    /** How many requests the door has served itself (the rest went through the stack). */
    servedCount(): number {
      return served;
    },

    /** The Koa middleware. */
    middleware(): (ctx: DoorCtx, next: Next) => Promise<unknown> {
      return async (ctx, next) => {
        if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.get('Origin') || !isOpen()) return next();
        routes ??= table();
        let params: Record<string, string> | null = null;
        const route = routes.find((r) => (params = r.match(ctx.path)) !== null);
        if (!route || !params) return next();
        if (!stackHeaders) {
          const learning: { begin?: Headers; end?: Headers } = {};
          ctx.state[LEARNING] = learning;
          await next();
          const { begin, end } = learning;
          if (begin && end && ctx.status === 200 && !stackHeaders) {
            const atEnd = new Map(end.map(([name, value]) => [name, JSON.stringify(value)]));
            stackHeaders = { before: begin, after: headersOf(ctx).filter(([name, value]) => atEnd.get(name) !== JSON.stringify(value)) };
          }
          return undefined;
        }
        const action = actionOf(route) as Action;
        for (const [name, value] of stackHeaders.before) ctx.set(name, value);
        ctx.params = params;
        try {
          await action(ctx);
        } catch {
          // the stack answers it, error middleware and all: start the response over
          for (const name of ctx.res.getHeaderNames()) ctx.remove(name);
          ctx.body = undefined;
          ctx.status = 404;
          return next();
        }
        for (const [name, value] of stackHeaders.after) ctx.set(name, value);
        served += 1;
        return undefined;
      };
    },
  };
};

export default frontDoor;
export type FrontDoorService = ReturnType<typeof frontDoor>;
