/**
 * Scheduled work that runs once across every instance on one database. Jobs live in a table; each
 * instance polls for due ones and claims them with a lease (its name and an expiry) in a single
 * UPDATE, with SKIP LOCKED on PostgreSQL so two instances never claim the same row. A job's effect
 * and its completion commit in one transaction, and completion only counts while the instance
 * still holds the lease: a holder that died (its lease expired, the job claimed again) rolls back
 * instead of doing the work twice. A failure is retried with back-off (../domain/job-retry.ts),
 * then waits in the admin panel for the office. On SQLite the single instance runs them in-process.
 */
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { JobStatus, JobView, WorkflowUid } from '../../../shared/types';
import { isWorkflowUid } from '../../../shared/domain/workflow';
import { afterFailure } from '../domain/job-retry';
import { rawRows } from '../utils/sql';

export const JOBS_TABLE = 'gov_disclosure_jobs';

/** What a job's handler returns: a time to run again (recurring work), or work for after the commit. */
export interface JobResult {
  runAgainAt?: number;
  afterCommit?: () => Promise<void>;
}

export type JobHandler = (payload: Record<string, unknown>, job: { id: number; key: string; attempts: number }) => Promise<JobResult | void>;

interface JobRow {
  id: number;
  kind: string;
  job_key: string;
  payload: string;
  status: JobStatus;
  run_at: number | string;
  attempts: number;
  last_error: string | null;
  updated_at: number | string;
}

/** Thrown when the lease was lost mid-run: another instance has the job now, and this run's work rolls back. */
class LeaseLost extends Error {}

const CLAIM_BATCH = 10;

const targetOf = (payload: Record<string, unknown>): JobView['target'] => {
  const { uid, documentId, locale } = payload;
  return typeof uid === 'string' && isWorkflowUid(uid) && typeof documentId === 'string' && typeof locale === 'string'
    ? { uid: uid as WorkflowUid, documentId, locale }
    : null;
};

const view = (row: JobRow): JobView => ({
  id: Number(row.id),
  kind: row.kind,
  status: row.status,
  runAt: new Date(Number(row.run_at)).toISOString(),
  attempts: Number(row.attempts),
  lastError: row.last_error,
  updatedAt: new Date(Number(row.updated_at)).toISOString(),
  target: targetOf(JSON.parse(row.payload) as Record<string, unknown>),
});

const jobs = ({ strapi }: { strapi: Core.Strapi }) => {
  /** This instance's name on the leases it holds. */
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const handlers = new Map<string, JobHandler>();
  const db = () => strapi.db.connection;
  const postgres = () => strapi.db.dialect.client === 'postgres';
  const config = () => strapi.plugin('gov-disclosure').config('jobs') as { pollSeconds: number; leaseSeconds: number };
  const leaseMs = () => config().leaseSeconds * 1000;
  let timer: NodeJS.Timeout | null = null;
  /** The tick in progress: ticks never overlap, and stop() waits for it. */
  let ticking: Promise<void> | null = null;
  let stopped = true;

  /** Claims due jobs and jobs whose holder's lease ran out, in one statement. */
  const claim = async (now: number): Promise<JobRow[]> => {
    const due = `((status = 'pending' AND run_at <= ?) OR (status = 'running' AND lease_until < ?))`;
    const result = await db().raw(
      `UPDATE ${JOBS_TABLE} SET status = 'running', lease_owner = ?, lease_until = ?, attempts = attempts + 1, updated_at = ?
       WHERE id IN (SELECT id FROM ${JOBS_TABLE} WHERE ${due} ORDER BY run_at, id LIMIT ${CLAIM_BATCH}${postgres() ? ' FOR UPDATE SKIP LOCKED' : ''})
       AND ${due}
       RETURNING id, kind, job_key, payload, status, run_at, attempts, last_error, updated_at`,
      [owner, now + leaseMs(), now, now, now, now, now]
    );
    return rawRows<JobRow>(result);
  };

  /** Keeps the lease while a long job runs (PostgreSQL: another connection; SQLite has one instance and one connection). */
  const keepLease = (id: number) => {
    if (!postgres()) return () => {};
    const beat = setInterval(() => {
      db()(JOBS_TABLE)
        .where({ id, lease_owner: owner, status: 'running' })
        .update({ lease_until: Date.now() + leaseMs() })
        .catch((error: Error) => strapi.log.warn(`[gov-disclosure] could not renew the lease of job ${id}: ${error.message}`));
    }, leaseMs() / 3);
    return () => clearInterval(beat);
  };

  const runOne = async (row: JobRow) => {
    const handler = handlers.get(row.kind);
    const id = Number(row.id);
    const stopBeating = keepLease(id);
    try {
      if (!handler) throw new Error(`no handler for jobs of kind "${row.kind}" on this instance`);
      const payload = JSON.parse(row.payload) as Record<string, unknown>;
      let afterCommit: JobResult['afterCommit'];
      await strapi.db.transaction(async ({ trx }) => {
        const result = (await handler(payload, { id, key: row.job_key, attempts: Number(row.attempts) })) ?? {};
        afterCommit = result.afterCommit;
        const now = Date.now();
        const finished = await trx(JOBS_TABLE)
          .where({ id, lease_owner: owner, status: 'running' })
          .update(
            result.runAgainAt === undefined
              ? { status: 'done', finished_at: now, updated_at: now, lease_owner: null, lease_until: null, last_error: null }
              : { status: 'pending', run_at: result.runAgainAt, attempts: 0, updated_at: now, lease_owner: null, lease_until: null, last_error: null }
          );
        if (finished !== 1) throw new LeaseLost(`job ${id} was claimed by another instance while this one ran it`);
      });
      // the operations trail of what ran where (kind and id only: a payload may name a person)
      strapi.log.info(`[gov-disclosure] job ${id} (${row.kind}) done on ${owner}`);
      await afterCommit?.().catch((error: Error) => strapi.log.error(`[gov-disclosure] job ${id} (${row.kind}) done; its follow-up failed: ${error.message}`));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof LeaseLost) {
        strapi.log.warn(`[gov-disclosure] ${message}; its work here was rolled back`);
        return;
      }
      const next = afterFailure(Number(row.attempts), Date.now());
      strapi.log.error(`[gov-disclosure] job ${id} (${row.kind}) failed, attempt ${row.attempts}: ${message}`);
      await db()(JOBS_TABLE)
        .where({ id, lease_owner: owner })
        .update({ status: next.status, run_at: next.runAt, last_error: message.slice(0, 2000), lease_owner: null, lease_until: null, updated_at: Date.now() });
    } finally {
      stopBeating();
    }
  };

  /** One pass: claims what is due and runs it, one job after another. */
  const runDue = async (): Promise<number> => {
    let ran = 0;
    for (;;) {
      // eslint-disable-next-line no-await-in-loop -- batches one after another until nothing is due
      const claimed = await claim(Date.now());
      for (const row of claimed) {
        // eslint-disable-next-line no-await-in-loop -- jobs of one instance run one at a time
        await runOne(row);
        ran += 1;
      }
      if (claimed.length < CLAIM_BATCH || stopped) return ran;
    }
  };

  const tick = () => {
    if (ticking || stopped) return;
    ticking = runDue()
      .then(() => undefined)
      .catch((error: Error) => {
        strapi.log.error(`[gov-disclosure] scheduled work could not be claimed: ${error.message}`);
      })
      .finally(() => {
        ticking = null;
      });
  };

  return {
    /** Each kind of job has one handler, registered at bootstrap by whatever owns that work. */
    register(kind: string, handler: JobHandler) {
      handlers.set(kind, handler);
    },

    /** Adds a job, or moves the one with this kind and key to the new time (and payload), ready to run again. */
    async schedule(kind: string, key: string, runAt: number, payload: Record<string, unknown> = {}): Promise<void> {
      const now = Date.now();
      // in the caller's transaction when there is one (a schedule commits with its audit event)
      await strapi.db.transaction(async ({ trx: knex }) => {
        const data = {
          payload: JSON.stringify(payload),
          status: 'pending',
          run_at: runAt,
          attempts: 0,
          last_error: null,
          lease_owner: null,
          lease_until: null,
        };
        await knex(JOBS_TABLE)
          .insert({ kind, job_key: key, ...data, created_at: now, updated_at: now, finished_at: null })
          .onConflict(['kind', 'job_key'])
          .merge({ ...data, updated_at: now, finished_at: null });
      });
    },

    /** Adds a recurring job once: a second instance, or the next start, leaves the existing one as it is. */
    async ensure(kind: string, key: string, runAt: number): Promise<void> {
      const now = Date.now();
      await db()(JOBS_TABLE)
        .insert({ kind, job_key: key, payload: '{}', status: 'pending', run_at: runAt, attempts: 0, created_at: now, updated_at: now })
        .onConflict(['kind', 'job_key'])
        .ignore();
    },

    /** Drops a job that has not run; true when there was one. Inside a caller's transaction when there is one. */
    async cancel(kind: string, key: string): Promise<boolean> {
      return strapi.db.transaction(
        async ({ trx }) => (await trx(JOBS_TABLE).where({ kind, job_key: key }).whereIn('status', ['pending', 'failed']).delete()) > 0
      );
    },

    async find(kind: string, key: string): Promise<(JobView & { payload: Record<string, unknown> }) | null> {
      const row = (await strapi.db.transaction(async ({ trx }) => trx(JOBS_TABLE).where({ kind, job_key: key }).first())) as JobRow | undefined;
      return row ? { ...view(row), payload: JSON.parse(row.payload) as Record<string, unknown> } : null;
    },

    /** Pending publications by key, for a task list. */
    async pending(kind: string): Promise<Map<string, number>> {
      const rows = (await db()(JOBS_TABLE).where({ kind }).whereIn('status', ['pending', 'running', 'failed']).select('job_key', 'run_at')) as JobRow[];
      return new Map(rows.map((r) => [r.job_key, Number(r.run_at)]));
    },

    /** What the admin panel lists: every job not done, failed ones first, then by time. */
    async list(): Promise<{ data: JobView[]; failed: number }> {
      const rows = (await db()(JOBS_TABLE)
        .whereNot({ status: 'done' })
        .orderByRaw(`CASE status WHEN 'failed' THEN 0 ELSE 1 END`)
        .orderBy('run_at')
        .limit(500)) as JobRow[];
      return { data: rows.map(view), failed: rows.filter((r) => r.status === 'failed').length };
    },

    /** The office tries a failed job again now. */
    async retry(id: number): Promise<JobView> {
      const now = Date.now();
      const changed = await db()(JOBS_TABLE).where({ id, status: 'failed' }).update({ status: 'pending', run_at: now, attempts: 0, updated_at: now });
      if (changed !== 1) throw new errors.NotFoundError(`No failed job ${id} (it may have been retried or finished already)`);
      const row = (await db()(JOBS_TABLE).where({ id }).first()) as JobRow;
      tick();
      return view(row);
    },

    runDue,

    start() {
      if (!stopped) return;
      stopped = false;
      timer = setInterval(tick, config().pollSeconds * 1000);
      timer.unref();
      tick();
    },

    /** Stops polling and waits for the job in hand: an instance that stops mid-run leaves nothing half-done. */
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await ticking;
    },
  };
};

export default jobs;
export type JobsService = ReturnType<typeof jobs>;
