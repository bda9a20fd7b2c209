/**
 * What protects the portal's forms for applications (依申请公开): tokens against cross-site
 * requests, signed form times against robots, signed download grants, and counters per client
 * address. The signing key is derived from the app's keys (config server.app.keys, APP_KEYS), which
 * every instance of a deployment shares, so a form served by one instance is accepted by another.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/** The CSRF cookie: HttpOnly, SameSite=Strict, only under /portal/apply. */
export const CSRF_COOKIE = 'gd_apply_csrf';

/** A person needs a few seconds at least to fill the form; a robot posts at once. */
export const MIN_FILL_MS = 3_000;
/** A form left open longer than this is sent back (re-filled) with fresh tokens. */
export const MAX_FORM_AGE_MS = 24 * 60 * 60 * 1000;
/** How long the download buttons of a status page keep working. */
export const GRANT_TTL_MS = 30 * 60 * 1000;

/**
 * Limits per client address and window. Applications: every POST is an attempt (a person correcting
 * mistakes needs a few), and 5 accepted applications per 10 minutes; status look-ups: 20 per
 * 10 minutes (the query code has 50 bits, so guessing it at this pace is hopeless).
 */
export const RATE_LIMITS = {
  applyAttempts: { limit: 20, windowMs: 10 * 60 * 1000 },
  applications: { limit: 5, windowMs: 10 * 60 * 1000 },
  statusLookups: { limit: 20, windowMs: 10 * 60 * 1000 },
} as const;
export type RateBucket = keyof typeof RATE_LIMITS;

const MAX_TRACKED_ADDRESSES = 50_000;

const equal = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const portalGuard = ({ strapi }: { strapi: Core.Strapi }) => {
  let key: Buffer | null = null;
  const signingKey = (): Buffer => {
    if (key) return key;
    const keys = strapi.config.get('server.app.keys') as string[] | undefined;
    if (Array.isArray(keys) && keys.length > 0) {
      key = createHmac('sha256', keys.join(',')).update('gov-disclosure:portal-apply:v1').digest();
    } else {
      // an app without keys cannot run Strapi's sessions either; a per-process key still works on one instance
      strapi.log.warn('[gov-disclosure] server.app.keys is not set: portal form tokens are valid on this instance only');
      key = randomBytes(32);
    }
    return key;
  };
  const sign = (purpose: string, value: string) => createHmac('sha256', signingKey()).update(`${purpose}\n${value}`).digest('base64url');

  /*
   * Counters live in this process: with several instances behind a load balancer each keeps its
   * own, so a client may get up to (instances × limit) through. That is acceptable for a brake on
   * robots and floods; a shared store (the database, Redis) would make it exact.
   */
  const windows = new Map<string, { count: number; resetAt: number }>();
  const prune = (now: number) => {
    for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
    // still too many (a flood from many addresses): drop the oldest rather than grow without bound
    for (const k of windows.keys()) {
      if (windows.size <= MAX_TRACKED_ADDRESSES) break;
      windows.delete(k);
    }
  };

  return {
    /** A fresh random CSRF token for the cookie and the form's hidden field. */
    newCsrfToken: () => randomBytes(32).toString('base64url'),

    /** Whether the form's token is the cookie's (constant time; both must be present). */
    csrfMatches(cookie: unknown, field: unknown): boolean {
      return typeof cookie === 'string' && typeof field === 'string' && cookie.length >= 32 && equal(cookie, field);
    },

    /** The form's signed time, bound to the visitor's CSRF token: `<ms>.<signature>`. */
    formStamp(csrf: string, now = Date.now()): string {
      return `${now}.${sign('stamp', `${now}\n${csrf}`)}`;
    },

    /** How the form's time reads: fine, filled too fast (a robot), too old, or forged. */
    checkFormStamp(stamp: unknown, csrf: string, now = Date.now()): 'ok' | 'too-fast' | 'expired' | 'invalid' {
      if (typeof stamp !== 'string' || !/^\d{1,15}\.[\w-]{43}$/.test(stamp)) return 'invalid';
      const [ms, signature] = stamp.split('.');
      if (!equal(signature, sign('stamp', `${ms}\n${csrf}`))) return 'invalid';
      const age = now - Number(ms);
      if (age < MIN_FILL_MS) return 'too-fast';
      if (age > MAX_FORM_AGE_MS) return 'expired';
      return 'ok';
    },

    /**
     * A short-lived grant to download one reply document, embedded in the status page that proved
     * the tracking number and query code, bound to the visitor's CSRF token (useless to anyone else).
     */
    downloadGrant(fileId: number, applicationDocumentId: string, csrf: string, now = Date.now()): string {
      const payload = `${fileId}.${applicationDocumentId}.${now + GRANT_TTL_MS}`;
      return `${payload}.${sign('grant', `${payload}\n${csrf}`)}`;
    },

    /** The application a grant opens, if it is genuine, unexpired, for this file and this visitor. */
    checkDownloadGrant(grant: unknown, fileId: number, csrf: string, now = Date.now()): string | null {
      if (typeof grant !== 'string') return null;
      const m = /^(\d{1,12})\.([A-Za-z0-9]{1,100})\.(\d{1,15})\.([\w-]{43})$/.exec(grant);
      if (!m) return null;
      const [, id, documentId, expires, signature] = m;
      if (!equal(signature, sign('grant', `${id}.${documentId}.${expires}\n${csrf}`))) return null;
      if (Number(id) !== fileId || Number(expires) < now) return null;
      return documentId;
    },

    /** Counts one hit of a client address in a bucket; says whether it is within the limit, and when to retry. */
    hit(bucket: RateBucket, address: string, now = Date.now()): { allowed: boolean; retryAfterSeconds: number } {
      const { limit, windowMs } = RATE_LIMITS[bucket];
      const k = `${bucket}\n${address}`;
      let w = windows.get(k);
      if (!w || w.resetAt <= now) {
        if (windows.size >= MAX_TRACKED_ADDRESSES) prune(now);
        w = { count: 0, resetAt: now + windowMs };
        windows.set(k, w);
      }
      w.count += 1;
      return { allowed: w.count <= limit, retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - now) / 1000)) };
    },

    /** Gives a hit back (an attempt that did not end in an application). */
    refund(bucket: RateBucket, address: string): void {
      const w = windows.get(`${bucket}\n${address}`);
      if (w && w.count > 0) w.count -= 1;
    },

    /** Forgets every counter (tests; an operator after a false alarm). */
    resetRateLimits(): void {
      windows.clear();
    },
  };
};

export default portalGuard;
export type PortalGuardService = ReturnType<typeof portalGuard>;
