/**
 * 错敏词检查 against the office's dictionary (the wording-rule type): the matcher is compiled once
 * and kept until the dictionary changes on any instance (its row count and newest update are read
 * on each check, one small aggregate), so an item is checked in one pass whatever the dictionary's
 * size. The first start seeds a documented starter list once; the office edits it from there.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../shared/constants';
import { compileWordingRules, STARTER_WORDING_RULES, type WordingFinding, type WordingMatcher, type WordingRule } from '../../../shared/domain/wording-check';
import type { WorkflowUid } from '../../../shared/types';
import { documentsOf, rowsOf } from '../utils/query';
import { inCallerTransaction, rawRows, tableOf } from '../utils/sql';

/** The text an inspector reads, per type: what the check reads. */
const CHECKED_FIELDS: Record<WorkflowUid, string[]> = {
  [UID.catalogEntry]: ['title', 'summary', 'body'],
  [UID.annualReport]: ['title', 'preface', 'section1', 'section2', 'section3', 'section4', 'section5', 'section6'],
};

const STARTER_SEEDED = 'wording-starter-seeded';

const wording = ({ strapi }: { strapi: Core.Strapi }) => {
  let compiled: { signature: string; matcher: WordingMatcher } | null = null;
  // a scheduled publication checks inside its job's transaction
  const read = inCallerTransaction(strapi);

  const matcher = async (): Promise<WordingMatcher> => {
    const table = tableOf(strapi, UID.wordingRule);
    const [row] = rawRows<{ n: number | string; at: unknown }>(await read((knex) => knex.raw(`SELECT COUNT(*) AS n, MAX(updated_at) AS at FROM ${table}`)));
    // PostgreSQL returns a Date (String() would drop its milliseconds); SQLite what it stored
    const at = row?.at instanceof Date ? row.at.toISOString() : String(row?.at ?? '');
    const signature = `${Number(row?.n ?? 0)}|${at}`;
    if (compiled?.signature !== signature) {
      const rules = (await rowsOf(strapi, UID.wordingRule).findMany({ select: ['phrase', 'severity', 'suggestion', 'note'] })) as WordingRule[];
      compiled = { signature, matcher: compileWordingRules(rules) };
    }
    return compiled.matcher;
  };

  return {
    /** Findings in the item's text as it stands (title first, then summary, body or the report's parts). */
    async findingsOf(uid: WorkflowUid, row: Record<string, unknown>): Promise<WordingFinding[]> {
      const fields = Object.fromEntries(CHECKED_FIELDS[uid].map((f) => [f, typeof row[f] === 'string' ? (row[f] as string) : null]));
      return (await matcher()).find(fields);
    },

    /** The starter list, once per database: an office that empties its dictionary keeps it empty. */
    async seedStarterListOnce(): Promise<number> {
      const store = strapi.store({ type: 'plugin', name: 'gov-disclosure' });
      if (await store.get({ key: STARTER_SEEDED })) return 0;
      const rules = rowsOf(strapi, UID.wordingRule);
      let added = 0;
      if ((await rules.count()) === 0) {
        for (const rule of STARTER_WORDING_RULES) {
          // eslint-disable-next-line no-await-in-loop -- a few dozen rows, once
          await documentsOf(strapi, UID.wordingRule).create({ data: { ...rule } });
          added += 1;
        }
      }
      await store.set({ key: STARTER_SEEDED, value: true });
      return added;
    },
  };
};

export default wording;
