/**
 * What each column lists on the public side: one row per live, public entry and column, the
 * column's ancestors included (a parent column lists its children's entries). Kept in step by the
 * publish and withdraw transitions, inside their transaction; rebuilt in one SQL statement when the
 * column tree changes. A page of any column is then a range of one index, however deep (the
 * portal reads it in utils/portal-sql.ts).
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../shared/constants';
import { chunksOf, joinTableOf, lockUntilCommit, tableOf } from '../utils/sql';
import { PUBLIC_ENTRY_SQL } from '../domain/public-visibility';

export const LISTING_TABLE = 'gov_disclosure_column_listings';

type Knex = Core.Strapi['db']['connection'];

const columnListings = ({ strapi }: { strapi: Core.Strapi }) => {
  /** SELECT of (column, locale, date, entry, document) for live public entries, optionally of some documents. */
  const liveRowsSql = (documentCount?: number) => {
    const entries = tableOf(strapi, UID.catalogEntry);
    const columns = tableOf(strapi, UID.column);
    const link = joinTableOf(strapi, UID.catalogEntry, 'columns');
    const parent = joinTableOf(strapi, UID.column, 'parent');
    return `WITH RECURSIVE ancestry(column_id, ancestor_id) AS (
        SELECT id, id FROM ${columns}
        UNION
        SELECT a.column_id, p.${parent.inverseJoinColumn.name} FROM ancestry a JOIN ${parent.name} p ON p.${parent.joinColumn.name} = a.ancestor_id
      )
      SELECT DISTINCT a.ancestor_id AS column_id, e.locale, e.published_date, e.id AS entry_id, e.document_id
      FROM ${entries} e
      JOIN ${link.name} l ON l.${link.joinColumn.name} = e.id
      JOIN ancestry a ON a.column_id = l.${link.inverseJoinColumn.name}
      WHERE ${PUBLIC_ENTRY_SQL}
      ${documentCount ? `AND e.document_id IN (${Array(documentCount).fill('?').join(', ')})` : ''}`;
  };

  return {
    /** Re-lists one document (all its locales): after its publish or withdraw, in the same transaction. */
    async refreshDocument(trx: Knex, documentId: string): Promise<void> {
      await this.refreshDocuments(trx, [documentId]);
    },

    /** Re-lists these documents: after a batch of an import, in its transaction. */
    async refreshDocuments(trx: Knex, documentIds: string[]): Promise<void> {
      for (const ids of chunksOf(documentIds)) {
        // eslint-disable-next-line no-await-in-loop
        await trx(LISTING_TABLE).whereIn('document_id', ids).delete();
        // eslint-disable-next-line no-await-in-loop
        await trx.raw(`INSERT INTO ${LISTING_TABLE} (column_id, locale, published_date, entry_id, document_id) ${liveRowsSql(ids.length)}`, ids);
      }
    },

    /** Lists everything again: when the column tree changes, or after a bulk load. */
    async rebuild(): Promise<void> {
      await strapi.db.connection.transaction(async (trx) => {
        await trx(LISTING_TABLE).delete();
        await trx.raw(`INSERT INTO ${LISTING_TABLE} (column_id, locale, published_date, entry_id, document_id) ${liveRowsSql()}`);
      });
    },

    /** Lists every live entry only when the table is empty (an upgrade, a bulk load), once across instances. */
    async rebuildIfEmpty(): Promise<boolean> {
      return strapi.db.connection.transaction(async (trx) => {
        await lockUntilCommit(strapi, trx, LISTING_TABLE);
        if (await trx(LISTING_TABLE).first('entry_id')) return false;
        await trx.raw(`INSERT INTO ${LISTING_TABLE} (column_id, locale, published_date, entry_id, document_id) ${liveRowsSql()}`);
        return true;
      });
    },
  };
};

export default columnListings;
