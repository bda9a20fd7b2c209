/**
 * The catalog counts behind annual-report cells, as SQL conditions on one published catalog row
 * (alias `e`). Each measure is written once here and used twice, by the count and by the list of
 * records it counted, so the list always has as many rows as the number says.
 * Measures fall into two scans, each an index range: the year's publications (by the live rows'
 * date index) and the regulations and normative documents (by their kind index).
 */
import { CHANNELS } from '../../../shared/constants';
import type { CatalogMeasure } from '../../../shared/domain/report-sources';

export type Scan = 'published-in-year' | 'kinds';

export interface MeasureSql {
  scan: Scan;
  /** Condition within the scan. */
  when: string;
}

export interface YearBounds {
  from: string;
  to: string;
}

/** The year as SQL date bounds; the year is interpolated, so it must be a plain integer. */
export const yearBounds = (year: number): YearBounds => {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new RangeError(`invalid report year ${year}`);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
};

/** The document kinds table 二 counts (规章, 规范性文件). */
const KINDS = ['regulation', 'normative'] as const;

export const scanWhere = (scan: Scan, { from, to }: YearBounds): string =>
  scan === 'published-in-year'
    ? `e.published_date >= '${from}' AND e.published_date <= '${to}'`
    : `e.document_kind IN (${KINDS.map((k) => `'${k}'`).join(', ')})`;

/** Every measure's condition for a year, on this database (channels are JSON). */
export const measureSql = (bounds: YearBounds, client: string): Record<CatalogMeasure, MeasureSql> => {
  const { from, to } = bounds;
  const inYear = (column: string) => `e.${column} >= '${from}' AND e.${column} <= '${to}'`;
  const channel = (key: string) => (client === 'postgres' ? `e.channels::jsonb @> '["${key}"]'::jsonb` : `e.channels LIKE '%"${key}"%'`);
  const proactive = `e.disclosure_mode = 'proactive'`;
  const validAtYearEnd = `e.written_date <= '${to}' AND (e.repealed_date IS NULL OR e.repealed_date > '${to}') AND e.validity <> 'expired'`;
  const year = (when: string): MeasureSql => ({ scan: 'published-in-year', when });
  const kinds = (when: string): MeasureSql => ({ scan: 'kinds', when });
  return {
    proactive: year(proactive),
    proactive_normative: year(`${proactive} AND e.document_kind = 'normative'`),
    interpretations: year(`e.genre = 'interpretation'`),
    ...(Object.fromEntries(CHANNELS.map((c) => [`channel_${c}`, year(`${proactive} AND ${channel(c)}`)])) as Record<
      `channel_${(typeof CHANNELS)[number]}`,
      MeasureSql
    >),
    ...(Object.fromEntries(
      KINDS.flatMap((k) => {
        const kind = `e.document_kind = '${k}'`;
        return [
          [`${k}_issued`, kinds(`${kind} AND ${inYear('written_date')}`)],
          [`${k}_repealed`, kinds(`${kind} AND ${inYear('repealed_date')}`)],
          [`${k}_valid`, kinds(`${kind} AND ${validAtYearEnd}`)],
          [`${k}_published`, kinds(`${kind} AND ${inYear('published_date')}`)],
          [`${k}_public`, kinds(`${kind} AND e.published_date <= '${to}'`)],
        ];
      })
    ) as Record<`${(typeof KINDS)[number]}_${'issued' | 'repealed' | 'valid' | 'published' | 'public'}`, MeasureSql>),
  };
};
