/**
 * Reads a catalog file row by row: CSV (UTF-8, with or without BOM) streamed, or the first sheet of
 * an XLSX workbook.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { errors } from '@strapi/utils';

export type CatalogFileFormat = 'csv' | 'xlsx';

export const formatOf = (fileName: string): CatalogFileFormat | null => {
  const ext = path.extname(fileName).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : null;
};

/** A row's cells: strings, numbers or Dates (XLSX date cells), in column order. */
export type Cells = unknown[];

/** A row and its number as a spreadsheet shows it (the header is row 1), for the report. */
export interface FileRow {
  line: number;
  cells: Cells;
}

async function* csvRows(file: string): AsyncGenerator<FileRow> {
  const parser = fs.createReadStream(file).pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }));
  // Numbered by record, as a spreadsheet shows the file (a cell with line breaks stays one row)
  let line = 0;
  for await (const record of parser) {
    line += 1;
    yield { line, cells: record as Cells };
  }
}

const cellValue = (value: ExcelJS.CellValue): unknown => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return value.result ?? '';
    return '';
  }
  return value;
};

// exceljs's streaming reader decodes each chunk of the sheet's XML on its own and garbles a Chinese
// character split between two chunks (18 cells in 20,000 in a test); the whole-workbook reader
// decodes each part at once. A legacy catalog of 100,000 rows fits in memory comfortably.
async function* xlsxRows(file: string): AsyncGenerator<FileRow> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]; // the first sheet is the catalog
  if (!sheet) return;
  for (let n = 1; n <= sheet.rowCount; n += 1) {
    const values = sheet.getRow(n).values as ExcelJS.CellValue[];
    // row.values is 1-based with holes for empty cells
    const cells: Cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellValue(values[i + 1]));
    if (cells.some((c) => c !== '')) yield { line: n, cells };
  }
}

/** A file the reader cannot make rows of: a 400 on the upload, with where it stopped. */
const unreadable = (error: unknown, format: CatalogFileFormat): errors.ValidationError => {
  const { message, lines } = error as { message?: string; lines?: number };
  const where = format === 'csv' && lines ? ` at line ${lines}` : '';
  const what = format === 'csv' ? 'a CSV file (UTF-8, comma-separated)' : 'an .xlsx workbook';
  return new errors.ValidationError(`The file cannot be read as ${what}${where}: ${message ?? String(error)}`, {
    errors: [{ path: ['file'], message: `not readable as ${format}${where}`, name: 'ValidationError' }],
  });
};

/** The file's rows, the header first. */
export async function* readCatalogFile(file: string, format: CatalogFileFormat): AsyncGenerator<FileRow> {
  try {
    yield* format === 'csv' ? csvRows(file) : xlsxRows(file);
  } catch (error) {
    throw unreadable(error, format);
  }
}
