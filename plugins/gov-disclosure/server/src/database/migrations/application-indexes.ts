import type { Migration } from '../migration';

/**
 * Indexes the 依申请公开 register needs at a hundred thousand applications (npm run
 * bench:applications measured each; plain B-trees, the same statement on PostgreSQL and SQLite):
 *
 * - tracking_number, unique: the number an applicant holds is one case. The schema's `unique` is
 *   checked by Strapi's validators only, never by the database, so two portal submissions at once
 *   on PostgreSQL drew the same number (register() retries on a unique violation; without this
 *   index there was none to see). It also serves the status look-up and the next number's
 *   ORDER BY tracking_number DESC LIMIT 1.
 * - (state, due_on, id): the working lists — a state, overdue, due within n days — read in the
 *   list's order, and the counts by state from the index alone.
 * - (due_on, id): the whole register in the list's order, a page without sorting every row.
 * - (channel, applicant_type, state, received_on, id): the list's total under its other filters
 *   counted from the index alone (41,588 natural persons' concluded cases: 80 → 15 ms on
 *   PostgreSQL, 60 → 4 ms on SQLite). Channel first on purpose: with state or applicant type
 *   first, SQLite took it for the page too and sorted the 41,588 rows instead of walking the index above.
 * - (organization_document_id, received_on) and (organization_document_id, decided_on): the
 *   report's "is the register in use" probes, and a year's applications of one organization.
 * - events (application_document_id, id): a case's history, in order, without reading every event.
 */
const APPLICATIONS = 'gov_disclosure_applications';
const EVENTS = 'gov_disclosure_application_events';

export const applicationIndexes: Migration = {
  name: '2026.12.03T07.00.00.application-indexes',
  async up(knex) {
    const duplicated = (await knex(APPLICATIONS).select('tracking_number').groupBy('tracking_number').havingRaw('COUNT(*) > 1').limit(20)) as Array<{
      tracking_number: string;
    }>;
    if (duplicated.length > 0) {
      // each of these numbers is held by more than one applicant: which case keeps it is the office's call, not a migration's
      throw new Error(
        `gov-disclosure: tracking numbers given to more than one application (${duplicated.map((d) => d.tracking_number).join(', ')}): ` +
          `give all but one of each a new number (UPDATE ${APPLICATIONS} SET tracking_number = … WHERE id = …), then start again`
      );
    }
    await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS gd_applications_tracking_number_uq ON ${APPLICATIONS} (tracking_number)`);
    await knex.raw(`CREATE INDEX IF NOT EXISTS gd_applications_state_due_idx ON ${APPLICATIONS} (state, due_on, id)`);
    await knex.raw(`CREATE INDEX IF NOT EXISTS gd_applications_due_idx ON ${APPLICATIONS} (due_on, id)`);
    await knex.raw(`CREATE INDEX IF NOT EXISTS gd_applications_filter_idx ON ${APPLICATIONS} (channel, applicant_type, state, received_on, id)`);
    await knex.raw(`CREATE INDEX IF NOT EXISTS gd_applications_org_received_idx ON ${APPLICATIONS} (organization_document_id, received_on)`);
    await knex.raw(`CREATE INDEX IF NOT EXISTS gd_applications_org_decided_idx ON ${APPLICATIONS} (organization_document_id, decided_on)`);
    await knex.raw(`CREATE INDEX IF NOT EXISTS gd_application_events_application_idx ON ${EVENTS} (application_document_id, id)`);
  },
};
