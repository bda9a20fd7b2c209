/**
 * 网站检查 through its doors: the office's inspection page (columns blank, lapsed or about to
 * lapse against their update rule, items without a 发布日期, the home page's last update, each
 * single-veto count against its threshold) and a column administrator's own columns in 待办.
 * Dates are set on real entries published through the workflow service; the oracle is the rule
 * of the inspection as written in the test, not the service's code.
 */
import { ENTRY, COLUMN, setupWorkflowFixture, type WorkflowFixture } from '../helpers/workflow-fixture';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { documentsOf, rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';
import { startSmtpReceiver } from '../helpers/smtp';

interface Column {
  documentId: string;
  name: string;
  path: string;
  key: boolean;
  lastPublished: string | null;
  status: { state: string; daysSince: number | null; limitDays: number | null; daysLeft: number | null };
}
interface Organization {
  documentId: string | null;
  name: string;
  columns: Column[];
  columnCount: number;
  undated: { count: number; items: Array<{ documentId: string; title: string }> };
  brokenLinks: Array<{ holder: { documentId: string; title: string }; href: string; kind: 'entry' | 'column' }>;
  vetoes: Array<{ id: string; count: number | null; threshold: number; fails: boolean }>;
}
interface Report {
  today: string;
  locale: string;
  homePage: { lastPublished: string | null; daysSince: number | null; limitDays: number; fails: boolean };
  organizations: Organization[];
}

describe('inspection readiness (网站检查)', () => {
  let app: TestApp;
  let fx: WorkflowFixture;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let organization = '';
  const stamp = `${process.pid}-${Date.now()}`;
  const as = (token: string) => ({ get: (url: string) => app.http().get(url).set('Authorization', `Bearer ${token}`) });
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const ago = (n: number) => new Date(Date.parse(`${today()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

  const report = async (): Promise<Report> => {
    const res = await as(fx.tokens.publisher).get('/gov-disclosure/inspection');
    expect(res.status).toBe(200);
    return res.body.data as Report;
  };
  const ours = (r: Report) => r.organizations.find((o) => o.documentId === organization)!;
  const veto = (o: Organization, id: string) => o.vetoes.find((v) => v.id === id)!;
  const columnIn = (o: Organization, documentId: string) => o.columns.find((c) => c.documentId === documentId);

  const newColumn = async (name: string, data: object) =>
    (
      (await documentsOf(app.strapi, COLUMN).create({
        locale: 'zh-Hans',
        data: { name, slug: `jian-cha-${name.length}-${stamp}-${Math.random().toString(36).slice(2, 7)}`, kind: 'list', organization, ...data },
      })) as { documentId: string }
    ).documentId;
  /** A live entry in the column, dated `publishedDate`, published through the workflow service. */
  const publishIn = async (column: string, publishedDate: string, title: string, body?: string) => {
    const { documentId } = (await documentsOf(app.strapi, ENTRY).create({
      locale: 'zh-Hans',
      data: { title, columns: [column], genre: 'notice', channels: ['website'], publishedDate, ...(body ? { body } : {}) },
    })) as { documentId: string };
    await (app.strapi.plugin('gov-disclosure').service('workflow') as { publishAsSystem(...a: string[]): Promise<void> }).publishAsSystem(
      ENTRY,
      documentId,
      'zh-Hans',
      '检查测试'
    );
    return documentId;
  };

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    Object.assign(process.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_IGNORE_TLS: 'true', EMAIL_FROM: 'noreply@demo.gov.cn' });
    app = await startTestApp();
    fx = await setupWorkflowFixture(app);
    organization = ((await rowsOf(app.strapi, 'plugin::gov-disclosure.organization').findOne({ where: { locale: 'zh-Hans' } })) as { documentId: string })
      .documentId;
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await smtp?.stop();
    for (const k of ['SMTP_HOST', 'SMTP_PORT', 'SMTP_IGNORE_TLS', 'EMAIL_FROM']) delete process.env[k];
  });

  it('is the office’s: 401 without a login, 403 for a drafter or reviewer, 400 naming a bad field', async () => {
    expect((await app.http().get('/gov-disclosure/inspection')).status).toBe(401);
    for (const token of [fx.tokens.drafterIn, fx.tokens.reviewerIn]) {
      const res = await as(token).get('/gov-disclosure/inspection');
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/仅办公室/);
    }
    const bad = await as(fx.tokens.publisher).get('/gov-disclosure/inspection?organization=');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toMatch(/organization/);
    const unknown = await as(fx.tokens.publisher).get('/gov-disclosure/inspection?organisation=x');
    expect(unknown.status).toBe(400);
  });

  it('a new news column is blank, then lapsed at day 15, about to lapse at day 14, and fine under a longer limit of its own', async () => {
    const before = ours(await report());
    const news = await newColumn('检查测试动态', { purpose: 'news', administrators: [fx.ids.drafterIn] });
    const other = await newColumn('检查测试其他栏目', { purpose: 'other' });

    let now = ours(await report());
    expect(columnIn(now, news)).toMatchObject({ key: true, lastPublished: null, status: { state: 'blank', limitDays: 14 } });
    expect(columnIn(now, other)).toMatchObject({ key: false, status: { state: 'blank', limitDays: null } });
    expect(veto(now, 'blank-columns').count).toBe(veto(before, 'blank-columns').count! + 2);
    expect(now.columnCount).toBe(before.columnCount + 2);

    await publishIn(news, ago(15), `十五天前的动态 ${stamp}`);
    now = ours(await report());
    expect(columnIn(now, news)).toMatchObject({ lastPublished: ago(15), status: { state: 'lapsed', daysSince: 15, limitDays: 14, daysLeft: -1 } });
    expect(veto(now, 'key-columns-lapsed').count).toBe(veto(before, 'key-columns-lapsed').count! + 1);
    expect(veto(now, 'columns-lapsed').count).toBe(veto(before, 'columns-lapsed').count! + 1);
    expect(veto(now, 'blank-columns').count).toBe(veto(before, 'blank-columns').count! + 1);

    await publishIn(news, ago(14), `十四天前的动态 ${stamp}`);
    now = ours(await report());
    expect(columnIn(now, news)).toMatchObject({ lastPublished: ago(14), status: { state: 'soon', daysSince: 14, daysLeft: 0 } });
    expect(veto(now, 'key-columns-lapsed').count).toBe(veto(before, 'key-columns-lapsed').count);

    // the column's administrator sees it in 待办; a reviewer and another drafter do not
    const mine = (await as(fx.tokens.drafterIn).get('/gov-disclosure/inspection/my-columns')).body.data as Column[];
    expect(mine.find((c) => c.documentId === news)).toMatchObject({ status: { state: 'soon' } });
    expect(mine.find((c) => c.documentId === other)).toBeUndefined();
    for (const token of [fx.tokens.reviewerIn, fx.tokens.drafterOut]) {
      const theirs = (await as(token).get('/gov-disclosure/inspection/my-columns')).body.data as Column[];
      expect(theirs.find((c) => c.documentId === news)).toBeUndefined();
    }

    // the office gives the column 30 days: in order, so no longer listed
    await documentsOf(app.strapi, COLUMN).update({ documentId: news, locale: 'zh-Hans', data: { updateLimitDays: 30 } });
    expect(columnIn(ours(await report()), news)).toBeUndefined();
    // 0: no rule at all, even for a news column
    await documentsOf(app.strapi, COLUMN).update({ documentId: news, locale: 'zh-Hans', data: { updateLimitDays: 0 } });
    expect(columnIn(ours(await report()), news)).toBeUndefined();
  });

  it('a parent column is updated by its children’s items, as the portal lists them', async () => {
    const parent = await newColumn('检查测试通知公告', { purpose: 'notices' });
    const child = await newColumn('检查测试子栏目', { purpose: 'other', parent });
    let now = ours(await report());
    expect(columnIn(now, parent)).toMatchObject({ key: true, status: { state: 'blank', limitDays: 183 } });
    await publishIn(child, ago(200), `子栏目的旧通知 ${stamp}`);
    now = ours(await report());
    expect(columnIn(now, parent)).toMatchObject({ lastPublished: ago(200), status: { state: 'lapsed', daysSince: 200 } });
    // the child has no rule and now an item: in order, not listed
    expect(columnIn(now, child)).toBeUndefined();
  });

  it('lists published items without a 发布日期 and reads the home page’s last update from the newest public item', async () => {
    const column = await newColumn('检查测试无日期', { purpose: 'other' });
    const before = ours(await report());
    const id = await publishIn(column, today(), `没有发布日期的信息 ${stamp}`);
    // as a legacy import leaves it: live, but undated
    await rowsOf(app.strapi, ENTRY).updateMany({ where: { documentId: id }, data: { publishedDate: null } });
    const r = await report();
    expect(ours(r).undated.count).toBe(before.undated.count + 1);
    expect(ours(r).undated.items.map((i) => i.documentId)).toContain(id);
    const live = (await rowsOf(app.strapi, ENTRY).findMany({
      where: {
        locale: 'zh-Hans',
        publishedAt: { $notNull: true },
        disclosureMode: { $ne: 'withheld' },
        disclosureScope: 'public',
        publishedDate: { $notNull: true },
      },
      select: ['publishedDate'],
    })) as Array<{ publishedDate: string }>;
    const newest = live
      .map((e) => String(e.publishedDate).slice(0, 10))
      .sort()
      .pop()!;
    expect(r.homePage).toEqual({
      lastPublished: newest,
      daysSince: Math.round((Date.parse(today()) - Date.parse(newest)) / 86_400_000),
      limitDays: 14,
      fails: newest < ago(14),
    });
    expect(veto(ours(r), 'home-page')).toMatchObject({ threshold: 14, fails: r.homePage.fails });
  });

  it('narrows to one organization on request', async () => {
    const res = await as(fx.tokens.publisher).get(`/gov-disclosure/inspection?organization=${organization}`);
    expect(res.status).toBe(200);
    expect((res.body.data as Report).organizations.map((o) => o.documentId)).toEqual([organization]);
  });

  it('e-mails a weekly digest through the job runner: each administrator their columns, the office the counts, on Mondays at 08:00', async () => {
    const news = await newColumn('检查测试周报动态', { purpose: 'news', administrators: [fx.ids.drafterIn] });
    await publishIn(news, ago(20), `二十天前的动态 ${stamp}`);
    const knex = app.strapi.db.connection;
    const job = () => knex('gov_disclosure_jobs').where({ kind: 'inspection-digest' }).first();
    expect(await job()).toMatchObject({ status: 'pending' });
    await knex('gov_disclosure_jobs')
      .where({ kind: 'inspection-digest' })
      .update({ run_at: Date.now() - 1 });
    await (app.strapi.plugin('gov-disclosure').service('jobs') as { runDue(): Promise<number> }).runDue();

    const [toDrafter] = await smtp.waitFor((m) => m.to.includes('drafter@demo.gov.cn') && m.subject.includes('网站检查'));
    expect(toDrafter.subject).toMatch(/你管理的 \d+ 个栏目需要更新/);
    expect(toDrafter.text).toContain(`检查测试周报动态：最近发布 ${ago(20)}（已超过更新期限 6 天）`);
    const [toOffice] = await smtp.waitFor((m) => m.to.includes('publisher@demo.gov.cn') && m.subject.includes('网站检查'));
    expect(toOffice.text).toMatch(/空白栏目：\d+ 个（5 个即否决）/);
    expect(toOffice.text).toContain('/admin/plugins/gov-disclosure/inspection');
    // a reviewer administers no column: not mailed
    expect(smtp.mails.some((m) => m.to.includes('reviewer@demo.gov.cn') && m.subject.includes('网站检查'))).toBe(false);

    // again next Monday at 08:00 in the agency's time zone
    const next = new Date(Number((await job()).run_at));
    const at = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
      next
    );
    expect(at).toBe('Mon 08:00');
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    expect((await job()).status).toBe('pending');
  });

  it('lists links in published bodies to pages the portal no longer serves, re-checked when the target is withdrawn', async () => {
    const column = await newColumn('检查测试链接', { purpose: 'other' });
    const columnSlug = ((await rowsOf(app.strapi, COLUMN).findOne({ where: { documentId: column, locale: 'zh-Hans' } })) as { slug: string }).slug;
    const target = await publishIn(column, today(), `被引用的通知 ${stamp}`);
    const { slug: targetSlug, indexNumber } = (await rowsOf(app.strapi, ENTRY).findOne({
      where: { documentId: target, locale: 'zh-Hans', publishedAt: { $notNull: true } },
    })) as { slug: string; indexNumber: string };
    // the portal answers an entry at its 索引号 too (the slash encoded)
    const byIndexNumber = `/portal/entries/${encodeURIComponent(indexNumber)}`;
    const body = [
      `详见[通知](/portal/entries/${targetSlug})、[原文](/portal/entries/${target})、[索引号](${byIndexNumber})和[本栏目](/portal/columns/${columnSlug})。`,
      '旧栏目[已删除](/portal/columns/no-such-column-' + stamp + ')，外部[国务院](https://www.gov.cn/)。',
    ].join('\n');
    const holder = await publishIn(column, today(), `引用其他信息的通知 ${stamp}`, body);
    const brokenOf = async () =>
      ours(await report())
        .brokenLinks.filter((b) => b.holder.documentId === holder)
        .map((b) => [b.kind, b.href]);
    expect(await brokenOf()).toEqual([['column', `/portal/columns/no-such-column-${stamp}`]]);

    await fx.transitionAs('publisher', target, 'withdraw', '内容已更新，撤回');
    expect((await brokenOf()).sort()).toEqual(
      [
        ['column', `/portal/columns/no-such-column-${stamp}`],
        ['entry', `/portal/entries/${target}`],
        ['entry', `/portal/entries/${targetSlug}`],
        ['entry', byIndexNumber],
      ].sort()
    );
    // a renamed column still answers at its former slug (it redirects): not broken
    await documentsOf(app.strapi, COLUMN).update({ documentId: column, locale: 'zh-Hans', data: { slug: `${columnSlug}-renamed` } });
    expect((await brokenOf()).some(([, href]) => href === `/portal/columns/${columnSlug}`)).toBe(false);
    // withdrawing the holder takes its links off the list
    await fx.transitionAs('publisher', holder, 'withdraw', '整理栏目');
    expect(await brokenOf()).toEqual([]);
  });
});
