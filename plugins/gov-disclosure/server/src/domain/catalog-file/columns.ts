/** The file's columns: the headers Chinese portals use, their aliases, and which field each fills. */
import type { CatalogImportIssue } from '../../../../shared/types';

/** A file column: its header, the other names legacy files use for it, and the entry field it fills. */
export interface FileColumn {
  header: string;
  aliases: string[];
  field: string;
  required?: boolean;
}

// Headers as on Chinese portals; the last block is this product's additions, needed for a lossless
// round trip (a 废止 entry has a 废止日期, 不予公开 its reason, a 规范性文件 its kind for the
// statistics, an entry for specific parties its scope so it never turns public on re-import).
export const CATALOG_FILE_COLUMNS: FileColumn[] = [
  { header: '索引号', aliases: [], field: 'indexNumber' },
  { header: '名称', aliases: ['标题', '信息名称', '文件名称'], field: 'title', required: true },
  { header: '发布机构', aliases: ['发文机关', '发布单位'], field: 'organization' },
  { header: '成文日期', aliases: [], field: 'writtenDate' },
  { header: '发布日期', aliases: ['公开日期', '生成日期'], field: 'publishedDate', required: true },
  { header: '文号', aliases: ['发文字号'], field: 'documentNumber' },
  { header: '主题分类', aliases: [], field: 'subjectCategory' },
  { header: '体裁分类', aliases: ['体裁'], field: 'genre' },
  { header: '有效性', aliases: [], field: 'validity' },
  { header: '公开方式', aliases: [], field: 'disclosureMode' },
  { header: '关键词', aliases: ['主题词'], field: 'keywords' },
  { header: '内容', aliases: ['正文'], field: 'body' },
  { header: '栏目', aliases: [], field: 'columns' },
  { header: '废止日期', aliases: [], field: 'repealedDate' },
  { header: '不予公开理由', aliases: ['不公开理由'], field: 'withholdReason' },
  { header: '解读对象', aliases: ['解读的文件'], field: 'interprets' },
  { header: '内容概述', aliases: ['摘要'], field: 'summary' },
  { header: '生效日期', aliases: [], field: 'effectiveDate' },
  { header: '公开范围', aliases: [], field: 'disclosureScope' },
  { header: '公开时限', aliases: [], field: 'disclosureTerm' },
  { header: '公开渠道', aliases: [], field: 'channels' },
  { header: '文件类别', aliases: ['文件类型'], field: 'documentKind' },
];

export const CATALOG_FILE_HEADERS = CATALOG_FILE_COLUMNS.map((c) => c.header);

/** Which file column holds each field: by header or alias; unknown headers are reported, not fatal. */
export const mapHeaders = (headers: string[]): { byField: Map<string, number>; issues: CatalogImportIssue[] } => {
  const byField = new Map<string, number>();
  const issues: CatalogImportIssue[] = [];
  headers.forEach((raw, index) => {
    const header = String(raw ?? '')
      .replace(/^\uFEFF/, '')
      .trim();
    if (!header) return;
    const column = CATALOG_FILE_COLUMNS.find((c) => c.header === header || c.aliases.includes(header));
    if (!column) {
      issues.push({
        row: 1,
        column: header,
        message: `unknown column "${header}" is ignored; known columns: ${CATALOG_FILE_HEADERS.join(', ')}`,
        severity: 'warning',
      });
    } else if (byField.has(column.field)) {
      issues.push({ row: 1, column: header, message: `column ${column.header} appears twice`, severity: 'error' });
    } else byField.set(column.field, index);
  });
  for (const column of CATALOG_FILE_COLUMNS.filter((c) => c.required && !byField.has(c.field))) {
    issues.push({
      row: 1,
      column: column.header,
      message: `the file has no ${column.header} column (${[column.header, ...column.aliases].join(' / ')})`,
      severity: 'error',
    });
  }
  return { byField, issues };
};
