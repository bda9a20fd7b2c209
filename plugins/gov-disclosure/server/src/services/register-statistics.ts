/**
 * Table 三 and 四 of an annual report counted from the 依申请公开 register: one conditional-sum
 * query for every cell at once, and the applications (or appeal cases) behind any one cell, with
 * the same conditions (domain/register-measures-sql.ts). Nothing about the applicant is listed.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../shared/constants';
import type { ApplicantType } from '../../../shared/domain/disclosure-application';
import { appealMeasureLabel, registerMeasureLabel, type AppealMeasure, type RegisterMeasure } from '../../../shared/domain/register-measures';
import type { CountedAppeal, CountedApplication } from '../../../shared/types';
import { appealMeasureSql, applicantTypeSql, registerMeasureSql } from '../domain/register-measures-sql';
import { yearBounds } from '../domain/report-measures';
import { isoDate, rawRows, tableOf } from '../utils/sql';

type Lang = 'zh' | 'en';

export interface RegisterCell {
  measures: RegisterMeasure[];
  applicantType: ApplicantType | null;
}

interface ApplicationRow {
  document_id: string;
  tracking_number: string;
  received_on: unknown;
  channel: CountedApplication['channel'];
  applicant_type: CountedApplication['applicantType'];
  state: CountedApplication['state'];
  outcome: CountedApplication['outcome'];
  decided_on: unknown;
  due_on: unknown;
  measure: RegisterMeasure;
}

interface AppealRow {
  document_id: string;
  case_number: string | null;
  kind: CountedAppeal['kind'];
  filed_on: unknown;
  decided_on: unknown;
  outcome: CountedAppeal['outcome'];
  application_document_id: string | null;
  measure: AppealMeasure;
}

const registerStatistics = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const applications = () => tableOf(strapi, UID.application);
  const appeals = () => tableOf(strapi, UID.appealCase);

  const cellCondition = (cell: RegisterCell, year: number) =>
    `(${cell.measures.map((m) => `(${registerMeasureSql(m, yearBounds(year))})`).join(' OR ')}) AND ${applicantTypeSql(cell.applicantType)}`;

  return {
    /**
     * The day of the organization's first registered application (null: none). The register is in
     * use for a year when that day is by the year's end; it knows what was open on 1 January when
     * that day is before the year.
     */
    async firstReceived(organization: string): Promise<string | null> {
      const [row] = rawRows<{ first: unknown }>(
        await knex().raw(`SELECT MIN(a.received_on) AS first FROM ${applications()} a WHERE a.organization_document_id = ?`, [organization])
      );
      return isoDate(row?.first);
    },

    /** Every cell's count in one scan of the organization's applications. */
    async count(organization: string, year: number, cells: Array<[string, RegisterCell]>): Promise<Record<string, number>> {
      if (cells.length === 0) return {};
      // an application counted under several measures of one cell (none do today) counts once
      const sums = cells.map(([, cell], i) => `SUM(CASE WHEN ${cellCondition(cell, year)} THEN 1 ELSE 0 END) AS c${i}`);
      const [row] = rawRows<Record<string, number | string | null>>(
        // every measure is about an application received by the year's end and not decided before it
        // (decided_on ≥ received_on): the rest of the register need not be summed at all
        await knex().raw(
          `SELECT ${sums.join(', ')} FROM ${applications()} a
           WHERE a.organization_document_id = ? AND a.received_on <= ? AND (a.decided_on IS NULL OR a.decided_on >= ?)`,
          [organization, yearBounds(year).to, yearBounds(year).from]
        )
      );
      return Object.fromEntries(cells.map(([id], i) => [id, Number(row?.[`c${i}`] ?? 0)]));
    },

    async countAppeals(organization: string, year: number, cells: Array<[string, AppealMeasure[]]>): Promise<Record<string, number>> {
      if (cells.length === 0) return {};
      const sums = cells.map(
        ([, measures], i) => measures.map((m) => `SUM(CASE WHEN ${appealMeasureSql(m, yearBounds(year))} THEN 1 ELSE 0 END)`).join(' + ') + ` AS c${i}`
      );
      const [row] = rawRows<Record<string, number | string | null>>(
        await knex().raw(`SELECT ${sums.join(', ')} FROM ${appeals()} c WHERE c.organization_document_id = ?`, [organization])
      );
      return Object.fromEntries(cells.map(([id], i) => [id, Number(row?.[`c${i}`] ?? 0)]));
    },

    /** The applications behind one cell, a page of them, oldest first. */
    async applications(organization: string, year: number, cell: RegisterCell, offset: number, limit: number, lang: Lang) {
      const parts = cell.measures.map(
        (m, i) => `SELECT a.document_id, a.tracking_number, a.received_on, a.channel, a.applicant_type, a.state, a.outcome, a.decided_on, a.due_on, a.id,
          '${m}' AS measure, ${i} AS part
        FROM ${applications()} a WHERE a.organization_document_id = ? AND (${registerMeasureSql(m, yearBounds(year))}) AND ${applicantTypeSql(cell.applicantType)}`
      );
      const bindings = cell.measures.map(() => organization);
      const union = parts.join(' UNION ALL ');
      const [{ n }] = rawRows<{ n: number | string }>(await knex().raw(`SELECT COUNT(*) AS n FROM (${union}) counted`, bindings));
      const rows = rawRows<ApplicationRow>(
        await knex().raw(`SELECT * FROM (${union}) counted ORDER BY part, received_on, id LIMIT ${Number(limit)} OFFSET ${Number(offset)}`, bindings)
      );
      const listed: CountedApplication[] = rows.map((r) => ({
        documentId: r.document_id,
        trackingNumber: r.tracking_number,
        receivedOn: isoDate(r.received_on),
        channel: r.channel,
        applicantType: r.applicant_type,
        state: r.state,
        outcome: r.outcome,
        decidedOn: isoDate(r.decided_on),
        dueOn: isoDate(r.due_on),
        countedAs: registerMeasureLabel(r.measure, lang),
      }));
      return { total: Number(n), applications: listed };
    },

    async appeals(organization: string, year: number, measures: AppealMeasure[], offset: number, limit: number, lang: Lang) {
      const parts = measures.map(
        (
          m,
          i
        ) => `SELECT c.document_id, c.case_number, c.kind, c.filed_on, c.decided_on, c.outcome, c.application_document_id, c.id, '${m}' AS measure, ${i} AS part
        FROM ${appeals()} c WHERE c.organization_document_id = ? AND (${appealMeasureSql(m, yearBounds(year))})`
      );
      const bindings = measures.map(() => organization);
      const union = parts.join(' UNION ALL ');
      const [{ n }] = rawRows<{ n: number | string }>(await knex().raw(`SELECT COUNT(*) AS n FROM (${union}) counted`, bindings));
      const rows = rawRows<AppealRow>(
        await knex().raw(`SELECT * FROM (${union}) counted ORDER BY part, filed_on, id LIMIT ${Number(limit)} OFFSET ${Number(offset)}`, bindings)
      );
      const listed: CountedAppeal[] = rows.map((r) => ({
        documentId: r.document_id,
        caseNumber: r.case_number,
        kind: r.kind,
        filedOn: isoDate(r.filed_on),
        decidedOn: isoDate(r.decided_on),
        outcome: r.outcome,
        applicationDocumentId: r.application_document_id,
        countedAs: appealMeasureLabel(r.measure, lang),
      }));
      return { total: Number(n), appeals: listed };
    },
  };
};

export default registerStatistics;
