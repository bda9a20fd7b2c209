/**
 * 索引号 assignment at an entry's first publication: {organization code}/{year}-{serial}, the serial
 * drawn from a per-organization, per-period counter row inside the publishing transaction. The
 * counter row stays locked until the transaction ends, so concurrent publishes (several instances
 * on one PostgreSQL included) get distinct consecutive numbers, and a publish that rolls back
 * returns its number: no gaps, no reuse. A number once given never changes.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../shared/constants';
import { rawRows } from '../utils/sql';
import { counterPeriod, DEFAULT_INDEX_NUMBER_PATTERN, formatIndexNumber } from '../../../shared/domain/index-number-pattern';
import { rowsOf } from '../utils/query';

export const COUNTER_TABLE = 'gov_disclosure_index_counters';

type Knex = Core.Strapi['db']['connection'];

interface EntryFacts {
  indexNumber: string | null;
  publishedDate: string | null;
  organization: { code: string; documentId: string; indexNumberPattern: string | null } | null;
}

const indexNumbers = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Next serial of the counter, created at 1. Runs in the caller's transaction. */
  async nextSerial(trx: Knex, organization: string, period: string): Promise<number> {
    const result = await trx.raw(
      `INSERT INTO ${COUNTER_TABLE} (organization_document_id, period, last_serial) VALUES (?, ?, 1)
       ON CONFLICT (organization_document_id, period) DO UPDATE SET last_serial = ${COUNTER_TABLE}.last_serial + 1
       RETURNING last_serial`,
      [organization, period]
    );
    const rows = rawRows<{ last_serial: number | string }>(result);
    return Number(rows[0].last_serial);
  },

  /** Raises each period's counter to at least the given serial (imported numbers): new ones follow them. */
  async raiseTo(trx: Knex, organization: string, serialByPeriod: Map<string, number>): Promise<void> {
    const greatest = strapi.db.dialect.client === 'postgres' ? 'GREATEST' : 'MAX';
    for (const [period, serial] of serialByPeriod) {
      // eslint-disable-next-line no-await-in-loop
      await trx.raw(
        `INSERT INTO ${COUNTER_TABLE} (organization_document_id, period, last_serial) VALUES (?, ?, ?)
         ON CONFLICT (organization_document_id, period) DO UPDATE SET last_serial = ${greatest}(${COUNTER_TABLE}.last_serial, excluded.last_serial)`,
        [organization, period, serial]
      );
    }
  },

  /** Gives the entry its 索引号 if it has none yet (inside the publish transaction); returns it. */
  async assignOnFirstPublication(trx: Knex, documentId: string, locale: string): Promise<string> {
    const entry = (await rowsOf(strapi, UID.catalogEntry).findOne({
      where: { documentId, locale, publishedAt: null },
      select: ['indexNumber', 'publishedDate'],
      populate: { organization: { select: ['code', 'documentId', 'indexNumberPattern'] } },
    })) as EntryFacts | null;
    if (entry?.indexNumber) return entry.indexNumber;
    if (!entry?.organization?.code) {
      throw new errors.ValidationError('An entry needs its 发布机构 (organization) before it is published: the 索引号 is made from its code', {
        errors: [{ path: ['organization'], message: 'required to assign the 索引号', name: 'ValidationError' }],
      });
    }
    const date = entry.publishedDate ? new Date(`${String(entry.publishedDate).slice(0, 10)}T00:00:00Z`) : new Date();
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const pattern = entry.organization.indexNumberPattern || DEFAULT_INDEX_NUMBER_PATTERN;
    const serial = await this.nextSerial(trx, entry.organization.documentId, counterPeriod(pattern, year, month));
    const indexNumber = formatIndexNumber(pattern, { code: entry.organization.code, year, month, serial });
    // Non-localized: every locale's draft carries it; publishing copies it to the live rows.
    await rowsOf(strapi, UID.catalogEntry).updateMany({ where: { documentId }, data: { indexNumber } });
    return indexNumber;
  },
});

export default indexNumbers;
