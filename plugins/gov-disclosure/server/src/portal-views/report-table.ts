import type { PublicReport, PublicReportTable } from '../../../shared/public-types';
import { formLayout, type LayoutCell } from '../../../shared/domain/report-layout';
import { html, type SafeHtml } from './html';

const span = (name: 'colspan' | 'rowspan', n: number) => (n > 1 ? html` ${name}="${n}"` : '');

const indent = (level: number) => (level > 0 ? html` class="lvl-${Math.min(level, 3)}"` : '');

/** One cell of the form as HTML: headings as <th> with their scope, values right-aligned. */
const cellHtml = (cell: LayoutCell): SafeHtml => {
  switch (cell.kind) {
    case 'header':
      // the corner holds a note or a caption for the row labels, not a heading of any column
      return cell.scope
        ? html`<th scope="${cell.scope}"${span('colspan', cell.colSpan)}${span('rowspan', cell.rowSpan)}>${cell.text}</th>`
        : html`<td class="corner"${span('colspan', cell.colSpan)}${span('rowspan', cell.rowSpan)}>${cell.text}</td>`;
    case 'label':
      return html`<th scope="${cell.scope}"${indent(cell.indent)}${span('colspan', cell.colSpan)}${span('rowspan', cell.rowSpan)}>${cell.text}</th>`;
    case 'block':
      return html`<th scope="colgroup" class="block"${span('colspan', cell.colSpan)}>${cell.text}</th>`;
    case 'unit':
      return html`<td class="unit">${cell.text}</td>`;
    default:
      return html`<td class="num" data-cell="${cell.id}"${span('colspan', cell.colSpan)}>${cell.text}</td>`;
  }
};

/** A statistics table drawn like the official form, merged cells and all. */
export const reportTable = (table: PublicReportTable, caption: string): SafeHtml => {
  const layout = formLayout(table);
  const rows = (cells: LayoutCell[][]) => cells.map((row) => html`<tr>${row.map(cellHtml)}</tr>`);
  return html`<div class="table-scroll"><table class="form" data-table="${table.id}">
<caption>${caption}</caption>
${layout.head.length > 0 ? html`<thead>${rows(layout.head)}</thead>` : ''}
<tbody>${rows(layout.body)}</tbody>
</table></div>${table.notes.map((note) => html`<p class="note">${note}</p>`)}`;
};

export const reportTables = (report: PublicReport, locale: string): SafeHtml =>
  html`${report.statistics.tables.map((table) =>
    reportTable(table, table.columns.length === 1 ? `${table.title}（${report.year}${locale === 'en' ? '' : '年度'}）` : table.title)
  )}`;
