/**
 * The public API never shows anything unpublished or private, whatever the client asks:
 * leak probes with the seed and workflow data in every state, plus caching, pagination and 404s.
 */
import { ENTRY, setupWorkflowFixture, type WorkflowFixture } from '../helpers/workflow-fixture';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { rowsOf, documentsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

const API = '/api/gov-disclosure';
const SECRET_MARKERS = [
  '@demo.gov.cn',
  '@test.gov.cn',
  'password',
  'workflowState',
  'withholdReason',
  'createdBy',
  'updatedBy',
  'resetPasswordToken',
  'registrationToken',
  '请补充附件',
  '内容已过时',
  'previousSlugs',
  'codeIsPlaceholder',
];

describe('public API', () => {
  let app: TestApp;
  let fx: WorkflowFixture;
  const hidden: Record<string, string> = {};
  let revisionId = '';
  let slugOfRevision = '';
  let onRequestId = '';

  beforeAll(async () => {
    app = await startTestApp();
    fx = await setupWorkflowFixture(app);
    for (const state of ['draft', 'pending_review', 'pending_publish', 'returned', 'withdrawn'] as const) {
      hidden[state] = await fx.entryIn(state, `不应公开的${state}条目`);
    }
    // a published item with a newer draft: only the published title may show
    revisionId = await fx.entryIn('published', '已发布的原标题');
    await documentsOf(app.strapi, ENTRY).update({
      documentId: revisionId,
      locale: 'zh-Hans',
      data: { title: '尚未发布的修订标题', body: '修订稿正文 SECRET-DRAFT' },
    });
    slugOfRevision = ((await rowsOf(app.strapi, ENTRY).findOne({ where: { documentId: revisionId, publishedAt: { $notNull: true } } })) as { slug: string })
      .slug;
    // withheld and restricted items never reach the public, even when published by the chain
    const withheld = await fx.createEntry('不予公开的条目');
    await documentsOf(app.strapi, ENTRY).update({
      documentId: withheld,
      locale: 'zh-Hans',
      data: { disclosureMode: 'withheld', withholdReason: '涉及商业秘密' },
    });
    await fx.transitionAs('drafterIn', withheld, 'submit');
    await fx.transitionAs('reviewerIn', withheld, 'approve');
    await fx.transitionAs('publisher', withheld, 'publish');
    hidden.withheld = withheld;
    // on-request items are listed, their text is not published
    onRequestId = await fx.createEntry('依申请公开的条目');
    await documentsOf(app.strapi, ENTRY).update({
      documentId: onRequestId,
      locale: 'zh-Hans',
      data: { disclosureMode: 'on_request', body: '依申请提供的正文 ON-REQUEST-TEXT' },
    });
    await fx.transitionAs('drafterIn', onRequestId, 'submit');
    await fx.transitionAs('reviewerIn', onRequestId, 'approve');
    await fx.transitionAs('publisher', onRequestId, 'publish');
  });
  afterAll(async () => {
    await app?.stop();
  });

  const get = (url: string) => app.http().get(url);
  /** Takes an entry through the real chain to published. */
  const publishByChain = async (documentId: string) => {
    await fx.transitionAs('drafterIn', documentId, 'submit');
    await fx.transitionAs('reviewerIn', documentId, 'approve');
    await fx.transitionAs('publisher', documentId, 'publish');
  };
  const publishedSlug = async (documentId: string) =>
    ((await rowsOf(app.strapi, ENTRY).findOne({ where: { documentId, publishedAt: { $notNull: true } } })) as { slug: string }).slug;

  const PUBLIC_ROUTES = [
    `${API}/columns`,
    `${API}/columns/tong-zhi-gong-gao/entries?pageSize=100`,
    `${API}/columns/tong-zhi/entries?pageSize=100`,
    `${API}/catalog?pageSize=100`,
    `${API}/catalog?q=条目&pageSize=100`,
    `${API}/annual-reports`,
    `${API}/annual-reports/wzzl/2018`,
  ];

  it('lists only published items; the live version of an item with a newer draft', async () => {
    // the 2018 report has no English version, so its English URL is a 404
    const english = PUBLIC_ROUTES.filter((u) => !u.endsWith('/2018')).map((u) => `${u}${u.includes('?') ? '&' : '?'}locale=en`);
    for (const url of [...PUBLIC_ROUTES, ...english]) {
      const res = await get(url);
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.body);
      for (const id of Object.values(hidden)) expect(text).not.toContain(id);
      expect(text).not.toMatch(/不应公开|不予公开的条目|尚未发布的修订标题|SECRET-DRAFT|ON-REQUEST-TEXT/);
      for (const marker of SECRET_MARKERS) expect(text).not.toContain(marker);
    }
    const list = await get(`${API}/columns/tong-zhi/entries?pageSize=100`);
    expect(list.body.data.map((e: { title: string }) => e.title)).toContain('已发布的原标题');
  });

  it('answers the same 404 for unknown keys and for every unpublished or hidden item, by documentId, slug and 索引号', async () => {
    const unknown = await get(`${API}/entries/does-not-exist`);
    expect(unknown.status).toBe(404);
    for (const documentId of Object.values(hidden)) {
      const row = (await rowsOf(app.strapi, ENTRY).findOne({ where: { documentId } })) as { slug: string };
      for (const key of [documentId, row.slug]) {
        const res = await get(`${API}/entries/${encodeURIComponent(key)}`);
        expect(res.status).toBe(404);
        expect(res.body).toEqual(unknown.body);
      }
    }
    const live = await get(`${API}/entries/${slugOfRevision}`);
    expect(live.status).toBe(200);
    expect(live.body.data.title).toBe('已发布的原标题');
    expect(live.body.data.bodyHtml).not.toContain('SECRET-DRAFT');
  });

  it('lists a 依申请公开 entry with its metadata but not its text, in the API and on the portal page', async () => {
    const listed = await get(`${API}/catalog?q=${encodeURIComponent('依申请公开的条目')}`);
    expect(listed.body.data.map((e: { documentId: string }) => e.documentId)).toEqual([onRequestId]);
    const res = await get(`${API}/entries/${onRequestId}`);
    expect(res.status).toBe(200);
    expect(res.body.data.disclosureMode).toEqual({ key: 'on_request', label: '依申请公开' });
    expect(res.body.data.bodyHtml).toBe('');
    expect(res.body.data.attachments).toEqual([]);
    expect(JSON.stringify(res.body)).not.toContain('ON-REQUEST-TEXT');
    const page = await get(`/portal/entries/${res.body.data.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('本信息依申请公开');
    expect(page.text).not.toContain('ON-REQUEST-TEXT');
    const proactive = await get(`${API}/entries/${slugOfRevision}`);
    expect(proactive.body.data.disclosureMode).toEqual({ key: 'proactive', label: '主动公开' });
  });

  it.each([
    ['status=draft'],
    ['status=published'],
    ['publicationState=preview'],
    ['populate=*'],
    ['populate[columns][populate]=*'],
    ['fields[0]=withholdReason'],
    ['filters[$lookup][from]=admin_users'],
    ['filters[title][$eq]=x'],
    ['sort=title'],
    ['locale=all'],
    ['locale=*'],
    ['locale[]=en'],
    ['locale=en&locale=zh-Hans'],
    ['pagination[pageSize]=1000'],
    ['page=0'],
    ['page=-1'],
    ['page=abc'],
    ['pageSize=101'],
    ['pageSize=0'],
    ['foo=bar'],
  ])('refuses %s with a 400 that names the parameter', async (query) => {
    const name = query.split(/[[=]/)[0];
    for (const base of [
      `${API}/columns`,
      `${API}/columns/tong-zhi/entries`,
      `${API}/entries/${slugOfRevision}`,
      `${API}/catalog`,
      `${API}/annual-reports`,
      `${API}/annual-reports/wzzl/2018`,
    ]) {
      const accepted = ['page', 'pageSize'].includes(name) && (base.endsWith('/columns') || base.includes('/entries/') || base.includes('annual-reports'));
      const res = await get(`${base}?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toContain(name);
      if (!accepted) expect(res.body.error.message).toContain(`"${name}"`);
    }
  });

  it('paginates newest first with correct edges', async () => {
    const all = (await get(`${API}/catalog?pageSize=100`)).body;
    const total = all.meta.pagination.total as number;
    expect(total).toBeGreaterThan(3);
    const dates = all.data.map((e: { publishedDate: string }) => e.publishedDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    const pageSize = 3;
    const pages = Math.ceil(total / pageSize);
    const seen: string[] = [];
    for (let p = 1; p <= pages; p += 1) {
      const res = await get(`${API}/catalog?page=${p}&pageSize=${pageSize}`);
      expect(res.body.meta.pagination).toEqual({ page: p, pageSize, pageCount: pages, total });
      seen.push(...res.body.data.map((e: { documentId: string }) => e.documentId));
    }
    expect(seen).toEqual(all.data.map((e: { documentId: string }) => e.documentId));
    const beyond = await get(`${API}/catalog?page=${pages + 1}&pageSize=${pageSize}`);
    expect(beyond.status).toBe(200);
    expect(beyond.body.data).toEqual([]);
  });

  it('sends ETag and Cache-Control, and 304 for a matching If-None-Match', async () => {
    for (const url of PUBLIC_ROUTES) {
      const first = await get(url);
      expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(first.headers['cache-control']).toBe('public, max-age=25, must-revalidate');
      const again = await get(url).set('If-None-Match', first.headers.etag);
      expect(again.status).toBe(304);
      expect(again.text ?? '').toBe('');
    }
    const missing = await get(`${API}/entries/nope`);
    expect(missing.headers['cache-control']).toContain('max-age=25');
  });

  it('shows a publish of this instance on the next request and changes the ETag', async () => {
    const url = `${API}/columns/tong-zhi/entries?pageSize=100`;
    const before = await get(url);
    const id = await fx.entryIn('pending_publish', '刚刚发布的通知');
    expect((await get(url).set('If-None-Match', before.headers.etag)).status).toBe(304);
    await fx.transitionAs('publisher', id, 'publish');
    const after = await get(url).set('If-None-Match', before.headers.etag);
    expect(after.status).toBe(200);
    expect(after.body.data[0].title).toBe('刚刚发布的通知');
    await fx.transitionAs('publisher', id, 'withdraw', '发布有误');
    expect((await get(`${API}/entries/${id}`)).status).toBe(404);
  });

  it('reuses a rendered response for at most publicCacheSeconds when another instance changes the data', async () => {
    app.strapi.config.set('plugin::gov-disclosure.publicCacheSeconds', 1);
    try {
      const id = await fx.entryIn('published', '缓存测试原标题');
      const url = `${API}/entries/${id}`;
      expect((await get(url)).body.data.title).toBe('缓存测试原标题');
      // a change this instance does not see (another instance wrote it)
      await rowsOf(app.strapi, ENTRY).updateMany({ where: { documentId: id, publishedAt: { $notNull: true } }, data: { title: '另一实例改后的标题' } });
      expect((await get(url)).body.data.title).toBe('缓存测试原标题');
      await new Promise((r) => setTimeout(r, 1_100));
      expect((await get(url)).body.data.title).toBe('另一实例改后的标题');
    } finally {
      app.strapi.config.set('plugin::gov-disclosure.publicCacheSeconds', 5);
    }
  });

  it('lists a child column’s entries under its ancestors, and follows a column moved in the tree', async () => {
    const COLUMN = 'plugin::gov-disclosure.column';
    const titles = async (slug: string) =>
      ((await get(`${API}/columns/${slug}/entries?pageSize=100`)).body.data as Array<{ title: string }>).map((e) => e.title);
    expect(await titles('tong-zhi-gong-gao')).toEqual(expect.arrayContaining(await titles('gong-gao')));
    const moved = (await rowsOf(app.strapi, COLUMN).findOne({ where: { slug: 'gong-gao', locale: 'zh-Hans' } })) as { documentId: string };
    const target = (await rowsOf(app.strapi, COLUMN).findOne({ where: { slug: 'ji-gou-jie-shao', locale: 'zh-Hans' } })) as { documentId: string };
    const announcements = await titles('gong-gao');
    expect(announcements.length).toBeGreaterThan(0);
    await documentsOf(app.strapi, COLUMN).update({ documentId: moved.documentId, locale: 'zh-Hans', data: { parent: target.documentId } });
    expect(await titles('ji-gou-jie-shao')).toEqual(expect.arrayContaining(announcements));
    const left = await titles('tong-zhi-gong-gao');
    expect(announcements.filter((t) => !left.includes(t)).length).toBeGreaterThan(0);
  });

  it('redirects a renamed column’s old slug', async () => {
    const column = (await rowsOf(app.strapi, 'plugin::gov-disclosure.column').findOne({ where: { slug: 'gong-zuo-dong-tai', locale: 'zh-Hans' } })) as {
      documentId: string;
    };
    await documentsOf(app.strapi, 'plugin::gov-disclosure.column').update({
      documentId: column.documentId,
      locale: 'zh-Hans',
      data: { slug: 'gong-zuo-xin-xi' },
    });
    const res = await get(`${API}/columns/gong-zuo-dong-tai/entries?page=1`);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(`${API}/columns/gong-zuo-xin-xi/entries?page=1`);
    expect((await get(`${API}/columns/no-such-column/entries`)).status).toBe(404);
  });

  it('renders the entry with its metadata and sanitized body, and links interpretations both ways', async () => {
    const res = await get(`${API}/entries/wen-zhou-shi-ming-pai-chan-pin-ren-ding-guan-li-ban-fa`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      documentNumber: '温质监〔2018〕12号',
      organization: { slug: 'wzzl', name: '温州市质量技术监督局' },
      subjectCategory: { code: '09.02', name: '质量监督' },
      validity: { key: 'effective', label: '有效' },
      genre: { key: 'notice', label: '通知' },
    });
    expect(res.body.data.bodyHtml).toContain('<h2>第一章 总则</h2>');
    expect(res.body.data.interpretations.map((e: { title: string }) => e.title)).toEqual(['《温州市名牌产品认定管理办法》政策解读']);
    const interpretation = await get(`${API}/entries/${res.body.data.interpretations[0].slug}`);
    expect(interpretation.body.data.interprets.map((e: { slug: string }) => e.slug)).toEqual(['wen-zhou-shi-ming-pai-chan-pin-ren-ding-guan-li-ban-fa']);
    const en = await get(`${API}/entries/wen-zhou-shi-ming-pai-chan-pin-ren-ding-guan-li-ban-fa?locale=en`);
    expect(en.body.data.title).toMatch(/^Notice on issuing/);
  });

  it('lists the entry’s attachments in their order and the columns it is posted in; none of an on-request entry’s', async () => {
    const file = async (name: string, size: number) =>
      (await app.strapi.db.query('plugin::upload.file').create({
        data: {
          name,
          hash: `h${process.pid}${size * 100}`,
          ext: '.pdf',
          mime: 'application/pdf',
          size,
          url: `/uploads/${encodeURIComponent(name)}`,
          provider: 'local',
        },
      })) as { id: number };
    const second = await file('附件二：申报表.pdf', 2.5);
    const first = await file('附件一：认定办法.pdf', 312.25);
    const id = await fx.createEntry('带两个附件的通知');
    await documentsOf(app.strapi, ENTRY).update({ documentId: id, locale: 'zh-Hans', data: { attachments: [first.id, second.id] } });
    await publishByChain(id);
    const slug = await publishedSlug(id);
    const res = await get(`${API}/entries/${slug}`);
    expect(res.status).toBe(200);
    expect(res.body.data.attachments).toEqual([
      { name: '附件一：认定办法.pdf', url: `/uploads/${encodeURIComponent('附件一：认定办法.pdf')}`, mime: 'application/pdf', size: 312.25 },
      { name: '附件二：申报表.pdf', url: `/uploads/${encodeURIComponent('附件二：申报表.pdf')}`, mime: 'application/pdf', size: 2.5 },
    ]);
    const column = (await rowsOf(app.strapi, 'plugin::gov-disclosure.column').findOne({ where: { slug: 'tong-zhi', locale: 'zh-Hans' } })) as { name: string };
    expect(res.body.data.columns).toEqual([{ slug: 'tong-zhi', name: column.name }]);
    expect(res.body.data.interprets).toEqual([]);
    expect(res.body.data.interpretations).toEqual([]);
    // the portal page links them
    const page = await get(`/portal/entries/${slug}`);
    expect(page.text.indexOf('附件一：认定办法.pdf')).toBeGreaterThan(-1);
    expect(page.text.indexOf('附件一：认定办法.pdf')).toBeLessThan(page.text.indexOf('附件二：申报表.pdf'));
    // an on-request entry lists none: its files are given on request
    const onRequestWithFile = await fx.createEntry('依申请公开的带附件条目');
    await documentsOf(app.strapi, ENTRY).update({
      documentId: onRequestWithFile,
      locale: 'zh-Hans',
      data: { disclosureMode: 'on_request', attachments: [first.id] },
    });
    await publishByChain(onRequestWithFile);
    const shown = await get(`${API}/entries/${await publishedSlug(onRequestWithFile)}`);
    expect(shown.status).toBe(200);
    expect(shown.body.data.attachments).toEqual([]);
  });

  it('no longer links an interpretation once it is withdrawn', async () => {
    const policy = 'wen-zhou-shi-ming-pai-chan-pin-ren-ding-guan-li-ban-fa';
    const before = await get(`${API}/entries/${policy}`);
    const interpretation = before.body.data.interpretations[0] as { documentId: string; slug: string };
    await fx.transitionAs('publisher', interpretation.documentId, 'withdraw', '解读内容需更新');
    try {
      expect((await get(`${API}/entries/${policy}`)).body.data.interpretations).toEqual([]);
      expect((await get(`${API}/entries/${interpretation.slug}`)).status).toBe(404);
    } finally {
      // the tests after this one read the seed's interpretation
      await publishByChain(interpretation.documentId);
    }
  });

  it('links no withheld entry from an interpretation of it', async () => {
    const policy = await fx.createEntry('后来不予公开的被解读文件');
    await publishByChain(policy);
    const interpretation = await fx.createEntry('对后来不予公开文件的解读');
    await documentsOf(app.strapi, ENTRY).update({
      documentId: interpretation,
      locale: 'zh-Hans',
      data: { genre: 'interpretation', interprets: { connect: [{ documentId: policy }] } } as never,
    });
    await publishByChain(interpretation);
    // the policy's next version is withheld (as a 定密 decision after publication would make it)
    await documentsOf(app.strapi, ENTRY).update({
      documentId: policy,
      locale: 'zh-Hans',
      data: { disclosureMode: 'withheld', withholdReason: '涉及国家秘密' },
    });
    await publishByChain(policy);
    const res = await get(`${API}/entries/${await publishedSlug(interpretation)}`);
    expect(res.status).toBe(200);
    expect(res.body.data.interprets).toEqual([]);
    expect(JSON.stringify(res.body)).not.toContain('后来不予公开的被解读文件');
    // the catalog's tests after this one count the seed's interpretations only
    await fx.transitionAs('publisher', interpretation, 'withdraw', '测试结束');
  });

  it('filters the catalog by subject (top level includes its children), genre, organization, year, validity', async () => {
    const titles = async (q: string) => ((await get(`${API}/catalog?pageSize=100&${q}`)).body.data as Array<{ title: string }>).map((e) => e.title);
    expect((await titles('subject=09')).length).toBeGreaterThan(0);
    expect(await titles('subject=09')).toEqual(expect.arrayContaining(await titles('subject=09.02')));
    expect(await titles('subject=15.03')).toEqual(['温州市质量技术监督局干部任前公示']);
    expect(await titles('genre=interpretation')).toEqual(['《温州市名牌产品认定管理办法》政策解读']);
    expect((await titles('year=2019')).every((t) => t.includes('第四季度') || t.includes('刚刚') || t.includes('已发布') || t.includes('测试'))).toBe(true);
    expect(await titles('organization=no-such-org')).toEqual([]);
    expect(await titles('q=温质监〔2018〕12号')).toEqual(['温州市质量技术监督局关于印发《温州市名牌产品认定管理办法》的通知']);
    expect(await titles('validity=repealed')).toEqual([]);
  });

  it('serves the 2018 report with its statistics as filed and sections as HTML', async () => {
    const res = await get(`${API}/annual-reports/wzzl/2018`);
    const table = res.body.data.statistics.tables[0];
    const row = (id: string) => table.rows.find((r: { id: string }) => r.id === id);
    expect(row('1').cells[0].value).toBe(1974);
    expect(row('3.1').cells[0].value).toBeNull();
    expect(row('3.1.3')).toMatchObject({ unit: '件', cells: [{ value: 2 }] });
    expect(row('1')).toMatchObject({ heading: true, unit: null });
    expect(res.body.data.sections.map((s: { title: string }) => s.title)[0]).toBe('一、基本概况概述');
    expect((await get(`${API}/annual-reports/wzzl/2017`)).status).toBe(404);
    expect((await get(`${API}/annual-reports/wzzl/abcd`)).status).toBe(404);
  });
});
