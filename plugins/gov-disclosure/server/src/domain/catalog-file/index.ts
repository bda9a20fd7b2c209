/**
 * The legacy catalog file, as Chinese portals export it: one row per entry under headers such as
 * 索引号, 名称, 发布日期. Reading a row into entry values and checking it is pure, so the dry run,
 * the real import, the admin panel and the tests all judge a row the same way.
 */
export { CATALOG_FILE_COLUMNS, CATALOG_FILE_HEADERS, mapHeaders, type FileColumn } from './columns';
export type { ImportContext, ImportRow, StoredAsIs } from './types';
export { guardFormula, hasListSeparator, parseLegacyDate } from './cells';
export { readRow, rowReferences } from './read-row';
export { exportCells, type ExportEntry } from './export-cells';
