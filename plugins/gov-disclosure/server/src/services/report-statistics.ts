/**
 * Statistics computed from the catalog for an annual report's organization and year, with SQL
 * aggregates (one conditional-count query over that organization's published rows), never by
 * loading entries into JavaScript. Cells no data can answer are left to the clerk.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, UID } from '../../../shared/constants';
import { REPORT_TEMPLATES, cellIndex } from '../../../shared/domain/report-templates';
import type { StatisticsValues } from '../../../shared/domain/statistics-values';
import { joinTableOf, rawRows, tableOf } from '../utils/sql';

type Knex = Core.Strapi['db']['connection'];

export interface ComputeDiffItem {
  cell: string;
  stored: number | null;
  computed: number;
}

const reportStatistics = ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * Counts for one organization and year, each distinct document once: published in the default
   * locale (a document's other locales are the same disclosure).
   */
  const countsFor = async (knex: Knex, organizationId: number, year: number) => {
    // the year is interpolated into the date bounds below: it must be a plain integer
    if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new errors.ValidationError(`invalid report year ${year}`);
    const entries = tableOf(strapi, UID.catalogEntry);
    const org = joinTableOf(strapi, UID.catalogEntry, 'organization');
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const inYear = (column: string) => `e.${column} >= '${from}' AND e.${column} <= '${to}'`;
    const channel = (key: string) =>
      strapi.db.dialect.client === 'postgres' ? `e.channels::jsonb @> '["${key}"]'::jsonb` : `e.channels LIKE '%"${key}"%'`;
    const validAtYearEnd = `e.written_date <= '${to}' AND (e.repealed_date IS NULL OR e.repealed_date > '${to}') AND e.validity <> 'expired'`;
    const kinds = ['regulation', 'normative'] as const;
    // Strapi keeps at most one published row per document and locale, so within one locale a plain
    // conditional sum counts each document once (and is far cheaper than COUNT(DISTINCT …)).
    const count = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
    const proactive = `e.disclosure_mode = 'proactive'`;
    const channels = ['gazette', 'website', 'weibo', 'wechat', 'other'];
    // Two narrow scans instead of one over every entry: the year's publications (through the live
    // entries' date index), and the regulations and normative documents (through their kind index).
    // Aliases are lower-case: PostgreSQL folds unquoted identifiers.
    const ofYear = {
      proactive: count(proactive),
      proactive_normative: count(`${proactive} AND e.document_kind = 'normative'`),
      interpretations: count(`e.genre = 'interpretation'`),
      ...Object.fromEntries(channels.map((c) => [`channel_${c}`, count(`${proactive} AND ${channel(c)}`)])),
    };
    const ofKinds = Object.fromEntries(kinds.flatMap((k) => [
      [`${k}_issued`, count(`e.document_kind = '${k}' AND ${inYear('written_date')}`)],
      [`${k}_repealed`, count(`e.document_kind = '${k}' AND ${inYear('repealed_date')}`)],
      [`${k}_valid`, count(`e.document_kind = '${k}' AND ${validAtYearEnd}`)],
    ]));
    const run = async (select: Record<string, string>, where: string) => {
      const sql = `SELECT ${Object.entries(select).map(([alias, expr]) => `${expr} AS ${alias}`).join(', ')}
        FROM ${entries} e JOIN ${org.name} o ON o.${org.joinColumn.name} = e.id
        WHERE o.${org.inverseJoinColumn.name} = ? AND e.locale = ? AND e.published_at IS NOT NULL AND ${where}`;
      const result = await knex.raw(sql, [organizationId, DEFAULT_LOCALE]);
      return rawRows<Record<string, number | string | null>>(result)[0] ?? {};
    };
    const [yearRow, kindRow] = await Promise.all([
      run(ofYear, inYear('published_date')),
      run(ofKinds, `e.document_kind IN (${kinds.map((k) => `'${k}'`).join(', ')})`),
    ]);
    const row = { ...yearRow, ...kindRow };
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v ?? 0)])) as Record<string, number>;
  };

  return {
    /** Every cell the catalog can answer, for this report's template, organization and year. */
    async compute(documentId: string, locale: string): Promise<{ computed: StatisticsValues; diff: ComputeDiffItem[] }> {
      const report = (await strapi.db.query(UID.annualReport as never).findOne({
        where: { documentId, locale, publishedAt: null },
        populate: { organization: { select: ['id', 'documentId'] } },
      })) as { year: number; template: string; statistics: StatisticsValues | null; organization: { id: number; documentId: string } | null } | null;
      if (!report) throw new errors.NotFoundError(`No annual report ${documentId} in locale ${locale}`);
      const template = REPORT_TEMPLATES[report.template];
      if (!report.organization || !template) throw new errors.ValidationError('The report needs an organization and a template before statistics can be computed');
      // the organization row in the default locale carries the entries' links
      const org = (await strapi.db.query(UID.organization as never).findOne({ where: { documentId: report.organization.documentId, locale: DEFAULT_LOCALE }, select: ['id'] })) as { id: number } | null;
      const c = await countsFor(strapi.db.connection, org?.id ?? report.organization.id, report.year);
      const computed: StatisticsValues = template.id === '2008'
        ? {
            '1.1': c.proactive,
            '1.1.a': c.proactive_normative,
            '1.1.b': c.normative_issued,
            '1.2.1': c.channel_gazette,
            '1.2.2': c.channel_website,
            '1.2.3': c.channel_weibo,
            '1.2.4': c.channel_wechat,
            '1.2.5': c.channel_other,
            '1.2': c.channel_gazette + c.channel_website + c.channel_weibo + c.channel_wechat + c.channel_other,
            '2.2.3': c.interpretations,
          }
        : {
            't2.20.1.regulation:issued': c.regulation_issued,
            't2.20.1.regulation:repealed': c.regulation_repealed,
            't2.20.1.regulation:valid': c.regulation_valid,
            't2.20.1.normative:issued': c.normative_issued,
            't2.20.1.normative:repealed': c.normative_repealed,
            't2.20.1.normative:valid': c.normative_valid,
            ...(await this.carriedOver(report.organization.documentId, report.year, locale)),
          };
      const cells = cellIndex(template);
      const stored = report.statistics ?? {};
      const diff = Object.entries(computed)
        .filter(([cell, value]) => cells.has(cell) && value !== null && value !== (stored[cell] ?? null))
        .map(([cell, value]) => ({ cell, stored: stored[cell] ?? null, computed: value as number }));
      return { computed, diff };
    },

    /** 2021 format: 二、上年结转 comes from the previous year's 四、结转下年度继续办理. */
    async carriedOver(organizationDocumentId: string, year: number, locale: string): Promise<StatisticsValues> {
      const previous = (await strapi.db.query(UID.annualReport as never).findOne({
        where: { year: year - 1, locale, template: '2021', organization: { documentId: organizationDocumentId } },
        orderBy: { publishedAt: 'desc' },
        select: ['statistics'],
      })) as { statistics: StatisticsValues | null } | null;
      const values = previous?.statistics ?? {};
      return Object.fromEntries(
        Object.entries(values)
          .filter(([cell, v]) => cell.startsWith('t3.next:') && typeof v === 'number')
          .map(([cell, v]) => [cell.replace('t3.next:', 't3.carried:'), v])
      );
    },
  };
};

export default reportStatistics;
