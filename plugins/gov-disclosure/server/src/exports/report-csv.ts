import type { PublicReport } from '../../../shared/public-types';
import type { CountedEntry } from '../../../shared/types';
import { guardFormula } from '../domain/catalog-file';
import { formLayout, layoutGrid } from '../../../shared/domain/report-layout';

const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The statistics tables laid out like the form, one after another under their titles: a merged
 * cell's text stands in its top-left position and the rest of the merge is blank, as a
 * spreadsheet saves merged cells (blank values stay blank). Opens in Excel and WPS as UTF-8
 * thanks to the byte-order mark.
 */
export const reportCsv = (report: PublicReport): string => {
  const lines: string[][] = [];
  for (const table of report.statistics.tables) {
    if (lines.length > 0) lines.push([]);
    lines.push([table.title]);
    lines.push(...layoutGrid(formLayout(table)));
    lines.push(...table.notes.map((note) => [note]));
  }
  return `\ufeff${lines.map((l) => l.map(field).join(',')).join('\r\n')}\r\n`;
};

/** The catalog entries a computed cell counted, one per line (the cell's number is the line count). */
export const countedEntriesCsv = (label: string, entries: CountedEntry[]): string => {
  const lines = [
    [`「${label}」`, `${entries.length}`],
    ['索引号', '名称', '文号', '成文日期', '发布日期', '废止日期', '计入项', 'documentId'],
    // titles and 文号 are typed by people: a leading = + - @ must not run as a formula
    ...entries.map((e) => [
      e.indexNumber ?? '',
      guardFormula(e.title),
      guardFormula(e.documentNumber ?? ''),
      e.writtenDate ?? '',
      e.publishedDate ?? '',
      e.repealedDate ?? '',
      e.countedAs,
      e.documentId,
    ]),
  ];
  return `\ufeff${lines.map((l) => l.map(field).join(',')).join('\r\n')}\r\n`;
};
