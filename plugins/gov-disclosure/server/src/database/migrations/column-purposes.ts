import { purposeFromName } from '../../../../shared/domain/column-updates';
import type { Migration } from '../migration';

const COLUMNS = 'gov_disclosure_columns';

/**
 * Columns made before they had a purpose get the one their name suggests (动态 → news, 通知公告 →
 * notices, 政策文件 → policy), so the inspection page warns from the first day after an upgrade;
 * the office corrects any guess in the column's form. Purpose is shared by a column's locales:
 * the guess is taken from whichever locale's name gives one (the Chinese one).
 */
export const columnPurposes: Migration = {
  name: '2026.12.03T12.00.00.column-purposes',
  async up(knex) {
    const rows = (await knex(COLUMNS).select('document_id', 'name')) as Array<{ document_id: string; name: string | null }>;
    const guessed = new Map<string, string>();
    for (const row of rows) {
      const purpose = purposeFromName(row.name ?? '');
      if (purpose !== 'other' && !guessed.has(row.document_id)) guessed.set(row.document_id, purpose);
    }
    for (const [documentId, purpose] of guessed) {
      // eslint-disable-next-line no-await-in-loop -- once, over an agency's few hundred columns
      await knex(COLUMNS)
        .where({ document_id: documentId })
        .where((w) => w.whereNull('purpose').orWhere('purpose', 'other'))
        .update({ purpose });
    }
  },
};
