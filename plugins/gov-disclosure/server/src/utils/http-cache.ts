import { createHash } from 'node:crypto';

import type { Core } from '@strapi/strapi';
import { getService } from './get-service';

/**
 * Public responses carry a strong validator and a short shared-cache lifetime. Together with the
 * in-process cache (5 s, see services/public-cache.ts) a publish or withdraw is visible to every
 * reader within 30 s, however many instances serve the database.
 */
export const PUBLIC_MAX_AGE = 25;

interface CacheCtx {
  status: number;
  body: unknown;
  fresh: boolean;
  type: string;
  set(name: string, value: string): void;
}

export const sendCacheable = (ctx: CacheCtx, body: string | object, type = 'application/json; charset=utf-8') => {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  ctx.set('ETag', `"${createHash('sha1').update(payload).digest('base64url')}"`);
  ctx.set('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE}, must-revalidate`);
  ctx.set('Vary', 'Accept-Encoding');
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.type = type;
  ctx.body = payload;
};

/** Errors are cacheable too (briefly), and unknown and unpublished keys answer the same 404. */
export const sendNotFound = (ctx: CacheCtx & { type: string }) => {
  ctx.set('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE}`);
  ctx.status = 404;
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = JSON.stringify({ data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} } });
};

const REPLAYED_HEADERS = ['ETag', 'Cache-Control', 'Vary', 'Content-Security-Policy', 'Location'];

/** The Koa context as the public handlers use it. */
export interface PublicCtx extends CacheCtx {
  url: string;
  method: string;
  origin: string;
  querystring: string;
  query: Record<string, unknown>;
  params: Record<string, string>;
  response: { get(name: string): string };
  redirect(url: string): void;
}

type ReplayCtx = Pick<PublicCtx, 'url' | 'response'> & CacheCtx;

/** Marks a handler as a public read of published content (withPublicCache). */
export const PUBLIC_READ = Symbol('gov-disclosure public read');

/** Serves a public handler through the in-process cache, keyed by the whole URL (path, query, locale). */
export const withPublicCache = <C extends ReplayCtx>(strapi: Core.Strapi, handler: (ctx: C) => Promise<unknown>): ((ctx: C) => Promise<void>) => {
  const served = async (ctx: C): Promise<void> => {
    const door = getService(strapi, 'front-door');
    door.handlerBoundary(ctx as never, 'begin');
    try {
      await cachedOrRendered(strapi, handler, ctx);
    } finally {
      door.handlerBoundary(ctx as never, 'end');
    }
  };
  // the front door (services/front-door.ts) serves the routes of these handlers, and only those
  return Object.assign(served, { [PUBLIC_READ]: true as const });
};

const cachedOrRendered = async <C extends ReplayCtx>(strapi: Core.Strapi, handler: (ctx: C) => Promise<unknown>, ctx: C): Promise<void> => {
  const cache = getService(strapi, 'public-cache');
  const pending = cache.inFlight(ctx.url);
  if (pending) await pending;
  const hit = cache.get(ctx.url);
  if (hit) {
    for (const [name, value] of Object.entries(hit.headers)) ctx.set(name, value);
    ctx.status = hit.status;
    if (hit.status === 200 && ctx.fresh) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    ctx.type = hit.type;
    ctx.body = hit.body;
    return;
  }
  const done = cache.begin(ctx.url);
  try {
    await handler(ctx);
    if ([200, 301, 404].includes(ctx.status) && (ctx.status === 301 || typeof ctx.body === 'string')) {
      const headers: Record<string, string> = {};
      for (const name of REPLAYED_HEADERS) {
        const value = ctx.response.get(name);
        if (value) headers[name] = value;
      }
      cache.set(ctx.url, { status: ctx.status, type: ctx.type, body: typeof ctx.body === 'string' ? ctx.body : '', headers });
    }
  } finally {
    done(); // requests waiting on this render now find it in the cache
  }
};
