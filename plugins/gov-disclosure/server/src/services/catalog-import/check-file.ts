/**
 * Pass one of the import: every row of the file read and checked, against the file itself (repeated
 * rows), the catalog (rows already imported, colliding 索引号) and, once the file is read whole, the
 * 解读对象 of its interpretations. The dry run stops here; the real import writes the rows it let through.
 */
import type { Core } from '@strapi/strapi';
import { counterPeriod, parseIndexNumber } from '../../../../shared/domain/index-number-pattern';
import type { CatalogImportIssue } from '../../../../shared/types';
import { mapHeaders, readRow, rowReferences, type ImportContext, type ImportRow } from '../../domain/catalog-file';
import { INTERPRETATION, interpretationLinkProblems } from '../../domain/content-rules';
import { isPublicEntry } from '../../domain/public-visibility';
import { readCatalogFile, type Cells, type CatalogFileFormat } from '../../catalog-files/read';
import { contentKey, existing, interpretedTargets } from './references';
import { IMPORT_BATCH, MAX_REPORTED_ISSUES, type InterpretedTarget, type Organization, type RowAsTarget } from './types';

/** What pass one gathers as it reads the file. */
interface PassOne {
  issues: CatalogImportIssue[];
  issueCount: number;
  pattern: string;
  maxSerial: Map<string, number>;
  seenNumbers: Map<string, number>;
  seenKeys: Map<string, number>;
  // a row's 索引号 and 文号, as another row's 解读对象 may name it; null where two rows share a 文号
  refsInFile: Map<string, RowAsTarget | null>;
  rows: number;
  valid: number;
  batch: ImportRow[];
  pendingRefs: Array<{ row: number; refs: string[] }>;
  invalidRows: Set<number>;
  skippedRows: Set<number>;
  hasInterpretations: boolean;
}

const passOne = (context: ImportContext): PassOne => ({
  issues: [],
  issueCount: 0,
  pattern: context.organization.indexNumberPattern,
  maxSerial: new Map(),
  seenNumbers: new Map(),
  seenKeys: new Map(),
  refsInFile: new Map(),
  rows: 0,
  valid: 0,
  batch: [],
  pendingRefs: [],
  invalidRows: new Set(),
  skippedRows: new Set(),
  hasInterpretations: false,
});

/** Counts the errors; keeps the first MAX_REPORTED_ISSUES issues for the report. */
const report = (state: PassOne, list: CatalogImportIssue[]) => {
  state.issueCount += list.filter((i) => i.severity === 'error').length;
  for (const i of list) if (state.issues.length < MAX_REPORTED_ISSUES) state.issues.push(i);
};

/** The header row's columns by field; null where the header has errors (reported), which ends the check. */
const readHeader = (state: PassOne, cells: Cells): Map<string, number> | null => {
  const mapped = mapHeaders(cells.map((c) => String(c ?? '')));
  report(state, mapped.issues);
  return mapped.issues.some((i) => i.severity === 'error') ? null : mapped.byField;
};

/** The batch of good rows against the catalog: rows already imported are skipped, colliding ones refused. */
const flush = async (strapi: Core.Strapi, org: Organization, state: PassOne) => {
  const { skip, issues: clashes } = await existing(strapi, strapi.db.connection, org, state.batch);
  report(state, clashes);
  for (const c of clashes) state.invalidRows.add(c.row);
  for (const r of state.batch) {
    if (state.invalidRows.has(r.row)) continue;
    if (skip.has(r.row)) state.skippedRows.add(r.row);
    else state.valid += 1;
  }
  state.batch = [];
};

/** One data row: read and checked, refused where it repeats an earlier row, otherwise noted and batched. */
const checkRow = (state: PassOne, line: number, cells: Cells, header: Map<string, number>, context: ImportContext) => {
  state.rows += 1;
  const { row, issues: rowIssues } = readRow(cells, line, header, context);
  if (!row) {
    report(state, rowIssues);
    state.invalidRows.add(line);
    for (const ref of rowReferences(cells, header)) if (!state.refsInFile.has(ref)) state.refsInFile.set(ref, { row: line, genre: '', isPublic: false });
    return;
  }
  const v = row.values;
  const duplicateOf = v.indexNumber ? state.seenNumbers.get(v.indexNumber) : state.seenKeys.get(contentKey(v));
  if (duplicateOf) {
    report(state, [{ row: line, column: v.indexNumber ? '索引号' : '名称', message: `repeats row ${duplicateOf} of this file`, severity: 'error' }]);
    state.invalidRows.add(line);
    return;
  }
  if (v.indexNumber) {
    state.seenNumbers.set(v.indexNumber, line);
    const parts = parseIndexNumber(state.pattern, v.indexNumber)!;
    const period = counterPeriod(state.pattern, parts.year, parts.month);
    state.maxSerial.set(period, Math.max(state.maxSerial.get(period) ?? 0, parts.serial));
  } else state.seenKeys.set(contentKey(v), line);
  const asTarget: RowAsTarget = { row: line, genre: v.genre, isPublic: isPublicEntry(v) };
  if (v.indexNumber) state.refsInFile.set(v.indexNumber, asTarget);
  if (v.documentNumber) state.refsInFile.set(v.documentNumber, state.refsInFile.has(v.documentNumber) ? null : asTarget);
  if (v.interprets.length) state.pendingRefs.push({ row: line, refs: v.interprets });
  if (v.genre === 'interpretation') state.hasInterpretations = true;
  state.batch.push(row);
};

/** What is wrong with one 解读对象 of a row, if anything. */
const refProblems = (state: PassOne, known: Map<string, InterpretedTarget | 'ambiguous'>, ref: string, publish: boolean): string[] => {
  const given = state.refsInFile.get(ref);
  // a row already imported is judged as the catalog has it
  const inFile = given && state.skippedRows.has(given.row) ? undefined : given;
  if (inFile === null) return [`${ref} is the 文号 of several rows of this file; name the policy by its 索引号`];
  if (inFile && state.invalidRows.has(inFile.row)) return [`${ref} is row ${inFile.row}, which is refused`];
  if (inFile && known.has(ref)) return [`${ref} names row ${inFile.row} and an entry already in the catalog; name the policy by its 索引号`];
  const target = inFile ?? known.get(ref);
  if (!target) return [`no entry with 索引号 or 文号 ${ref}`];
  if (target === 'ambiguous') return [`${ref} is the 文号 of several entries; name the policy by its 索引号`];
  if (interpretationLinkProblems(INTERPRETATION, [target]).includes('target-is-interpretation')) return [`${ref} is itself a 政策解读, not a policy document`];
  // a published interpretation explains a published, public policy (the workflow's rule too);
  // a row of this file is published by this import before its interpretations
  if (publish && !target.isPublic) return [`${ref} is not published for the public; publish it before its 政策解读`];
  return [];
};

/**
 * 解读对象 may name an entry of the catalog or a row earlier or later in this file (a rerun's
 * rows already imported are both: the file's row is the one judged)
 */
const judgeInterpretations = async (strapi: Core.Strapi, state: PassOne, publish: boolean) => {
  const known = await interpretedTargets(strapi, strapi.db.connection, [...new Set(state.pendingRefs.flatMap((p) => p.refs))]);
  for (const p of state.pendingRefs) {
    if (state.skippedRows.has(p.row) || state.invalidRows.has(p.row)) continue;
    const problems = p.refs.flatMap((ref) => refProblems(state, known, ref, publish));
    if (problems.length) {
      report(state, [{ row: p.row, column: '解读对象', message: problems.join('; '), severity: 'error' }]);
      state.invalidRows.add(p.row);
      state.valid -= 1;
    }
  }
};

const resultOf = (state: PassOne, header: Map<string, number> | null) => ({
  header,
  rows: state.rows,
  valid: state.valid,
  skipped: state.skippedRows.size,
  issues: state.issues,
  issueCount: state.issueCount,
  maxSerial: state.maxSerial,
  invalidRows: state.invalidRows,
  hasInterpretations: state.hasInterpretations,
});

export type Checked = ReturnType<typeof resultOf>;

/**
 * Pass one: every row checked. Returns the good rows' count, the report's issues, and the highest
 * legacy serial per counter period (the counters are raised to them before new numbers are drawn).
 */
export const checkFile = async (
  strapi: Core.Strapi,
  file: string,
  format: CatalogFileFormat,
  org: Organization,
  context: ImportContext,
  publish: boolean
): Promise<Checked> => {
  const state = passOne(context);
  let header: Map<string, number> | null = null;
  for await (const { line, cells } of readCatalogFile(file, format)) {
    if (!header) {
      header = readHeader(state, cells);
      // a header with errors ends the check: nothing read, nothing counted
      if (!header) return resultOf(state, null);
      continue;
    }
    checkRow(state, line, cells, header, context);
    if (state.batch.length >= IMPORT_BATCH) await flush(strapi, org, state);
  }
  if (state.batch.length) await flush(strapi, org, state);
  if (!header) report(state, [{ row: 1, column: '', message: 'the file is empty: no header row', severity: 'error' }]);
  await judgeInterpretations(strapi, state, publish);
  return resultOf(state, header);
};
