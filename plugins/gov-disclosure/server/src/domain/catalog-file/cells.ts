/** Reading single cells as legacy files write them: formulas guarded, dates, labels, lists. */

const FORMULA_START = /^[=+\-@\t\r]/;
export const guardFormula = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);
export const unguardFormula = (cell: string): string => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);

export const text = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return unguardFormula(String(v)).trim();
};

const pad = (n: string) => n.padStart(2, '0');

/** YYYY-MM-DD from the ways legacy files write a date (2018-3-5, 2018/03/05, 2018年3月5日, 20180305). */
export const parseLegacyDate = (raw: string): string | null => {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(raw) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  if (!m) return null;
  const iso = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
};

export const byLabel = <K extends string>(labels: Record<K, { zh: string; en: string }>, raw: string): K | null => {
  const entry = (Object.entries(labels) as Array<[K, { zh: string; en: string }]>).find(
    ([key, l]) => l.zh === raw || l.en.toLowerCase() === raw.toLowerCase() || key === raw
  );
  return entry ? entry[0] : null;
};

export const labelList = (labels: Record<string, { zh: string }>) =>
  Object.values(labels)
    .map((l) => l.zh)
    .join('、');

/** A cell holding several values (栏目, 解读对象), separated as people write lists. */
const LIST_SEPARATORS = /[;；、,，|\n]+/;
export const splitList = (cell: string): string[] =>
  cell
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);

/** Whether a name would be cut in two in a list cell (the export writes such a column by its slug). */
export const hasListSeparator = (name: string): boolean => LIST_SEPARATORS.test(name);
