/**
 * The public reads served ahead of the app's middleware stack (services/front-door.ts) answer
 * exactly what the stack answers — status, body and every header — and the door stays shut where
 * it must: other methods, CORS requests, an app with middlewares of its own. The public reads'
 * own connection (services/read-sql.ts) sees only committed rows, and the parts every page shares
 * (column tree, a column's size) follow a publication at once.
 */
import { setupWorkflowFixture, ENTRY, type WorkflowFixture } from '../helpers/workflow-fixture';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';
import { tableOf } from '../../plugins/gov-disclosure/server/src/utils/sql';

const API = '/api/gov-disclosure';

describe('the public front door', () => {
  let app: TestApp;
  let fx: WorkflowFixture;
  let publishedSlug = '';
  let publishedIndexNumber = '';

  const door = () => app.strapi.plugin('gov-disclosure').service('front-door') as { servedCount(): number };
  const setDoor = (value: boolean | 'auto') => app.strapi.config.set('plugin::gov-disclosure.frontDoor', value);
  const setCacheSeconds = (seconds: number) => app.strapi.config.set('plugin::gov-disclosure.publicCacheSeconds', seconds);

  /** Status, body and headers but the date, as a client sees them. */
  const answer = async (method: 'get' | 'head', url: string, headers: Record<string, string> = {}) => {
    // one host for every request: feeds and the sitemap write absolute links
    const req = app.http()[method](url).redirects(0).set('Host', 'portal.example.gov.cn');
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    const res = await req;
    const { date: _date, connection: _connection, ...rest } = res.headers as Record<string, string>;
    return { status: res.status, headers: rest, body: res.text ?? '' };
  };

  beforeAll(async () => {
    app = await startTestApp();
    fx = await setupWorkflowFixture(app);
    const id = await fx.entryIn('published', '前门测试的已发布条目');
    const row = (await rowsOf(app.strapi, ENTRY).findOne({ where: { documentId: id, publishedAt: { $notNull: true } } })) as {
      slug: string;
      indexNumber: string;
    };
    publishedSlug = row.slug;
    publishedIndexNumber = row.indexNumber;
  });
  afterAll(async () => {
    setDoor('auto');
    await app?.stop();
  });

  const urls = () => [
    '/portal',
    '/portal?locale=en',
    '/portal/catalog',
    '/portal/catalog?q=%E9%80%9A%E7%9F%A5',
    '/portal/catalog?page=0',
    '/portal/columns/tong-zhi',
    '/portal/columns/tong-zhi/rss.xml',
    '/portal/columns/no-such-column',
    `/portal/entries/${publishedSlug}`,
    '/portal/entries/no-such-entry',
    '/portal/annual-reports',
    '/portal/disclosure',
    '/sitemap.xml',
    `${API}/columns`,
    `${API}/columns/tong-zhi/entries?pageSize=5`,
    `${API}/columns/tong-zhi/entries?pageSize=abc`,
    `${API}/entries/${publishedSlug}`,
    `${API}/entries/${encodeURIComponent(publishedIndexNumber)}`,
    `${API}/entries/no-such-entry`,
    `${API}/catalog?q=%E9%80%9A%E7%9F%A5&pageSize=3`,
    `${API}/catalog?year=abc`,
    `${API}/catalog?filters[x]=1`,
    `${API}/annual-reports`,
  ];

  it('answers every public read exactly as the stack does, errors included, and serves them itself', async () => {
    setCacheSeconds(0);
    try {
      // the first public read goes through the stack: the door learns its headers there
      await answer('get', '/portal');
      setDoor(false);
      const viaStack = [];
      for (const url of urls()) viaStack.push(await answer('get', url));
      setDoor('auto');
      const before = door().servedCount();
      const viaDoor = [];
      for (const url of urls()) viaDoor.push(await answer('get', url));
      expect(viaDoor).toEqual(viaStack);
      // errors (400 from the API's validation) are left to the stack's error middleware: the rest is the door's
      const apiErrors = viaStack.filter((r, i) => r.status === 400 && urls()[i].startsWith(API)).length;
      expect(apiErrors).toBe(3);
      expect(door().servedCount() - before).toBe(urls().length - apiErrors);
      expect(viaStack.map((r) => r.status)).toEqual(expect.arrayContaining([200, 400, 404]));
      expect(viaDoor[0].headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(viaDoor[0].headers['x-powered-by']).toBeDefined();
    } finally {
      setCacheSeconds(5);
    }
  });

  it('answers HEAD and a conditional GET (304) as the stack does', async () => {
    const url = `${API}/entries/${publishedSlug}`;
    const { headers } = await answer('get', url);
    setDoor(false);
    const stack = [await answer('head', url), await answer('get', url, { 'If-None-Match': headers.etag })];
    setDoor('auto');
    const viaDoor = [await answer('head', url), await answer('get', url, { 'If-None-Match': headers.etag })];
    expect(viaDoor).toEqual(stack);
    expect(viaDoor[1].status).toBe(304);
  });

  it('leaves CORS requests, other methods and other paths to the stack', async () => {
    const before = door().servedCount();
    const cors = await answer('get', `${API}/columns`, { Origin: 'https://example.org' });
    expect(cors.status).toBe(200);
    expect(cors.headers['access-control-allow-origin']).toBe('https://example.org');
    expect((await app.http().post(`${API}/columns`)).status).toBe(405);
    expect((await answer('get', '/portal/')).status).toBeLessThan(500);
    expect((await answer('get', '/PORTAL')).status).toBeLessThan(500);
    expect(door().servedCount()).toBe(before);
  });

  it('stays shut on an app with middlewares of its own unless told to open', async () => {
    const stock = app.strapi.config.get('middlewares') as unknown[];
    try {
      app.strapi.config.set('middlewares', [...stock, { name: 'global::site-password' }]);
      let before = door().servedCount();
      expect((await answer('get', '/portal')).status).toBe(200);
      expect(door().servedCount()).toBe(before);
      setDoor(true);
      before = door().servedCount();
      expect((await answer('get', '/portal')).status).toBe(200);
      expect(door().servedCount()).toBe(before + 1);
    } finally {
      app.strapi.config.set('middlewares', stock);
      setDoor('auto');
    }
  });

  it("reads only committed rows, without waiting for an editor's transaction", async () => {
    setCacheSeconds(0);
    const table = tableOf(app.strapi, ENTRY);
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let changed!: () => void;
      const written = new Promise<void>((resolve) => {
        changed = resolve;
      });
      const transaction = app.strapi.db.connection
        .transaction(async (trx) => {
          await trx(table).where({ slug: publishedSlug }).whereNotNull('published_at').update({ title: '未提交的标题' });
          changed();
          await held;
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      await written;
      const during = await app.http().get(`${API}/entries/${publishedSlug}`);
      release();
      await transaction;
      expect(during.status).toBe(200);
      expect(during.body.data.title).toBe('前门测试的已发布条目');
      expect((await app.http().get(`${API}/entries/${publishedSlug}`)).body.data.title).toBe('前门测试的已发布条目');
    } finally {
      setCacheSeconds(5);
    }
  });

  it('pages deep into a long column from its anchors exactly as counting every row would', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the benchmarks' generator, plain CommonJS
    const { generateCatalog } = require('../../scripts/bench/generate-catalog') as {
      generateCatalog(strapi: unknown, options: { count: number; seed?: number }): Promise<unknown>;
    };
    await generateCatalog(app.strapi, { count: 2400, seed: 14 });
    app.strapi.plugin('gov-disclosure').service('public-cache').clear();
    const column = 'xin-xi-gong-kai-mu-lu';
    const columnId = ((await rowsOf(app.strapi, 'plugin::gov-disclosure.column').findOne({ where: { slug: column, locale: 'zh-Hans' } })) as { id: number }).id;
    const all = (
      (await app.strapi.db
        .connection('gov_disclosure_column_listings')
        .where({ column_id: columnId, locale: 'zh-Hans' })
        .orderBy([
          { column: 'published_date', order: 'desc' },
          { column: 'entry_id', order: 'desc' },
        ])
        .select('document_id')) as Array<{ document_id: string }>
    ).map((r) => r.document_id);
    expect(all.length).toBeGreaterThan(1000);
    const pageSize = 40;
    const seen: string[] = [];
    for (let page = 1; (page - 1) * pageSize < all.length; page += 1) {
      const res = await app.http().get(`${API}/columns/${column}/entries?page=${page}&pageSize=${pageSize}`);
      expect(res.status).toBe(200);
      expect(res.body.meta.pagination.total).toBe(all.length);
      seen.push(...(res.body.data as Array<{ documentId: string }>).map((d) => d.documentId));
    }
    expect(seen).toEqual(all);
  });

  it("shows a publication in its column's list and size at once, and a renamed column on every page", async () => {
    const list = async () => (await app.http().get(`${API}/columns/tong-zhi/entries?pageSize=100`)).body;
    const before = await list();
    const id = await fx.entryIn('published', '前门测试的第二条');
    const after = await list();
    expect(after.meta.pagination.total).toBe(before.meta.pagination.total + 1);
    expect(after.data[0].documentId).toBe(id);
    const column = (await rowsOf(app.strapi, 'plugin::gov-disclosure.column').findOne({ where: { slug: 'tong-zhi', locale: 'zh-Hans' } })) as {
      documentId: string;
      name: string;
    };
    const documents = app.strapi.documents('plugin::gov-disclosure.column' as never) as unknown as {
      update(p: { documentId: string; locale: string; data: object }): Promise<unknown>;
    };
    await documents.update({ documentId: column.documentId, locale: 'zh-Hans', data: { name: '通知（改名）' } });
    try {
      expect((await app.http().get(`${API}/columns`)).text).toContain('通知（改名）');
      expect((await app.http().get('/portal/columns/tong-zhi')).text).toContain('<h1>通知（改名）</h1>');
    } finally {
      await documents.update({ documentId: column.documentId, locale: 'zh-Hans', data: { name: column.name } });
    }
  });
});
