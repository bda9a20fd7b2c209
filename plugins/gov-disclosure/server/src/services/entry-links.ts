/**
 * Links from live entries' bodies to the portal's own entries and columns, kept in step by the
 * publish and withdraw transitions (and the import) inside their transaction, like the column
 * listings. A link is broken when the portal no longer serves its target: no live public entry
 * has that slug, document id or 索引号 (the portal serves all three), no column has that slug (or had it: renamed columns redirect).
 * Targets are judged when asked, so a withdrawal breaks the links to it at once.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../shared/constants';
import { internalLinksOf } from '../domain/internal-links';
import { PUBLIC_ENTRY_SQL } from '../domain/public-visibility';
import { chunksOf, inCallerTransaction, joinTableOf, lockUntilCommit, rawRows, tableOf } from '../utils/sql';

export const LINKS_TABLE = 'gov_disclosure_entry_links';
const LINKS_BUILT = 'entry-links-built';

type Knex = Core.Strapi['db']['connection'];

export interface BrokenLink {
  holder: { documentId: string; title: string; organizationDocumentId: string | null };
  href: string;
  kind: 'entry' | 'column';
}

const entryLinks = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The site's own origins: an absolute link to one of them is internal. */
  const origins = (): string[] => {
    const url = strapi.config.get('server.url') as string | undefined;
    try {
      return url ? [new URL(url).origin] : [];
    } catch {
      return [];
    }
  };

  const write = async (trx: Knex, documentIds: string[]) => {
    const entries = tableOf(strapi, UID.catalogEntry);
    for (const ids of chunksOf(documentIds)) {
      // eslint-disable-next-line no-await-in-loop
      await trx(LINKS_TABLE).whereIn('document_id', ids).delete();
      const live = rawRows<{ id: number; document_id: string; locale: string; body: string | null }>(
        // eslint-disable-next-line no-await-in-loop -- batches in order, in one transaction
        await trx.raw(
          `SELECT e.id, e.document_id, e.locale, e.body FROM ${entries} e WHERE ${PUBLIC_ENTRY_SQL} AND e.document_id IN (${ids.map(() => '?').join(', ')})`,
          ids
        )
      );
      const rows = live.flatMap((e) =>
        internalLinksOf(e.body, origins()).map((l) => ({
          document_id: e.document_id,
          locale: e.locale,
          entry_id: e.id,
          href: l.href.slice(0, 2000),
          target_kind: l.kind,
          target_key: l.key.slice(0, 255),
        }))
      );
      // eslint-disable-next-line no-await-in-loop
      for (const batch of chunksOf(rows)) await trx(LINKS_TABLE).insert(batch);
    }
  };

  return {
    /** After a publish or withdraw of these documents (all their locales), in the same transaction. */
    refreshDocuments: (trx: Knex, documentIds: string[]) => write(trx, documentIds),

    /**
     * Reads every live body once per database (an upgrade), remembered in the plugin's store: a site
     * whose bodies hold no internal link keeps the table empty, and must not be read at every start.
     */
    async rebuildOnce(): Promise<boolean> {
      const store = strapi.store({ type: 'plugin', name: 'gov-disclosure' });
      if (await store.get({ key: LINKS_BUILT })) return false;
      const built = await strapi.db.connection.transaction(async (trx) => {
        await lockUntilCommit(strapi, trx, LINKS_TABLE);
        if (await trx(LINKS_TABLE).first('entry_id')) return false;
        const entries = tableOf(strapi, UID.catalogEntry);
        const ids = rawRows<{ document_id: string }>(await trx.raw(`SELECT DISTINCT e.document_id FROM ${entries} e WHERE ${PUBLIC_ENTRY_SQL}`)).map(
          (r) => r.document_id
        );
        await write(trx, ids);
        return true;
      });
      await store.set({ key: LINKS_BUILT, value: true });
      return built;
    },

    /** Links in the locale's live bodies whose target the portal no longer serves. */
    async broken(locale: string): Promise<BrokenLink[]> {
      const read = inCallerTransaction(strapi);
      const entries = tableOf(strapi, UID.catalogEntry);
      const columns = tableOf(strapi, UID.column);
      const organizations = tableOf(strapi, UID.organization);
      const org = joinTableOf(strapi, UID.catalogEntry, 'organization');
      const rows = rawRows<{
        document_id: string;
        title: string;
        organization_document_id: string | null;
        href: string;
        target_kind: 'entry' | 'column';
        target_key: string;
      }>(
        await read((knex) =>
          knex.raw(
            `SELECT l.document_id, h.title, o.document_id AS organization_document_id, l.href, l.target_kind, l.target_key
             FROM ${LINKS_TABLE} l
             JOIN ${entries} h ON h.id = l.entry_id
             LEFT JOIN ${org.name} ol ON ol.${org.joinColumn.name} = h.id
             LEFT JOIN ${organizations} o ON o.id = ol.${org.inverseJoinColumn.name}
             WHERE l.locale = ? AND (
               (l.target_kind = 'entry' AND NOT EXISTS (
                 SELECT 1 FROM ${entries} e WHERE e.locale = l.locale AND (e.slug = l.target_key OR e.document_id = l.target_key OR e.index_number = l.target_key) AND ${PUBLIC_ENTRY_SQL}))
               OR (l.target_kind = 'column' AND NOT EXISTS (SELECT 1 FROM ${columns} c WHERE c.locale = l.locale AND c.slug = l.target_key))
             )
             ORDER BY h.id, l.href`,
            [locale]
          )
        )
      );
      // a renamed column still answers at its former slugs (it redirects): those links are not broken
      const former = new Set(
        (
          (await read((knex) => knex(columns).where({ locale }).whereNotNull('previous_slugs').select('previous_slugs'))) as Array<{
            previous_slugs: string | string[];
          }>
        ).flatMap((c) => (typeof c.previous_slugs === 'string' ? (JSON.parse(c.previous_slugs) as string[]) : (c.previous_slugs ?? [])))
      );
      return rows
        .filter((r) => !(r.target_kind === 'column' && former.has(r.target_key)))
        .map((r) => ({
          holder: { documentId: r.document_id, title: r.title, organizationDocumentId: r.organization_document_id ?? null },
          href: r.href,
          kind: r.target_kind,
        }));
    },
  };
};

export default entryLinks;
