import type { ReportTemplate, TemplateCheck, TemplateColumn, TemplateRow, TemplateTable } from './types';

/**
 * 政府信息公开工作年度报告格式 (国办公开办函〔2021〕30号). Tables 二, 三 and 四 with the
 * official wording; cell ids are `${row}:${column}`.
 */

const table2: TemplateTable = {
  id: 't2',
  title: '二、主动公开政府信息情况',
  titleEn: 'II. Proactive disclosure',
  columns: [
    { id: 'issued', label: '本年制发件数', labelEn: 'Issued this year', unit: '件' },
    { id: 'repealed', label: '本年废止件数', labelEn: 'Repealed this year', unit: '件' },
    { id: 'valid', label: '现行有效件数', labelEn: 'Currently in force', unit: '件' },
    { id: 'decisions', label: '本年处理决定数量', labelEn: 'Decisions this year', unit: '件' },
    { id: 'amount', label: '本年收费金额（单位：万元）', labelEn: 'Fees collected (10,000 yuan)', unit: '万元' },
  ],
  rows: [
    { id: 't2.20.1', label: '第二十条第（一）项', labelEn: 'Art. 20 (1)', level: 0, heading: true, onlyColumns: [] },
    { id: 't2.20.1.regulation', label: '规章', labelEn: 'Regulations', level: 1, onlyColumns: ['issued', 'repealed', 'valid'] },
    { id: 't2.20.1.normative', label: '行政规范性文件', labelEn: 'Normative documents', level: 1, onlyColumns: ['issued', 'repealed', 'valid'] },
    { id: 't2.20.5', label: '第二十条第（五）项', labelEn: 'Art. 20 (5)', level: 0, heading: true, onlyColumns: [] },
    { id: 't2.20.5.licensing', label: '行政许可', labelEn: 'Administrative licensing', level: 1, onlyColumns: ['decisions'] },
    { id: 't2.20.6', label: '第二十条第（六）项', labelEn: 'Art. 20 (6)', level: 0, heading: true, onlyColumns: [] },
    { id: 't2.20.6.penalty', label: '行政处罚', labelEn: 'Administrative penalties', level: 1, onlyColumns: ['decisions'] },
    { id: 't2.20.6.enforcement', label: '行政强制', labelEn: 'Administrative enforcement', level: 1, onlyColumns: ['decisions'] },
    { id: 't2.20.8', label: '第二十条第（八）项', labelEn: 'Art. 20 (8)', level: 0, heading: true, onlyColumns: [] },
    { id: 't2.20.8.fees', label: '行政事业性收费', labelEn: 'Administrative fees', level: 1, onlyColumns: ['amount'] },
  ],
};

const applicantColumns: TemplateColumn[] = [
  { id: 'natural', label: '自然人', labelEn: 'Natural persons', unit: '件' },
  { id: 'commercial', label: '商业企业', labelEn: 'Businesses', group: '法人或其他组织', groupEn: 'Legal persons or other organisations', unit: '件' },
  { id: 'research', label: '科研机构', labelEn: 'Research institutions', group: '法人或其他组织', groupEn: 'Legal persons or other organisations', unit: '件' },
  { id: 'social', label: '社会公益组织', labelEn: 'Public-interest organisations', group: '法人或其他组织', groupEn: 'Legal persons or other organisations', unit: '件' },
  { id: 'legal', label: '法律服务机构', labelEn: 'Legal service providers', group: '法人或其他组织', groupEn: 'Legal persons or other organisations', unit: '件' },
  { id: 'other', label: '其他', labelEn: 'Others', group: '法人或其他组织', groupEn: 'Legal persons or other organisations', unit: '件' },
  { id: 'total', label: '总计', labelEn: 'Total', unit: '件' },
];

const groupRows = (id: string, label: string, labelEn: string, parts: Array<[string, string]>): TemplateRow[] => [
  { id, label, labelEn, level: 2 },
  ...parts.map(([l, e], i) => ({ id: `${id}.${i + 1}`, label: `${i + 1}.${l}`, labelEn: `${i + 1}. ${e}`, level: 3 })),
];

const table3Rows: TemplateRow[] = [
  { id: 't3.new', label: '一、本年新收政府信息公开申请数量', labelEn: 'I. New requests this year', level: 0 },
  { id: 't3.carried', label: '二、上年结转政府信息公开申请数量', labelEn: 'II. Carried over from last year', level: 0 },
  { id: 't3.result', label: '三、本年度办理结果', labelEn: 'III. Outcomes this year', level: 0, heading: true, omitColumns: applicantColumns.map((c) => c.id) },
  { id: 't3.r1', label: '（一）予以公开', labelEn: '(1) Disclosed', level: 1 },
  { id: 't3.r2', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', labelEn: '(2) Partly disclosed (counted here only)', level: 1 },
  { id: 't3.r3', label: '（三）不予公开', labelEn: '(3) Not disclosed', level: 1 },
  ...groupRows('t3.r3', '', '', [
    ['属于国家秘密', 'State secret'],
    ['其他法律行政法规禁止公开', 'Barred by other laws'],
    ['危及“三安全一稳定”', 'Endangers the "three securities and one stability"'],
    ['保护第三方合法权益', 'Protects third-party rights'],
    ['属于三类内部事务信息', 'Internal affairs (three kinds)'],
    ['属于四类过程性信息', 'Process information (four kinds)'],
    ['属于行政执法案卷', 'Enforcement case files'],
    ['属于行政查询事项', 'Administrative inquiry matters'],
  ]).slice(1),
  { id: 't3.r4', label: '（四）无法提供', labelEn: '(4) Cannot be provided', level: 1 },
  ...groupRows('t3.r4', '', '', [
    ['本机关不掌握相关政府信息', 'Not held by this body'],
    ['没有现成信息需要另行制作', 'Would have to be created'],
    ['补正后申请内容仍不明确', 'Still unclear after amendment'],
  ]).slice(1),
  { id: 't3.r5', label: '（五）不予处理', labelEn: '(5) Not processed', level: 1 },
  ...groupRows('t3.r5', '', '', [
    ['信访举报投诉类申请', 'Petitions, reports, complaints'],
    ['重复申请', 'Repeated request'],
    ['要求提供公开出版物', 'Asks for published material'],
    ['无正当理由大量反复申请', 'Mass repeated requests without good reason'],
    ['要求行政机关确认或重新出具已获取信息', 'Asks to confirm or reissue information already obtained'],
  ]).slice(1),
  { id: 't3.r6', label: '（六）其他处理', labelEn: '(6) Other handling', level: 1 },
  ...groupRows('t3.r6', '', '', [
    ['申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'Applicant did not amend in time; request closed'],
    ['申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'Applicant did not pay the fee in time; request closed'],
    ['其他', 'Other'],
  ]).slice(1),
  { id: 't3.r7', label: '（七）总计', labelEn: '(7) Total', level: 1 },
  { id: 't3.next', label: '四、结转下年度继续办理', labelEn: 'IV. Carried over to next year', level: 0 },
];

const table3: TemplateTable = {
  id: 't3',
  title: '三、收到和处理政府信息公开申请情况',
  titleEn: 'III. Requests received and handled',
  columns: applicantColumns,
  rows: table3Rows,
};

const outcomeColumns = (prefix: string, group: string, groupEn: string): TemplateColumn[] =>
  [
    ['upheld', '结果维持', 'Upheld'],
    ['corrected', '结果纠正', 'Corrected'],
    ['other', '其他结果', 'Other outcome'],
    ['pending', '尚未审结', 'Pending'],
    ['total', '总计', 'Total'],
  ].map(([id, label, labelEn]) => ({ id: `${prefix}.${id}`, label, labelEn, group, groupEn, unit: '件' as const }));

const table4: TemplateTable = {
  id: 't4',
  title: '四、政府信息公开行政复议、行政诉讼情况',
  titleEn: 'IV. Reconsiderations and lawsuits',
  columns: [
    ...outcomeColumns('review', '行政复议', 'Administrative reconsideration'),
    ...outcomeColumns('direct', '行政诉讼：未经复议直接起诉', 'Lawsuit filed directly'),
    ...outcomeColumns('after', '行政诉讼：复议后起诉', 'Lawsuit after reconsideration'),
  ],
  rows: [{ id: 't4.cases', label: '件数', labelEn: 'Cases', level: 0 }],
};

const C = (row: string, col: string) => `${row}:${col}`;
const partIds = (row: string, n: number) => Array.from({ length: n }, (_, i) => `${row}.${i + 1}`);

const table3Checks: TemplateCheck[] = applicantColumns.flatMap((col) => [
  { id: `balance:${col.id}`, kind: 'equation' as const, left: [C('t3.new', col.id), C('t3.carried', col.id)], right: [C('t3.r7', col.id), C('t3.next', col.id)] },
  { id: `sum:t3.r7:${col.id}`, kind: 'sum' as const, total: C('t3.r7', col.id), parts: ['t3.r1', 't3.r2', 't3.r3', 't3.r4', 't3.r5', 't3.r6'].map((r) => C(r, col.id)) },
  ...([['t3.r3', 8], ['t3.r4', 3], ['t3.r5', 5], ['t3.r6', 3]] as const).map(([row, n]) => ({
    id: `sum:${row}:${col.id}`, kind: 'sum' as const, total: C(row, col.id), parts: partIds(row, n).map((r) => C(r, col.id)),
  })),
]);

const totalColumnChecks: TemplateCheck[] = table3Rows
  .filter((r) => !r.heading)
  .map((r) => ({
    id: `row-total:${r.id}`, kind: 'sum' as const, total: C(r.id, 'total'),
    parts: applicantColumns.filter((c) => c.id !== 'total').map((c) => C(r.id, c.id)),
  }));

const table4Checks: TemplateCheck[] = ['review', 'direct', 'after'].map((g) => ({
  id: `sum:t4:${g}`, kind: 'sum' as const, total: C('t4.cases', `${g}.total`),
  parts: ['upheld', 'corrected', 'other', 'pending'].map((o) => C('t4.cases', `${g}.${o}`)),
}));

export const TEMPLATE_2021: ReportTemplate = {
  id: '2021',
  title: '政府信息公开工作年度报告（2021年格式）',
  titleEn: 'Annual report on government information disclosure (2021 format)',
  basis: '国办公开办函〔2021〕30号',
  sections: [
    { field: 'section1', title: '一、总体情况', titleEn: 'I. Overview' },
    { field: 'section2', title: '二、主动公开政府信息情况', titleEn: 'II. Proactive disclosure' },
    { field: 'section3', title: '三、收到和处理政府信息公开申请情况', titleEn: 'III. Requests received and handled' },
    { field: 'section4', title: '四、政府信息公开行政复议、行政诉讼情况', titleEn: 'IV. Reconsiderations and lawsuits' },
    { field: 'section5', title: '五、存在的主要问题及改进情况', titleEn: 'V. Main problems and improvements' },
    { field: 'section6', title: '六、其他需要报告的事项', titleEn: 'VI. Other matters' },
  ],
  tables: [table2, table3, table4],
  checks: [...table3Checks, ...totalColumnChecks, ...table4Checks],
};
