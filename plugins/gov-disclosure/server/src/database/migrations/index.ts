/**
 * The plugin's own tables and indexes, in the order they run (each once per database, after
 * Strapi's schema sync: see ../run-migrations.ts). Names keep their date so the order is plain;
 * add new ones at the end, never edit one that has shipped.
 */
import type { Migration } from '../migration';
import { catalogIndexNumberUnique } from './catalog-index-number-unique';
import { indexNumberCounters } from './index-number-counters';
import { liveListIndex } from './live-list-index';
import { columnListings } from './column-listings';
import { liveKindIndex } from './live-kind-index';
import { catalogSearch } from './catalog-search';
import { importJobs } from './import-jobs';
import { jobs } from './jobs';
import { applicationFiles } from './application-files';
import { applicationIndexes } from './application-indexes';
import { columnPurposes } from './column-purposes';
import { entryLinks } from './entry-links';
import { catalogSearchEntryIndex } from './catalog-search-entry-index';
import { catalogTerms } from './catalog-terms';
import { catalogSearchUnreadIndexes } from './catalog-search-unread-indexes';
import { catalogGramCounts } from './catalog-gram-counts';
import { catalogGramCountsSqlite } from './catalog-gram-counts-sqlite';

export const MIGRATIONS: Migration[] = [
  catalogIndexNumberUnique,
  indexNumberCounters,
  liveListIndex,
  columnListings,
  liveKindIndex,
  catalogSearch,
  importJobs,
  jobs,
  applicationFiles,
  applicationIndexes,
  columnPurposes,
  entryLinks,
  catalogSearchEntryIndex,
  catalogTerms,
  catalogSearchUnreadIndexes,
  catalogGramCounts,
  catalogGramCountsSqlite,
];
