import type { ReportTemplate, TemplateCheck, TemplateRow } from './types';

/**
 * 政府信息公开情况统计表, the 2008-era form (as filed in the seed, 温州市质量技术监督局 2018).
 * Labels are the form's own wording; rows with unit —— are headings.
 */
const rows: TemplateRow[] = [
  { id: '1', label: '一、主动公开情况', labelEn: 'I. Proactive disclosure', level: 0, heading: true },
  {
    id: '1.1',
    label: '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）',
    labelEn: '(1) Government information proactively disclosed (the same item on several channels counts once)',
    level: 1,
    unit: '条',
  },
  { id: '1.1.a', label: '其中：主动公开规范性文件数', labelEn: 'of which: normative documents disclosed', level: 2, unit: '条' },
  { id: '1.1.b', label: '制发规范性文件总数', labelEn: 'normative documents issued', level: 2, unit: '件' },
  // Printed with —— on the form, yet filled by agencies as the total of its five channels (all 条).
  { id: '1.2', label: '（二）通过不同渠道和方式公开政府信息的情况', labelEn: '(2) Disclosure by channel', level: 1, heading: true, totalOfParts: true },
  { id: '1.2.1', label: '1.政府公报公开政府信息数', labelEn: '1. via the government gazette', level: 2, unit: '条' },
  { id: '1.2.2', label: '2.政府网站公开政府信息数', labelEn: '2. via the government website', level: 2, unit: '条' },
  { id: '1.2.3', label: '3.政务微博公开政府信息数', labelEn: '3. via government Weibo', level: 2, unit: '条' },
  { id: '1.2.4', label: '4.政务微信公开政府信息数', labelEn: '4. via government WeChat', level: 2, unit: '条' },
  { id: '1.2.5', label: '5.其他方式公开政府信息数', labelEn: '5. via other channels', level: 2, unit: '条' },
  { id: '2', label: '二、回应解读情况', labelEn: 'II. Responses and interpretation', level: 0, heading: true },
  {
    id: '2.1',
    label: '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）',
    labelEn: '(1) Responses to public concerns (one per concern)',
    level: 1,
    unit: '次',
  },
  { id: '2.2', label: '（二）通过不同渠道和方式回应解读的情况', labelEn: '(2) Responses by channel', level: 1, heading: true },
  { id: '2.2.1', label: '1.参加或举办新闻发布会总次数', labelEn: '1. press conferences held or attended', level: 2, unit: '次' },
  { id: '2.2.1.a', label: '其中：主要负责同志参加新闻发布会次数', labelEn: 'of which: attended by the head of the body', level: 3, unit: '次' },
  { id: '2.2.2', label: '2.政府网站在线访谈次数', labelEn: '2. online interviews on the government website', level: 2, unit: '次' },
  { id: '2.2.2.a', label: '其中：主要负责同志参加政府网站在线访谈次数', labelEn: 'of which: with the head of the body', level: 3, unit: '次' },
  { id: '2.2.3', label: '3.政策解读稿件发布数', labelEn: '3. policy interpretations published', level: 2, unit: '篇' },
  { id: '2.2.4', label: '4.微博微信回应事件数', labelEn: '4. responses on Weibo and WeChat', level: 2, unit: '次' },
  { id: '2.2.5', label: '5.其他方式回应事件数', labelEn: '5. responses by other means', level: 2, unit: '次' },
  { id: '3', label: '三、依申请公开情况', labelEn: 'III. Disclosure on request', level: 0, heading: true },
  { id: '3.1', label: '（一）收到申请数', labelEn: '(1) Requests received', level: 1, unit: '件' },
  { id: '3.1.1', label: '1.当面申请数', labelEn: '1. in person', level: 2, unit: '件' },
  { id: '3.1.2', label: '2.传真申请数', labelEn: '2. by fax', level: 2, unit: '件' },
  { id: '3.1.3', label: '3.网络申请数', labelEn: '3. online', level: 2, unit: '件' },
  { id: '3.1.4', label: '4.信函申请数', labelEn: '4. by letter', level: 2, unit: '件' },
  { id: '3.2', label: '（二）申请办结数', labelEn: '(2) Requests concluded', level: 1, unit: '件' },
  { id: '3.2.1', label: '1.按时办结数', labelEn: '1. on time', level: 2, unit: '件' },
  { id: '3.2.2', label: '2.延期办结数', labelEn: '2. after extension', level: 2, unit: '件' },
  { id: '3.3', label: '（三）申请答复数', labelEn: '(3) Replies given', level: 1, unit: '件' },
  { id: '3.3.1', label: '1.属于已主动公开范围数', labelEn: '1. already proactively disclosed', level: 2, unit: '件' },
  { id: '3.3.2', label: '2.同意公开答复数', labelEn: '2. disclosure granted', level: 2, unit: '件' },
  { id: '3.3.3', label: '3.同意部分公开答复数', labelEn: '3. partly granted', level: 2, unit: '件' },
  { id: '3.3.4', label: '4.不同意公开答复数', labelEn: '4. refused', level: 2, unit: '件' },
  { id: '3.3.4.a', label: '其中：涉及国家秘密', labelEn: 'of which: state secrets', level: 3, unit: '件' },
  { id: '3.3.4.b', label: '涉及商业秘密', labelEn: 'trade secrets', level: 3, unit: '件' },
  { id: '3.3.4.c', label: '涉及个人隐私', labelEn: 'personal privacy', level: 3, unit: '件' },
  {
    id: '3.3.4.d',
    label: '危及国家安全、公共安全、经济安全和社会稳定',
    labelEn: 'endangers national, public or economic security or social stability',
    level: 3,
    unit: '件',
  },
  { id: '3.3.4.e', label: '不是《条例》所指政府信息', labelEn: 'not government information under the Regulation', level: 3, unit: '件' },
  { id: '3.3.4.f', label: '法律法规规定的其他情形', labelEn: 'other cases set by law', level: 3, unit: '件' },
  { id: '3.3.5', label: '5.不属于本行政机关公开数', labelEn: '5. not held by this body', level: 2, unit: '件' },
  { id: '3.3.6', label: '6.申请信息不存在数', labelEn: '6. information does not exist', level: 2, unit: '件' },
  { id: '3.3.7', label: '7.告知作出更改补充数', labelEn: '7. asked to amend the request', level: 2, unit: '件' },
  { id: '3.3.8', label: '8.告知通过其他途径办理数', labelEn: '8. referred to other procedures', level: 2, unit: '件' },
  { id: '4', label: '四、行政复议数量', labelEn: 'IV. Administrative reconsiderations', level: 0, unit: '件' },
  { id: '4.1', label: '（一）维持具体行政行为数', labelEn: '(1) decision upheld', level: 1, unit: '件' },
  { id: '4.2', label: '（二）被依法纠错数', labelEn: '(2) decision corrected', level: 1, unit: '件' },
  { id: '4.3', label: '（三）其他情形数', labelEn: '(3) other outcomes', level: 1, unit: '件' },
  { id: '5', label: '五、行政诉讼数量', labelEn: 'V. Administrative lawsuits', level: 0, unit: '件' },
  { id: '5.1', label: '（一）维持具体行政行为或者驳回原告诉讼请求数', labelEn: '(1) decision upheld or claim dismissed', level: 1, unit: '件' },
  { id: '5.2', label: '（二）被依法纠错数', labelEn: '(2) decision corrected', level: 1, unit: '件' },
  { id: '5.3', label: '（三）其他情形数', labelEn: '(3) other outcomes', level: 1, unit: '件' },
  { id: '6', label: '六、举报投诉数量', labelEn: 'VI. Complaints', level: 0, unit: '件' },
  { id: '7', label: '七、机构建设和保障经费情况', labelEn: 'VII. Organisation and funding', level: 0, heading: true },
  { id: '7.1', label: '（一）政府信息公开工作专门机构数', labelEn: '(1) dedicated disclosure offices', level: 1, unit: '个' },
  { id: '7.2', label: '（二）设置政府信息公开查阅点数', labelEn: '(2) public reading points', level: 1, unit: '个' },
  { id: '7.3', label: '（三）从事政府信息公开工作人员数', labelEn: '(3) staff working on disclosure', level: 1, unit: '人' },
  {
    id: '7.3.1',
    label: '1.专职人员数（不包括政府公报及政府网站工作人员数）',
    labelEn: '1. full-time (excluding gazette and website staff)',
    level: 2,
    unit: '人',
  },
  { id: '7.3.2', label: '2.兼职人员数', labelEn: '2. part-time', level: 2, unit: '人' },
  {
    id: '7.4',
    label: '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）',
    labelEn: '(4) dedicated funding (excluding gazette and website costs)',
    level: 1,
    unit: '万元',
  },
  { id: '8', label: '八、政府信息公开会议和培训情况', labelEn: 'VIII. Meetings and training', level: 0, heading: true },
  { id: '8.1', label: '（一）召开政府信息公开工作会议或专题会议数', labelEn: '(1) disclosure meetings held', level: 1, unit: '次' },
  { id: '8.2', label: '（二）举办各类培训班数', labelEn: '(2) training courses held', level: 1, unit: '次' },
  { id: '8.3', label: '（三）接受培训人员数', labelEn: '(3) people trained', level: 1, unit: '人次' },
];

const sum = (total: string, parts: string[]): TemplateCheck => ({ id: `sum:${total}`, kind: 'sum', total, parts });
const range = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}.${i + 1}`);

const checks: TemplateCheck[] = [
  ...rows.filter((r) => r.heading && !r.totalOfParts).map((r): TemplateCheck => ({ id: `heading:${r.id}`, kind: 'heading-blank', row: r.id, cell: r.id })),
  sum('1.2', range('1.2', 5)),
  sum('3.1', range('3.1', 4)),
  sum('3.2', range('3.2', 2)),
  sum('3.3', range('3.3', 8)),
  sum(
    '3.3.4',
    ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => `3.3.4.${x}`)
  ),
  sum('4', range('4', 3)),
  sum('5', range('5', 3)),
  sum('7.3', range('7.3', 2)),
  // "其中" rows are part of the row above them. Replies and conclusions are not limited by the
  // requests received: a request received in December is often answered in January.
  { id: 'limit:1.1.a', kind: 'not-more-than', cell: '1.1.a', limit: ['1.1'] },
  { id: 'limit:2.2.1.a', kind: 'not-more-than', cell: '2.2.1.a', limit: ['2.2.1'] },
  { id: 'limit:2.2.2.a', kind: 'not-more-than', cell: '2.2.2.a', limit: ['2.2.2'] },
];

export const TEMPLATE_2008: ReportTemplate = {
  id: '2008',
  title: '政府信息公开情况统计表（2008年版）',
  titleEn: 'Government information disclosure statistics (2008 format)',
  basis: '《中华人民共和国政府信息公开条例》（国务院令第492号）',
  sections: [
    { field: 'section1', title: '一、基本概况概述', titleEn: 'I. Overview' },
    { field: 'section2', title: '二、主动公开政府信息情况', titleEn: 'II. Proactive disclosure' },
    { field: 'section3', title: '三、依申请公开政府信息和不予公开政府信息的情况', titleEn: 'III. Disclosure on request and information withheld' },
    { field: 'section4', title: '四、政府信息公开的收费及减免情况', titleEn: 'IV. Fees and waivers' },
    { field: 'section5', title: '五、因政府信息公开申请行政复议、提起行政诉讼的情况', titleEn: 'V. Reconsiderations and lawsuits' },
    { field: 'section6', title: '六、政府信息公开工作存在的主要问题及改进情况', titleEn: 'VI. Main problems and improvements' },
  ],
  tables: [
    {
      id: 'statistics',
      title: '政府信息公开情况统计表',
      titleEn: 'Disclosure statistics',
      corner: { label: '统计指标', labelEn: 'Indicator' },
      unitColumn: { label: '单位', labelEn: 'Unit' },
      columns: [{ id: 'count', label: '统计数', labelEn: 'Count' }],
      rows,
    },
  ],
  checks,
};
