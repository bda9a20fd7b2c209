/**
 * Scheduled work through every door: the office sets a publication time (validated, permissioned,
 * in the trail), the item is listed in its tasks until it goes live through the same transition and
 * audit event as a manual publish; returning or publishing by hand drops the time; a failing job is
 * retried with back-off, then waits in the admin panel for a retry; a job whose instance died is
 * taken over; entries lapse to 废止 / 失效 on their dates; and on PostgreSQL two instances polling
 * together run each scheduled publication exactly once. Time passing is the job's run_at moved to
 * now: the runner, the transition and the database are the real ones.
 */
import { ENTRY, EVENT, setupWorkflowFixture, type WorkflowFixture } from '../helpers/workflow-fixture';
import { startSecondInstance, startTestApp, type TestApp } from '../helpers/strapi';
import { documentsOf, rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

const postgres = Boolean(process.env.DATABASE_URL);
const JOBS = 'gov_disclosure_jobs';

interface Jobs {
  runDue(): Promise<number>;
}
interface EventRow {
  action: string;
  actorName: string;
  comment: string | null;
  fromState: string;
  toState: string;
  actor?: { id: number } | null;
}

describe('scheduled work', () => {
  let app: TestApp;
  let fx: WorkflowFixture;
  const db = () => app.strapi.db.connection;
  const jobs = () => app.strapi.plugin('gov-disclosure').service('jobs') as Jobs;
  const as = (token: string) => ({
    get: (url: string) => app.http().get(url).set('Authorization', `Bearer ${token}`),
    put: (url: string, body: object) => app.http().put(url).set('Authorization', `Bearer ${token}`).send(body),
    post: (url: string, body: object = {}) => app.http().post(url).set('Authorization', `Bearer ${token}`).send(body),
    delete: (url: string) => app.http().delete(url).set('Authorization', `Bearer ${token}`),
  });
  const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
  const schedule = (token: string, documentId: string, publishAt: string, extra: object = {}) =>
    as(token).put('/gov-disclosure/workflow/schedule', { uid: ENTRY, documentId, locale: 'zh-Hans', publishAt, ...extra });
  const events = async (documentId: string) =>
    (await rowsOf(app.strapi, EVENT).findMany({
      where: { targetDocumentId: documentId },
      orderBy: [{ id: 'asc' }],
      populate: { actor: { select: ['id'] } },
    })) as EventRow[];
  const jobOf = async (documentId: string) => db()(JOBS).where('job_key', 'like', `%|${documentId}|%`).first();
  const until = async (done: () => Promise<boolean>, limitMs = 5_000) => {
    for (const started = Date.now(); Date.now() - started < limitMs; await new Promise((r) => setTimeout(r, 25))) {
      if (await done()) return true;
    }
    return done();
  };
  /** The time comes: the job is due now. */
  const timeComes = (documentId: string) =>
    db()(JOBS)
      .where('job_key', 'like', `%|${documentId}|%`)
      .update({ run_at: Date.now() - 1 });

  beforeAll(async () => {
    app = await startTestApp();
    fx = await setupWorkflowFixture(app);
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('reports readiness: the database answers and has every migration', async () => {
    const res = await app.http().get('/api/gov-disclosure/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ready', database: 'ok', schema: 'current' });
  });

  describe('scheduled publication (定时发布)', () => {
    it('goes live at its time through the publish transition, in the publisher’s name, and leaves the task list then', async () => {
      const id = await fx.entryIn('pending_publish', '定时发布的通知');
      const at = inMinutes(90);
      const res = await schedule(fx.tokens.publisher, id, at, { comment: '配合新闻发布会' });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ at, by: { id: fx.ids.publisher }, comment: '配合新闻发布会' });

      const status = await as(fx.tokens.publisher).get(`/gov-disclosure/workflow/status?uid=${ENTRY}&documentId=${id}&locale=zh-Hans`);
      expect(status.body.data.scheduledPublication.at).toBe(at);
      const tasks = await as(fx.tokens.publisher).get('/gov-disclosure/workflow/tasks');
      expect(tasks.body.data.find((t: { documentId: string }) => t.documentId === id)).toMatchObject({ state: 'pending_publish', scheduledAt: at });
      const scheduled = (await events(id)).at(-1)!;
      expect(scheduled).toMatchObject({ action: 'schedule', fromState: 'pending_publish', toState: 'pending_publish' });
      expect(scheduled.comment).toContain('定时发布时间');

      // not yet due: nothing happens
      await jobs().runDue();
      expect(await fx.stateOf(id)).toBe('pending_publish');

      await timeComes(id);
      await jobs().runDue();
      expect(await fx.stateOf(id)).toBe('published');
      expect(await fx.publishedTitle(id)).toBe('定时发布的通知');
      const published = (await events(id)).filter((e) => e.action === 'publish');
      expect(published).toHaveLength(1);
      expect(published[0]).toMatchObject({ fromState: 'pending_publish', toState: 'published', actor: { id: fx.ids.publisher } });
      expect(published[0].comment).toBe('定时发布：配合新闻发布会');
      expect((await jobOf(id)).status).toBe('done');
      const after = await as(fx.tokens.publisher).get('/gov-disclosure/workflow/tasks');
      expect(after.body.data.some((t: { documentId: string }) => t.documentId === id)).toBe(false);
      // live on the public API
      const live = await app.http().get(`/api/gov-disclosure/catalog?q=${encodeURIComponent('定时发布的通知')}`);
      expect(live.body.data.some((e: { title: string }) => e.title === '定时发布的通知')).toBe(true);
      // running again does nothing more
      await timeComes(id);
      await jobs().runDue();
      expect((await events(id)).filter((e) => e.action === 'publish')).toHaveLength(1);
    });

    it('refuses a bad time, naming the field, and anyone but the publisher', async () => {
      const id = await fx.entryIn('pending_publish');
      for (const publishAt of ['tomorrow', '2026-13-01T09:00:00+08:00', '2026-12-03 09:00']) {
        const res = await schedule(fx.tokens.publisher, id, publishAt);
        expect(res.status).toBe(400);
        expect(res.body.error.details.errors[0].path).toEqual(['publishAt']);
      }
      for (const publishAt of [inMinutes(-5), inMinutes(0.5), inMinutes(60 * 24 * 400)]) {
        const res = await schedule(fx.tokens.publisher, id, publishAt);
        expect(res.status).toBe(400);
        expect(res.body.error.details.errors[0].path).toEqual(['publishAt']);
      }
      const missing = await as(fx.tokens.publisher).put('/gov-disclosure/workflow/schedule', { uid: ENTRY, documentId: id, locale: 'zh-Hans' });
      expect(missing.status).toBe(400);
      expect(missing.body.error.details.errors[0].path).toEqual(['publishAt']);
      for (const person of ['drafterIn', 'reviewerIn', 'drafterOut'] as const) {
        expect((await schedule(fx.tokens[person], id, inMinutes(60))).status).toBe(403);
      }
      expect(
        (
          await app
            .http()
            .put('/gov-disclosure/workflow/schedule')
            .send({ uid: ENTRY, documentId: id, locale: 'zh-Hans', publishAt: inMinutes(60) })
        ).status
      ).toBe(401);
      // only an item awaiting publication
      const draft = await fx.entryIn('pending_review');
      expect((await schedule(fx.tokens.publisher, draft, inMinutes(60))).status).toBe(409);
      expect(await jobOf(draft)).toBeUndefined();
      expect(await jobOf(id)).toBeUndefined();
    });

    it('is dropped when the item is returned or published by hand, and can be cancelled, in the trail', async () => {
      const returned = await fx.entryIn('pending_publish');
      expect((await schedule(fx.tokens.publisher, returned, inMinutes(60))).status).toBe(200);
      await fx.transitionAs('publisher', returned, 'return', '附件不全');
      expect(await jobOf(returned)).toBeUndefined();

      const byHand = await fx.entryIn('pending_publish');
      expect((await schedule(fx.tokens.publisher, byHand, inMinutes(60))).status).toBe(200);
      await fx.transitionAs('publisher', byHand, 'publish');
      expect(await jobOf(byHand)).toBeUndefined();

      const cancelled = await fx.entryIn('pending_publish');
      expect((await schedule(fx.tokens.publisher, cancelled, inMinutes(60))).status).toBe(200);
      const url = `/gov-disclosure/workflow/schedule?uid=${ENTRY}&documentId=${cancelled}&locale=zh-Hans`;
      expect((await as(fx.tokens.reviewerIn).delete(url)).status).toBe(403);
      expect((await as(fx.tokens.publisher).delete(url)).status).toBe(200);
      expect((await as(fx.tokens.publisher).delete(url)).status).toBe(404);
      expect(await jobOf(cancelled)).toBeUndefined();
      expect((await events(cancelled)).map((e) => e.action).slice(-2)).toEqual(['schedule', 'unschedule']);
    });

    it('a failing job is retried with back-off, then reported for the office to retry', async () => {
      const id = await fx.entryIn('pending_publish', '设定人停用后的定时发布');
      const publisherRow = { id: fx.ids.publisher };
      expect((await schedule(fx.tokens.publisher, id, inMinutes(60))).status).toBe(200);
      await rowsOf(app.strapi, 'admin::user').update({ where: publisherRow, data: { isActive: false } });
      try {
        await timeComes(id);
        const before = Date.now();
        await jobs().runDue();
        let job = await jobOf(id);
        expect(job).toMatchObject({ status: 'pending', attempts: 1 });
        expect(job.last_error).toContain('no longer an active user');
        // the first wait is 30 s
        expect(Number(job.run_at) - before).toBeGreaterThanOrEqual(29_000);
        expect(Number(job.run_at) - before).toBeLessThan(40_000);
        expect(await fx.stateOf(id)).toBe('pending_publish');

        // the eighth attempt fails for good
        await db()(JOBS)
          .where({ id: job.id })
          .update({ attempts: 7, run_at: Date.now() - 1 });
        await jobs().runDue();
        job = await jobOf(id);
        expect(job.status).toBe('failed');
      } finally {
        await rowsOf(app.strapi, 'admin::user').update({ where: publisherRow, data: { isActive: true } });
      }
      const token = fx.tokens.superAdmin;
      const list = await as(token).get('/gov-disclosure/jobs');
      expect(list.status).toBe(200);
      expect(list.body.failed).toBeGreaterThanOrEqual(1);
      const shown = list.body.data.find((j: { target: { documentId: string } | null }) => j.target?.documentId === id);
      expect(shown).toMatchObject({ kind: 'scheduled-publication', status: 'failed', attempts: 8 });
      expect((await as(fx.tokens.drafterIn).get('/gov-disclosure/jobs')).status).toBe(403);
      expect((await as(fx.tokens.drafterIn).post(`/gov-disclosure/jobs/${shown.id}/retry`)).status).toBe(403);
      expect((await as(token).post('/gov-disclosure/jobs/abc/retry')).status).toBe(400);

      const retried = await as(fx.tokens.publisher).post(`/gov-disclosure/jobs/${shown.id}/retry`);
      expect(retried.status).toBe(200);
      expect(retried.body.data).toMatchObject({ status: 'pending', attempts: 0 });
      // the retry wakes the runner at once; this pass or that one publishes it
      await jobs().runDue();
      expect(await until(async () => (await fx.stateOf(id)) === 'published')).toBe(true);
      expect((await as(token).post(`/gov-disclosure/jobs/${shown.id}/retry`)).status).toBe(404);
    });

    it('a job whose instance died mid-run is taken over once its lease runs out', async () => {
      const id = await fx.entryIn('pending_publish', '实例中途停止的定时发布');
      expect((await schedule(fx.tokens.publisher, id, inMinutes(60))).status).toBe(200);
      // what a killed instance leaves: the job claimed, its lease not renewed
      await db()(JOBS)
        .where('job_key', 'like', `%|${id}|%`)
        .update({ status: 'running', lease_owner: 'killed-instance', lease_until: Date.now() + 60_000, attempts: 1, run_at: Date.now() - 5_000 });
      await jobs().runDue();
      expect(await fx.stateOf(id)).toBe('pending_publish'); // the lease still holds
      await db()(JOBS)
        .where('job_key', 'like', `%|${id}|%`)
        .update({ lease_until: Date.now() - 1 });
      await jobs().runDue();
      expect(await fx.stateOf(id)).toBe('published');
      expect((await events(id)).filter((e) => e.action === 'publish')).toHaveLength(1);
    });
  });

  describe('the office’s overview (工作概览)', () => {
    type Overview = {
      myTasks: number;
      office: null | {
        month: string;
        failedJobs: number;
        types: Array<{ uid: string; states: Record<string, number>; publishedThisMonth: number; scheduled: number }>;
      };
    };
    const overview = async (token: string) => {
      const res = await as(token).get('/gov-disclosure/workflow/overview');
      expect(res.status).toBe(200);
      return res.body.data as Overview;
    };
    const entries = (o: Overview) => o.office!.types.find((t) => t.uid === ENTRY)!;
    /** Counted here from the rows, independently of the service: draft rows by state. */
    const stored = async () => {
      const rows = (await rowsOf(app.strapi, ENTRY).findMany({ where: { publishedAt: null }, select: ['workflowState'] })) as Array<{ workflowState: string }>;
      const counts: Record<string, number> = { draft: 0, pending_review: 0, pending_publish: 0, published: 0, returned: 0, withdrawn: 0 };
      for (const r of rows) counts[r.workflowState] += 1;
      return counts;
    };

    it('answers everyone their 待办 count, the whole chain only to the office, nobody without a login', async () => {
      expect((await app.http().get('/gov-disclosure/workflow/overview')).status).toBe(401);
      for (const person of ['drafterIn', 'reviewerIn', 'reviewerOut'] as const) {
        const mine = await overview(fx.tokens[person]);
        const tasks = (await as(fx.tokens[person]).get('/gov-disclosure/workflow/tasks')).body.data as unknown[];
        expect([person, mine]).toEqual([person, { myTasks: tasks.length, office: null }]);
      }
      const office = await overview(fx.tokens.publisher);
      expect(office.office!.month).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7));
      expect(entries(office).states).toEqual(await stored());
      expect(office.office!.types.map((t) => t.uid)).toEqual([ENTRY, 'plugin::gov-disclosure.annual-report']);
    });

    it('follows the chain: a submission, a scheduled time, a publication counted once however often it is published again', async () => {
      const before = entries(await overview(fx.tokens.publisher));
      await fx.entryIn('pending_review', '概览：待审核');
      const scheduled = await fx.entryIn('pending_publish', '概览：定时发布');
      expect((await schedule(fx.tokens.publisher, scheduled, inMinutes(120))).status).toBe(200);
      const republished = await fx.entryIn('published', '概览：本月发布');
      await fx.transitionAs('publisher', republished, 'withdraw', '内容需更正');
      await fx.transitionAs('drafterIn', republished, 'submit');
      await fx.transitionAs('reviewerIn', republished, 'approve');
      await fx.transitionAs('publisher', republished, 'publish');
      const after = entries(await overview(fx.tokens.publisher));
      expect(after.states).toEqual(await stored());
      expect(after.states.pending_review - before.states.pending_review).toBe(1);
      expect(after.states.pending_publish - before.states.pending_publish).toBe(1);
      expect(after.states.published - before.states.published).toBe(1);
      expect(after.scheduled - before.scheduled).toBe(1);
      expect(after.publishedThisMonth - before.publishedThisMonth).toBe(1);
    });

    it('counts the failed jobs the office must see to', async () => {
      const listed = (await as(fx.tokens.publisher).get('/gov-disclosure/jobs')).body as { failed: number };
      expect((await overview(fx.tokens.publisher)).office!.failedJobs).toBe(listed.failed);
    });
  });

  describe('validity by date (有效性)', () => {
    it('entries lapse to 废止 on their 废止日期 and to 失效 after 有效期至, live and draft, with an event, once', async () => {
      const repealed = await fx.entryIn('published', '到期废止的办法');
      const expired = await fx.entryIn('published', '有效期届满的通知');
      const future = await fx.entryIn('published', '尚未到期的规定');
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const longAgo = '2020-01-01';
      const setDates = (documentId: string, data: object) =>
        rowsOf(app.strapi, ENTRY).updateMany({ where: { documentId }, data: { validity: 'effective', ...data } });
      await setDates(repealed, { effectiveDate: longAgo, repealedDate: yesterday });
      await setDates(expired, { effectiveDate: longAgo, expiryDate: longAgo });
      await setDates(future, { effectiveDate: longAgo, repealedDate: '2099-01-01', expiryDate: '2098-12-31' });

      await db()('gov_disclosure_jobs')
        .where({ kind: 'validity-sweep' })
        .update({ run_at: Date.now() - 1 });
      await jobs().runDue();

      const validities = async (documentId: string) =>
        ((await rowsOf(app.strapi, ENTRY).findMany({ where: { documentId }, select: ['validity'] })) as Array<{ validity: string }>).map((r) => r.validity);
      expect(await validities(repealed)).toEqual(['repealed', 'repealed']);
      expect(await validities(expired)).toEqual(['expired', 'expired']);
      expect(await validities(future)).toEqual(['effective', 'effective']);
      const lapse = (await events(repealed)).at(-1)!;
      expect(lapse).toMatchObject({ action: 'repeal', fromState: 'published', toState: 'published', actorName: '系统 System' });
      expect(lapse.comment).toContain(`废止日期 ${yesterday} 已到`);
      expect((await events(expired)).at(-1)).toMatchObject({ action: 'expire' });

      // the portal and the catalog say so
      const entry = await app.http().get(`/api/gov-disclosure/catalog?q=${encodeURIComponent('到期废止的办法')}`);
      expect(entry.body.data.find((e: { title: string }) => e.title === '到期废止的办法')).toBeDefined();
      const page = await documentsOf<{ slug: string }>(app.strapi, ENTRY).findOne({ documentId: repealed, locale: 'zh-Hans', status: 'published' });
      const html = await app.http().get(`/portal/entries/${page!.slug}`);
      if (html.status === 200) expect(html.text).toContain('废止');

      // the sweep runs again later: nothing more happens
      const count = (await events(repealed)).length;
      await db()('gov_disclosure_jobs')
        .where({ kind: 'validity-sweep' })
        .update({ run_at: Date.now() - 1 });
      await jobs().runDue();
      expect((await events(repealed)).length).toBe(count);
      const sweep = await db()('gov_disclosure_jobs').where({ kind: 'validity-sweep' }).first();
      expect(sweep.status).toBe('pending');
      expect(Number(sweep.run_at)).toBeGreaterThan(Date.now() + 14 * 60_000);
    });
  });

  // several instances need a shared database server: PostgreSQL only (CI's second pass)
  const onPostgres = postgres ? it : () => undefined;

  onPostgres(
    'two instances polling together publish each scheduled item exactly once',
    async () => {
      process.env.GOV_DISCLOSURE_JOB_POLL_SECONDS = '0.1';
      const other = await startSecondInstance();
      delete process.env.GOV_DISCLOSURE_JOB_POLL_SECONDS;
      try {
        const ids: string[] = [];
        for (let i = 0; i < 10; i += 1) {
          const id = await fx.entryIn('pending_publish', `双实例定时发布 ${i}`);
          expect((await schedule(fx.tokens.publisher, id, inMinutes(60))).status).toBe(200);
          ids.push(id);
        }
        // due one after another, 150 ms apart; this instance polls as often as the other one (every 100 ms)
        const start = Date.now() + 300;
        for (const [i, id] of ids.entries())
          await db()(JOBS)
            .where({ job_key: `${ENTRY}|${id}|zh-Hans` })
            .update({ run_at: start + i * 150 });
        const deadline = Date.now() + 20_000;
        let mine = 0;
        while (Date.now() < deadline) {
          mine += await jobs().runDue();
          const states = await Promise.all(ids.map((id) => fx.stateOf(id)));
          if (states.every((s) => s === 'published')) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        const perItem = await Promise.all(ids.map(async (id) => (await events(id)).filter((e) => e.action === 'publish').length));
        console.log(
          `scheduled publications: ${ids.length}; publish events per item: ${perItem.join(', ')}; claimed by the test’s passes here: ${mine}, by the runners (mostly the other instance): ${ids.length - mine}`
        );
        expect(perItem).toEqual(ids.map(() => 1));
        const done = await db()(JOBS)
          .whereIn(
            'job_key',
            ids.map((id) => `${ENTRY}|${id}|zh-Hans`)
          )
          .select('status');
        expect(done.map((r: { status: string }) => r.status)).toEqual(ids.map(() => 'done'));
        // the other instance answers the public with them too
        const res = await fetch(`${other.url}/api/gov-disclosure/catalog?q=${encodeURIComponent('双实例定时发布')}`);
        expect(((await res.json()) as { data: unknown[] }).data.length).toBe(ids.length);
      } finally {
        other.stop();
      }
    },
    120_000
  );
});
