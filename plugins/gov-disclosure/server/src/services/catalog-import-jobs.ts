/**
 * Imports started from the admin panel: the uploaded file is checked at once (the dry-run report
 * the user confirms), then imported in the background while the panel polls its progress. Job and
 * file live in the database, so behind a load balancer any instance can confirm an import or
 * report on it; the instance that took the confirmation runs it and beats a heartbeat into the job,
 * and an import whose instance stopped is reported as failed (a rerun skips what was imported).
 * Finished jobs are dropped after an hour, their files as soon as they end.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { CatalogImportJob, CatalogImportJobStatus, CatalogImportReport } from '../../../shared/types';
import type { CatalogFileFormat } from '../catalog-files/read';
import { getService } from '../utils/get-service';

export const JOBS_TABLE = 'gov_disclosure_import_jobs';
export const PARTS_TABLE = 'gov_disclosure_import_file_parts';

/** Bytes per stored part: a 200 MB upload never sits in memory whole, as one bytea would. */
const PART_BYTES = 4 * 1024 * 1024;
const KEEP_FINISHED_MS = 60 * 60 * 1000;
const KEEP_UNCONFIRMED_MS = 24 * 60 * 60 * 1000;
const HEARTBEAT_MS = 10 * 1000;
/** Six missed heartbeats: the instance running the import has stopped. */
export const STALE_AFTER_MS = 60 * 1000;

interface JobRow {
  id: string;
  owner_id: number;
  file_name: string;
  format: string;
  organization: string;
  publish: boolean | number;
  status: CatalogImportJobStatus;
  report: string;
  progress_done: number;
  progress_total: number;
  result: string | null;
  error: string | null;
  updated_at: number | string;
}

const VIEW_COLUMNS = [
  'id',
  'owner_id',
  'file_name',
  'format',
  'organization',
  'publish',
  'status',
  'report',
  'progress_done',
  'progress_total',
  'result',
  'error',
  'updated_at',
];

const view = (row: JobRow): CatalogImportJob => ({
  id: row.id,
  fileName: row.file_name,
  organization: row.organization,
  publish: Boolean(row.publish),
  status: row.status,
  report: JSON.parse(row.report) as CatalogImportReport,
  progress: { done: Number(row.progress_done), total: Number(row.progress_total) },
  result: row.result ? (JSON.parse(row.result) as CatalogImportReport) : null,
  error: row.error,
});

const catalogImportJobs = ({ strapi }: { strapi: Core.Strapi }) => {
  const db = () => strapi.db.connection;
  const dir = path.join(os.tmpdir(), 'gov-disclosure-imports');

  const prune = async () => {
    const now = Date.now();
    const old = (await db()(JOBS_TABLE)
      .where((b) =>
        b
          .where('finished_at', '<', now - KEEP_FINISHED_MS)
          .orWhere((c) => c.where('status', 'validated').andWhere('created_at', '<', now - KEEP_UNCONFIRMED_MS))
          // a running job whose instance died an hour ago: nobody polled it to mark it failed
          .orWhere((c) => c.where('status', 'running').andWhere('updated_at', '<', now - KEEP_FINISHED_MS))
      )
      .select('id')) as Array<{ id: string }>;
    if (old.length === 0) return;
    const ids = old.map((r) => r.id);
    await db().transaction(async (trx) => {
      await trx(PARTS_TABLE).whereIn('job_id', ids).delete();
      await trx(JOBS_TABLE).whereIn('id', ids).delete();
    });
  };

  const storeFile = async (trx: Core.Strapi['db']['connection'], id: string, file: string) => {
    const handle = await fs.promises.open(file, 'r');
    try {
      for (let part = 0; ; part += 1) {
        const buffer = Buffer.alloc(PART_BYTES);
        // eslint-disable-next-line no-await-in-loop -- parts are read and stored one after another
        const { bytesRead } = await handle.read(buffer, 0, PART_BYTES, null);
        if (bytesRead === 0 && part > 0) return;
        // eslint-disable-next-line no-await-in-loop
        await trx(PARTS_TABLE).insert({ job_id: id, part, data: buffer.subarray(0, bytesRead) });
        if (bytesRead < PART_BYTES) return;
      }
    } finally {
      await handle.close();
    }
  };

  const restoreFile = async (id: string, format: string): Promise<string> => {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${id}-${process.pid}.${format}`);
    const out = await fs.promises.open(file, 'w');
    try {
      for (let part = 0; ; part += 1) {
        // eslint-disable-next-line no-await-in-loop -- one part in memory at a time
        const row = (await db()(PARTS_TABLE).where({ job_id: id, part }).first('data')) as { data: Buffer } | undefined;
        if (!row) return file;
        // eslint-disable-next-line no-await-in-loop
        await out.write(row.data);
      }
    } finally {
      await out.close();
    }
  };

  /** The job of this owner; another user's job is as unknown as a missing one. */
  const find = async (id: string, ownerId: number): Promise<JobRow> => {
    const row = (await db()(JOBS_TABLE).where({ id, owner_id: ownerId }).first(VIEW_COLUMNS)) as JobRow | undefined;
    if (!row) throw new errors.NotFoundError(`No import ${id} (imports are kept for an hour)`);
    return row;
  };

  const update = (id: string, values: Record<string, unknown>) =>
    db()(JOBS_TABLE)
      .where({ id })
      .update({ ...values, updated_at: Date.now() });

  const run = async (row: JobRow, owner: { id: number; name: string }) => {
    let file: string | null = null;
    const heartbeat = setInterval(() => {
      update(row.id, {}).catch((error: unknown) => strapi.log.warn(`[gov-disclosure] import ${row.id}: heartbeat not stored: ${String(error)}`));
    }, HEARTBEAT_MS);
    try {
      file = await restoreFile(row.id, row.format);
      const result = await getService(strapi, 'catalog-import').run(file, row.format as CatalogFileFormat, {
        organization: row.organization,
        publish: Boolean(row.publish),
        dryRun: false,
        actor: owner,
        fileName: row.file_name,
        onProgress: (done, total) => {
          update(row.id, { progress_done: done, progress_total: total }).catch((error: unknown) =>
            strapi.log.warn(`[gov-disclosure] import ${row.id}: progress not stored: ${String(error)}`)
          );
        },
      });
      await update(row.id, { status: 'done', result: JSON.stringify(result), finished_at: Date.now() });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      strapi.log.error(`[gov-disclosure] import ${row.id} failed: ${message}`);
      await update(row.id, { status: 'failed', error: message, finished_at: Date.now() });
    } finally {
      clearInterval(heartbeat);
      if (file) fs.rmSync(file, { force: true });
      await db()(PARTS_TABLE).where({ job_id: row.id }).delete();
    }
  };

  return {
    /** Checks the upload (the job holds the dry-run report) and keeps it for the confirmation. */
    async create(
      upload: { path: string; name: string; format: CatalogFileFormat },
      options: { organization: string; publish: boolean },
      owner: { id: number }
    ): Promise<CatalogImportJob> {
      await prune();
      const report = await getService(strapi, 'catalog-import').run(upload.path, upload.format, { ...options, dryRun: true });
      const id = crypto.randomUUID();
      const now = Date.now();
      await db().transaction(async (trx) => {
        await trx(JOBS_TABLE).insert({
          id,
          owner_id: owner.id,
          file_name: upload.name,
          format: upload.format,
          organization: options.organization,
          publish: options.publish,
          status: 'validated',
          report: JSON.stringify(report),
          progress_done: 0,
          progress_total: report.counts.imported,
          created_at: now,
          updated_at: now,
        });
        await storeFile(trx, id, upload.path);
      });
      return view(await find(id, owner.id));
    },

    async get(id: string, ownerId: number): Promise<CatalogImportJob> {
      const row = await find(id, ownerId);
      if (row.status === 'running' && Date.now() - Number(row.updated_at) > STALE_AFTER_MS) {
        const error = 'The server running this import stopped before it ended. Upload the file again: rows already imported are skipped.';
        await db()(JOBS_TABLE)
          .where({ id, status: 'running' })
          .andWhere('updated_at', '<', Date.now() - STALE_AFTER_MS)
          .update({ status: 'failed', error, finished_at: Date.now() });
        return view(await find(id, ownerId));
      }
      return view(row);
    },

    /** Starts the real import of a checked file in this instance; the panel polls get() for progress. */
    async confirm(id: string, owner: { id: number; name: string }): Promise<CatalogImportJob> {
      // The status change is the claim: of two confirmations, on any instances, one wins. It is
      // refused while another import into the organization runs (the batches' lock would keep the
      // two from writing a row twice; this keeps people from waiting on each other).
      const claimed = await db()(JOBS_TABLE)
        .where({ id, owner_id: owner.id, status: 'validated' })
        .whereNotExists((other) =>
          other
            .select(db().raw('1'))
            .from(`${JOBS_TABLE} as other`)
            .whereRaw('?? = ??', ['other.organization', `${JOBS_TABLE}.organization`])
            .where('other.status', 'running')
            .andWhere('other.updated_at', '>=', Date.now() - STALE_AFTER_MS)
        )
        .update({ status: 'running', updated_at: Date.now() });
      const row = await find(id, owner.id);
      if (!claimed) {
        throw new errors.ApplicationError(
          row.status === 'validated'
            ? 'Another import into this organization is running; confirm this one when it has ended'
            : `This import is already ${row.status}`
        );
      }
      run(row, owner).catch((error: unknown) => strapi.log.error(`[gov-disclosure] import ${id}: ${String(error)}`));
      return view(row);
    },
  };
};

export default catalogImportJobs;
export type CatalogImportJobsService = ReturnType<typeof catalogImportJobs>;
