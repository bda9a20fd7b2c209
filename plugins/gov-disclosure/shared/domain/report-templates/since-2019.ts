import type { Label, RetiredCell, TemplateCheck, TemplateColumn, TemplateRow, TemplateSection, TemplateTable } from './types';

/**
 * What the formats issued under the 2019 regulation share: tables 三 and 四 and the six parts.
 * The 2019 trial format (国办公开办函〔2019〕60号) and the 2021 format (国办公开办函〔2021〕30号)
 * print them alike, except that the trial format's （六）其他处理 is one row where the 2021 format
 * has three items.
 * As published, 三、本年度办理结果 and （三）…（六） are merged group labels without cells of their
 * own; the values sit on their numbered items, and （七）总计 = （一） + （二） + every numbered item.
 */

const APPLICANTS: Label = { label: '申请人情况', labelEn: 'Applicants' };
const ORGANISATIONS: Label = { label: '法人或其他组织', labelEn: 'Legal persons or other organisations' };

export const APPLICANT_COLUMNS: TemplateColumn[] = [
  { id: 'natural', label: '自然人', labelEn: 'Natural persons', groups: [APPLICANTS], unit: '件' },
  { id: 'commercial', label: '商业企业', labelEn: 'Businesses', groups: [APPLICANTS, ORGANISATIONS], unit: '件' },
  { id: 'research', label: '科研机构', labelEn: 'Research institutions', groups: [APPLICANTS, ORGANISATIONS], unit: '件' },
  { id: 'social', label: '社会公益组织', labelEn: 'Public-interest organisations', groups: [APPLICANTS, ORGANISATIONS], unit: '件' },
  { id: 'legal', label: '法律服务机构', labelEn: 'Legal service providers', groups: [APPLICANTS, ORGANISATIONS], unit: '件' },
  { id: 'other', label: '其他', labelEn: 'Others', groups: [APPLICANTS, ORGANISATIONS], unit: '件' },
  { id: 'total', label: '总计', labelEn: 'Total', groups: [APPLICANTS], unit: '件' },
];

type Items = Array<[string, string]>;

/** A merged group label and its numbered items (1.…, 2.…), one level below it. */
const groupWithItems = (id: string, label: string, labelEn: string, items: Items): TemplateRow[] => [
  { id, label, labelEn, level: 1, kind: 'group' },
  ...items.map(([l, e], i) => ({ id: `${id}.${i + 1}`, label: `${i + 1}.${l}`, labelEn: `${i + 1}. ${e}`, level: 2 })),
];

const NOT_DISCLOSED: Items = [
  ['属于国家秘密', 'State secret'],
  ['其他法律行政法规禁止公开', 'Barred by other laws'],
  ['危及“三安全一稳定”', 'Endangers the "three securities and one stability"'],
  ['保护第三方合法权益', 'Protects third-party rights'],
  ['属于三类内部事务信息', 'Internal affairs (three kinds)'],
  ['属于四类过程性信息', 'Process information (four kinds)'],
  ['属于行政执法案卷', 'Enforcement case files'],
  ['属于行政查询事项', 'Administrative inquiry matters'],
];
const CANNOT_PROVIDE: Items = [
  ['本机关不掌握相关政府信息', 'Not held by this body'],
  ['没有现成信息需要另行制作', 'Would have to be created'],
  ['补正后申请内容仍不明确', 'Still unclear after amendment'],
];
const NOT_PROCESSED: Items = [
  ['信访举报投诉类申请', 'Petitions, reports, complaints'],
  ['重复申请', 'Repeated request'],
  ['要求提供公开出版物', 'Asks for published material'],
  ['无正当理由大量反复申请', 'Mass repeated requests without good reason'],
  ['要求行政机关确认或重新出具已获取信息', 'Asks to confirm or reissue information already obtained'],
];
const OTHER_HANDLING: Items = [
  ['申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'Applicant did not amend in time; request closed'],
  ['申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'Applicant did not pay the fee in time; request closed'],
  ['其他', 'Other'],
];

const OTHER_HANDLING_LABEL: Label = { label: '（六）其他处理', labelEn: '(6) Other handling' };

/** Table 三; `otherHandlingItems` is false for the 2019 trial format's single （六） row. */
export const table3 = (otherHandlingItems: boolean): TemplateTable => ({
  id: 't3',
  title: '三、收到和处理政府信息公开申请情况',
  titleEn: 'III. Requests received and handled',
  corner: {
    label: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    labelEn: '(In every column: item I plus item II equals item III plus item IV)',
  },
  columns: APPLICANT_COLUMNS,
  rows: [
    { id: 't3.new', label: '一、本年新收政府信息公开申请数量', labelEn: 'I. New requests this year', level: 0 },
    { id: 't3.carried', label: '二、上年结转政府信息公开申请数量', labelEn: 'II. Carried over from last year', level: 0 },
    { id: 't3.result', label: '三、本年度办理结果', labelEn: 'III. Outcomes this year', level: 0, kind: 'group' },
    { id: 't3.r1', label: '（一）予以公开', labelEn: '(1) Disclosed', level: 1 },
    {
      id: 't3.r2',
      label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      labelEn: '(2) Partly disclosed (requests handled by separating what may be disclosed count here only)',
      level: 1,
    },
    ...groupWithItems('t3.r3', '（三）不予公开', '(3) Not disclosed', NOT_DISCLOSED),
    ...groupWithItems('t3.r4', '（四）无法提供', '(4) Cannot be provided', CANNOT_PROVIDE),
    ...groupWithItems('t3.r5', '（五）不予处理', '(5) Not processed', NOT_PROCESSED),
    ...(otherHandlingItems
      ? groupWithItems('t3.r6', OTHER_HANDLING_LABEL.label, OTHER_HANDLING_LABEL.labelEn, OTHER_HANDLING)
      : [{ id: 't3.r6', ...OTHER_HANDLING_LABEL, level: 1 }]),
    { id: 't3.r7', label: '（七）总计', labelEn: '(7) Total', level: 1 },
    { id: 't3.next', label: '四、结转下年度继续办理', labelEn: 'IV. Carried over to next year', level: 0 },
  ],
});

const outcomeColumns = (prefix: string, groups: Label[]): TemplateColumn[] =>
  [
    ['upheld', '结果维持', 'Upheld'],
    ['corrected', '结果纠正', 'Corrected'],
    ['other', '其他结果', 'Other outcome'],
    ['pending', '尚未审结', 'Pending'],
    ['total', '总计', 'Total'],
  ].map(([id, label, labelEn]) => ({ id: `${prefix}.${id}`, label, labelEn, groups, unit: '件' as const }));

const LAWSUITS: Label = { label: '行政诉讼', labelEn: 'Administrative lawsuits' };

/** Table 四: one row of 15 case counts under a three-level header, without a row label. */
export const table4: TemplateTable = {
  id: 't4',
  title: '四、政府信息公开行政复议、行政诉讼情况',
  titleEn: 'IV. Reconsiderations and lawsuits',
  rowLabels: false,
  columns: [
    ...outcomeColumns('review', [{ label: '行政复议', labelEn: 'Administrative reconsideration' }]),
    ...outcomeColumns('direct', [LAWSUITS, { label: '未经复议直接起诉', labelEn: 'Filed directly' }]),
    ...outcomeColumns('after', [LAWSUITS, { label: '复议后起诉', labelEn: 'Filed after reconsideration' }]),
  ],
  rows: [{ id: 't4.cases', label: '件数', labelEn: 'Cases', level: 0 }],
};

const C = (row: string, column: string) => `${row}:${column}`;

/**
 * The form's checks and no others: in every column 一 + 二 = 三（七） + 四 and （七） = （一） +
 * （二） + every numbered item; in every row 总计 = the six applicant columns; in table 四 each
 * 总计 = the four outcomes before it.
 */
export const tables34Checks = (table: TemplateTable): TemplateCheck[] => {
  const dataRows = table.rows.filter((r) => r.kind === undefined);
  const outcomeRows = dataRows.filter((r) => r.level > 0 && r.id !== 't3.r7').map((r) => r.id);
  const perColumn = APPLICANT_COLUMNS.flatMap((col): TemplateCheck[] => [
    { id: `balance:${col.id}`, kind: 'equation', left: [C('t3.new', col.id), C('t3.carried', col.id)], right: [C('t3.r7', col.id), C('t3.next', col.id)] },
    { id: `sum:t3.r7:${col.id}`, kind: 'sum', total: C('t3.r7', col.id), parts: outcomeRows.map((r) => C(r, col.id)) },
  ]);
  const perRow = dataRows.map((r): TemplateCheck => ({
    id: `row-total:${r.id}`,
    kind: 'sum',
    total: C(r.id, 'total'),
    parts: APPLICANT_COLUMNS.filter((c) => c.id !== 'total').map((c) => C(r.id, c.id)),
  }));
  const appeals = ['review', 'direct', 'after'].map((g): TemplateCheck => ({
    id: `sum:t4:${g}`,
    kind: 'sum',
    total: C('t4.cases', `${g}.total`),
    parts: ['upheld', 'corrected', 'other', 'pending'].map((o) => C('t4.cases', `${g}.${o}`)),
  }));
  return [...perColumn, ...perRow, ...appeals];
};

/**
 * Cells of the group labels （三）…（六）, which an earlier edition of the 2021 template gave cells
 * of their own: values stored there are kept and shown to the office until cleared.
 */
export const RETIRED_GROUP_CELLS: RetiredCell[] = (
  [
    ['t3.r3', '（三）不予公开', '(3) Not disclosed'],
    ['t3.r4', '（四）无法提供', '(4) Cannot be provided'],
    ['t3.r5', '（五）不予处理', '(5) Not processed'],
    ['t3.r6', '（六）其他处理', '(6) Other handling'],
  ] as const
).flatMap(([row, label, labelEn]) =>
  APPLICANT_COLUMNS.map((c) => ({ id: C(row, c.id), label: `${label} · ${c.label}`, labelEn: `${labelEn} · ${c.labelEn}` }))
);

/** The six parts of a report since 2019; the trial format words part 五 a little longer. */
export const sectionsSince2019 = (problems: string): TemplateSection[] => [
  { field: 'section1', title: '一、总体情况', titleEn: 'I. Overview' },
  { field: 'section2', title: '二、主动公开政府信息情况', titleEn: 'II. Proactive disclosure' },
  { field: 'section3', title: '三、收到和处理政府信息公开申请情况', titleEn: 'III. Requests received and handled' },
  { field: 'section4', title: '四、政府信息公开行政复议、行政诉讼情况', titleEn: 'IV. Reconsiderations and lawsuits' },
  { field: 'section5', title: problems, titleEn: 'V. Main problems and improvements' },
  { field: 'section6', title: '六、其他需要报告的事项', titleEn: 'VI. Other matters' },
];
