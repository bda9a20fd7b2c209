/**
 * Imports started from the admin panel: the uploaded file is checked at once (the dry-run report
 * the user confirms), then imported in the background while the panel polls its progress. Jobs live
 * in this instance's memory and the file in its temporary directory: behind a load balancer the
 * admin panel needs sticky sessions for the few minutes an import takes. Finished jobs are dropped
 * after an hour, their files at once.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { CatalogImportJob } from '../../../shared/types';
import type { CatalogFileFormat } from '../catalog-files/read';
import { getService } from '../utils/get-service';

const KEEP_MS = 60 * 60 * 1000;

interface Job extends CatalogImportJob {
  file: string;
  format: CatalogFileFormat;
  ownerId: number;
  finishedAt?: number;
}

const catalogImportJobs = ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = new Map<string, Job>();
  const dir = path.join(os.tmpdir(), 'gov-disclosure-imports');

  const prune = () => {
    for (const [id, job] of jobs) if (job.finishedAt && Date.now() - job.finishedAt > KEEP_MS) jobs.delete(id);
  };

  const view = ({ file, format, ownerId, finishedAt, ...job }: Job): CatalogImportJob => job;

  const find = (id: string, ownerId: number): Job => {
    const job = jobs.get(id);
    // another user's job is as unknown as a missing one
    if (!job || job.ownerId !== ownerId) throw new errors.NotFoundError(`No import ${id} (imports are kept for an hour)`);
    return job;
  };

  return {
    /** Keeps the upload and checks it: the job holds the dry-run report. */
    async create(upload: { path: string; name: string; format: CatalogFileFormat }, options: { organization: string; publish: boolean }, owner: { id: number }): Promise<CatalogImportJob> {
      prune();
      fs.mkdirSync(dir, { recursive: true });
      const id = crypto.randomUUID();
      const file = path.join(dir, `${id}.${upload.format}`);
      fs.copyFileSync(upload.path, file);
      const report = await getService(strapi, 'catalog-import').run(file, upload.format, { ...options, dryRun: true });
      const job: Job = {
        id, fileName: upload.name, organization: options.organization, publish: options.publish, status: 'validated', report,
        progress: { done: 0, total: report.counts.imported }, result: null, error: null, file, format: upload.format, ownerId: owner.id,
      };
      jobs.set(id, job);
      return view(job);
    },

    get(id: string, ownerId: number): CatalogImportJob {
      return view(find(id, ownerId));
    },

    /** Starts the real import of a checked file; the panel polls get() for progress. */
    confirm(id: string, owner: { id: number; name: string }): CatalogImportJob {
      const job = find(id, owner.id);
      if (job.status !== 'validated') throw new errors.ApplicationError(`This import is already ${job.status}`);
      job.status = 'running';
      getService(strapi, 'catalog-import')
        .run(job.file, job.format, {
          organization: job.organization, publish: job.publish, dryRun: false, actor: owner, fileName: job.fileName,
          onProgress: (done, total) => {
            job.progress = { done, total };
          },
        })
        .then((result) => {
          job.result = result;
          job.status = 'done';
        })
        .catch((error: unknown) => {
          job.status = 'failed';
          job.error = error instanceof Error ? error.message : String(error);
          strapi.log.error(`[gov-disclosure] import ${id} failed: ${job.error}`);
        })
        .finally(() => {
          job.finishedAt = Date.now();
          fs.rmSync(job.file, { force: true });
        });
      return view(job);
    },
  };
};

export default catalogImportJobs;
