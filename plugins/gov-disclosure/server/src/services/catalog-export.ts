/**
 * Exports an organization's published catalog with the import's columns (domain/catalog-file.ts),
 * as CSV (UTF-8 with BOM, which Excel needs to show Chinese) or XLSX, streamed in batches so a
 * catalog of any size is written without holding it in memory. Re-importing an export into an
 * empty catalog gives the same catalog.
 */
import type { Writable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { DEFAULT_LOCALE, UID } from '../../../shared/constants';
import { CATALOG_FILE_HEADERS, exportCells, guardFormula, hasListSeparator, type ExportEntry, type StoredAsIs } from '../domain/catalog-file';
import type { CatalogFileFormat } from '../catalog-files/read';
import { isoDate } from '../utils/sql';
import { rowsOf } from '../utils/query';

const BATCH = 1000;

interface LiveRow extends StoredAsIs {
  id: number;
  indexNumber: string;
  publishedDate: string | null;
  subjectCategory: { id: number } | null;
  columns: Array<{ id: number }>;
  interprets: Array<{ indexNumber: string | null; documentNumber: string | null }>;
}

const catalogExport = ({ strapi }: { strapi: Core.Strapi }) => {
  /** How the file names subjects and columns: by name where the name is unique, else as the import reads them. */
  const namers = async (organizationId: number) => {
    const subjects = (await rowsOf(strapi, UID.subjectCategory).findMany({
      select: ['id', 'code', 'name'],
      populate: { parent: { select: ['name'] } },
    })) as Array<{
      id: number;
      code: string;
      name: string;
      parent: { name: string } | null;
    }>;
    const nameCount = new Map<string, number>();
    for (const s of subjects) nameCount.set(s.name, (nameCount.get(s.name) ?? 0) + 1);
    const subjectText = new Map(subjects.map((s) => [s.id, nameCount.get(s.name) === 1 ? s.name : s.parent ? `${s.parent.name}/${s.name}` : s.code]));
    const columns = (await rowsOf(strapi, UID.column).findMany({
      where: { locale: DEFAULT_LOCALE, organization: { id: organizationId } },
      select: ['id', 'name', 'slug'],
    })) as Array<{
      id: number;
      name: string;
      slug: string;
    }>;
    const columnNames = new Map<string, number>();
    for (const c of columns) columnNames.set(c.name, (columnNames.get(c.name) ?? 0) + 1);
    const columnText = new Map(columns.map((c) => [c.id, columnNames.get(c.name) === 1 && !hasListSeparator(c.name) ? c.name : c.slug]));
    return { subjectText, columnText };
  };

  /** One keyset page of the organization's live entries after a 索引号. */
  const livePage = async (organizationId: number, after: string) =>
    (await rowsOf(strapi, UID.catalogEntry).findMany({
      // every live entry has its 索引号, unique: a key to page by
      where: { locale: DEFAULT_LOCALE, publishedAt: { $notNull: true }, organization: { id: organizationId }, indexNumber: { $gt: after } },
      select: [
        'id',
        'indexNumber',
        'title',
        'writtenDate',
        'publishedDate',
        'documentNumber',
        'genre',
        'validity',
        'disclosureMode',
        'keywords',
        'body',
        'repealedDate',
        'withholdReason',
        'summary',
        'effectiveDate',
        'disclosureScope',
        'disclosureTerm',
        'channels',
        'documentKind',
      ],
      populate: {
        subjectCategory: { select: ['id'] },
        columns: { select: ['id'] },
        interprets: { select: ['indexNumber', 'documentNumber'], where: { publishedAt: { $notNull: true } } },
      },
      orderBy: { indexNumber: 'asc' },
      limit: BATCH,
    })) as LiveRow[];

  return {
    /** The organization's live entries in 索引号 order (the register's own), as file rows. */
    async *entries(organizationSlug: string): AsyncGenerator<ExportEntry> {
      const org = (await rowsOf(strapi, UID.organization).findOne({ where: { slug: organizationSlug, locale: DEFAULT_LOCALE }, select: ['id', 'name'] })) as {
        id: number;
        name: string;
      } | null;
      if (!org) return;
      const { subjectText, columnText } = await namers(org.id);
      let after = '';
      for (;;) {
        // eslint-disable-next-line no-await-in-loop -- keyset pages, one after another
        const rows = await livePage(org.id, after);
        if (rows.length === 0) return;
        for (const r of rows) {
          yield {
            indexNumber: r.indexNumber,
            title: r.title,
            organization: org.name,
            writtenDate: isoDate(r.writtenDate),
            publishedDate: isoDate(r.publishedDate),
            documentNumber: r.documentNumber,
            subject: r.subjectCategory ? (subjectText.get(r.subjectCategory.id) ?? null) : null,
            genre: r.genre,
            validity: r.validity,
            disclosureMode: r.disclosureMode,
            keywords: r.keywords,
            body: r.body,
            columns: r.columns.map((c) => columnText.get(c.id)).filter((c): c is string => Boolean(c)),
            repealedDate: isoDate(r.repealedDate),
            withholdReason: r.withholdReason,
            interprets: r.interprets.map((t) => t.indexNumber ?? t.documentNumber).filter((t): t is string => Boolean(t)),
            summary: r.summary,
            effectiveDate: isoDate(r.effectiveDate),
            disclosureScope: r.disclosureScope,
            disclosureTerm: r.disclosureTerm,
            channels: Array.isArray(r.channels) && r.channels.length > 0 ? r.channels : null,
            documentKind: r.documentKind,
          };
        }
        after = String(rows[rows.length - 1].indexNumber);
      }
    },

    /** Whether an organization of that slug exists (an export of nothing is a 404, not an empty file). */
    async organizationExists(organizationSlug: string): Promise<boolean> {
      return (await rowsOf(strapi, UID.organization).count({ where: { slug: organizationSlug } })) > 0;
    },

    /** Writes the export to `out`; resolves with the number of entries once the file is complete. */
    async write(out: Writable, format: CatalogFileFormat, organizationSlug: string): Promise<number> {
      let count = 0;
      if (format === 'csv') {
        const csv = stringify({ bom: true });
        const finished = new Promise<void>((resolve, reject) => {
          out.on('finish', resolve);
          out.on('error', reject);
          csv.on('error', reject);
        });
        csv.pipe(out);
        const put = (cells: string[]) => (csv.write(cells) ? Promise.resolve() : new Promise<void>((resolve) => csv.once('drain', () => resolve())));
        await put(CATALOG_FILE_HEADERS);
        for await (const entry of this.entries(organizationSlug)) {
          // XLSX cells are typed text; a CSV cell is what Excel makes of it
          await put(exportCells(entry).map(guardFormula));
          count += 1;
        }
        csv.end();
        await finished;
        return count;
      }
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
      const sheet = workbook.addWorksheet('政府信息公开目录');
      sheet.addRow(CATALOG_FILE_HEADERS).commit();
      for await (const entry of this.entries(organizationSlug)) {
        sheet.addRow(exportCells(entry)).commit();
        count += 1;
      }
      sheet.commit();
      await workbook.commit();
      return count;
    },
  };
};

export default catalogExport;
export type CatalogExportService = ReturnType<typeof catalogExport>;
