/** Content-type uids: a contract other modules, the admin panel and tests rely on. */
export const PLUGIN_ID = 'gov-disclosure';

export const UID = {
  organization: 'plugin::gov-disclosure.organization',
  column: 'plugin::gov-disclosure.column',
  catalogEntry: 'plugin::gov-disclosure.catalog-entry',
  annualReport: 'plugin::gov-disclosure.annual-report',
  workflowEvent: 'plugin::gov-disclosure.workflow-event',
  subjectCategory: 'plugin::gov-disclosure.subject-category',
  application: 'plugin::gov-disclosure.disclosure-application',
  applicationEvent: 'plugin::gov-disclosure.application-event',
  appealCase: 'plugin::gov-disclosure.appeal-case',
  workingCalendarYear: 'plugin::gov-disclosure.working-calendar-year',
  wordingRule: 'plugin::gov-disclosure.wording-rule',
} as const;

export type PluginUid = (typeof UID)[keyof typeof UID];

export const DEFAULT_LOCALE = 'zh-Hans';
export const LOCALES = ['zh-Hans', 'en'] as const;

/**
 * Enumerations are stored as ASCII keys (Strapi requires identifier-like enum values and they make
 * a stable API); the official Chinese wording lives here, next to an English label.
 */
type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const COLUMN_KINDS = ['list', 'page', 'link'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];
export const COLUMN_KIND_LABELS: Labels<ColumnKind> = {
  list: { zh: '列表栏目', en: 'List of items' },
  page: { zh: '单页栏目', en: 'Single page' },
  link: { zh: '外部链接', en: 'External link' },
};

/**
 * What a column is for: as the website inspection rules sort columns (国办秘函〔2019〕19号, 栏目不更新),
 * and the 信息公开制度 the portal's 政府信息公开 page links to.
 */
export const COLUMN_PURPOSES = ['news', 'notices', 'policy', 'rules', 'other'] as const;
export type ColumnPurpose = (typeof COLUMN_PURPOSES)[number];
export const COLUMN_PURPOSE_LABELS: Labels<ColumnPurpose> = {
  news: { zh: '动态要闻类', en: 'News and updates' },
  notices: { zh: '通知公告类', en: 'Notices and announcements' },
  policy: { zh: '政策文件类', en: 'Policy documents' },
  rules: { zh: '信息公开制度', en: 'Disclosure rules' },
  other: { zh: '其他', en: 'Other' },
};

export const WORDING_SEVERITIES = ['forbidden', 'check'] as const;
/** forbidden: must not be published; check: probably a mistake, for the editor to confirm. */
export type WordingSeverity = (typeof WORDING_SEVERITIES)[number];
/** 禁用: blocks publication unless the publisher overrides with a reason; 核对: a warning to look at. */
export const WORDING_SEVERITY_LABELS: Labels<WordingSeverity> = {
  forbidden: { zh: '禁用词（阻止发布）', en: 'Forbidden (blocks publication)' },
  check: { zh: '提示核对', en: 'Check (warns)' },
};

export const GENRES = [
  'notice',
  'announcement',
  'circular',
  'decision',
  'opinion',
  'measures',
  'provisions',
  'report',
  'reply',
  'letter',
  'minutes',
  'interpretation',
  'other',
] as const;
export type Genre = (typeof GENRES)[number];
export const GENRE_LABELS: Labels<Genre> = {
  notice: { zh: '通知', en: 'Notice' },
  announcement: { zh: '公告', en: 'Announcement' },
  circular: { zh: '通告', en: 'Circular' },
  decision: { zh: '决定', en: 'Decision' },
  opinion: { zh: '意见', en: 'Opinion' },
  measures: { zh: '办法', en: 'Measures' },
  provisions: { zh: '规定', en: 'Provisions' },
  report: { zh: '报告', en: 'Report' },
  reply: { zh: '批复', en: 'Official reply' },
  letter: { zh: '函', en: 'Letter' },
  minutes: { zh: '纪要', en: 'Minutes' },
  interpretation: { zh: '政策解读', en: 'Policy interpretation' },
  other: { zh: '其他', en: 'Other' },
};

export const DISCLOSURE_MODES = ['proactive', 'on_request', 'withheld'] as const;
export type DisclosureMode = (typeof DISCLOSURE_MODES)[number];
export const DISCLOSURE_MODE_LABELS: Labels<DisclosureMode> = {
  proactive: { zh: '主动公开', en: 'Proactive' },
  on_request: { zh: '依申请公开', en: 'On request' },
  withheld: { zh: '不予公开', en: 'Withheld' },
};

export const DISCLOSURE_SCOPES = ['public', 'specific'] as const;
export type DisclosureScope = (typeof DISCLOSURE_SCOPES)[number];
export const DISCLOSURE_SCOPE_LABELS: Labels<DisclosureScope> = {
  public: { zh: '面向社会', en: 'The public' },
  specific: { zh: '面向特定对象', en: 'Specific parties' },
};

export const DISCLOSURE_TERMS = ['long_term', 'time_limited'] as const;
export type DisclosureTerm = (typeof DISCLOSURE_TERMS)[number];
export const DISCLOSURE_TERM_LABELS: Labels<DisclosureTerm> = {
  long_term: { zh: '长期公开', en: 'Long term' },
  time_limited: { zh: '限时公开', en: 'Time limited' },
};

export const CHANNELS = ['gazette', 'website', 'weibo', 'wechat', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Labels<Channel> = {
  gazette: { zh: '政府公报', en: 'Government gazette' },
  website: { zh: '政府网站', en: 'Government website' },
  weibo: { zh: '政务微博', en: 'Government Weibo' },
  wechat: { zh: '政务微信', en: 'Government WeChat' },
  other: { zh: '其他', en: 'Other' },
};

export const DOCUMENT_KINDS = ['regulation', 'normative', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Labels<DocumentKind> = {
  regulation: { zh: '规章', en: 'Regulation' },
  normative: { zh: '行政规范性文件', en: 'Normative document' },
  other: { zh: '其他', en: 'Other' },
};

export const VALIDITIES = ['effective', 'expired', 'repealed'] as const;
export type Validity = (typeof VALIDITIES)[number];
export const VALIDITY_LABELS: Labels<Validity> = {
  effective: { zh: '有效', en: 'In force' },
  expired: { zh: '失效', en: 'Expired' },
  repealed: { zh: '废止', en: 'Repealed' },
};

export const REPORT_TEMPLATE_IDS = ['2008', '2019', '2021'] as const;
export type ReportTemplateId = (typeof REPORT_TEMPLATE_IDS)[number];
