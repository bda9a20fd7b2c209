/**
 * Statistics computed for an annual report's organization and year, and the records behind each
 * number. Catalog counts are SQL aggregates over that organization's published rows in the
 * default locale (a document's other locales are the same disclosure), never entries loaded into
 * JavaScript; the records list runs the same conditions (domain/report-measures.ts), so its
 * length is the number. Which cells are computed, and from what, is shared/domain/report-sources.ts.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, UID } from '../../../shared/constants';
import { cellIndex, cellLabel, REPORT_TEMPLATES, type ReportTemplate } from '../../../shared/domain/report-templates';
import { cellSources, MEASURE_LABELS, type CatalogMeasure, type CellSource } from '../../../shared/domain/report-sources';
import type { AppealMeasure } from '../../../shared/domain/register-measures';
import { getService } from '../utils/get-service';
import type { RegisterCell } from './register-statistics';
import type { StatisticsValues } from '../../../shared/domain/statistics-values';
import type { CellRecordsResponse, CountedEntry, ReportComputeResponse } from '../../../shared/types';
import { measureSql, scanWhere, yearBounds, type Scan } from '../domain/report-measures';
import { PUBLIC_ENTRY_SQL } from '../domain/public-visibility';
import { isoDate, joinTableOf, rawRows, tableOf } from '../utils/sql';
import { rowsOf } from '../utils/query';

type Lang = 'zh' | 'en';

interface ReportFacts {
  documentId: string;
  year: number;
  template: ReportTemplate;
  statistics: StatisticsValues;
  organization: { id: number; documentId: string };
}

interface EntryRow {
  document_id: string;
  title: string;
  index_number: string | null;
  document_number: string | null;
  written_date: unknown;
  published_date: unknown;
  repealed_date: unknown;
  measure: CatalogMeasure;
}

const reportStatistics = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  /** The report's working version with what computing needs; 404 and 400 name what is missing. */
  const reportFacts = async (documentId: string, locale: string): Promise<ReportFacts> => {
    const report = (await rowsOf(strapi, UID.annualReport).findOne({
      where: { documentId, locale, publishedAt: null },
      populate: { organization: { select: ['id', 'documentId'] } },
    })) as { year: number; template: string; statistics: StatisticsValues | null; organization: { id: number; documentId: string } | null } | null;
    if (!report) throw new errors.NotFoundError(`No annual report ${documentId} in locale ${locale}`);
    const template = REPORT_TEMPLATES[report.template];
    if (!report.organization || !template)
      throw new errors.ValidationError('The report needs an organization and a template before statistics can be computed');
    // the organization row in the default locale carries the entries' links
    const org = (await rowsOf(strapi, UID.organization).findOne({
      where: { documentId: report.organization.documentId, locale: DEFAULT_LOCALE },
      select: ['id'],
    })) as { id: number } | null;
    return {
      documentId,
      year: report.year,
      template,
      statistics: report.statistics ?? {},
      organization: { id: org?.id ?? report.organization.id, documentId: report.organization.documentId },
    };
  };

  /**
   * FROM … WHERE for the organization's default-locale entries the public may see, in one scan:
   * a withheld (不予公开) or restricted entry was never disclosed, so no report counts it.
   */
  const fromScan = (scan: Scan, year: number) => {
    const entries = tableOf(strapi, UID.catalogEntry);
    const org = joinTableOf(strapi, UID.catalogEntry, 'organization');
    return `FROM ${entries} e JOIN ${org.name} o ON o.${org.joinColumn.name} = e.id
      WHERE o.${org.inverseJoinColumn.name} = ? AND e.locale = ? AND ${PUBLIC_ENTRY_SQL} AND ${scanWhere(scan, yearBounds(year))}`;
  };

  const measuresOf = (year: number) => measureSql(yearBounds(year), strapi.db.dialect.client);

  /** The counts, one conditional-sum query per scan. */
  const countMeasures = async (organizationId: number, year: number, measures: readonly CatalogMeasure[]): Promise<Record<CatalogMeasure, number>> => {
    const sql = measuresOf(year);
    const scans = [...new Set(measures.map((m) => sql[m].scan))];
    const rows = await Promise.all(
      scans.map(async (scan) => {
        // Strapi keeps at most one published row per document and locale, so a plain conditional
        // sum counts each document once (far cheaper than COUNT(DISTINCT …)). Aliases are
        // lower-case: PostgreSQL folds unquoted identifiers.
        const select = measures.filter((m) => sql[m].scan === scan).map((m) => `SUM(CASE WHEN ${sql[m].when} THEN 1 ELSE 0 END) AS ${m}`);
        const result = await knex().raw(`SELECT ${select.join(', ')} ${fromScan(scan, year)}`, [organizationId, DEFAULT_LOCALE]);
        return rawRows<Record<string, number | string | null>>(result)[0] ?? {};
      })
    );
    const merged = Object.assign({}, ...rows) as Record<string, number | string | null>;
    return Object.fromEntries(measures.map((m) => [m, Number(merged[m] ?? 0)])) as Record<CatalogMeasure, number>;
  };

  /** The entries behind a sum of measures, in the order they were counted. */
  const listMeasures = async (organizationId: number, year: number, measures: CatalogMeasure[], offset: number, limit: number | null): Promise<EntryRow[]> => {
    const sql = measuresOf(year);
    const parts = measures.map(
      (
        m,
        i
      ) => `SELECT e.document_id, e.title, e.index_number, e.document_number, e.written_date, e.published_date, e.repealed_date, e.id, '${m}' AS measure, ${i} AS part
        ${fromScan(sql[m].scan, year)} AND ${sql[m].when}`
    );
    const page = limit === null ? '' : ` LIMIT ${Number(limit)} OFFSET ${Number(offset)}`;
    const bindings = measures.flatMap(() => [organizationId, DEFAULT_LOCALE]);
    const result = await knex().raw(`SELECT * FROM (${parts.join(' UNION ALL ')}) counted ORDER BY part, published_date, id${page}`, bindings);
    return rawRows<EntryRow>(result);
  };

  const countedEntry = (row: EntryRow, lang: Lang): CountedEntry => ({
    documentId: row.document_id,
    title: row.title,
    indexNumber: row.index_number,
    documentNumber: row.document_number,
    writtenDate: isoDate(row.written_date),
    publishedDate: isoDate(row.published_date),
    repealedDate: isoDate(row.repealed_date),
    countedAs: MEASURE_LABELS[row.measure][lang],
  });

  /**
   * Last year's report of the organization (either format since 2019 carries table 三): its
   * published version when there is one, else its working draft. The statistics are the same in
   * every locale, so any locale's row will do; this locale's first.
   */
  const previousReport = async (organizationDocumentId: string, year: number, locale: string) => {
    const rows = (await rowsOf(strapi, UID.annualReport).findMany({
      where: { year: year - 1, template: { $in: ['2019', '2021'] }, organization: { documentId: organizationDocumentId } },
      select: ['documentId', 'year', 'title', 'template', 'statistics', 'locale', 'publishedAt'],
    })) as Array<{
      documentId: string;
      year: number;
      title: string;
      statistics: StatisticsValues | null;
      template: string;
      locale: string;
      publishedAt: string | null;
    }>;
    const rank = (r: (typeof rows)[number]) => (r.publishedAt ? 0 : 2) + (r.locale === locale ? 0 : 1);
    return rows.sort((a, b) => rank(a) - rank(b))[0] ?? null;
  };

  /**
   * The cells computed for this report: the register's only where it is in use for the
   * organization by the year's end (else they stay the office's to type), and 二、上年结转 from last
   * year's report while the register holds nothing from before the year.
   */
  const effectiveSources = async (report: ReportFacts): Promise<Array<[string, CellSource]>> => {
    const all = Object.entries(cellSources(report.template.id));
    if (!all.some(([, s]) => s.kind === 'register' || s.kind === 'appeals')) return all;
    const first = await getService(strapi, 'register-statistics').firstReceived(report.organization.documentId);
    const { from, to } = yearBounds(report.year);
    const inUse = first !== null && first <= to;
    const usedBefore = first !== null && first < from;
    return all.flatMap(([cell, s]): Array<[string, CellSource]> => {
      if (s.kind === 'register' && s.fallback && !usedBefore) return [[cell, s.fallback]];
      if ((s.kind === 'register' || s.kind === 'appeals') && !inUse) return [];
      return [[cell, s]];
    });
  };

  const cellOf = (template: ReportTemplate, cell: string) => {
    if (!cellIndex(template).has(cell)) throw new errors.NotFoundError(`The ${template.id} form has no cell "${cell}" (统计表中没有此单元格)`);
    return cell;
  };

  return {
    /** Every cell the data can answer, and the cells where it differs from the stored table. */
    async compute(documentId: string, locale: string): Promise<ReportComputeResponse['data']> {
      const report = await reportFacts(documentId, locale);
      const sources = await effectiveSources(report);
      const wanted = [...new Set(sources.flatMap(([, s]) => (s.kind === 'catalog' ? s.measures : [])))];
      const counts = wanted.length > 0 ? await countMeasures(report.organization.id, report.year, wanted) : ({} as Record<CatalogMeasure, number>);
      const needsPrevious = sources.some(([, s]) => s.kind === 'previous-report');
      const previous = needsPrevious ? ((await previousReport(report.organization.documentId, report.year, locale))?.statistics ?? {}) : {};
      const register = getService(strapi, 'register-statistics');
      const org = report.organization.documentId;
      const [registered, appealed] = await Promise.all([
        register.count(
          org,
          report.year,
          sources.flatMap(([cell, s]) => (s.kind === 'register' ? [[cell, s] as [string, RegisterCell]] : []))
        ),
        register.countAppeals(
          org,
          report.year,
          sources.flatMap(([cell, s]) => (s.kind === 'appeals' ? [[cell, s.measures] as [string, AppealMeasure[]]] : []))
        ),
      ]);
      const computed: StatisticsValues = Object.fromEntries(
        sources.flatMap(([cell, s]) => {
          if (s.kind === 'catalog') return [[cell, s.measures.reduce((n, m) => n + counts[m], 0)]];
          if (s.kind === 'register') return [[cell, registered[cell]]];
          if (s.kind === 'appeals') return [[cell, appealed[cell]]];
          const value = previous[s.cell];
          return typeof value === 'number' ? [[cell, value]] : [];
        })
      );
      const diff = Object.entries(computed)
        .filter(([cell, value]) => value !== null && value !== (report.statistics[cell] ?? null))
        .map(([cell, value]) => ({ cell, stored: report.statistics[cell] ?? null, computed: value as number }));
      return { computed, diff };
    },

    /** What one cell's number is made of: its catalog entries (a page of them), last year's cell, or nothing. */
    async records(documentId: string, locale: string, cell: string, page: number, pageSize: number, lang: Lang): Promise<CellRecordsResponse['data']> {
      const report = await reportFacts(documentId, locale);
      const label = cellLabel(report.template, cellOf(report.template, cell), lang);
      const source = new Map(await effectiveSources(report)).get(cell);
      if (!source) {
        return {
          cell,
          label,
          source: 'none',
          message: lang === 'en' ? 'The product’s data cannot answer this cell: the office types it.' : '系统数据无法计算此项，需由办公室手工填写。',
        };
      }
      if (source.kind === 'previous-report') {
        const previous = await previousReport(report.organization.documentId, report.year, locale);
        const value = previous?.statistics?.[source.cell];
        return {
          cell,
          label,
          source: 'previous-report',
          value: typeof value === 'number' ? value : null,
          report: previous
            ? {
                documentId: previous.documentId,
                year: previous.year,
                title: previous.title,
                cell: source.cell,
                // named as last year's own form names it (2019 trial or 2021)
                cellLabel: cellLabel(REPORT_TEMPLATES[previous.template] ?? report.template, source.cell, lang),
              }
            : null,
        };
      }
      if (source.kind === 'register') {
        const { total, applications } = await getService(strapi, 'register-statistics').applications(
          report.organization.documentId,
          report.year,
          source,
          (page - 1) * pageSize,
          pageSize,
          lang
        );
        return { cell, label, source: 'register', value: total, applications, pagination: { page, pageSize, total } };
      }
      if (source.kind === 'appeals') {
        const { total, appeals } = await getService(strapi, 'register-statistics').appeals(
          report.organization.documentId,
          report.year,
          source.measures,
          (page - 1) * pageSize,
          pageSize,
          lang
        );
        return { cell, label, source: 'appeals', value: total, appeals, pagination: { page, pageSize, total } };
      }
      const counts = await countMeasures(report.organization.id, report.year, source.measures);
      const total = source.measures.reduce((n, m) => n + counts[m], 0);
      const rows = await listMeasures(report.organization.id, report.year, source.measures, (page - 1) * pageSize, pageSize);
      return { cell, label, source: 'catalog', value: total, entries: rows.map((r) => countedEntry(r, lang)), pagination: { page, pageSize, total } };
    },

    /** Every entry behind a catalog cell, for the CSV download. */
    async allRecords(documentId: string, locale: string, cell: string, lang: Lang): Promise<{ label: string; entries: CountedEntry[] }> {
      const report = await reportFacts(documentId, locale);
      const label = cellLabel(report.template, cellOf(report.template, cell), lang);
      const source = cellSources(report.template.id)[cell];
      if (source?.kind !== 'catalog') throw new errors.ValidationError(`「${label}」 is not counted from the catalog; there are no records to export`);
      const rows = await listMeasures(report.organization.id, report.year, source.measures, 0, null);
      return { label, entries: rows.map((r) => countedEntry(r, lang)) };
    },
  };
};

export default reportStatistics;
