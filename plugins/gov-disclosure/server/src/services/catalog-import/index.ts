/**
 * Imports a legacy catalog file into one organization. Two passes over the file: the first checks
 * every row (the dry run stops there) and finds the highest legacy serial of each period; the second
 * writes the good rows in batches, each batch one transaction holding its entries, their links, their
 * publish events, the listing and search rows and the raised 索引号 counters. An interrupted run
 * leaves whole batches only; a rerun recognises what is already there (by 索引号, or by title, date
 * and 文号 for rows without one) and skips it, so nothing is imported twice and nothing is lost.
 *
 * This file is the service: it composes the steps, each in its own module of this folder.
 */
import type { Core } from '@strapi/strapi';
import type { CatalogImportReport } from '../../../../shared/types';
import type { CatalogFileFormat } from '../../catalog-files/read';
import { getService } from '../../utils/get-service';
import { checkFile } from './check-file';
import { buildContext, loadOrganization } from './context';
import type { ImportOptions } from './types';
import { writeRows } from './write-rows';

export { IMPORT_BATCH, MAX_REPORTED_ISSUES, type ImportOptions } from './types';

const catalogImport = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Checks the file and, unless it is a dry run, imports its good rows. Returns the report with counts. */
  async run(file: string, format: CatalogFileFormat, options: ImportOptions): Promise<CatalogImportReport> {
    const started = Date.now();
    const org = await loadOrganization(strapi, options.organization);
    const context = await buildContext(strapi, org);
    const checked = await checkFile(strapi, file, format, org, context, options.publish);
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
      progress = await writeRows(strapi, file, format, checked, org, context, options);
    } finally {
      // the batches committed before a failure are public too
      getService(strapi, 'public-cache').clear();
    }
    return { ...report(progress.imported, progress.done - progress.imported), ...(progress.interrupted ? { interrupted: true } : {}) };
  },
});

export default catalogImport;
export type CatalogImportService = ReturnType<typeof catalogImport>;
