/**
 * Reads for the public portal. Every query is built here from allow-listed parameters and selects
 * explicit fields of published rows only (never a draft, never a withheld or restricted item);
 * responses are assembled field by field, so no private attribute can slip through.
 */
import type { Core } from '@strapi/strapi';
import {
  DEFAULT_LOCALE,
  DISCLOSURE_MODE_LABELS,
  GENRE_LABELS,
  UID,
  VALIDITY_LABELS,
  type DisclosureMode,
  type Genre,
  type Validity,
} from '../../../shared/constants';
import { REPORT_TEMPLATES } from '../../../shared/domain/report-templates';
import { localizeTables } from '../../../shared/domain/report-layout';
import type { SiteIdentity } from '../../../shared/domain/site-identity';
import type { Pagination, PublicColumn, PublicEntry, PublicEntrySummary, PublicReport, PublicReportSummary } from '../../../shared/public-types';
import { renderMarkdown } from '../domain/markdown';
import { contentIsPublic, publicWhere } from '../domain/public-visibility';
import type { PublicParams } from '../domain/public-params';
import { getService } from '../utils/get-service';
import { portalSql, type EntryKey } from '../utils/portal-sql';
import { isoDate } from '../utils/sql';
import { rowsOf } from '../utils/query';

type Row = Record<string, unknown> & { id: number; documentId: string };

interface ColumnRow extends Row {
  slug: string;
  name: string;
  kind: 'list' | 'page' | 'link';
  linkUrl: string | null;
  sortOrder: number | null;
  showInNav: boolean | null;
  previousSlugs: string[] | null;
  parent?: { id: number } | null;
}

/** A summary row of portal-sql.ts: the organization's columns flat beside the entry's. */
type SummaryRow = Row & { organizationSlug: string | null; organizationName: string | null };

/** An entry row of portal-sql.ts: its lists as JSON arrays, parsed by PostgreSQL's driver, text from SQLite. */
type EntryRow = SummaryRow & Record<'columns' | 'attachments' | 'interprets' | 'interpretations', unknown[] | string | null>;

const jsonList = <T = Record<string, unknown>>(value: unknown[] | string | null): T[] => (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as T[];

/** The row as the query engine would have populated it. */
const withOrganization = (r: SummaryRow): Row => ({
  ...r,
  organization: r.organizationSlug === null || r.organizationSlug === undefined ? null : { slug: r.organizationSlug, name: r.organizationName },
});

const label = (labels: Record<string, { zh: string; en: string }>, key: string, locale: string) => ({
  key,
  label: labels[key] ? (locale === 'en' ? labels[key].en : labels[key].zh) : key,
});

const REPORT_FIELDS = ['year', 'title', 'template', 'preface', 'section1', 'section2', 'section3', 'section4', 'section5', 'section6', 'statistics'];

/** A report row as the portal and the exports show it: sections as sanitized HTML, the table with its labels. */
const buildReport = (row: Row & Record<string, unknown>, locale: string): PublicReport | null => {
  const template = REPORT_TEMPLATES[String(row.template)];
  const org = row.organization as { slug: string; name: string } | null;
  if (!template || !org) return null;
  const values = (row.statistics ?? {}) as Record<string, number | null>;
  const en = locale === 'en';
  return {
    organization: { slug: org.slug, name: org.name },
    year: Number(row.year),
    title: String(row.title),
    template: template.id,
    prefaceHtml: renderMarkdown(row.preface as string | null),
    sections: template.sections.map((s) => ({ title: en ? s.titleEn : s.title, html: renderMarkdown(row[s.field] as string | null) })),
    statistics: { tables: localizeTables(template, values, en ? 'en' : 'zh') },
  };
};

const SITE_IDENTITY_FIELDS = ['sponsor', 'operator', 'contact', 'websiteCode', 'icpNumber', 'publicSecurityNumber', 'partyGovernmentUrl'] as const;

const ANCHOR_EVERY = 500;

const portal = ({ strapi }: { strapi: Core.Strapi }) => {
  const q = (uid: string) => rowsOf(strapi, uid);
  const sql = () => getService(strapi, 'read-sql');
  const shared = <T>(key: string, compute: () => Promise<T>) => getService(strapi, 'public-cache').shared(key, compute);

  const toSummary = (row: Row, locale: string): PublicEntrySummary => {
    const org = row.organization as { slug: string; name: string } | null | undefined;
    return {
      documentId: row.documentId,
      slug: String(row.slug ?? ''),
      title: String(row.title),
      summary: (row.summary as string | null) ?? null,
      indexNumber: (row.indexNumber as string | null) ?? null,
      publishedDate: isoDate(row.publishedDate),
      genre: label(GENRE_LABELS, String(row.genre as Genre), locale),
      organization: org ? { slug: org.slug, name: org.name } : null,
    };
  };

  // every page reads the column tree: once per change (public-cache.ts)
  const allColumns = (locale: string) =>
    shared(
      `columns:${locale}`,
      async () =>
        (await q(UID.column).findMany({
          where: { locale },
          select: ['id', 'documentId', 'slug', 'name', 'kind', 'linkUrl', 'sortOrder', 'showInNav', 'previousSlugs'],
          populate: { parent: { select: ['id'] } },
          orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
        })) as ColumnRow[]
    );

  /**
   * Every ANCHOR_EVERY-th sort key of a column's listing, read once per change: OFFSET walks every
   * row it skips (2.6 ms at 40,000 on SQLite), a page from the nearest anchor at most ANCHOR_EVERY.
   * Each anchor is found from the one before (ANCHOR_EVERY index steps): reading every key of a
   * 55,000-entry column to keep one in 500 cost 57 ms on SQLite, the chain 6 ms (10 on PostgreSQL).
   * None where a date is missing (NULL sorts apart, and a key comparison with it decides nothing).
   */
  const anchorsOf = async (columnId: number, locale: string): Promise<Array<{ publishedDate: string; entryId: number }> | null> => {
    const statements = portalSql(strapi);
    if (await sql().first(statements.columnUndated, [columnId, locale])) return null;
    return sql().all<{ publishedDate: string; entryId: number }>(statements.columnAnchors, [
      columnId,
      locale,
      columnId,
      locale,
      columnId,
      locale,
      ANCHOR_EVERY - 1,
    ]);
  };

  const paginationOf = (params: PublicParams, total: number, totalCapped = false): Pagination => {
    const pageSize = params.pageSize ?? 20;
    return { page: params.page ?? 1, pageSize, pageCount: Math.ceil(total / pageSize), total, ...(totalCapped ? { totalCapped } : {}) };
  };

  /** Summaries of the given live entries, in the given order, with the pagination of their listing. */
  const pageOfIds = async (ids: number[], total: number, params: PublicParams, locale: string, totalCapped = false) => {
    const rows = ids.length ? await sql().all<SummaryRow>(portalSql(strapi).summaries(ids.length), [...ids, locale]) : [];
    const byId = new Map(rows.map((r) => [Number(r.id), withOrganization(r)]));
    return {
      data: ids
        .map((id) => byId.get(id))
        .filter((r): r is Row => Boolean(r))
        .map((r) => toSummary(r, locale)),
      meta: { pagination: paginationOf(params, total, totalCapped) },
    };
  };

  return {
    columns(locale: string): Promise<PublicColumn[]> {
      return shared(`tree:${locale}`, () => this.columnTree(locale));
    },

    async columnTree(locale: string): Promise<PublicColumn[]> {
      const rows = (await allColumns(locale)).filter((c) => c.showInNav !== false);
      const visible = new Set(rows.map((r) => r.id));
      const node = (c: ColumnRow): PublicColumn => ({
        slug: c.slug,
        name: c.name,
        kind: c.kind,
        ...(c.kind === 'link' && c.linkUrl ? { linkUrl: c.linkUrl } : {}),
        children: rows.filter((r) => r.parent?.id === c.id).map(node),
      });
      // a column whose parent is hidden is hidden with it
      return rows
        .filter((r) => !r.parent || !visible.has(r.parent.id))
        .filter((r) => !r.parent)
        .map(node);
    },

    /** The column, or the slug it was renamed to (for a redirect), or null. */
    async findColumn(slug: string, locale: string): Promise<{ column: ColumnRow } | { renamedTo: string } | null> {
      const columns = await allColumns(locale);
      const column = columns.find((c) => c.slug === slug);
      if (!column) {
        const renamed = columns.find((c) => Array.isArray(c.previousSlugs) && c.previousSlugs.includes(slug));
        return renamed ? { renamedTo: renamed.slug } : null;
      }
      return { column };
    },

    /** The site's name on every page: the first organization's, else the catalog's own title. */
    /** The site is the first organization's: its name heads every page, its identity fills the footer. */
    site(locale: string): Promise<{ name: string | null; identity: SiteIdentity }> {
      return shared(`site:${locale}`, () => this.siteOf(locale));
    },

    async siteOf(locale: string): Promise<{ name: string | null; identity: SiteIdentity }> {
      const org = (await q(UID.organization).findOne({
        where: { locale },
        select: ['name', ...SITE_IDENTITY_FIELDS],
        orderBy: { id: 'asc' },
      })) as (Record<keyof SiteIdentity, string | null> & { name: string }) | null;
      const identity = Object.fromEntries(SITE_IDENTITY_FIELDS.map((f) => [f, org?.[f]?.trim() || null])) as unknown as SiteIdentity;
      return { name: org?.name ?? null, identity };
    },

    /** Columns the office marked as its 信息公开制度, for the 政府信息公开 page. */
    async disclosureRuleColumns(locale: string): Promise<Array<{ slug: string; name: string }>> {
      return (await q(UID.column).findMany({
        where: { locale, purpose: 'rules' },
        select: ['slug', 'name'],
        orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      })) as Array<{ slug: string; name: string }>;
    },

    /** Live public entries for the sitemap, newest first. */
    async sitemapEntries(limit: number): Promise<Array<{ slug: string | null; documentId: string; publishedDate: string | null }>> {
      return (await q(UID.catalogEntry).findMany({
        where: publicWhere(DEFAULT_LOCALE),
        select: ['slug', 'documentId', 'publishedDate'],
        orderBy: [{ publishedDate: 'desc' }, { id: 'desc' }],
        limit,
      })) as Array<{ slug: string | null; documentId: string; publishedDate: string | null }>;
    },

    async findColumnSlugs(locale: string): Promise<string[]> {
      return (await allColumns(locale)).filter((c) => c.kind !== 'link' && c.showInNav !== false).map((c) => c.slug);
    },

    /** A column's live entries (its descendants' included), newest first: a range of the listing index. */
    async columnEntries(columnId: number, params: PublicParams, locale: string) {
      const pageSize = params.pageSize ?? 20;
      const offset = ((params.page ?? 1) - 1) * pageSize;
      const statements = portalSql(strapi);
      // a column's size changes only when an entry is published or withdrawn (which clears it)
      const total = await shared(`size:${columnId}:${locale}`, async () =>
        Number((await sql().first<{ total: number | string }>(statements.columnSize, [columnId, locale]))?.total ?? 0)
      );
      let rows: SummaryRow[] = [];
      if (offset < total) {
        // a deep page starts from the nearest anchor row before it instead of skipping every row before it
        const anchor =
          offset >= ANCHOR_EVERY
            ? (await shared(`anchors:${columnId}:${locale}`, () => anchorsOf(columnId, locale)))?.[Math.floor(offset / ANCHOR_EVERY)]
            : undefined;
        rows = anchor
          ? await sql().all<SummaryRow>(statements.columnPageFrom(pageSize), [columnId, locale, anchor.publishedDate, anchor.entryId, offset % ANCHOR_EVERY])
          : await sql().all<SummaryRow>(statements.columnPage(pageSize), [columnId, locale, offset]);
      }
      return { data: rows.map((r) => toSummary(withOrganization(r), locale)), meta: { pagination: paginationOf(params, total) } };
    },

    async entry(key: string, locale: string): Promise<PublicEntry | null> {
      // 索引号 contain a slash, slugs and documentIds never do; a documentId is 24 letters/digits.
      const keys: EntryKey[] = key.includes('/') ? ['indexNumber'] : /^[a-z0-9]{24}$/.test(key) ? ['documentId', 'slug'] : ['slug'];
      const statements = portalSql(strapi);
      let found: EntryRow | null = null;
      for (const by of keys) {
        // eslint-disable-next-line no-await-in-loop -- at most two look-ups, the second only when the first misses
        found = await sql().first<EntryRow>(statements.entry(by), [UID.catalogEntry, locale, locale, key, locale]);
        if (found) break;
      }
      if (!found) return null;
      const row = withOrganization(found);
      const subject =
        found.subjectCode === null || found.subjectCode === undefined
          ? null
          : { code: found.subjectCode, name: found.subjectName, nameEn: found.subjectNameEn };
      return this.toEntry(
        {
          ...row,
          subjectCategory: subject,
          columns: jsonList(found.columns),
          attachments: jsonList(found.attachments),
          interprets: jsonList<SummaryRow>(found.interprets).map(withOrganization),
          interpretations: jsonList<SummaryRow>(found.interpretations).map(withOrganization),
        },
        locale
      );
    },

    toEntry(row: Row, locale: string): PublicEntry {
      const subject = row.subjectCategory as { code: string; name: string; nameEn: string | null } | null;
      const mode = String(row.disclosureMode as DisclosureMode);
      const contentShown = contentIsPublic(mode);
      return {
        ...toSummary(row, locale),
        subjectCategory: subject ? { code: subject.code, name: locale === 'en' && subject.nameEn ? subject.nameEn : subject.name } : null,
        documentNumber: (row.documentNumber as string | null) ?? null,
        writtenDate: isoDate(row.writtenDate),
        validity: label(VALIDITY_LABELS, String(row.validity as Validity), locale),
        keywords: String(row.keywords ?? '')
          .split(/[,，、;；\s]+/)
          .filter(Boolean),
        disclosureMode: label(DISCLOSURE_MODE_LABELS, mode, locale),
        bodyHtml: contentShown ? renderMarkdown(row.body as string | null) : '',
        attachments: contentShown
          ? ((row.attachments as Array<{ name: string; url: string; mime: string; size: number }>) ?? []).map((a) => ({
              name: a.name,
              url: a.url,
              mime: a.mime,
              size: Number(a.size),
            }))
          : [],
        columns: ((row.columns as Array<{ slug: string; name: string }>) ?? []).map((c) => ({ slug: c.slug, name: c.name })),
        interpretations: ((row.interpretations as Row[]) ?? []).map((r) => toSummary(r, locale)),
        interprets: ((row.interprets as Row[]) ?? []).map((r) => toSummary(r, locale)),
      };
    },

    async catalog(params: PublicParams, locale: string) {
      const pageNumber = params.page ?? 1;
      const pageSize = params.pageSize ?? 20;
      let organization: string | undefined;
      if (params.organization) {
        const org = (await q(UID.organization).findOne({ where: { slug: params.organization }, select: ['documentId'] })) as Row | null;
        if (!org) return { data: [], meta: { pagination: { page: pageNumber, pageSize, pageCount: 0, total: 0 } satisfies Pagination } };
        organization = org.documentId;
      }
      const { ids, total, capped } = await getService(strapi, 'catalog-search').page(
        {
          locale,
          q: params.q,
          organization,
          subject: params.subject,
          genre: params.genre,
          validity: params.validity,
          documentKind: params.documentKind,
          year: params.year,
        },
        (pageNumber - 1) * pageSize,
        pageSize
      );
      return pageOfIds(ids, total, params, locale, capped);
    },

    async annualReports(locale: string, organization?: string): Promise<PublicReportSummary[]> {
      const rows = (await q(UID.annualReport).findMany({
        where: { locale, publishedAt: { $notNull: true }, ...(organization ? { organization: { slug: organization } } : {}) },
        select: ['year', 'title', 'template'],
        populate: { organization: { select: ['slug', 'name'] } },
        orderBy: [{ year: 'desc' }, { id: 'desc' }],
      })) as Array<Row & { year: number; title: string; template: string; organization: { slug: string; name: string } | null }>;
      return rows
        .filter((r) => r.organization)
        .map((r) => ({ organization: { slug: r.organization!.slug, name: r.organization!.name }, year: r.year, title: r.title, template: r.template }));
    },

    async annualReport(organizationSlug: string, year: number, locale: string): Promise<PublicReport | null> {
      const row = (await q(UID.annualReport).findOne({
        where: { locale, year, publishedAt: { $notNull: true }, organization: { slug: organizationSlug } },
        select: REPORT_FIELDS,
        populate: { organization: { select: ['slug', 'name'] } },
      })) as (Row & Record<string, unknown>) | null;
      return row ? buildReport(row, locale) : null;
    },

    /** The working version of a report (any workflow state): for the office's exports, never for the public. */
    async annualReportDraft(documentId: string, locale: string): Promise<PublicReport | null> {
      const row = (await q(UID.annualReport).findOne({
        where: { documentId, locale, publishedAt: null },
        select: REPORT_FIELDS,
        populate: { organization: { select: ['slug', 'name'] } },
      })) as (Row & Record<string, unknown>) | null;
      return row ? buildReport(row, locale) : null;
    },
  };
};

export default portal;
export type PortalService = ReturnType<typeof portal>;
