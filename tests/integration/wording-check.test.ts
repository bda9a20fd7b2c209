/**
 * 错敏词检查 through the doors a clerk uses: the office keeps the dictionary in the content manager
 * (seeded once with the starter list), the workflow panel's status and every submit, approve and
 * publish answer with the findings, a forbidden word stops publication until the publisher gives a
 * reason, and the trail keeps that reason with the words published over.
 */
import { ENTRY, setupWorkflowFixture, type WorkflowFixture } from '../helpers/workflow-fixture';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { documentsOf, rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';
import { STARTER_WORDING_RULES } from '../../plugins/gov-disclosure/shared/domain/wording-check';

const RULE = 'plugin::gov-disclosure.wording-rule';
const CM = `/content-manager/collection-types/${RULE}`;

interface Finding {
  field: string;
  phrase: string;
  severity: string;
  suggestion: string | null;
  index: number;
  excerpt: string;
}

describe('wording check (错敏词)', () => {
  let app: TestApp;
  let fx: WorkflowFixture;
  const as = (token: string) => ({
    put: (url: string, body: object) => app.http().put(url).set('Authorization', `Bearer ${token}`).send(body),
    get: (url: string) => app.http().get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object) => app.http().post(url).set('Authorization', `Bearer ${token}`).send(body),
  });
  const move = (token: string, documentId: string, action: string, comment?: string) =>
    as(token).post('/gov-disclosure/workflow/transitions', { uid: ENTRY, documentId, locale: 'zh-Hans', action, ...(comment ? { comment } : {}) });
  const status = async (documentId: string) =>
    (await as(fx.tokens.publisher).get(`/gov-disclosure/workflow/status?uid=${ENTRY}&documentId=${documentId}&locale=zh-Hans`)).body.data as {
      state: string;
      wording: Finding[];
      history: Array<{ action: string; comment: string | null }>;
    };
  /** An entry awaiting publication whose text is `title` and `body`. */
  const entryWith = async (title: string, body: string) => {
    const id = await fx.createEntry(title);
    await documentsOf(app.strapi, ENTRY).update({ documentId: id, locale: 'zh-Hans', data: { body } });
    return id;
  };

  beforeAll(async () => {
    app = await startTestApp();
    fx = await setupWorkflowFixture(app);
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('starts with the documented starter list, once', async () => {
    expect(await rowsOf(app.strapi, RULE).count()).toBe(STARTER_WORDING_RULES.length);
    // an office that empties its dictionary keeps it empty on the next start
    expect(await (app.strapi.plugin('gov-disclosure').service('wording') as { seedStarterListOnce(): Promise<number> }).seedStarterListOnce()).toBe(0);
  });

  it('is kept by the office in the content manager; drafters read it; a bad rule is a 400 naming the field', async () => {
    const created = await as(fx.tokens.publisher).post(`${CM}`, { phrase: '内部资料请勿外传', severity: 'forbidden', note: '内部文件标记' });
    expect(created.status).toBe(201);
    expect((await as(fx.tokens.drafterIn).get(`${CM}?page=1&pageSize=10`)).status).toBe(200);
    expect((await as(fx.tokens.drafterIn).post(`${CM}`, { phrase: '起草人加的词', severity: 'check' })).status).toBe(403);
    const blank = await as(fx.tokens.publisher).post(`${CM}`, { phrase: '   ', severity: 'check' });
    expect(blank.status).toBe(400);
    expect(JSON.stringify(blank.body.error)).toMatch(/phrase/);
  });

  it('answers every submit, approve and the panel with the findings, checks only warn', async () => {
    const id = await entryWith('关于再接再励做好工作的通知', '各科室要一如继往，按部就班。');
    const submitted = await move(fx.tokens.drafterIn, id, 'submit');
    expect(submitted.status).toBe(200);
    const found = submitted.body.data.wording as Finding[];
    expect(found.map((f) => [f.field, f.phrase, f.severity, f.suggestion])).toEqual([
      ['title', '再接再励', 'check', '再接再厉'],
      ['body', '一如继往', 'check', '一如既往'],
    ]);
    expect(found[0]).toMatchObject({ index: 2, excerpt: '关于再接再励做好工作的通知' });
    expect((await status(id)).wording).toEqual(found);
    expect((await move(fx.tokens.reviewerIn, id, 'approve')).body.data.wording).toEqual(found);
    // warnings only: published without a reason
    const published = await move(fx.tokens.publisher, id, 'publish');
    expect(published.status).toBe(200);
    expect(published.body.data.state).toBe('published');
  });

  it('a forbidden word stops publication until the publisher gives a reason, which the trail keeps with the words', async () => {
    const id = await entryWith('质量抽查结果公告', '本公告为测试测试内容。内部资料请勿外传。');
    expect((await move(fx.tokens.drafterIn, id, 'submit')).status).toBe(200);
    expect((await move(fx.tokens.reviewerIn, id, 'approve')).status).toBe(200);
    const refused = await move(fx.tokens.publisher, id, 'publish');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/含禁用词「测试测试」「内部资料请勿外传」，发布须填写放行理由/);
    expect(refused.body.error.details.errors[0].path).toEqual(['comment']);
    expect((refused.body.error.details.wording as Finding[]).filter((f) => f.severity === 'forbidden').map((f) => f.phrase)).toEqual([
      '测试测试',
      '内部资料请勿外传',
    ]);
    expect(await fx.stateOf(id)).toBe('pending_publish');
    expect(await fx.publishedTitle(id)).toBeNull();

    const overridden = await move(fx.tokens.publisher, id, 'publish', '经核实为样例公告的原文，按原样公开');
    expect(overridden.status).toBe(200);
    expect(await fx.publishedTitle(id)).toBe('质量抽查结果公告');
    const last = (await status(id)).history.at(-1)!;
    expect(last).toMatchObject({ action: 'publish', comment: '经核实为样例公告的原文，按原样公开（含禁用词「测试测试」「内部资料请勿外传」，放行发布）' });
  });

  it('sees a dictionary change at once: a word added makes the next check find it', async () => {
    const id = await entryWith('关于开展质量月活动的通知', '请各单位报送质量月活动方案。');
    expect((await status(id)).wording).toEqual([]);
    await documentsOf(app.strapi, RULE).create({ data: { phrase: '质量月活动方案', severity: 'check', suggestion: '质量月活动实施方案' } });
    expect((await status(id)).wording.map((f) => f.phrase)).toEqual(['质量月活动方案']);
  });

  it('a scheduled publication asks the reason when the time is set, and its own prefix is no reason', async () => {
    const id = await entryWith('定时发布的抽查公告', '正文含测试测试字样。');
    await move(fx.tokens.drafterIn, id, 'submit');
    await move(fx.tokens.reviewerIn, id, 'approve');
    const publishAt = new Date(Date.now() + 3_600_000).toISOString();
    const refused = await as(fx.tokens.publisher).put('/gov-disclosure/workflow/schedule', { uid: ENTRY, documentId: id, locale: 'zh-Hans', publishAt });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors[0].path).toEqual(['comment']);
    const set = await as(fx.tokens.publisher).put('/gov-disclosure/workflow/schedule', {
      uid: ENTRY,
      documentId: id,
      locale: 'zh-Hans',
      publishAt,
      comment: '样例原文，按原样公开',
    });
    expect(set.status).toBe(200);
    // the time comes: the job publishes with the publisher's reason and names the words
    const knex = app.strapi.db.connection;
    await knex('gov_disclosure_jobs')
      .where('job_key', 'like', `%|${id}|%`)
      .update({ run_at: Date.now() - 1 });
    await (app.strapi.plugin('gov-disclosure').service('jobs') as { runDue(): Promise<number> }).runDue();
    expect(await fx.stateOf(id)).toBe('published');
    expect((await status(id)).history.at(-1)).toMatchObject({ action: 'publish', comment: '定时发布：样例原文，按原样公开（含禁用词「测试测试」，放行发布）' });

    // set without a reason before the word was written in: the job stops, it does not publish over it
    const later = await entryWith('定时发布的另一则公告', '正文无误。');
    await move(fx.tokens.drafterIn, later, 'submit');
    await move(fx.tokens.reviewerIn, later, 'approve');
    expect(
      (await as(fx.tokens.publisher).put('/gov-disclosure/workflow/schedule', { uid: ENTRY, documentId: later, locale: 'zh-Hans', publishAt })).status
    ).toBe(200);
    await documentsOf(app.strapi, ENTRY).update({ documentId: later, locale: 'zh-Hans', data: { body: '后来加上的测试测试。' } });
    await knex('gov_disclosure_jobs')
      .where('job_key', 'like', `%|${later}|%`)
      .update({ run_at: Date.now() - 1 });
    await (app.strapi.plugin('gov-disclosure').service('jobs') as { runDue(): Promise<number> }).runDue();
    expect(await fx.stateOf(later)).toBe('pending_publish');
    expect(await knex('gov_disclosure_jobs').where('job_key', 'like', `%|${later}|%`).first('last_error')).toMatchObject({
      last_error: expect.stringMatching(/含禁用词/),
    });
  });
});
