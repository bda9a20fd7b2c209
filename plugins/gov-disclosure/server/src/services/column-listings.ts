/**
 * What each column lists on the public side: one row per live, public entry and column, the
 * column's ancestors included (a parent column lists its children's entries). Kept in step by the
 * publish and withdraw transitions, inside their transaction; rebuilt in one SQL statement when the
 * column tree changes. A page of any column is then a range of one index, however deep.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../shared/constants';

export const LISTING_TABLE = 'gov_disclosure_column_listings';

type Knex = Core.Strapi['db']['connection'];

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

const columnListings = ({ strapi }: { strapi: Core.Strapi }) => {
  const joinOf = (uid: string, attribute: string) =>
    (strapi.db.metadata.get(uid as never).attributes as unknown as Record<string, { joinTable: JoinTable }>)[attribute].joinTable;

  /** SELECT of (column, locale, date, entry, document) for live public entries, optionally of one document. */
  const liveRowsSql = (documentFilter: boolean) => {
    const entries = strapi.db.metadata.get(UID.catalogEntry as never).tableName;
    const columns = strapi.db.metadata.get(UID.column as never).tableName;
    const link = joinOf(UID.catalogEntry, 'columns');
    const parent = joinOf(UID.column, 'parent');
    return `WITH RECURSIVE ancestry(column_id, ancestor_id) AS (
        SELECT id, id FROM ${columns}
        UNION
        SELECT a.column_id, p.${parent.inverseJoinColumn.name} FROM ancestry a JOIN ${parent.name} p ON p.${parent.joinColumn.name} = a.ancestor_id
      )
      SELECT DISTINCT a.ancestor_id AS column_id, e.locale, e.published_date, e.id AS entry_id, e.document_id
      FROM ${entries} e
      JOIN ${link.name} l ON l.${link.joinColumn.name} = e.id
      JOIN ancestry a ON a.column_id = l.${link.inverseJoinColumn.name}
      WHERE e.published_at IS NOT NULL AND e.disclosure_mode <> 'withheld' AND e.disclosure_scope = 'public'
      ${documentFilter ? 'AND e.document_id = ?' : ''}`;
  };

  return {
    /** Re-lists one document (all its locales): after its publish or withdraw, in the same transaction. */
    async refreshDocument(trx: Knex, documentId: string): Promise<void> {
      await trx(LISTING_TABLE).where({ document_id: documentId }).delete();
      await trx.raw(`INSERT INTO ${LISTING_TABLE} (column_id, locale, published_date, entry_id, document_id) ${liveRowsSql(true)}`, [documentId]);
    },

    /** Lists everything again: when the column tree changes, or after a bulk load. */
    async rebuild(): Promise<void> {
      await strapi.db.connection.transaction(async (trx) => {
        await trx(LISTING_TABLE).delete();
        await trx.raw(`INSERT INTO ${LISTING_TABLE} (column_id, locale, published_date, entry_id, document_id) ${liveRowsSql(false)}`);
      });
    },

    /** One page of a column's entry ids, newest first, and the total. */
    async page(columnId: number, locale: string, offset: number, limit: number): Promise<{ ids: number[]; total: number }> {
      const knex = strapi.db.connection;
      const base = () => knex(LISTING_TABLE).where({ column_id: columnId, locale });
      const [rows, count] = await Promise.all([
        base().select('entry_id').orderBy([{ column: 'published_date', order: 'desc' }, { column: 'entry_id', order: 'desc' }]).limit(limit).offset(offset),
        base().count({ total: '*' }),
      ]);
      return { ids: (rows as Array<{ entry_id: number }>).map((r) => r.entry_id), total: Number((count as Array<{ total: number | string }>)[0]?.total ?? 0) };
    },

    async isEmpty(): Promise<boolean> {
      return !(await strapi.db.connection(LISTING_TABLE).first('entry_id'));
    },
  };
};

export default columnListings;
