/**
 * Where the site stands against the national website inspection's single-veto items (see
 * shared/domain/column-updates.ts for the rules): each list column's last publication as the
 * portal lists it (the column listings, which hold a parent column's children's entries too),
 * blank columns, items without a 发布日期, and the home page's last update. Read in the content's
 * default locale: the Chinese site is the one inspected.
 */
import type { Core } from '@strapi/strapi';
import { UID, type ColumnPurpose } from '../../../shared/constants';
import { dayIn } from '../../../shared/domain/calendar-day';
import { daysFrom, HOME_PAGE_LIMIT_DAYS, isKeyColumn, limitOf, updateStatus, vetoes } from '../../../shared/domain/column-updates';
import type { InspectedColumn, InspectedOrganization, InspectionReport } from '../../../shared/types';
import { PUBLIC_ENTRY_SQL } from '../domain/public-visibility';
import { inCallerTransaction, isoDate, joinTableOf, rawRows, tableOf } from '../utils/sql';
import { getService } from '../utils/get-service';
import { LISTING_TABLE } from './column-listings';

interface ColumnFacts {
  id: number;
  documentId: string;
  name: string;
  kind: string;
  purpose: ColumnPurpose | null;
  updateLimitDays: number | null;
  parentId: number | null;
  organizationDocumentId: string | null;
  organizationName: string | null;
  lastPublished: string | null;
  administratorIds: number[];
}

/** Shown on the page: what needs the office's attention. Columns in order are only counted. */
const NEEDS_ATTENTION = new Set(['blank', 'lapsed', 'soon']);
const UNDATED_SHOWN = 50;

const inspection = ({ strapi }: { strapi: Core.Strapi }) => {
  // the weekly digest reads inside its job's transaction
  const read = inCallerTransaction(strapi);
  const timeZone = () => strapi.plugin('gov-disclosure').config('timeZone') as string;
  const defaultLocale = async () => (await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string;

  /** Every column of the locale with its rule, place and last publication, in one statement. */
  const columnFacts = async (locale: string): Promise<ColumnFacts[]> => {
    const columns = tableOf(strapi, UID.column);
    const organizations = tableOf(strapi, UID.organization);
    const parent = joinTableOf(strapi, UID.column, 'parent');
    const organization = joinTableOf(strapi, UID.column, 'organization');
    const administrators = joinTableOf(strapi, UID.column, 'administrators');
    const rows = rawRows<Record<string, unknown>>(
      await read((knex) =>
        knex.raw(
          `SELECT c.id, c.document_id, c.name, c.kind, c.purpose, c.update_limit_days,
           p.${parent.inverseJoinColumn.name} AS parent_id, o.document_id AS organization_document_id, o.name AS organization_name,
           (SELECT MAX(l.published_date) FROM ${LISTING_TABLE} l WHERE l.column_id = c.id AND l.locale = c.locale) AS last_published
         FROM ${columns} c
         LEFT JOIN ${parent.name} p ON p.${parent.joinColumn.name} = c.id
         LEFT JOIN ${organization.name} ol ON ol.${organization.joinColumn.name} = c.id
         LEFT JOIN ${organizations} o ON o.id = ol.${organization.inverseJoinColumn.name}
         WHERE c.locale = ?
         ORDER BY c.sort_order, c.id`,
          [locale]
        )
      )
    );
    const staff = rawRows<{ column_id: number; user_id: number }>(
      await read((knex) =>
        knex.raw(
          `SELECT a.${administrators.joinColumn.name} AS column_id, a.${administrators.inverseJoinColumn.name} AS user_id
         FROM ${administrators.name} a JOIN ${columns} c ON c.id = a.${administrators.joinColumn.name} WHERE c.locale = ?`,
          [locale]
        )
      )
    );
    return rows.map((r) => ({
      id: Number(r.id),
      documentId: String(r.document_id),
      name: String(r.name ?? ''),
      kind: String(r.kind ?? 'list'),
      purpose: (r.purpose as ColumnPurpose | null) ?? null,
      updateLimitDays: r.update_limit_days === null || r.update_limit_days === undefined ? null : Number(r.update_limit_days),
      parentId: r.parent_id === null || r.parent_id === undefined ? null : Number(r.parent_id),
      organizationDocumentId: (r.organization_document_id as string | null) ?? null,
      organizationName: (r.organization_name as string | null) ?? null,
      lastPublished: isoDate(r.last_published),
      administratorIds: staff.filter((s) => Number(s.column_id) === Number(r.id)).map((s) => Number(s.user_id)),
    }));
  };

  const inspect = (facts: ColumnFacts[], today: string): Array<InspectedColumn & { organizationDocumentId: string | null; administratorIds: number[] }> => {
    const byId = new Map(facts.map((c) => [c.id, c]));
    const pathOf = (c: ColumnFacts): string => {
      const names: string[] = [];
      for (let at: ColumnFacts | undefined = c, depth = 0; at && depth < 20; at = at.parentId ? byId.get(at.parentId) : undefined, depth += 1)
        names.unshift(at.name);
      return names.join(' › ');
    };
    // only list columns hold items: a page or a link column is never blank nor late
    return facts
      .filter((c) => c.kind === 'list')
      .map((c) => {
        const rule = { purpose: c.purpose, updateLimitDays: c.updateLimitDays, topLevel: c.parentId === null };
        return {
          documentId: c.documentId,
          name: c.name,
          path: pathOf(c),
          purpose: c.purpose ?? 'other',
          key: isKeyColumn(rule),
          lastPublished: c.lastPublished,
          status: updateStatus(limitOf(rule), c.lastPublished, today),
          organizationDocumentId: c.organizationDocumentId,
          administratorIds: c.administratorIds,
        };
      });
  };

  /** Live public items without a 发布日期, per organization (null: none given): counted, and the first ones named. */
  const undatedItems = async (locale: string): Promise<Map<string | null, { count: number; items: Array<{ documentId: string; title: string }> }>> => {
    const entries = tableOf(strapi, UID.catalogEntry);
    const organizations = tableOf(strapi, UID.organization);
    const link = joinTableOf(strapi, UID.catalogEntry, 'organization');
    const from = `FROM ${entries} e
         LEFT JOIN ${link.name} ol ON ol.${link.joinColumn.name} = e.id
         LEFT JOIN ${organizations} o ON o.id = ol.${link.inverseJoinColumn.name}
         WHERE e.locale = ? AND e.published_date IS NULL AND ${PUBLIC_ENTRY_SQL}`;
    const counts = rawRows<{ organization_document_id: string | null; n: number | string }>(
      await read((knex) => knex.raw(`SELECT o.document_id AS organization_document_id, COUNT(*) AS n ${from} GROUP BY o.document_id`, [locale]))
    );
    // a legacy import can leave thousands undated: the page names the first ones, it counts them all
    const named = rawRows<{ document_id: string; title: string; organization_document_id: string | null }>(
      await read((knex) =>
        knex.raw(`SELECT e.document_id, e.title, o.document_id AS organization_document_id ${from} ORDER BY e.id LIMIT ${UNDATED_SHOWN * 10}`, [locale])
      )
    );
    const out = new Map<string | null, { count: number; items: Array<{ documentId: string; title: string }> }>();
    for (const c of counts) out.set(c.organization_document_id ?? null, { count: Number(c.n), items: [] });
    for (const r of named) {
      const group = out.get(r.organization_document_id ?? null);
      if (group && group.items.length < UNDATED_SHOWN) group.items.push({ documentId: r.document_id, title: r.title });
    }
    return out;
  };

  /** The home page lists the newest public items of the whole site. */
  const homeLastPublished = async (locale: string): Promise<string | null> => {
    const entries = tableOf(strapi, UID.catalogEntry);
    const [row] = rawRows<{ last: unknown }>(
      await read((knex) => knex.raw(`SELECT MAX(e.published_date) AS last FROM ${entries} e WHERE e.locale = ? AND ${PUBLIC_ENTRY_SQL}`, [locale]))
    );
    return isoDate(row?.last);
  };

  return {
    async report(organizationDocumentId?: string): Promise<InspectionReport> {
      const locale = await defaultLocale();
      const today = dayIn(timeZone());
      const columns = inspect(await columnFacts(locale), today);
      const undated = await undatedItems(locale);
      const broken = await getService(strapi, 'entry-links').broken(locale);
      const home = await homeLastPublished(locale);
      const homeDays = home ? daysFrom(home, today) : null;
      const groups = new Map<string | null, { name: string; columns: typeof columns }>();
      for (const c of columns) {
        const group = groups.get(c.organizationDocumentId) ?? { name: '', columns: [] };
        group.columns.push(c);
        groups.set(c.organizationDocumentId, group);
      }
      const names = new Map(
        (await read((knex) => knex(tableOf(strapi, UID.organization)).where({ locale }).select('document_id', 'name'))).map(
          (o: { document_id: string; name: string }) => [o.document_id, o.name]
        )
      );
      const organizations: InspectedOrganization[] = [
        ...new Set([...names.keys(), ...groups.keys(), ...undated.keys(), ...broken.map((b) => b.holder.organizationDocumentId)]),
      ]
        .filter((id) => !organizationDocumentId || id === organizationDocumentId)
        .map((id) => {
          const own = groups.get(id)?.columns ?? [];
          return {
            documentId: id,
            name: id ? (names.get(id) ?? id) : '',
            columns: own.filter((c) => NEEDS_ATTENTION.has(c.status.state)).map(({ organizationDocumentId: _o, administratorIds: _a, ...c }) => c),
            columnCount: own.length,
            undated: undated.get(id) ?? { count: 0, items: [] },
            brokenLinks: broken
              .filter((b) => b.holder.organizationDocumentId === id)
              .map((b) => ({ holder: { documentId: b.holder.documentId, title: b.holder.title }, href: b.href, kind: b.kind })),
            vetoes: vetoes(own, home, today),
          };
        });
      return {
        today,
        locale,
        homePage: { lastPublished: home, daysSince: homeDays, limitDays: HOME_PAGE_LIMIT_DAYS, fails: homeDays === null || homeDays > HOME_PAGE_LIMIT_DAYS },
        organizations,
      };
    },

    /** A column administrator's own columns that need them: blank, lapsed or about to lapse. */
    async columnsOf(userId: number): Promise<InspectedColumn[]> {
      return (await this.columnsByAdministrator()).get(userId) ?? [];
    },

    /** Every administrator's columns that need them, from one reading of the columns (the weekly digest). */
    async columnsByAdministrator(): Promise<Map<number, InspectedColumn[]>> {
      const locale = await defaultLocale();
      const byUser = new Map<number, InspectedColumn[]>();
      for (const { organizationDocumentId: _o, administratorIds, ...c } of inspect(await columnFacts(locale), dayIn(timeZone()))) {
        if (!NEEDS_ATTENTION.has(c.status.state)) continue;
        for (const id of administratorIds) byUser.set(id, [...(byUser.get(id) ?? []), c]);
      }
      return byUser;
    },
  };
};

export default inspection;
