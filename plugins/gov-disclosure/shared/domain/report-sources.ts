/**
 * Which cells of each report format the product can fill from its own records, and from which:
 * a count (or sum of counts) over the catalog, or last year's report. The server computes them
 * (services/report-statistics.ts) and lists the records behind each number; the editor marks them
 * and shows how much of the form the data answers. Every other cell is typed by the office.
 */
import { CHANNELS } from '../constants';
import { cellIndex, REPORT_TEMPLATES } from './report-templates';
import { APPLICANT_COLUMNS } from './report-templates/since-2019';
import { APPLICANT_TYPES, type ApplicantType } from './disclosure-application';
import { APPEAL_KINDS, APPEAL_OUTCOMES, OUTCOME_MEASURES_BY_ROW, type AppealMeasure, type RegisterMeasure } from './register-measures';

export const CATALOG_MEASURES = [
  'proactive',
  'proactive_normative',
  'interpretations',
  'channel_gazette',
  'channel_website',
  'channel_weibo',
  'channel_wechat',
  'channel_other',
  'regulation_issued',
  'regulation_repealed',
  'regulation_valid',
  'regulation_published',
  'regulation_public',
  'normative_issued',
  'normative_repealed',
  'normative_valid',
  'normative_published',
  'normative_public',
] as const;

export type CatalogMeasure = (typeof CATALOG_MEASURES)[number];

export type CellSource =
  /** The sum of these counts over the organization's published catalog entries (default locale). */
  | { kind: 'catalog'; measures: CatalogMeasure[] }
  /** Last year's report of the organization, this cell of it. */
  | { kind: 'previous-report'; cell: string }
  /**
   * The sum of these counts over the organization's applications for disclosure, of one applicant
   * type (null: all). Only where the register is in use for the organization (it holds an
   * application received by the year's end); else the cell stays the office's, or takes
   * `fallback` (二、上年结转 from last year's report while the register has no earlier year).
   */
  | { kind: 'register'; measures: RegisterMeasure[]; applicantType: ApplicantType | null; fallback?: { kind: 'previous-report'; cell: string } }
  /** The sum of these counts over the organization's appeal cases (table 四), where the register is in use. */
  | { kind: 'appeals'; measures: AppealMeasure[] };

const KIND_WORDS = { regulation: ['规章', 'regulations'], normative: ['规范性文件', 'normative documents'] } as const;

/** What a measure counts, in the words of the records list. */
export const MEASURE_LABELS: Record<CatalogMeasure, { zh: string; en: string }> = {
  proactive: { zh: '本年发布的主动公开信息', en: 'proactive items published this year' },
  proactive_normative: { zh: '本年发布的主动公开规范性文件', en: 'proactive normative documents published this year' },
  interpretations: { zh: '本年发布的政策解读', en: 'policy interpretations published this year' },
  channel_gazette: { zh: '本年经政府公报公开', en: 'published this year via the gazette' },
  channel_website: { zh: '本年经政府网站公开', en: 'published this year via the website' },
  channel_weibo: { zh: '本年经政务微博公开', en: 'published this year via Weibo' },
  channel_wechat: { zh: '本年经政务微信公开', en: 'published this year via WeChat' },
  channel_other: { zh: '本年经其他方式公开', en: 'published this year by other means' },
  ...(Object.fromEntries(
    (['regulation', 'normative'] as const).flatMap((k) => {
      const [zh, en] = KIND_WORDS[k];
      return [
        [`${k}_issued`, { zh: `成文日期在本年的${zh}`, en: `${en} written this year` }],
        [`${k}_repealed`, { zh: `废止日期在本年的${zh}`, en: `${en} repealed this year` }],
        [`${k}_valid`, { zh: `年末现行有效的${zh}`, en: `${en} in force at year end` }],
        [`${k}_published`, { zh: `本年发布的${zh}`, en: `${en} published this year` }],
        [`${k}_public`, { zh: `截至年末已公开的${zh}`, en: `${en} published by year end` }],
      ];
    })
  ) as Record<`${'regulation' | 'normative'}_${'issued' | 'repealed' | 'valid' | 'published' | 'public'}`, { zh: string; en: string }>),
};

const catalog = (...measures: CatalogMeasure[]): CellSource => ({ kind: 'catalog', measures });

const register = (measures: RegisterMeasure[], applicantType: ApplicantType | null): CellSource => ({ kind: 'register', measures, applicantType });
const typeOf = (column: string): ApplicantType | null => ((APPLICANT_TYPES as readonly string[]).includes(column) ? (column as ApplicantType) : null);

/**
 * Table 三 from the register, every row and column. 二、上年结转 counts the register's open cases
 * on 1 January; while the register holds nothing from before the year it is last year's 四.
 */
const table3 = (sixAsOneRow: boolean): Record<string, CellSource> => {
  const rows: Record<string, RegisterMeasure[]> = {
    't3.new': ['received'],
    't3.r7': ['decided'],
    't3.next': ['open_at_end'],
    ...Object.fromEntries(Object.entries(OUTCOME_MEASURES_BY_ROW).filter(([row]) => !(sixAsOneRow && row.startsWith('t3.r6.')))),
    ...(sixAsOneRow ? { 't3.r6': ['t3.r6.1', 't3.r6.2', 't3.r6.3'].flatMap((r) => OUTCOME_MEASURES_BY_ROW[r]) } : {}),
  };
  return Object.fromEntries(
    APPLICANT_COLUMNS.flatMap(({ id }) => [
      ...Object.entries(rows).map(([row, measures]) => [`${row}:${id}`, register(measures, typeOf(id))]),
      [
        `t3.carried:${id}`,
        { kind: 'register', measures: ['carried'], applicantType: typeOf(id), fallback: { kind: 'previous-report', cell: `t3.next:${id}` } },
      ],
    ])
  );
};

/** Table 四 from the appeal cases: each kind's four results, and their total. */
const table4: Record<string, CellSource> = Object.fromEntries(
  APPEAL_KINDS.flatMap((k) => [
    ...APPEAL_OUTCOMES.map((o) => [`t4.cases:${k}.${o}`, { kind: 'appeals', measures: [`${k}:${o}`] }]),
    [`t4.cases:${k}.total`, { kind: 'appeals', measures: APPEAL_OUTCOMES.map((o) => `${k}:${o}` as AppealMeasure) }],
  ])
);

const articleTwentyOne = (columns: Record<string, 'issued' | 'repealed' | 'valid' | 'published' | 'public'>): Record<string, CellSource> =>
  Object.fromEntries(
    (['regulation', 'normative'] as const).flatMap((k) =>
      Object.entries(columns).map(([column, what]) => [`t2.20.1.${k}:${column}`, catalog(`${k}_${what}` as CatalogMeasure)])
    )
  );

const SOURCES: Record<string, Record<string, CellSource>> = {
  '2008': {
    '1.1': catalog('proactive'),
    '1.1.a': catalog('proactive_normative'),
    '1.1.b': catalog('normative_issued'),
    ...Object.fromEntries(CHANNELS.map((c, i) => [`1.2.${i + 1}`, catalog(`channel_${c}`)])),
    '1.2': catalog(...CHANNELS.map((c) => `channel_${c}` as const)),
    '2.2.3': catalog('interpretations'),
    // what the register answers exactly; e-mail is an online application (网络申请)
    '3.1': register(['received'], null),
    '3.1.1': register(['channel:in_person'], null),
    '3.1.2': register(['channel:fax'], null),
    '3.1.3': register(['channel:online', 'channel:email'], null),
    '3.1.4': register(['channel:letter'], null),
    '3.2': register(['decided'], null),
    '3.2.1': register(['decided_on_time'], null),
    '3.2.2': register(['decided_extended'], null),
  },
  '2019': { ...articleTwentyOne({ made: 'issued', published: 'published', public: 'public' }), ...table3(true), ...table4 },
  '2021': { ...articleTwentyOne({ issued: 'issued', repealed: 'repealed', valid: 'valid' }), ...table3(false), ...table4 },
};

/** Computed cells of a template, by cell id. */
export const cellSources = (templateId: string): Record<string, CellSource> => SOURCES[templateId] ?? {};

export interface Coverage {
  /** Cells a clerk can fill (heading cells that must stay blank are not counted). */
  cells: number;
  computed: number;
  typed: number;
}

/** How much of a form the product's own data answers. */
export const coverageOf = (templateId: string): Coverage => {
  const template = REPORT_TEMPLATES[templateId];
  if (!template) return { cells: 0, computed: 0, typed: 0 };
  const headings = new Set(template.tables.flatMap((t) => t.rows.filter((r) => r.heading && !r.totalOfParts).map((r) => r.id)));
  const cells = [...cellIndex(template).values()].filter((c) => !headings.has(c.rowId)).length;
  const computed = Object.keys(cellSources(templateId)).length;
  return { cells, computed, typed: cells - computed };
};
