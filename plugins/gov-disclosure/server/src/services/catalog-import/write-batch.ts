/**
 * Pass two, one batch: one transaction holding the batch's entries (a draft row, and a live row when
 * publishing), their links, their publish events, the listing and search rows and the raised 索引号
 * counters, so an interrupted run leaves whole batches only.
 *
 * Rows are written with the query engine in bulk, not one Document Service call per entry (hours
 * for 100,000 rows): the file's checks are the write guard's rules (domain/catalog-file.ts).
 */
import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, UID } from '../../../../shared/constants';
import { counterPeriod, DEFAULT_INDEX_NUMBER_PATTERN, formatIndexNumber } from '../../../../shared/domain/index-number-pattern';
import type { ImportRow } from '../../domain/catalog-file';
import { workflowEventData } from '../../domain/workflow-event';
import { chunksOf, joinTableOf, lockUntilCommit, type JoinTable } from '../../utils/sql';
import { getService } from '../../utils/get-service';
import { rowsOf } from '../../utils/query';
import { existing, interpretedTargets } from './references';
import type { SlugFor } from './slugs';
import type { ImportOptions, Knex, Organization } from './types';

type Entry = Record<string, unknown>;
type Links = Array<[JoinTable, Array<[number, number]>]>;

const joinOf = (strapi: Core.Strapi, attribute: string) => joinTableOf(strapi, UID.catalogEntry, attribute);

/** A row's entry as stored: the draft row; the live row is the same with publishedAt set. */
const entryOf = (v: ImportRow['values'], made: { documentId: string; indexNumber: string | null; slug: string }, publish: boolean, now: Date): Entry => ({
  documentId: made.documentId,
  locale: DEFAULT_LOCALE,
  slug: made.slug,
  title: v.title,
  body: v.body,
  keywords: v.keywords,
  indexNumber: made.indexNumber,
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
  workflowState: publish ? 'published' : 'draft',
  createdAt: now,
  updatedAt: now,
  publishedAt: null,
});

/** The draft entries of the rows, a 索引号 drawn for each row without one when publishing, and a slug. */
const draftEntries = async (strapi: Core.Strapi, trx: Knex, todo: ImportRow[], org: Organization, slugFor: SlugFor, publish: boolean, now: Date) => {
  const pattern = org.indexNumberPattern || DEFAULT_INDEX_NUMBER_PATTERN;
  const drafts: Entry[] = [];
  for (const r of todo) {
    const v = r.values;
    let { indexNumber } = v;
    if (!indexNumber && publish) {
      const date = new Date(`${v.publishedDate}T00:00:00Z`);
      // eslint-disable-next-line no-await-in-loop -- serials are drawn in file order
      const serial = await getService(strapi, 'index-numbers').nextSerial(
        trx,
        org.documentId,
        counterPeriod(pattern, date.getUTCFullYear(), date.getUTCMonth() + 1)
      );
      indexNumber = formatIndexNumber(pattern, { code: org.code, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, serial });
    }
    const documentId = createId();
    // eslint-disable-next-line no-await-in-loop
    const slug = await slugFor(trx, v.title);
    drafts.push(entryOf(v, { documentId, indexNumber, slug }, publish, now));
  }
  return drafts;
};

const insertEntries = async (strapi: Core.Strapi, data: Entry[]) => {
  const ids: number[] = [];
  for (const chunk of chunksOf(data)) {
    // eslint-disable-next-line no-await-in-loop
    const created = (await rowsOf(strapi, UID.catalogEntry).createMany({ data: chunk })) as { ids: number[] };
    ids.push(...created.ids);
  }
  return ids;
};

/** The entries' links to their organization, 主题分类, columns and 解读对象, for the draft and the live rows. */
const entryLinks = async (strapi: Core.Strapi, trx: Knex, todo: ImportRow[], org: Organization, ids: { draft: number[]; live: number[] }, publish: boolean) => {
  const links: Links = [];
  const pairs = (target: (r: ImportRow) => number[]) =>
    todo.flatMap((r, i) => target(r).flatMap((t) => [[ids.draft[i], t] as [number, number], ...(publish ? [[ids.live[i], t] as [number, number]] : [])]));
  links.push([joinOf(strapi, 'organization'), pairs(() => [org.id])]);
  links.push([joinOf(strapi, 'subjectCategory'), pairs((r) => (r.values.subjectCategoryId ? [r.values.subjectCategoryId] : []))]);
  links.push([joinOf(strapi, 'columns'), pairs((r) => r.values.columnIds)]);

  // interpretations: draft to draft, live to live, as Strapi relates documents with draft and publish
  const refs = [...new Set(todo.flatMap((r) => r.values.interprets))];
  if (refs.length) {
    const targets = await interpretedTargets(strapi, trx, refs);
    const interprets: Array<[number, number]> = [];
    todo.forEach((r, i) => {
      for (const ref of r.values.interprets) {
        const t = targets.get(ref);
        // checked in pass one; the catalog changed since: roll the batch back rather than lose the link
        if (!t || t === 'ambiguous' || !t.draft)
          throw new errors.ApplicationError(`Row ${r.row}: 解读对象 ${ref} is no longer one entry of the catalog; check the file again`);
        interprets.push([ids.draft[i], t.draft]);
        if (t.live && publish) interprets.push([ids.live[i], t.live]);
      }
    });
    links.push([joinOf(strapi, 'interprets'), interprets]);
  }
  return links;
};

const insertLinks = async (trx: Knex, links: Links) => {
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
};

/** Published entries: a publish event each in the trail, and their listing and search rows. */
const recordPublication = async (strapi: Core.Strapi, trx: Knex, drafts: Entry[], options: ImportOptions, now: Date): Promise<void> => {
  const documentIds = drafts.map((d) => String(d.documentId));
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
  await getService(strapi, 'entry-links').refreshDocuments(trx, documentIds);
};

/** Pass two, one batch: entries (a draft row, and a live row when publishing), links, events, listings. */
export const writeBatch = async (strapi: Core.Strapi, rows: ImportRow[], org: Organization, options: ImportOptions, slugFor: SlugFor): Promise<number> =>
  strapi.db.transaction(async ({ trx }) => {
    // Two imports into one organization (two admins, two instances) take turns batch by batch,
    // so each sees what the other wrote and skips it instead of writing it twice.
    await lockUntilCommit(strapi, trx, `gov-disclosure:import:${org.documentId}`);
    const { skip } = await existing(strapi, trx, org, rows);
    const todo = rows.filter((r) => !skip.has(r.row));
    if (todo.length === 0) return 0;
    const now = new Date();
    const drafts = await draftEntries(strapi, trx, todo, org, slugFor, options.publish, now);
    const draftIds = await insertEntries(strapi, drafts);
    const liveIds = options.publish
      ? await insertEntries(
          strapi,
          drafts.map((d) => ({ ...d, publishedAt: now }))
        )
      : [];
    await insertLinks(trx, await entryLinks(strapi, trx, todo, org, { draft: draftIds, live: liveIds }, options.publish));
    if (options.publish) await recordPublication(strapi, trx, drafts, options, now);
    return todo.length;
  });
