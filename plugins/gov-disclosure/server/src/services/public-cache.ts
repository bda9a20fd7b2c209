/**
 * A short-lived in-process cache of rendered public responses (JSON and pages), so a popular page
 * costs the database one query per few seconds instead of one per visitor.
 *
 * Freshness: a publish or withdraw (or a column or organization change) drops everything this
 * instance rendered, and on PostgreSQL every other instance's too (cluster-events.ts); an entry
 * lives at most `publicCacheSeconds` (5 s by default) in any case. Browsers and proxies may keep a
 * response PUBLIC_MAX_AGE (25 s); when they revalidate, its ETag no longer matches. Set
 * publicCacheSeconds to 0 to turn the cache off.
 *
 * Beside whole responses it keeps the parts every page reads (the column tree, the site's identity,
 * a column's size): dropped by the same changes, and read again after at most SHARED_MAX_MS even
 * with the response cache off, so no page pays for them on every request.
 */
import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

export interface CachedResponse {
  status: number;
  type: string;
  body: string;
  headers: Record<string, string>;
}

const MAX_ENTRIES = 5_000;
const SHARED_MAX_MS = 1_000;

const publicCache = ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = new Map<string, { expires: number; value: CachedResponse }>();
  const inFlight = new Map<string, Promise<void>>();
  const shared = new Map<string, { expires: number; value: Promise<unknown> }>();
  const ttlMs = () => Number(strapi.plugin('gov-disclosure').config('publicCacheSeconds') ?? 5) * 1000;

  return {
    get(key: string): CachedResponse | undefined {
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (hit.expires <= Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return hit.value;
    },

    set(key: string, value: CachedResponse): void {
      const ttl = ttlMs();
      if (ttl <= 0) return;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string); // oldest first
      entries.set(key, { expires: Date.now() + ttl, value });
    },

    /** A part every page reads, computed at most once per change (and per SHARED_MAX_MS, or the response lifetime if longer). */
    shared<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const now = Date.now();
      const kept = shared.get(key);
      if (kept && kept.expires > now) return kept.value as Promise<T>;
      const value = compute();
      shared.set(key, { expires: now + Math.max(SHARED_MAX_MS, ttlMs()), value });
      value.catch(() => shared.delete(key));
      return value;
    },

    /** Drops what this instance rendered and tells the other instances to do the same. */
    clear(): void {
      entries.clear();
      shared.clear();
      getService(strapi, 'cluster-events')
        .broadcast()
        .catch((error: Error) => strapi.log.warn(`[gov-disclosure] could not notify the other instances: ${error.message}`));
    },

    /** Drops what this instance rendered (another instance changed something). */
    clearLocal(): void {
      entries.clear();
      shared.clear();
    },

    /** The render of this key already under way, if any: a burst of misses renders once. */
    inFlight(key: string): Promise<void> | undefined {
      return inFlight.get(key);
    },

    /** Marks a render of this key as under way; call the returned function when it is done. */
    begin(key: string): () => void {
      let done!: () => void;
      inFlight.set(
        key,
        new Promise<void>((resolve) => {
          done = resolve;
        })
      );
      return () => {
        inFlight.delete(key);
        done();
      };
    },
  };
};

export default publicCache;
