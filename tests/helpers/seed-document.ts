import fs from 'node:fs';
import path from 'node:path';

export interface SeedTableRow {
  label: string;
  unit: string;
  value: number | null;
}

const UNITS = new Set(['条', '件', '次', '篇', '个', '人', '万元', '人次', '——']);

/**
 * Reads the statistics table of the seed report straight from its text: each row is a label line,
 * a unit line and a value line (empty when the agency left the cell blank). Independent of the
 * template and the seed data, so comparing against it checks both.
 */
export const readSeedStatisticsTable = (): SeedTableRow[] => {
  const text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'wenzhou-2018-annual-report.txt'), 'utf8');
  const table = text.split('（2018年度）')[1];
  const lines = table.split('\n').map((l) => l.trim());
  const rows: SeedTableRow[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (!UNITS.has(lines[i])) continue;
    let j = i - 1;
    const labelParts: string[] = [];
    while (j >= 0 && lines[j] !== '' && !/^\d+$/.test(lines[j])) {
      labelParts.unshift(lines[j]);
      j -= 1;
    }
    const next = lines[i + 1] ?? '';
    rows.push({ label: labelParts.join(''), unit: lines[i], value: /^\d+$/.test(next) ? Number(next) : null });
  }
  return rows;
};

/** Labels compared without white space and with the form's half-width/full-width variants folded. */
export const normalizeLabel = (label: string) => label.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
