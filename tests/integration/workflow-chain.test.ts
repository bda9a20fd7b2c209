import { ENTRY, EVENT, COLUMN, PASSWORD, setupWorkflowFixture, type WorkflowFixture } from '../helpers/workflow-fixture';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { rowsOf, documentsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

const CM = `/content-manager/collection-types/${ENTRY}`;

describe('approval chain behaviour', () => {
  let app: TestApp;
  let fx: WorkflowFixture;
  const as = (token: string) => ({
    get: (url: string) => app.http().get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object) => app.http().post(url).set('Authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object) => app.http().put(url).set('Authorization', `Bearer ${token}`).send(body),
    delete: (url: string) => app.http().delete(url).set('Authorization', `Bearer ${token}`),
  });
  const transition = (token: string, documentId: string, action: string, comment?: string) =>
    as(token).post('/gov-disclosure/workflow/transitions', { uid: ENTRY, documentId, locale: 'zh-Hans', action, ...(comment ? { comment } : {}) });

  beforeAll(async () => {
    app = await startTestApp();
    fx = await setupWorkflowFixture(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('concurrency', () => {
    it('two reviewers approving at once: exactly one 200 and one 409, one event', async () => {
      for (let round = 0; round < 5; round += 1) {
        const id = await fx.entryIn('pending_review');
        const before = await fx.eventCount(id);
        const results = await Promise.all([transition(fx.tokens.reviewerIn, id, 'approve'), transition(fx.reviewer2Token, id, 'approve')]);
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        expect(results.find((r) => r.status === 409)!.body.error.name).toBe('ConflictError');
        expect(await fx.eventCount(id)).toBe(before + 1);
        expect(await fx.stateOf(id)).toBe('pending_publish');
      }
    });

    it('a publish racing a return: one wins, the other is a 409, state and trail agree', async () => {
      const id = await fx.entryIn('pending_publish');
      const results = await Promise.all([transition(fx.tokens.publisher, id, 'publish'), transition(fx.tokens.publisher, id, 'return', '再核对一次')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200)!.body.data;
      expect(await fx.stateOf(id)).toBe(winner.state);
      expect((await fx.publishedTitle(id)) !== null).toBe(winner.state === 'published');
    });
  });

  describe('atomicity: the state change and its audit record commit together or not at all', () => {
    it('rolls the state back when writing the event fails', async () => {
      const id = await fx.entryIn('pending_review');
      const events = await fx.eventCount(id);
      let fail = true;
      app.strapi.documents.use(async (ctx, next) => {
        if (fail && ctx.uid === EVENT && ctx.action === 'create') throw new Error('disk full (injected)');
        return next();
      });
      const res = await transition(fx.tokens.reviewerIn, id, 'approve');
      fail = false;
      expect(res.status).toBe(500);
      expect(await fx.stateOf(id)).toBe('pending_review');
      expect(await fx.eventCount(id)).toBe(events);
    });

    it('rolls back state and event when the publish itself fails', async () => {
      const id = await fx.entryIn('pending_publish');
      const events = await fx.eventCount(id);
      let fail = true;
      app.strapi.documents.use(async (ctx, next) => {
        if (fail && ctx.uid === ENTRY && ctx.action === 'publish') throw new Error('publish failed (injected)');
        return next();
      });
      const res = await transition(fx.tokens.publisher, id, 'publish');
      fail = false;
      expect(res.status).toBe(500);
      expect(await fx.stateOf(id)).toBe('pending_publish');
      expect(await fx.eventCount(id)).toBe(events);
      expect(await fx.publishedTitle(id)).toBeNull();
    });
  });

  describe('audit trail is append-only', () => {
    it('no role may create, update or delete workflow events (super admins may read them)', async () => {
      const perms = (await rowsOf(app.strapi, 'admin::permission').findMany({ where: { subject: EVENT }, populate: { role: true } })) as Array<{
        action: string;
        role: { code: string };
      }>;
      expect(perms.filter((p) => !p.action.endsWith('.read'))).toEqual([]);
      expect(perms.filter((p) => p.role.code !== 'strapi-super-admin')).toEqual([]);
    });

    it('the Content Manager cannot create, change or delete events, even for a super admin', async () => {
      const id = await fx.entryIn('pending_review');
      const event = (await rowsOf(app.strapi, EVENT).findOne({ where: { targetDocumentId: id } })) as { documentId: string; comment: string | null };
      const admin = as(fx.tokens.superAdmin);
      const url = `/content-manager/collection-types/${EVENT}`;
      expect([403, 404]).toContain(
        (await admin.post(url, { targetUid: ENTRY, targetDocumentId: id, targetLocale: 'zh-Hans', action: 'publish', fromState: 'x', toState: 'y' })).status
      );
      expect([403, 404]).toContain((await admin.put(`${url}/${event.documentId}`, { comment: 'rewritten' })).status);
      expect([403, 404]).toContain((await admin.delete(`${url}/${event.documentId}`)).status);
      const after = (await rowsOf(app.strapi, EVENT).findOne({ where: { documentId: event.documentId } })) as { comment: string | null };
      expect(after.comment).toBe(event.comment);
    });

    it('the Document Service refuses to write events outside a transition', async () => {
      const id = await fx.entryIn('pending_review');
      const event = (await rowsOf(app.strapi, EVENT).findOne({ where: { targetDocumentId: id } })) as { documentId: string };
      const events = documentsOf(app.strapi, EVENT);
      await expect(
        events.create({ data: { targetUid: ENTRY, targetDocumentId: id, targetLocale: 'zh-Hans', action: 'publish', fromState: 'a', toState: 'b' } })
      ).rejects.toMatchObject({ name: 'PolicyError' });
      await expect(events.update({ documentId: event.documentId, data: { comment: 'x' } })).rejects.toMatchObject({ name: 'PolicyError' });
      await expect(events.delete({ documentId: event.documentId })).rejects.toMatchObject({ name: 'PolicyError' });
      expect(await fx.eventCount(id)).toBe(1);
    });
  });

  describe('forward revisions', () => {
    it('keeps the live version unchanged while its edit goes through the chain', async () => {
      const id = await fx.entryIn('published', '原标题');
      const edit = await as(fx.tokens.drafterIn).put(`${CM}/${id}?locale=zh-Hans`, { title: '修订后的标题' });
      expect(edit.status).toBe(200);
      expect(await fx.stateOf(id)).toBe('draft');
      expect(await fx.publishedTitle(id)).toBe('原标题');
      for (const [token, action] of [
        [fx.tokens.drafterIn, 'submit'],
        [fx.tokens.reviewerIn, 'approve'],
      ] as const) {
        expect((await transition(token, id, action)).status).toBe(200);
        expect(await fx.publishedTitle(id)).toBe('原标题');
      }
      expect((await transition(fx.tokens.publisher, id, 'publish')).status).toBe(200);
      expect(await fx.publishedTitle(id)).toBe('修订后的标题');
    });

    it('withdraw takes the item down and keeps its draft; resubmitting starts the chain again', async () => {
      const id = await fx.entryIn('published');
      expect((await transition(fx.tokens.publisher, id, 'withdraw')).status).toBe(400); // a reason is required
      const res = await transition(fx.tokens.publisher, id, 'withdraw', '政策已废止');
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({
        state: 'withdrawn',
        event: { action: 'withdraw', comment: '政策已废止', fromState: 'published', toState: 'withdrawn' },
      });
      expect(await fx.publishedTitle(id)).toBeNull();
      expect((await transition(fx.tokens.drafterIn, id, 'submit')).status).toBe(200);
    });
  });

  describe('request validation', () => {
    it('answers 400 naming the field for a missing comment, an unknown action, uid or key', async () => {
      const id = await fx.entryIn('pending_review');
      const noComment = await transition(fx.tokens.reviewerIn, id, 'return');
      expect(noComment.status).toBe(400);
      expect(noComment.body.error.details.errors[0].path).toEqual(['comment']);
      const bad = await as(fx.tokens.reviewerIn).post('/gov-disclosure/workflow/transitions', {
        uid: 'api::x.x',
        documentId: id,
        locale: 'zh-Hans',
        action: 'approve',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.errors[0].path).toEqual(['uid']);
      const action = await as(fx.tokens.reviewerIn).post('/gov-disclosure/workflow/transitions', {
        uid: ENTRY,
        documentId: id,
        locale: 'zh-Hans',
        action: 'delete',
      });
      expect(action.body.error.details.errors[0].path).toEqual(['action']);
      const extra = await as(fx.tokens.reviewerIn).post('/gov-disclosure/workflow/transitions', {
        uid: ENTRY,
        documentId: id,
        locale: 'zh-Hans',
        action: 'approve',
        state: 'published',
      });
      expect(extra.status).toBe(400);
      expect(await fx.stateOf(id)).toBe('pending_review');
    });

    it('answers 404 for an unknown document', async () => {
      expect((await transition(fx.tokens.reviewerIn, 'nope', 'approve')).status).toBe(404);
    });
  });

  describe('separation of duties', () => {
    it('refuses an approval by the submitter of the revision, unless the config relaxes it', async () => {
      const roles = (await app.strapi.plugin('gov-disclosure').service('roles').ensureRoles()) as Record<string, number>;
      const both = (await app.strapi.service('admin::user').create({
        email: 'both@test.gov.cn',
        firstname: 'both',
        lastname: 'T',
        password: PASSWORD,
        isActive: true,
        registrationToken: null,
        roles: [roles.drafter, roles.reviewer],
      })) as { id: number };
      const column = (await rowsOf(app.strapi, COLUMN).findOne({
        where: { documentId: fx.columnDocumentId, locale: 'zh-Hans' },
        populate: { administrators: true, reviewers: true },
      })) as {
        administrators: Array<{ id: number }>;
        reviewers: Array<{ id: number }>;
      };
      await documentsOf(app.strapi, COLUMN).update({
        documentId: fx.columnDocumentId,
        locale: 'zh-Hans',
        data: { administrators: [...column.administrators.map((u) => u.id), both.id], reviewers: [...column.reviewers.map((u) => u.id), both.id] },
      });
      const token = (await app.http().post('/admin/login').send({ email: 'both@test.gov.cn', password: PASSWORD })).body.data.token as string;
      const id = await fx.createEntry();
      expect((await transition(token, id, 'submit')).status).toBe(200);
      const refused = await transition(token, id, 'approve');
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/submitted this revision/);
      app.strapi.config.set('plugin::gov-disclosure.separationOfDuties', false);
      try {
        expect((await transition(token, id, 'approve')).status).toBe(200);
      } finally {
        app.strapi.config.set('plugin::gov-disclosure.separationOfDuties', true);
      }
    });
  });

  describe('history, status and tasks', () => {
    it('shows who did what, when, with which comment; and exactly the buttons this user may use', async () => {
      const id = await fx.entryIn('returned');
      const history = await as(fx.tokens.drafterIn).get(`/gov-disclosure/workflow/history?uid=${ENTRY}&documentId=${id}&locale=zh-Hans`);
      expect(history.status).toBe(200);
      expect(history.body.data.map((e: { action: string }) => e.action)).toEqual(['submit', 'return']);
      expect(history.body.data[1]).toMatchObject({ comment: '请补充附件', actor: { id: fx.ids.reviewerIn } });
      expect(JSON.stringify(history.body)).not.toMatch(/@demo\.gov\.cn|password/);
      const status = await as(fx.tokens.drafterIn).get(`/gov-disclosure/workflow/status?uid=${ENTRY}&documentId=${id}&locale=zh-Hans`);
      expect(status.body.data).toMatchObject({ state: 'returned', allowedActions: ['submit'], canEdit: true, holder: { party: 'drafter' } });
      const reviewerView = await as(fx.tokens.reviewerIn).get(`/gov-disclosure/workflow/status?uid=${ENTRY}&documentId=${id}&locale=zh-Hans`);
      expect(reviewerView.body.data).toMatchObject({ allowedActions: [], canEdit: false });
      const outsider = await as(fx.tokens.drafterOut).get(`/gov-disclosure/workflow/history?uid=${ENTRY}&documentId=${id}&locale=zh-Hans`);
      expect(outsider.status).toBe(403);
    });

    it('lists what waits on each user, oldest first', async () => {
      const first = await fx.entryIn('pending_review', '较早的待审稿');
      const second = await fx.entryIn('pending_review', '较晚的待审稿');
      const tasks = (await as(fx.tokens.reviewerIn).get('/gov-disclosure/workflow/tasks')).body.data as Array<{
        documentId: string;
        state: string;
        since: string;
      }>;
      const ids = tasks.map((t) => t.documentId);
      expect(ids.indexOf(first)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
      expect(tasks.every((t) => t.state === 'pending_review')).toBe(true);
      expect([...tasks].sort((a, b) => a.since.localeCompare(b.since))).toEqual(tasks);
      const returned = await fx.entryIn('returned');
      const drafterTasks = (await as(fx.tokens.drafterIn).get('/gov-disclosure/workflow/tasks')).body.data as Array<{
        documentId: string;
        lastComment: string;
      }>;
      expect(drafterTasks.find((t) => t.documentId === returned)).toMatchObject({ lastComment: '请补充附件' });
      expect((await as(fx.tokens.drafterOut).get('/gov-disclosure/workflow/tasks')).body.data).toEqual([]);
    });
  });

  describe('annual reports', () => {
    it('follow the same chain: the office drafts and submits, a reviewer approves, the publisher publishes', async () => {
      const REPORT = 'plugin::gov-disclosure.annual-report';
      const org = (await rowsOf(app.strapi, 'plugin::gov-disclosure.organization').findOne({ where: { slug: 'wzzl' } })) as { documentId: string };
      const created = await as(fx.tokens.publisher).post(`/content-manager/collection-types/${REPORT}?locale=zh-Hans`, {
        title: '2019年政府信息公开工作年度报告',
        year: 2019,
        template: '2021',
        organization: { connect: [{ documentId: org.documentId, locale: 'zh-Hans' }] },
      });
      expect(created.status).toBe(201);
      const id = created.body.data.documentId as string;
      const move = (token: string, action: string, comment?: string) =>
        as(token).post('/gov-disclosure/workflow/transitions', { uid: REPORT, documentId: id, locale: 'zh-Hans', action, ...(comment ? { comment } : {}) });
      expect(
        (
          await as(fx.tokens.drafterIn).post(`/content-manager/collection-types/${REPORT}?locale=zh-Hans`, {
            title: 'x',
            year: 2020,
            template: '2021',
            organization: org.documentId,
          })
        ).status
      ).toBe(403);
      expect((await move(fx.tokens.drafterIn, 'submit')).status).toBe(403);
      expect((await move(fx.tokens.publisher, 'submit')).status).toBe(200);
      expect((await move(fx.tokens.publisher, 'approve')).status).toBe(403);
      expect((await move(fx.tokens.reviewerOut, 'approve')).status).toBe(200); // reports have no column scope
      expect((await move(fx.tokens.publisher, 'publish')).status).toBe(200);
      expect((await app.http().get('/api/gov-disclosure/annual-reports/wzzl/2019')).status).toBe(200);
    });
  });

  describe('column scope', () => {
    it('drafters and reviewers list only entries of their columns; publishers see all', async () => {
      const other = (await rowsOf(app.strapi, COLUMN).findOne({ where: { slug: 'ren-shi-xin-xi', locale: 'zh-Hans' } })) as { documentId: string };
      const foreign = (await documentsOf(app.strapi, ENTRY).create({ locale: 'zh-Hans', data: { title: '人事栏目的条目', columns: [other.documentId] } })) as {
        documentId: string;
      };
      const listed = async (token: string) => {
        const res = await as(token).get(`${CM}?page=1&pageSize=100&locale=zh-Hans`);
        expect(res.status).toBe(200);
        return { total: res.body.pagination.total as number, ids: (res.body.results as Array<{ documentId: string }>).map((r) => r.documentId) };
      };
      const total = await rowsOf(app.strapi, ENTRY).count({ where: { locale: 'zh-Hans', publishedAt: null } });
      expect((await listed(fx.tokens.drafterOut)).total).toBe(0);
      expect((await listed(fx.tokens.reviewerOut)).total).toBe(0);
      expect((await listed(fx.tokens.publisher)).total).toBe(total);
      const drafter = await listed(fx.tokens.drafterIn);
      expect(drafter.total).toBe(total - 1);
      expect(drafter.ids).not.toContain(foreign.documentId);
      const single = await as(fx.tokens.drafterIn).get(`${CM}/${foreign.documentId}?locale=zh-Hans`);
      // The Content Manager answers an invisible document like a locale not created yet: no content.
      expect(single.body.data.title).toBeUndefined();
      expect(JSON.stringify(single.body)).not.toContain('人事栏目的条目');
    });

    it('a drafter creates only in a column they administer', async () => {
      const other = (await rowsOf(app.strapi, COLUMN).findOne({ where: { slug: 'ren-shi-xin-xi', locale: 'zh-Hans' } })) as { documentId: string };
      const outside = await as(fx.tokens.drafterIn).post(`${CM}?locale=zh-Hans`, {
        title: '越权起草',
        columns: { connect: [{ documentId: other.documentId, locale: 'zh-Hans' }] },
      });
      expect(outside.status).toBe(403);
      const inside = await as(fx.tokens.drafterIn).post(`${CM}?locale=zh-Hans`, {
        title: '本栏目起草',
        columns: { connect: [{ documentId: fx.columnDocumentId, locale: 'zh-Hans' }] },
      });
      expect(inside.status).toBe(201);
      expect(inside.body.data.workflowState).toBe('draft');
      const forged = await as(fx.tokens.drafterIn).post(`${CM}?locale=zh-Hans`, {
        title: '伪造状态',
        workflowState: 'published',
        columns: { connect: [{ documentId: fx.columnDocumentId, locale: 'zh-Hans' }] },
      });
      expect(forged.body.data.workflowState).toBe('draft');
    });

    it('a published item cannot be deleted, only withdrawn', async () => {
      const id = await fx.entryIn('published');
      expect((await as(fx.tokens.superAdmin).delete(`${CM}/${id}?locale=zh-Hans`)).status).toBe(403);
      expect(await fx.publishedTitle(id)).not.toBeNull();
    });

    it('publishing an undated entry whose 成文日期 is still to come is a 400 on writtenDate; nothing changes', async () => {
      const id = await fx.createEntry('成文日期在将来的通知');
      const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      await documentsOf(app.strapi, ENTRY).update({ documentId: id, locale: 'zh-Hans', data: { writtenDate: tomorrow } });
      await fx.transitionAs('drafterIn', id, 'submit');
      await fx.transitionAs('reviewerIn', id, 'approve');
      const before = await fx.eventCount(id);
      const res = await transition(fx.tokens.publisher, id, 'publish');
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual(['writtenDate']);
      expect(await fx.stateOf(id)).toBe('pending_publish');
      expect(await fx.eventCount(id)).toBe(before);
      expect(await fx.publishedTitle(id)).toBeNull();
      const draft = (await rowsOf(app.strapi, ENTRY).findOne({ where: { documentId: id, publishedAt: null }, select: ['publishedDate', 'indexNumber'] })) as {
        publishedDate: string | null;
        indexNumber: string | null;
      };
      expect(draft).toEqual({ publishedDate: null, indexNumber: null });
    });
  });
});
