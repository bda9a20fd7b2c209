import type { PublicReport } from '../../../shared/public-types';
import { html, type SafeHtml } from './html';
import { t } from './i18n';

type Table = PublicReport['statistics']['tables'][number];
type Row = Table['rows'][number];

const value = (cell: { value: number | null } | null) => (cell && cell.value !== null ? String(cell.value) : '');

const indent = (row: Row) => `lvl-${Math.min(row.level, 3)}`;

/** The 2008 form: indicator, unit (—— for headings), count. */
const singleColumn = (table: Table, locale: string, caption: string): SafeHtml => html`
<table class="form">
<caption>${caption}</caption>
<thead><tr><th scope="col">${t(locale, 'indicator')}</th><th scope="col">${t(locale, 'unit')}</th><th scope="col" class="num">${t(locale, 'count')}</th></tr></thead>
<tbody>
${table.rows.map((row) => html`<tr><th scope="row" class="${indent(row)}">${row.label}</th><td class="unit">${row.heading ? '——' : row.unit ?? ''}</td><td class="num">${value(row.cells[0])}</td></tr>`)}
</tbody>
</table>`;

/** Grouped headers (法人或其他组织, 行政复议 …) drawn with colspan, ungrouped ones with rowspan. */
const groupedHeader = (table: Table, locale: string): SafeHtml => {
  const grouped = table.columns.some((c) => c.group);
  if (!grouped) {
    return html`<thead><tr><td></td>${table.columns.map((c) => html`<th scope="col" class="num">${c.label}</th>`)}</tr></thead>`;
  }
  const runs: Array<{ group?: string; columns: Table['columns'] }> = [];
  for (const c of table.columns) {
    const last = runs[runs.length - 1];
    if (last && c.group && last.group === c.group) last.columns.push(c);
    else runs.push({ group: c.group, columns: [c] });
  }
  return html`<thead>
<tr><td rowspan="2"><span class="visually-hidden">${t(locale, 'indicator')}</span></td>${runs.map((r) =>
    r.group ? html`<th scope="colgroup" colspan="${r.columns.length}">${r.group}</th>` : html`<th scope="col" rowspan="2" class="num">${r.columns[0].label}</th>`
  )}</tr>
<tr>${runs.filter((r) => r.group).flatMap((r) => r.columns.map((c) => html`<th scope="col" class="num">${c.label}</th>`))}</tr>
</thead>`;
};

/** Tables with a row for every column (2021 三 and 四). */
const grid = (table: Table, locale: string): SafeHtml => html`
<div class="table-scroll"><table class="form">
<caption>${table.title}</caption>
${groupedHeader(table, locale)}
<tbody>
${table.rows.map((row) =>
  row.cells.every((c) => c === null)
    ? html`<tr><th scope="rowgroup" colspan="${table.columns.length + 1}" class="${indent(row)}">${row.label}</th></tr>`
    : html`<tr><th scope="row" class="${indent(row)}">${row.label}</th>${row.cells.map((c) => html`<td class="num">${value(c)}</td>`)}</tr>`
)}
</tbody>
</table></div>`;

/** 2021 table 二: blocks per article item, each with the columns its rows use. */
const blocks = (table: Table): SafeHtml => {
  const width = Math.max(...table.rows.map((r) => r.cells.filter(Boolean).length), 1);
  const out: SafeHtml[] = [];
  table.rows.forEach((row, i) => {
    if (row.heading) {
      const next = table.rows[i + 1];
      const used = next ? table.columns.filter((_, ci) => next.cells[ci] !== null) : [];
      out.push(html`<tr><th scope="colgroup" colspan="${width + 1}">${row.label}</th></tr>`);
      out.push(html`<tr><th scope="col">信息内容</th>${used.map((c) => html`<th scope="col" class="num" colspan="${used.length === 1 ? width : 1}">${c.label}</th>`)}</tr>`);
      return;
    }
    const cells = row.cells.filter((c): c is { column: string; value: number | null } => c !== null);
    out.push(html`<tr><th scope="row">${row.label}</th>${cells.map((c) => html`<td class="num" colspan="${cells.length === 1 ? width : 1}">${value(c)}</td>`)}</tr>`);
  });
  return html`<div class="table-scroll"><table class="form"><caption>${table.title}</caption><tbody>${out}</tbody></table></div>`;
};

export const reportTables = (report: PublicReport, locale: string): SafeHtml =>
  html`${report.statistics.tables.map((table) => {
    if (table.columns.length === 1) return singleColumn(table, locale, `${table.title}（${report.year}${locale === 'en' ? '' : '年度'}）`);
    if (table.rows.some((r) => r.heading && r.cells.every((c) => c === null)) && table.id === 't2') return blocks(table);
    return grid(table, locale);
  })}`;
