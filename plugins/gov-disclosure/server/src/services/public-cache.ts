/**
 * A short-lived in-process cache of rendered public responses (JSON and pages), so a popular page
 * costs the database one query per few seconds instead of one per visitor.
 *
 * Freshness: this instance drops everything when it publishes or withdraws (or a column or
 * organization changes); other instances hold an entry at most `publicCacheSeconds` (5 s by
 * default), and browsers and proxies at most PUBLIC_MAX_AGE (25 s) more: a publish or withdraw is
 * visible everywhere within 30 s. Set publicCacheSeconds to 0 to turn it off.
 */
import type { Core } from '@strapi/strapi';

export interface CachedResponse {
  status: number;
  type: string;
  body: string;
  headers: Record<string, string>;
}

const MAX_ENTRIES = 5_000;

const publicCache = ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = new Map<string, { expires: number; value: CachedResponse }>();
  const inFlight = new Map<string, Promise<void>>();
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

    clear(): void {
      entries.clear();
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
