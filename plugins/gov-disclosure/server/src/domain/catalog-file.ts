/**
 * The legacy catalog file, as Chinese portals export it: one row per entry under headers such as
 * 索引号, 名称, 发布日期. Reading a row into entry values and checking it is pure, so the dry run,
 * the real import, the admin panel and the tests all judge a row the same way.
 */
import {
  CHANNEL_LABELS,
  DISCLOSURE_MODE_LABELS,
  DISCLOSURE_SCOPE_LABELS,
  DISCLOSURE_TERM_LABELS,
  DOCUMENT_KIND_LABELS,
  GENRE_LABELS,
  VALIDITY_LABELS,
  type Channel,
  type DisclosureMode,
  type DisclosureScope,
  type DisclosureTerm,
  type DocumentKind,
  type Genre,
  type Validity,
} from '../../../shared/constants';
import { documentNumberProblem, normalizeDocumentNumber } from '../../../shared/domain/document-number';
import { parseIndexNumber } from '../../../shared/domain/index-number-pattern';
import type { CatalogImportIssue } from '../../../shared/types';
import { catalogEntryIssues, interpretationLinkProblems } from './content-rules';
import entrySchema from '../content-types/catalog-entry/schema.json';

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

/** What a row is checked against: the organization imported into, and the lists it may name. */
export interface ImportContext {
  organization: { name: string; code: string; indexNumberPattern: string };
  /** A 主题分类 by code, name or "top/leaf" name; null where the text names none or an inner node. */
  resolveSubject: (text: string) => { id: number; code: string } | { problem: string };
  /** A column by name or slug. */
  resolveColumn: (text: string) => { id: number } | null;
}

/** Entry fields a file row holds as they are stored, the same on the way in and out. */
export interface StoredAsIs {
  title: string;
  writtenDate: string | null;
  documentNumber: string | null;
  genre: Genre;
  validity: Validity;
  disclosureMode: DisclosureMode;
  keywords: string | null;
  body: string | null;
  repealedDate: string | null;
  withholdReason: string | null;
  summary: string | null;
  effectiveDate: string | null;
  disclosureScope: DisclosureScope;
  disclosureTerm: DisclosureTerm;
  /** null where the file has no 公开渠道 for the row: unknown, not "none". */
  channels: Channel[] | null;
  documentKind: DocumentKind;
}

export interface ImportRow {
  /** 1-based line in the file, the header being row 1. */
  row: number;
  values: StoredAsIs & {
    indexNumber: string | null;
    publishedDate: string;
    subjectCategoryId: number | null;
    columnIds: number[];
    /** 索引号 or 文号 (brackets normalized) of the policies an interpretation explains. */
    interprets: string[];
  };
}

// A CSV cell starting with one of these is a formula to Excel; the export quotes it with a leading
// apostrophe (OWASP's advice against CSV injection) and the import takes that apostrophe off again.
const FORMULA_START = /^[=+\-@\t\r]/;
export const guardFormula = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);
const unguardFormula = (cell: string): string => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);

const text = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return unguardFormula(String(v)).trim();
};

const pad = (n: string) => n.padStart(2, '0');

/** YYYY-MM-DD from the ways legacy files write a date (2018-3-5, 2018/03/05, 2018年3月5日, 20180305). */
export const parseLegacyDate = (raw: string): string | null => {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(raw) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  if (!m) return null;
  const iso = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
};

const byLabel = <K extends string>(labels: Record<K, { zh: string; en: string }>, raw: string): K | null => {
  const entry = (Object.entries(labels) as Array<[K, { zh: string; en: string }]>).find(
    ([key, l]) => l.zh === raw || l.en.toLowerCase() === raw.toLowerCase() || key === raw
  );
  return entry ? entry[0] : null;
};

const labelList = (labels: Record<string, { zh: string }>) =>
  Object.values(labels)
    .map((l) => l.zh)
    .join('、');

/** A cell holding several values (栏目, 解读对象), separated as people write lists. */
const LIST_SEPARATORS = /[;；、,，|\n]+/;
const splitList = (cell: string): string[] =>
  cell
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);

/** Whether a name would be cut in two in a list cell (the export writes such a column by its slug). */
export const hasListSeparator = (name: string): boolean => LIST_SEPARATORS.test(name);

/** The text cells checked for length, with the content type's own limits. */
const ATTRIBUTES = entrySchema.attributes as Record<string, { maxLength?: number }>;
const MAX_LENGTH = Object.fromEntries(
  ['title', 'keywords', 'documentNumber', 'withholdReason', 'indexNumber', 'summary'].map((f) => [f, ATTRIBUTES[f].maxLength!])
);

/** A 解读对象 as stored: a 文号 with its year's brackets normalized, or a 索引号 as written. */
const interpretedRef = (ref: string): string => normalizeDocumentNumber(ref);

/** What another row's 解读对象 may call this row by, read even from a row that is refused. */
export const rowReferences = (cells: unknown[], byField: Map<string, number>): string[] =>
  (['indexNumber', 'documentNumber'] as const)
    .map((field) => (byField.has(field) ? text(cells[byField.get(field)!]) : ''))
    .filter(Boolean)
    .map(interpretedRef);

/** Reads one data row into entry values and everything wrong with it (row, column, message). */
export const readRow = (
  cells: unknown[],
  rowNumber: number,
  byField: Map<string, number>,
  context: ImportContext
): { row: ImportRow | null; issues: CatalogImportIssue[] } => {
  const issues: CatalogImportIssue[] = [];
  const headerOf = (field: string) => CATALOG_FILE_COLUMNS.find((c) => c.field === field)!.header;
  const fail = (field: string, message: string) => issues.push({ row: rowNumber, column: headerOf(field), message, severity: 'error' });
  const get = (field: string) => (byField.has(field) ? text(cells[byField.get(field)!]) : '');

  for (const [field, max] of Object.entries(MAX_LENGTH)) {
    if (Array.from(get(field)).length > max) fail(field, `is longer than ${max} characters`);
  }

  const title = get('title');
  if (!title) fail('title', '名称 is required');

  const indexNumber = get('indexNumber') || null;
  if (indexNumber) {
    const parsed = parseIndexNumber(context.organization.indexNumberPattern, indexNumber);
    if (!parsed) fail('indexNumber', `"${indexNumber}" does not have the shape ${context.organization.indexNumberPattern} of this organization`);
    else if (parsed.code !== context.organization.code)
      fail('indexNumber', `"${indexNumber}" carries code ${parsed.code}, not this organization's ${context.organization.code}`);
    else if (parsed.serial < 1) fail('indexNumber', `"${indexNumber}" has serial 0; serials start at 1`);
  }

  const organization = get('organization');
  if (organization && organization !== context.organization.name && organization !== context.organization.code) {
    fail('organization', `"${organization}" is not ${context.organization.name}: a file imports into one organization (use --organization for another)`);
  }

  const date = (field: string, required = false): string | null => {
    const raw = get(field);
    if (!raw) {
      if (required) fail(field, `${headerOf(field)} is required`);
      return null;
    }
    const iso = parseLegacyDate(raw);
    if (!iso) fail(field, `"${raw}" is not a date (write 2018-03-05, 2018/3/5 or 2018年3月5日)`);
    return iso;
  };
  const writtenDate = date('writtenDate');
  const publishedDate = date('publishedDate', true);
  const repealedDate = date('repealedDate');
  const effectiveDate = date('effectiveDate');

  let documentNumber: string | null = get('documentNumber') || null;
  if (documentNumber) {
    documentNumber = normalizeDocumentNumber(documentNumber);
    const problem = documentNumberProblem(documentNumber);
    if (problem) fail('documentNumber', problem);
  }

  let subjectCategoryId: number | null = null;
  const subjectText = get('subjectCategory');
  if (subjectText) {
    const subject = context.resolveSubject(subjectText);
    if ('problem' in subject) fail('subjectCategory', subject.problem);
    else subjectCategoryId = subject.id;
  }

  /** An enumeration cell by its Chinese or English label; blank takes the default. */
  const label = <K extends string>(field: string, labels: Record<K, { zh: string; en: string }>, fallback: K, name: string): K | null => {
    const raw = get(field);
    const value = raw ? byLabel(labels, raw) : fallback;
    if (!value) fail(field, `"${raw}" is not a ${name}; one of ${labelList(labels)}`);
    return value;
  };
  const genre = label<Genre>('genre', GENRE_LABELS, 'other', '体裁分类');
  const validity = label<Validity>('validity', VALIDITY_LABELS, 'effective', '有效性');
  const disclosureMode = label<DisclosureMode>('disclosureMode', DISCLOSURE_MODE_LABELS, 'proactive', '公开方式');
  const disclosureScope = label<DisclosureScope>('disclosureScope', DISCLOSURE_SCOPE_LABELS, 'public', '公开范围');
  const disclosureTerm = label<DisclosureTerm>('disclosureTerm', DISCLOSURE_TERM_LABELS, 'long_term', '公开时限');
  const documentKind = label<DocumentKind>('documentKind', DOCUMENT_KIND_LABELS, 'other', '文件类别');

  let channels: Channel[] | null = null;
  const channelCells = splitList(get('channels'));
  if (channelCells.length > 0) {
    channels = [];
    for (const name of channelCells) {
      const channel = byLabel(CHANNEL_LABELS, name);
      if (!channel) fail('channels', `"${name}" is not a 公开渠道; one of ${labelList(CHANNEL_LABELS)}`);
      else if (!channels.includes(channel)) channels.push(channel);
    }
  }

  const columnIds: number[] = [];
  for (const name of splitList(get('columns'))) {
    const column = context.resolveColumn(name);
    if (!column) fail('columns', `no column "${name}" in this organization's portal`);
    else if (!columnIds.includes(column.id)) columnIds.push(column.id);
  }

  const interprets = splitList(get('interprets')).map(interpretedRef);
  // what the 解读对象 are is known only once the file is read whole (the import judges them then)
  for (const problem of genre
    ? interpretationLinkProblems(
        genre,
        interprets.map(() => ({ genre: undefined }))
      )
    : []) {
    if (problem === 'interpretation-without-target') fail('interprets', '政策解读 needs 解读对象: the 索引号 or 文号 of the policy it explains');
    if (problem === 'not-an-interpretation') fail('interprets', `only a 政策解读 names a 解读对象; this row's 体裁分类 is ${GENRE_LABELS[genre!].zh}`);
  }

  const withholdReason = get('withholdReason') || null;
  // The content type's own cross-field rules, with the file's column names in the messages.
  for (const ruleIssue of catalogEntryIssues({ writtenDate, publishedDate, validity, effectiveDate, repealedDate, disclosureMode, withholdReason })) {
    const field = String(ruleIssue.path[0]);
    const column = CATALOG_FILE_COLUMNS.some((c) => c.field === field) ? field : 'title';
    if (!issues.some((i) => i.column === headerOf(column))) fail(column, ruleIssue.message);
  }

  if (issues.length > 0 || !publishedDate || !genre || !validity || !disclosureMode || !disclosureScope || !disclosureTerm || !documentKind)
    return { row: null, issues };
  return {
    row: {
      row: rowNumber,
      values: {
        indexNumber,
        title,
        writtenDate,
        publishedDate,
        documentNumber,
        subjectCategoryId,
        genre,
        validity,
        disclosureMode,
        keywords: get('keywords') || null,
        body: get('body') || null,
        columnIds,
        repealedDate,
        withholdReason,
        interprets,
        summary: get('summary') || null,
        effectiveDate,
        disclosureScope,
        disclosureTerm,
        channels,
        documentKind,
      },
    },
    issues,
  };
};

/** A row as the export writes it: the same columns, so an export imports back to the same catalog. */
export interface ExportEntry extends StoredAsIs {
  indexNumber: string | null;
  organization: string;
  publishedDate: string | null;
  subject: string | null;
  columns: string[];
  interprets: string[];
}

/** The cells of a row, in CATALOG_FILE_HEADERS order. */
export const exportCells = (e: ExportEntry): string[] => [
  e.indexNumber ?? '',
  e.title,
  e.organization,
  e.writtenDate ?? '',
  e.publishedDate ?? '',
  e.documentNumber ?? '',
  e.subject ?? '',
  GENRE_LABELS[e.genre].zh,
  VALIDITY_LABELS[e.validity].zh,
  DISCLOSURE_MODE_LABELS[e.disclosureMode].zh,
  e.keywords ?? '',
  e.body ?? '',
  e.columns.join('；'),
  e.repealedDate ?? '',
  e.withholdReason ?? '',
  e.interprets.join('；'),
  e.summary ?? '',
  e.effectiveDate ?? '',
  DISCLOSURE_SCOPE_LABELS[e.disclosureScope].zh,
  DISCLOSURE_TERM_LABELS[e.disclosureTerm].zh,
  (e.channels ?? []).map((c) => CHANNEL_LABELS[c].zh).join('；'),
  DOCUMENT_KIND_LABELS[e.documentKind].zh,
];
