import type { Core } from '@strapi/strapi';
import { UID } from '../../../shared/constants';

/**
 * Content Manager layouts of the plugin's types, set once per type (an administrator's later
 * changes in "Configure the view" are kept): fields named in Chinese and English, the workflow
 * state as a list column, never as a form field, and 索引号 read-only.
 */
const LIST_COLUMNS: Record<string, string[]> = {
  [UID.catalogEntry]: ['id', 'title', 'workflowState', 'indexNumber', 'publishedDate'],
  [UID.annualReport]: ['id', 'title', 'workflowState', 'year', 'template'],
  [UID.column]: ['id', 'name', 'kind', 'purpose', 'updateLimitDays', 'sortOrder'],
  [UID.organization]: ['id', 'name', 'shortName', 'code'],
  [UID.wordingRule]: ['id', 'phrase', 'severity', 'suggestion', 'note'],
};

/** Field labels as a clerk reads them: the official Chinese term, then English. */
const LABELS: Record<string, Record<string, string>> = {
  [UID.catalogEntry]: {
    title: '名称 Title',
    summary: '内容概述 Summary',
    body: '正文 Body (Markdown)',
    keywords: '主题词 Keywords',
    slug: '网址标识 Slug',
    indexNumber: '索引号 Index number',
    organization: '发布机构 Organization',
    columns: '栏目 Columns',
    subjectCategory: '主题分类 Subject',
    genre: '体裁分类 Genre',
    documentNumber: '文号 Document number',
    writtenDate: '成文日期 Date written',
    publishedDate: '发布日期 Date published',
    validity: '有效性 Validity',
    effectiveDate: '生效日期 Effective',
    repealedDate: '废止日期 Repealed',
    expiryDate: '有效期至 Valid until',
    disclosureMode: '公开方式 Disclosure mode',
    withholdReason: '不公开理由 Reason withheld',
    disclosureScope: '公开范围 Scope',
    disclosureTerm: '公开时限 Term',
    channels: '公开渠道 Channels',
    documentKind: '文件类型 Document kind',
    interprets: '解读的文件 Interprets',
    interpretations: '政策解读 Interpretations',
    attachments: '附件 Attachments',
    workflowState: '审核状态 State',
  },
  [UID.annualReport]: {
    title: '标题 Title',
    organization: '发布机构 Organization',
    year: '年度 Year',
    template: '报告格式 Form',
    preface: '前言 Preface',
    section1: '第一部分 Section 1',
    section2: '第二部分 Section 2',
    section3: '第三部分 Section 3',
    section4: '第四部分 Section 4',
    section5: '第五部分 Section 5',
    section6: '第六部分 Section 6',
    statistics: '统计表 Statistics',
    attachments: '附件 Attachments',
    workflowState: '审核状态 State',
  },
  [UID.column]: {
    name: '栏目名称 Name',
    slug: '网址标识 Slug',
    parent: '上级栏目 Parent',
    children: '下级栏目 Sub-columns',
    sortOrder: '排序号 Order',
    kind: '栏目类型 Kind',
    linkUrl: '链接地址 Link',
    description: '栏目说明 Description',
    organization: '发布机构 Organization',
    administrators: '栏目管理员 Administrators',
    reviewers: '审核人 Reviewers',
    purpose: '栏目用途 Purpose',
    updateLimitDays: '更新期限（天）Update limit (days)',
    showInNav: '显示在导航中 In navigation',
  },
  [UID.organization]: {
    name: '机构名称 Name',
    shortName: '简称 Short name',
    slug: '网址标识 Slug',
    code: '统一社会信用代码 Code',
    codeIsPlaceholder: '代码为占位值 Placeholder code',
    indexNumberPattern: '索引号格式 Index number pattern',
    sponsor: '主办单位 Sponsor',
    operator: '承办单位 Operator',
    contact: '联系方式 Contact',
    websiteCode: '网站标识码 Website code',
    icpNumber: 'ICP 备案号 ICP record',
    publicSecurityNumber: '公安机关备案号 Public-security record',
    partyGovernmentUrl: '党政机关标识链接 Party-government identifier link',
  },
  [UID.wordingRule]: {
    phrase: '词语 Phrase',
    severity: '类别 Severity',
    suggestion: '建议用语 Suggestion',
    note: '说明 Note',
  },
};

interface Metadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}
interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
}
interface ContentTypesService {
  findConfiguration(ct: { uid: string }): Promise<Configuration>;
  updateConfiguration(ct: { uid: string }, configuration: Configuration): Promise<unknown>;
}

const adminLayout = ({ strapi }: { strapi: Core.Strapi }) => ({
  async configureOnce(): Promise<void> {
    const store = strapi.store({ type: 'plugin', name: 'gov-disclosure' });
    const done = ((await store.get({ key: 'cm-layouts-configured' })) as string[] | null) ?? [];
    const service = strapi.plugin('content-manager').service('content-types') as ContentTypesService;
    for (const [uid, list] of Object.entries(LIST_COLUMNS)) {
      if (done.includes(uid)) continue;
      // eslint-disable-next-line no-await-in-loop -- four content types
      const config = await service.findConfiguration({ uid });
      const metadatas = { ...config.metadatas };
      if (metadatas.workflowState) {
        metadatas.workflowState = {
          edit: { ...metadatas.workflowState.edit, visible: false, editable: false },
          list: { ...metadatas.workflowState.list, label: LABELS[uid].workflowState, searchable: true, sortable: true },
        };
      }
      for (const [field, label] of Object.entries(LABELS[uid] ?? {})) {
        if (metadatas[field]) metadatas[field] = { edit: { ...metadatas[field].edit, label }, list: { ...metadatas[field].list, label } };
      }
      if (metadatas.indexNumber) metadatas.indexNumber = { ...metadatas.indexNumber, edit: { ...metadatas.indexNumber.edit, editable: false } };
      const edit = config.layouts.edit.map((row) => row.filter((f) => f.name !== 'workflowState')).filter((row) => row.length > 0);
      // eslint-disable-next-line no-await-in-loop
      await service.updateConfiguration(
        { uid },
        { ...config, metadatas, layouts: { ...config.layouts, list: list.filter((f) => f === 'id' || f in metadatas), edit } }
      );
      done.push(uid);
    }
    await store.set({ key: 'cm-layouts-configured', value: done });
  },
});

export default adminLayout;
