/**
 * The shapes and limits the catalog import's modules share, kept apart so that each step (checking,
 * writing) can name them without importing another step.
 */
import type { Core } from '@strapi/strapi';

export const IMPORT_BATCH = 500;
export const MAX_REPORTED_ISSUES = 1000;

export type Knex = Core.Strapi['db']['connection'];

export interface ImportOptions {
  organization: string;
  publish: boolean;
  dryRun: boolean;
  /** Recorded as the publisher of imported entries. */
  actor?: { id: number | null; name: string } | null;
  fileName?: string;
  onProgress?: (done: number, total: number) => void;
  /** Asked between batches: true stops the run cleanly after the batch that is being written. */
  shouldStop?: () => boolean;
}

export interface Organization {
  id: number;
  documentId: string;
  name: string;
  code: string;
  indexNumberPattern: string | null;
}

export interface InterpretedTarget {
  draft?: number;
  live?: number;
  genre: string;
  documentId: string;
  /** Live, and of a kind the public may see: what a published 政策解读 must explain. */
  isPublic: boolean;
}

/** What a row of the file would be once imported, as a 解读对象 of another row. */
export interface RowAsTarget {
  row: number;
  genre: string;
  isPublic: boolean;
}
