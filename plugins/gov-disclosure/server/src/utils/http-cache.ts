import { createHash } from 'node:crypto';

/**
 * Public responses carry a strong validator and a short shared-cache lifetime. Nothing is cached
 * in the process: every request that reaches the server reads the database, so with several
 * instances a publish or withdraw is visible to everyone once PUBLIC_MAX_AGE seconds have passed.
 */
export const PUBLIC_MAX_AGE = 30;

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
