import type { PublicReport } from '../../../shared/public-types';

const field = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * Every cell of the statistics table, one per line: table, row, column, unit, value (blank stays
 * blank). Opens in Excel and WPS as UTF-8 thanks to the byte-order mark.
 */
export const reportCsv = (report: PublicReport): string => {
  const lines = [['表格 table', '行 row id', '统计指标 indicator', '列 column', '单位 unit', '统计数 value']];
  for (const table of report.statistics.tables) {
    for (const row of table.rows) {
      row.cells.forEach((cell, i) => {
        if (!cell) return;
        const column = table.columns[i];
        lines.push([table.title, row.id, row.label, table.columns.length === 1 ? '' : column.label, row.heading ? '——' : row.unit ?? column.unit ?? '', cell.value === null ? '' : String(cell.value)]);
      });
    }
  }
  return `\ufeff${lines.map((l) => l.map(field).join(',')).join('\r\n')}\r\n`;
};
