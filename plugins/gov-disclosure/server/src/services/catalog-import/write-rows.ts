/**
 * Pass two of the import: the rows pass one let through, read again from the file and written in
 * batches (write-batch.ts), with progress reported and a stop honoured between batches.
 */
import type { Core } from '@strapi/strapi';
import { readRow, type ImportContext, type ImportRow } from '../../domain/catalog-file';
import { readCatalogFile, type CatalogFileFormat } from '../../catalog-files/read';
import type { Checked } from './check-file';
import { slugMaker } from './slugs';
import { IMPORT_BATCH, type ImportOptions, type Organization } from './types';
import { writeBatch } from './write-batch';

/** Pass two: the good rows in batches, policies before interpretations; stops between batches when asked. */
export const writeRows = async (
  strapi: Core.Strapi,
  file: string,
  format: CatalogFileFormat,
  checked: Checked,
  org: Organization,
  context: ImportContext,
  options: ImportOptions
) => {
  const progress = { done: 0, imported: 0, interrupted: false };
  const total = checked.valid + checked.skipped;
  const slugFor = slugMaker(strapi);
  const header = checked.header!;
  // Policies first, interpretations after, so every 解读对象 in the file exists when it is linked.
  for (const interpretations of checked.hasInterpretations ? [false, true] : [false]) {
    let batch: ImportRow[] = [];
    const flush = async () => {
      progress.imported += await writeBatch(strapi, batch, org, options, slugFor);
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
