/** Reading one data row into entry values and everything wrong with it, cell by cell. */
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
} from '../../../../shared/constants';
import { documentNumberProblem, normalizeDocumentNumber } from '../../../../shared/domain/document-number';
import { parseIndexNumber } from '../../../../shared/domain/index-number-pattern';
import type { CatalogImportIssue } from '../../../../shared/types';
import { catalogEntryIssues, interpretationLinkProblems } from '../content-rules';
import entrySchema from '../../content-types/catalog-entry/schema.json';
import { CATALOG_FILE_COLUMNS } from './columns';
import { byLabel, labelList, parseLegacyDate, splitList, text } from './cells';
import type { ImportContext, ImportRow } from './types';

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

const headerOf = (field: string) => CATALOG_FILE_COLUMNS.find((c) => c.field === field)!.header;

/** A row being read: its cells by field, and the issues found in it so far (in the order they are found). */
interface RowReading {
  issues: CatalogImportIssue[];
  get: (field: string) => string;
  fail: (field: string, message: string) => void;
}

const rowReading = (cells: unknown[], rowNumber: number, byField: Map<string, number>): RowReading => {
  const issues: CatalogImportIssue[] = [];
  return {
    issues,
    get: (field) => (byField.has(field) ? text(cells[byField.get(field)!]) : ''),
    fail: (field, message) => issues.push({ row: rowNumber, column: headerOf(field), message, severity: 'error' }),
  };
};

/** The text cells within the content type's lengths. */
const checkLengths = ({ get, fail }: RowReading) => {
  for (const [field, max] of Object.entries(MAX_LENGTH)) {
    if (Array.from(get(field)).length > max) fail(field, `is longer than ${max} characters`);
  }
};

const readTitle = ({ get, fail }: RowReading): string => {
  const title = get('title');
  if (!title) fail('title', '名称 is required');
  return title;
};

/** A 索引号 given in the file: in the organization's shape and with its code. */
const readIndexNumber = ({ get, fail }: RowReading, context: ImportContext): string | null => {
  const indexNumber = get('indexNumber') || null;
  if (indexNumber) {
    const parsed = parseIndexNumber(context.organization.indexNumberPattern, indexNumber);
    if (!parsed) fail('indexNumber', `"${indexNumber}" does not have the shape ${context.organization.indexNumberPattern} of this organization`);
    else if (parsed.code !== context.organization.code)
      fail('indexNumber', `"${indexNumber}" carries code ${parsed.code}, not this organization's ${context.organization.code}`);
    else if (parsed.serial < 1) fail('indexNumber', `"${indexNumber}" has serial 0; serials start at 1`);
  }
  return indexNumber;
};

/** A 发布机构 given in the file: the organization imported into, by name or code. */
const checkOrganization = ({ get, fail }: RowReading, context: ImportContext) => {
  const organization = get('organization');
  if (organization && organization !== context.organization.name && organization !== context.organization.code) {
    fail('organization', `"${organization}" is not ${context.organization.name}: a file imports into one organization (use --organization for another)`);
  }
};

const readDate = ({ get, fail }: RowReading, field: string, required = false): string | null => {
  const raw = get(field);
  if (!raw) {
    if (required) fail(field, `${headerOf(field)} is required`);
    return null;
  }
  const iso = parseLegacyDate(raw);
  if (!iso) fail(field, `"${raw}" is not a date (write 2018-03-05, 2018/3/5 or 2018年3月5日)`);
  return iso;
};

const readDates = (r: RowReading) => ({
  writtenDate: readDate(r, 'writtenDate'),
  publishedDate: readDate(r, 'publishedDate', true),
  repealedDate: readDate(r, 'repealedDate'),
  effectiveDate: readDate(r, 'effectiveDate'),
});

const readDocumentNumber = ({ get, fail }: RowReading): string | null => {
  let documentNumber: string | null = get('documentNumber') || null;
  if (documentNumber) {
    documentNumber = normalizeDocumentNumber(documentNumber);
    const problem = documentNumberProblem(documentNumber);
    if (problem) fail('documentNumber', problem);
  }
  return documentNumber;
};

const readSubject = ({ get, fail }: RowReading, context: ImportContext): number | null => {
  let subjectCategoryId: number | null = null;
  const subjectText = get('subjectCategory');
  if (subjectText) {
    const subject = context.resolveSubject(subjectText);
    if ('problem' in subject) fail('subjectCategory', subject.problem);
    else subjectCategoryId = subject.id;
  }
  return subjectCategoryId;
};

/** An enumeration cell by its Chinese or English label; blank takes the default. */
const readLabel = <K extends string>(
  { get, fail }: RowReading,
  field: string,
  labels: Record<K, { zh: string; en: string }>,
  fallback: K,
  name: string
): K | null => {
  const raw = get(field);
  const value = raw ? byLabel(labels, raw) : fallback;
  if (!value) fail(field, `"${raw}" is not a ${name}; one of ${labelList(labels)}`);
  return value;
};

const readEnumerations = (r: RowReading) => ({
  genre: readLabel<Genre>(r, 'genre', GENRE_LABELS, 'other', '体裁分类'),
  validity: readLabel<Validity>(r, 'validity', VALIDITY_LABELS, 'effective', '有效性'),
  disclosureMode: readLabel<DisclosureMode>(r, 'disclosureMode', DISCLOSURE_MODE_LABELS, 'proactive', '公开方式'),
  disclosureScope: readLabel<DisclosureScope>(r, 'disclosureScope', DISCLOSURE_SCOPE_LABELS, 'public', '公开范围'),
  disclosureTerm: readLabel<DisclosureTerm>(r, 'disclosureTerm', DISCLOSURE_TERM_LABELS, 'long_term', '公开时限'),
  documentKind: readLabel<DocumentKind>(r, 'documentKind', DOCUMENT_KIND_LABELS, 'other', '文件类别'),
});

const readChannels = ({ get, fail }: RowReading): Channel[] | null => {
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
  return channels;
};

const readColumns = ({ get, fail }: RowReading, context: ImportContext): number[] => {
  const columnIds: number[] = [];
  for (const name of splitList(get('columns'))) {
    const column = context.resolveColumn(name);
    if (!column) fail('columns', `no column "${name}" in this organization's portal`);
    else if (!columnIds.includes(column.id)) columnIds.push(column.id);
  }
  return columnIds;
};

const readInterprets = ({ get, fail }: RowReading, genre: Genre | null): string[] => {
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
  return interprets;
};

/** The content type's own cross-field rules, with the file's column names in the messages. */
const checkEntryRules = ({ issues, fail }: RowReading, entry: Parameters<typeof catalogEntryIssues>[0]) => {
  for (const ruleIssue of catalogEntryIssues(entry)) {
    const field = String(ruleIssue.path[0]);
    const column = CATALOG_FILE_COLUMNS.some((c) => c.field === field) ? field : 'title';
    if (!issues.some((i) => i.column === headerOf(column))) fail(column, ruleIssue.message);
  }
};

/** Reads one data row into entry values and everything wrong with it (row, column, message). */
export const readRow = (
  cells: unknown[],
  rowNumber: number,
  byField: Map<string, number>,
  context: ImportContext
): { row: ImportRow | null; issues: CatalogImportIssue[] } => {
  const r = rowReading(cells, rowNumber, byField);
  const { issues, get } = r;
  checkLengths(r);
  const title = readTitle(r);
  const indexNumber = readIndexNumber(r, context);
  checkOrganization(r, context);
  const { writtenDate, publishedDate, repealedDate, effectiveDate } = readDates(r);
  const documentNumber = readDocumentNumber(r);
  const subjectCategoryId = readSubject(r, context);
  const { genre, validity, disclosureMode, disclosureScope, disclosureTerm, documentKind } = readEnumerations(r);
  const channels = readChannels(r);
  const columnIds = readColumns(r, context);
  const interprets = readInterprets(r, genre);
  const withholdReason = get('withholdReason') || null;
  checkEntryRules(r, { writtenDate, publishedDate, validity, effectiveDate, repealedDate, disclosureMode, withholdReason });

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
