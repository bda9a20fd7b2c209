/**
 * Slugs for the imported entries. A bulk insert bypasses the Document Service that would make them,
 * so the import makes them itself, unique against the catalog and against the run.
 */
import type { Core } from '@strapi/strapi';
import { toSlug } from '../../domain/slug';
import { entriesTable } from './references';
import type { Knex } from './types';

export type SlugFor = (db: Knex, title: string) => Promise<string>;

/** A slug per title, unique against the catalog and this run, one query per distinct base. */
export const slugMaker = (strapi: Core.Strapi): SlugFor => {
  const used = new Set<string>();
  const next = new Map<string, number>();
  return async (db: Knex, title: string): Promise<string> => {
    const base = toSlug(title);
    if (!next.has(base)) {
      // base and base-2, base-3 …: an index range ('.' sorts right after '-'); SQLite's LIKE cannot use the index
      const taken = (await db(entriesTable(strapi))
        .where('slug', base)
        .orWhere((b) => b.where('slug', '>=', `${base}-`).andWhere('slug', '<', `${base}.`))
        .distinct('slug')) as Array<{ slug: string }>;
      for (const t of taken) used.add(t.slug);
      next.set(base, 1);
    }
    for (let n = next.get(base)!; ; n += 1) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!used.has(candidate)) {
        used.add(candidate);
        next.set(base, n + 1);
        return candidate;
      }
    }
  };
};
