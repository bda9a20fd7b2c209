/**
 * Imports a legacy catalog file into one organization. Two passes over the file: the first checks
 * every row (the dry run stops there) and finds the highest legacy serial of each period; the second
 * writes the good rows in batches, each batch one transaction holding its entries, their links, their
 * publish events, the listing and search rows and the raised 索引号 counters. An interrupted run
 * leaves whole batches only; a rerun recognises what is already there (by 索引号, or by title, date
 * and 文号 for rows without one) and skips it, so nothing is imported twice and nothing is lost.
 *
 * Rows are written with the query engine in bulk, not one Document Service call per entry (hours
 * for 100,000 rows): the file's checks are the write guard's rules (domain/catalog-file.ts).
 */
import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, UID } from '../../../shared/constants';
import { counterPeriod, DEFAULT_INDEX_NUMBER_PATTERN, formatIndexNumber, parseIndexNumber } from '../../../shared/domain/index-number-pattern';
import type { CatalogImportIssue, CatalogImportReport } from '../../../shared/types';
import { mapHeaders, readRow, rowReferences, type ImportContext, type ImportRow } from '../domain/catalog-file';
import { INTERPRETATION, interpretationLinkProblems, subjectCategoryIssues } from '../domain/content-rules';
import { workflowEventData } from '../domain/workflow-event';
import { toSlug } from '../domain/slug';
import { readCatalogFile, type CatalogFileFormat } from '../catalog-files/read';
import { chunksOf, isoDate, joinTableOf, lockUntilCommit, tableOf, type JoinTable } from '../utils/sql';
import { getService } from '../utils/get-service';
import { isPublicEntry } from '../domain/public-visibility';
import { rowsOf } from '../utils/query';

export const IMPORT_BATCH = 500;
export const MAX_REPORTED_ISSUES = 1000;

type Knex = Core.Strapi['db']['connection'];

export interface ImportOptions {
  organization: string;
  publish: boolean;
  dryRun: boolean;
  /** Recorded as the publisher of imported entries. */
  actor?: { id: number | null; name: string } | null;
  fileName?: string;
  onProgress?: (done: number, total: number) => void;
  /** Asked between batches: true stops the run cleanly after the batch that is being written. */
  shouldStop?: () => boolean;
}

interface Organization {
  id: number;
  documentId: string;
  name: string;
  code: string;
  indexNumberPattern: string | null;
}

interface InterpretedTarget {
  draft?: number;
  live?: number;
  genre: string;
  documentId: string;
  /** Live, and of a kind the public may see: what a published 政策解读 must explain. */
  isPublic: boolean;
}

/** What a row of the file would be once imported, as a 解读对象 of another row. */
interface RowAsTarget {
  row: number;
  genre: string;
  isPublic: boolean;
}

const orgNotFound = (slug: string) =>
  new errors.ValidationError(`No organization with slug "${slug}"`, {
    errors: [{ path: ['organization'], message: `no organization "${slug}"`, name: 'ValidationError' }],
  });

const catalogImport = ({ strapi }: { strapi: Core.Strapi }) => {
  const joinOf = (attribute: string) => joinTableOf(strapi, UID.catalogEntry, attribute);
  const entriesTable = () => tableOf(strapi, UID.catalogEntry);

  const loadOrganization = async (slug: string): Promise<Organization> => {
    const org = (await rowsOf(strapi, UID.organization).findOne({
      where: { slug, locale: DEFAULT_LOCALE },
      select: ['id', 'documentId', 'name', 'code', 'indexNumberPattern'],
    })) as Organization | null;
    if (!org) throw orgNotFound(slug);
    return org;
  };

  /** Subjects by code, name (when unique) and "top/leaf"; columns of the organization by name (when unique) and slug. */
  const buildContext = async (org: Organization): Promise<ImportContext> => {
    const subjects = (await rowsOf(strapi, UID.subjectCategory).findMany({
      select: ['id', 'code', 'name'],
      populate: { parent: { select: ['id', 'name', 'code'] }, children: { select: ['id'] } },
    })) as Array<{ id: number; code: string; name: string; parent: { id: number; name: string; code: string } | null; children: unknown[] }>;
    const subjectBy = new Map<string, (typeof subjects)[number] | 'ambiguous'>();
    const add = <T>(map: Map<string, T | 'ambiguous'>, key: string, value: T) => map.set(key, map.has(key) && map.get(key) !== value ? 'ambiguous' : value);
    for (const s of subjects) {
      subjectBy.set(s.code, s);
      add(subjectBy, s.name, s);
      if (s.parent) subjectBy.set(`${s.parent.name}/${s.name}`, s);
    }
    const columns = (await rowsOf(strapi, UID.column).findMany({
      where: { locale: DEFAULT_LOCALE, organization: { id: org.id } },
      select: ['id', 'name', 'slug', 'kind'],
    })) as Array<{ id: number; name: string; slug: string; kind: string }>;
    const columnBy = new Map<string, { id: number } | 'ambiguous'>();
    for (const c of columns.filter((col) => col.kind !== 'link')) {
      columnBy.set(c.slug, { id: c.id });
      add(columnBy, c.name, { id: c.id });
    }
    return {
      organization: { name: org.name, code: org.code, indexNumberPattern: org.indexNumberPattern || DEFAULT_INDEX_NUMBER_PATTERN },
      resolveSubject: (text) => {
        const s = subjectBy.get(text.replace(/\s*[/／>]\s*/g, '/'));
        if (!s) return { problem: `"${text}" is not in the national 主题分类 list (give its code, e.g. 09.02, or its name)` };
        if (s === 'ambiguous') return { problem: `"${text}" names more than one 主题分类; write it as 上级/下级 or give the code` };
        // the write guard's rule: a top level or a leaf, under a national top level
        const [problem] = subjectCategoryIssues({
          code: s.code,
          name: s.name,
          hasParent: Boolean(s.parent),
          hasChildren: s.children.length > 0,
          topCode: s.parent?.code ?? s.code,
        });
        return problem ? { problem: problem.message } : { id: s.id, code: s.code };
      },
      resolveColumn: (text) => {
        const c = columnBy.get(text);
        return c && c !== 'ambiguous' ? c : null;
      },
    };
  };

  /** Keys that identify an already imported row: its 索引号, or its title, date and 文号. */
  const contentKey = (v: { title: string; publishedDate: string | null; documentNumber: string | null }) =>
    `${v.title}\u0000${v.publishedDate ?? ''}\u0000${v.documentNumber ?? ''}`;

  /**
   * Which of these rows are already in the catalog (skip), and which collide with a different entry
   * (error). A 索引号 is unique in the whole catalog; title, date and 文号 only within the organization
   * (two agencies publish their annual reports under the same title on the same day).
   */
  const existing = async (db: Knex, org: Organization, rows: ImportRow[]) => {
    const numbers = rows.map((r) => r.values.indexNumber).filter((n): n is string => Boolean(n));
    const titles = rows.filter((r) => !r.values.indexNumber).map((r) => r.values.title);
    const byNumber = new Map<string, { title: string; document_id: string }>();
    for (const chunk of chunksOf(numbers)) {
      // eslint-disable-next-line no-await-in-loop
      const found = (await db(entriesTable())
        .whereIn('index_number', chunk)
        .whereNull('published_at')
        .select('index_number', 'title', 'document_id', 'locale')) as Array<{
        index_number: string;
        title: string;
        document_id: string;
        locale: string;
      }>;
      // every locale of a document carries its 索引号; the import compares with the default locale's title
      for (const f of found) if (f.locale === DEFAULT_LOCALE || !byNumber.has(f.index_number)) byNumber.set(f.index_number, f);
    }
    const keys = new Set<string>();
    const link = joinOf('organization');
    for (const chunk of chunksOf(titles)) {
      // eslint-disable-next-line no-await-in-loop
      const found = (await db(`${entriesTable()} as e`)
        .join(`${link.name} as ol`, `ol.${link.joinColumn.name}`, 'e.id')
        .where(`ol.${link.inverseJoinColumn.name}`, org.id)
        .where('e.locale', DEFAULT_LOCALE)
        .whereNull('e.published_at')
        .whereIn('e.title', chunk)
        .select('e.title', 'e.published_date', 'e.document_number')) as Array<{ title: string; published_date: unknown; document_number: string | null }>;
      for (const f of found) keys.add(contentKey({ title: f.title, publishedDate: isoDate(f.published_date), documentNumber: f.document_number }));
    }
    const skip = new Set<number>();
    const issues: CatalogImportIssue[] = [];
    for (const r of rows) {
      const n = r.values.indexNumber;
      if (n && byNumber.has(n)) {
        if (byNumber.get(n)!.title === r.values.title) skip.add(r.row);
        else issues.push({ row: r.row, column: '索引号', message: `${n} is already the 索引号 of «${byNumber.get(n)!.title}»`, severity: 'error' });
      } else if (!n && keys.has(contentKey(r.values))) skip.add(r.row);
    }
    return { skip, issues };
  };

  /**
   * The entries an interpretation names (by 索引号 or 文号): document ids with their draft and live
   * row ids, whether they are public when live, and 'ambiguous' where a 文号 names several documents.
   */
  const interpretedTargets = async (db: Knex, refs: string[]) => {
    const found = refs.length
      ? ((await db(entriesTable())
          .where('locale', DEFAULT_LOCALE)
          .where((b) => b.whereIn('index_number', refs).orWhereIn('document_number', refs))
          .select('id', 'document_id', 'index_number', 'document_number', 'published_at', 'genre', 'disclosure_mode', 'disclosure_scope')) as Array<{
          id: number;
          document_id: string;
          index_number: string | null;
          document_number: string | null;
          published_at: unknown;
          genre: string;
          disclosure_mode: string;
          disclosure_scope: string;
        }>)
      : [];
    const asked = new Set(refs);
    const byRef = new Map<string, InterpretedTarget | 'ambiguous'>();
    for (const f of found) {
      for (const ref of [f.index_number, f.document_number].filter((x): x is string => x !== null && asked.has(x))) {
        const known = byRef.get(ref);
        if (known === 'ambiguous') continue;
        if (known && known.documentId !== f.document_id) {
          byRef.set(ref, 'ambiguous');
          continue;
        }
        const target = known ?? { genre: f.genre, documentId: f.document_id, isPublic: false };
        if (f.published_at) {
          target.live = f.id;
          target.isPublic = isPublicEntry({ disclosureMode: f.disclosure_mode, disclosureScope: f.disclosure_scope });
        } else target.draft = f.id;
        byRef.set(ref, target);
      }
    }
    return byRef;
  };

  /**
   * Pass one: every row checked. Returns the good rows' count, the report's issues, and the highest
   * legacy serial per counter period (the counters are raised to them before new numbers are drawn).
   */
  const checkFile = async (file: string, format: CatalogFileFormat, org: Organization, context: ImportContext, publish: boolean) => {
    const issues: CatalogImportIssue[] = [];
    let issueCount = 0;
    const report = (list: CatalogImportIssue[]) => {
      issueCount += list.filter((i) => i.severity === 'error').length;
      for (const i of list) if (issues.length < MAX_REPORTED_ISSUES) issues.push(i);
    };
    const pattern = context.organization.indexNumberPattern;
    const maxSerial = new Map<string, number>();
    const seenNumbers = new Map<string, number>();
    const seenKeys = new Map<string, number>();
    // a row's 索引号 and 文号, as another row's 解读对象 may name it; null where two rows share a 文号
    const refsInFile = new Map<string, RowAsTarget | null>();
    let header: Map<string, number> | null = null;
    let rows = 0;
    let valid = 0;
    let batch: ImportRow[] = [];
    const pendingRefs: Array<{ row: number; refs: string[] }> = [];
    const invalidRows = new Set<number>();
    const skippedRows = new Set<number>();
    let hasInterpretations = false;

    const flush = async () => {
      const { skip, issues: clashes } = await existing(strapi.db.connection, org, batch);
      report(clashes);
      for (const c of clashes) invalidRows.add(c.row);
      for (const r of batch) {
        if (invalidRows.has(r.row)) continue;
        if (skip.has(r.row)) skippedRows.add(r.row);
        else valid += 1;
      }
      batch = [];
    };

    for await (const { line, cells } of readCatalogFile(file, format)) {
      if (!header) {
        const mapped = mapHeaders(cells.map((c) => String(c ?? '')));
        report(mapped.issues);
        if (mapped.issues.some((i) => i.severity === 'error'))
          return { header: null, rows: 0, valid: 0, skipped: 0, issues, issueCount, maxSerial, invalidRows, hasInterpretations };
        header = mapped.byField;
        continue;
      }
      rows += 1;
      const { row, issues: rowIssues } = readRow(cells, line, header, context);
      if (!row) {
        report(rowIssues);
        invalidRows.add(line);
        for (const ref of rowReferences(cells, header)) if (!refsInFile.has(ref)) refsInFile.set(ref, { row: line, genre: '', isPublic: false });
        continue;
      }
      const v = row.values;
      const duplicateOf = v.indexNumber ? seenNumbers.get(v.indexNumber) : seenKeys.get(contentKey(v));
      if (duplicateOf) {
        report([{ row: line, column: v.indexNumber ? '索引号' : '名称', message: `repeats row ${duplicateOf} of this file`, severity: 'error' }]);
        invalidRows.add(line);
        continue;
      }
      if (v.indexNumber) {
        seenNumbers.set(v.indexNumber, line);
        const parts = parseIndexNumber(pattern, v.indexNumber)!;
        const period = counterPeriod(pattern, parts.year, parts.month);
        maxSerial.set(period, Math.max(maxSerial.get(period) ?? 0, parts.serial));
      } else seenKeys.set(contentKey(v), line);
      const asTarget: RowAsTarget = { row: line, genre: v.genre, isPublic: isPublicEntry(v) };
      if (v.indexNumber) refsInFile.set(v.indexNumber, asTarget);
      if (v.documentNumber) refsInFile.set(v.documentNumber, refsInFile.has(v.documentNumber) ? null : asTarget);
      if (v.interprets.length) pendingRefs.push({ row: line, refs: v.interprets });
      if (v.genre === 'interpretation') hasInterpretations = true;
      batch.push(row);
      if (batch.length >= IMPORT_BATCH) await flush();
    }
    if (batch.length) await flush();
    if (!header) report([{ row: 1, column: '', message: 'the file is empty: no header row', severity: 'error' }]);

    // 解读对象 may name an entry of the catalog or a row earlier or later in this file (a rerun's
    // rows already imported are both: the file's row is the one judged)
    const known = await interpretedTargets(strapi.db.connection, [...new Set(pendingRefs.flatMap((p) => p.refs))]);
    for (const p of pendingRefs) {
      if (skippedRows.has(p.row) || invalidRows.has(p.row)) continue;
      const problems = p.refs.flatMap((ref): string[] => {
        const given = refsInFile.get(ref);
        // a row already imported is judged as the catalog has it
        const inFile = given && skippedRows.has(given.row) ? undefined : given;
        if (inFile === null) return [`${ref} is the 文号 of several rows of this file; name the policy by its 索引号`];
        if (inFile && invalidRows.has(inFile.row)) return [`${ref} is row ${inFile.row}, which is refused`];
        if (inFile && known.has(ref)) return [`${ref} names row ${inFile.row} and an entry already in the catalog; name the policy by its 索引号`];
        const target = inFile ?? known.get(ref);
        if (!target) return [`no entry with 索引号 or 文号 ${ref}`];
        if (target === 'ambiguous') return [`${ref} is the 文号 of several entries; name the policy by its 索引号`];
        if (interpretationLinkProblems(INTERPRETATION, [target]).includes('target-is-interpretation'))
          return [`${ref} is itself a 政策解读, not a policy document`];
        // a published interpretation explains a published, public policy (the workflow's rule too);
        // a row of this file is published by this import before its interpretations
        if (publish && !target.isPublic) return [`${ref} is not published for the public; publish it before its 政策解读`];
        return [];
      });
      if (problems.length) {
        report([{ row: p.row, column: '解读对象', message: problems.join('; '), severity: 'error' }]);
        invalidRows.add(p.row);
        valid -= 1;
      }
    }
    return { header, rows, valid, skipped: skippedRows.size, issues, issueCount, maxSerial, invalidRows, hasInterpretations };
  };

  /** A slug per title, unique against the catalog and this run, one query per distinct base. */
  const slugMaker = () => {
    const used = new Set<string>();
    const next = new Map<string, number>();
    return async (db: Knex, title: string): Promise<string> => {
      const base = toSlug(title);
      if (!next.has(base)) {
        // base and base-2, base-3 …: an index range ('.' sorts right after '-'); SQLite's LIKE cannot use the index
        const taken = (await db(entriesTable())
          .where('slug', base)
          .orWhere((b) => b.where('slug', '>=', `${base}-`).andWhere('slug', '<', `${base}.`))
          .distinct('slug')) as Array<{ slug: string }>;
        for (const t of taken) used.add(t.slug);
        next.set(base, 1);
      }
      for (let n = next.get(base)!; ; n += 1) {
        const candidate = n === 1 ? base : `${base}-${n}`;
        if (!used.has(candidate)) {
          used.add(candidate);
          next.set(base, n + 1);
          return candidate;
        }
      }
    };
  };

  /** Pass two, one batch: entries (a draft row, and a live row when publishing), links, events, listings. */
  const writeBatch = async (
    rows: ImportRow[],
    org: Organization,
    options: ImportOptions,
    slugFor: (db: Knex, title: string) => Promise<string>
  ): Promise<number> =>
    strapi.db.transaction(async ({ trx }) => {
      // Two imports into one organization (two admins, two instances) take turns batch by batch,
      // so each sees what the other wrote and skips it instead of writing it twice.
      await lockUntilCommit(strapi, trx, `gov-disclosure:import:${org.documentId}`);
      const { skip } = await existing(trx, org, rows);
      const todo = rows.filter((r) => !skip.has(r.row));
      if (todo.length === 0) return 0;
      const pattern = org.indexNumberPattern || DEFAULT_INDEX_NUMBER_PATTERN;
      const now = new Date();
      const drafts: Record<string, unknown>[] = [];
      for (const r of todo) {
        const v = r.values;
        let { indexNumber } = v;
        if (!indexNumber && options.publish) {
          const date = new Date(`${v.publishedDate}T00:00:00Z`);
          // eslint-disable-next-line no-await-in-loop -- serials are drawn in file order
          const serial = await getService(strapi, 'index-numbers').nextSerial(
            trx,
            org.documentId,
            counterPeriod(pattern, date.getUTCFullYear(), date.getUTCMonth() + 1)
          );
          indexNumber = formatIndexNumber(pattern, { code: org.code, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, serial });
        }
        drafts.push({
          documentId: createId(),
          locale: DEFAULT_LOCALE,
          // eslint-disable-next-line no-await-in-loop
          slug: await slugFor(trx, v.title),
          title: v.title,
          body: v.body,
          keywords: v.keywords,
          indexNumber,
          documentNumber: v.documentNumber,
          writtenDate: v.writtenDate,
          publishedDate: v.publishedDate,
          validity: v.validity,
          repealedDate: v.repealedDate,
          disclosureMode: v.disclosureMode,
          withholdReason: v.withholdReason,
          genre: v.genre,
          summary: v.summary,
          effectiveDate: v.effectiveDate,
          disclosureScope: v.disclosureScope,
          disclosureTerm: v.disclosureTerm,
          channels: v.channels,
          documentKind: v.documentKind,
          workflowState: options.publish ? 'published' : 'draft',
          createdAt: now,
          updatedAt: now,
          publishedAt: null,
        });
      }
      const insert = async (data: Record<string, unknown>[]) => {
        const ids: number[] = [];
        for (const chunk of chunksOf(data)) {
          // eslint-disable-next-line no-await-in-loop
          const created = (await rowsOf(strapi, UID.catalogEntry).createMany({ data: chunk })) as { ids: number[] };
          ids.push(...created.ids);
        }
        return ids;
      };
      const draftIds = await insert(drafts);
      const liveIds = options.publish ? await insert(drafts.map((d) => ({ ...d, publishedAt: now }))) : [];

      const links: Array<[JoinTable, Array<[number, number]>]> = [];
      const pairs = (target: (r: ImportRow) => number[]) =>
        todo.flatMap((r, i) =>
          target(r).flatMap((t) => [[draftIds[i], t] as [number, number], ...(options.publish ? [[liveIds[i], t] as [number, number]] : [])])
        );
      links.push([joinOf('organization'), pairs(() => [org.id])]);
      links.push([joinOf('subjectCategory'), pairs((r) => (r.values.subjectCategoryId ? [r.values.subjectCategoryId] : []))]);
      links.push([joinOf('columns'), pairs((r) => r.values.columnIds)]);

      // interpretations: draft to draft, live to live, as Strapi relates documents with draft and publish
      const refs = [...new Set(todo.flatMap((r) => r.values.interprets))];
      if (refs.length) {
        const targets = await interpretedTargets(trx, refs);
        const interprets: Array<[number, number]> = [];
        todo.forEach((r, i) => {
          for (const ref of r.values.interprets) {
            const t = targets.get(ref);
            // checked in pass one; the catalog changed since: roll the batch back rather than lose the link
            if (!t || t === 'ambiguous' || !t.draft)
              throw new errors.ApplicationError(`Row ${r.row}: 解读对象 ${ref} is no longer one entry of the catalog; check the file again`);
            interprets.push([draftIds[i], t.draft]);
            if (t.live && options.publish) interprets.push([liveIds[i], t.live]);
          }
        });
        links.push([joinOf('interprets'), interprets]);
      }
      for (const [join, list] of links) {
        const linkRows = list.map(([entry, target]) => ({
          [join.joinColumn.name]: entry,
          [join.inverseJoinColumn.name]: target,
          ...(join.orderColumnName ? { [join.orderColumnName]: 1 } : {}),
          ...(join.inverseOrderColumnName ? { [join.inverseOrderColumnName]: 1 } : {}),
        }));
        for (const chunk of chunksOf(linkRows)) {
          // eslint-disable-next-line no-await-in-loop
          await trx(join.name).insert(chunk);
        }
      }

      const documentIds = drafts.map((d) => String(d.documentId));
      if (options.publish) {
        const comment = `导入 Imported${options.fileName ? ` from ${options.fileName}` : ''}`;
        const events = drafts.map((d) => {
          // the importer is named in the trail; a bulk insert cannot link the relation itself
          const { actor: _actor, ...event } = workflowEventData({
            uid: UID.catalogEntry,
            documentId: String(d.documentId),
            locale: DEFAULT_LOCALE,
            action: 'publish',
            from: 'draft',
            actor: options.actor ?? null,
            comment,
          });
          return { ...event, documentId: createId(), createdAt: now, updatedAt: now, publishedAt: now };
        });
        for (const chunk of chunksOf(events)) {
          // eslint-disable-next-line no-await-in-loop
          await rowsOf(strapi, UID.workflowEvent).createMany({ data: chunk });
        }
        await getService(strapi, 'column-listings').refreshDocuments(trx, documentIds);
        await getService(strapi, 'catalog-search').refreshDocuments(trx, documentIds);
      }
      return todo.length;
    });

  type Checked = Awaited<ReturnType<typeof checkFile>>;

  /** Pass two: the good rows in batches, policies before interpretations; stops between batches when asked. */
  const writeRows = async (file: string, format: CatalogFileFormat, checked: Checked, org: Organization, context: ImportContext, options: ImportOptions) => {
    const progress = { done: 0, imported: 0, interrupted: false };
    const total = checked.valid + checked.skipped;
    const slugFor = slugMaker();
    const header = checked.header!;
    // Policies first, interpretations after, so every 解读对象 in the file exists when it is linked.
    for (const interpretations of checked.hasInterpretations ? [false, true] : [false]) {
      let batch: ImportRow[] = [];
      const flush = async () => {
        progress.imported += await writeBatch(batch, org, options, slugFor);
        progress.done += batch.length;
        options.onProgress?.(progress.done, total);
        batch = [];
        progress.interrupted = options.shouldStop?.() ?? false;
      };
      let first = true;
      // eslint-disable-next-line no-await-in-loop -- two passes over the file, one after the other
      for await (const { line, cells } of readCatalogFile(file, format)) {
        if (first || checked.invalidRows.has(line)) {
          first = false;
          continue;
        }
        const { row } = readRow(cells, line, header, context);
        if (!row || (row.values.genre === 'interpretation') !== interpretations) continue;
        batch.push(row);
        if (batch.length >= IMPORT_BATCH) {
          await flush();
          if (progress.interrupted) return progress;
        }
      }
      // eslint-disable-next-line no-await-in-loop -- the pass's last batch before the next pass
      if (batch.length) await flush();
      if (progress.interrupted) return progress;
    }
    return progress;
  };

  return {
    /** Checks the file and, unless it is a dry run, imports its good rows. Returns the report with counts. */
    async run(file: string, format: CatalogFileFormat, options: ImportOptions): Promise<CatalogImportReport> {
      const started = Date.now();
      const org = await loadOrganization(options.organization);
      const context = await buildContext(org);
      const checked = await checkFile(file, format, org, context, options.publish);
      const report = (imported: number, skipped: number): CatalogImportReport => ({
        dryRun: options.dryRun,
        publish: options.publish,
        organization: options.organization,
        counts: { rows: checked.rows, imported, skipped, invalid: checked.invalidRows.size },
        issues: checked.issues,
        issueCount: checked.issueCount,
        seconds: (Date.now() - started) / 1000,
      });
      if (options.dryRun || !checked.header) return report(checked.valid, checked.skipped);
      // stopped while the file was being checked: nothing written, not even the counters
      if (options.shouldStop?.()) return { ...report(0, 0), interrupted: true };

      await strapi.db.transaction(({ trx }) => getService(strapi, 'index-numbers').raiseTo(trx, org.documentId, checked.maxSerial));
      let progress: Awaited<ReturnType<typeof writeRows>>;
      try {
        progress = await writeRows(file, format, checked, org, context, options);
      } finally {
        // the batches committed before a failure are public too
        getService(strapi, 'public-cache').clear();
      }
      return { ...report(progress.imported, progress.done - progress.imported), ...(progress.interrupted ? { interrupted: true } : {}) };
    },
  };
};

export default catalogImport;
export type CatalogImportService = ReturnType<typeof catalogImport>;
