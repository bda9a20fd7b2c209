/**
 * What a government site must carry on every page, on the server-rendered portal: the footer's
 * 主办单位, 承办单位, contact, 网站标识码 and record numbers with their links (from the organization),
 * a site search box, the 政府信息公开 section in its four parts, and the 适老化 mode chosen by a
 * link and kept by a cookie without changing the (cached) pages.
 */
import { startTestApp, type TestApp } from '../helpers/strapi';
import { documentsOf, rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled seed is what `npm run seed` runs
const { seedDemo } = require('../../dist/src/seed/seed-demo') as typeof import('../../src/seed/seed-demo');

const ORG = 'plugin::gov-disclosure.organization';

describe('portal rules for government sites', () => {
  let app: TestApp;
  let organization = '';
  const get = (url: string, cookie?: string) => {
    const req = app.http().get(url);
    return cookie ? req.set('Cookie', cookie) : req;
  };

  beforeAll(async () => {
    app = await startTestApp();
    await seedDemo(app.strapi, {});
    organization = ((await rowsOf(app.strapi, ORG).findOne({ where: { locale: 'zh-Hans' }, orderBy: { id: 'asc' } })) as { documentId: string }).documentId;
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('refuses a malformed identity, naming each field', async () => {
    const error = await documentsOf(app.strapi, ORG)
      .update({
        documentId: organization,
        locale: 'zh-Hans',
        data: { websiteCode: '33030', icpNumber: 'ICP 05012345', publicSecurityNumber: '浙公网安备 3303号', partyGovernmentUrl: 'http://bszs.conac.cn/x' },
      })
      .then(
        () => null,
        (e: { details?: { errors?: Array<{ path: string[] }> } }) => e
      );
    expect((error?.details?.errors ?? []).map((e) => e.path.join('.')).sort()).toEqual([
      'icpNumber',
      'partyGovernmentUrl',
      'publicSecurityNumber',
      'websiteCode',
    ]);
  });

  it('shows the organization’s identity in every page’s footer, with the record links', async () => {
    await documentsOf(app.strapi, ORG).update({
      documentId: organization,
      locale: 'zh-Hans',
      data: {
        sponsor: '温州市质量技术监督局',
        operator: '温州市质量技术监督局办公室',
        contact: '电话：0577-88907791',
        websiteCode: '3303000013',
        icpNumber: '浙ICP备05012345号-1',
        publicSecurityNumber: '浙公网安备 33030202000123号',
        partyGovernmentUrl: 'https://bszs.conac.cn/sitename?method=show&id=0123456789',
      },
    });
    await (app.strapi.plugin('gov-disclosure').service('public-cache') as { clear(): void }).clear();
    for (const url of ['/portal', '/portal/catalog', '/portal/annual-reports', '/portal/guide', '/portal/apply', '/portal/entries/no-such-entry']) {
      const res = await get(url);
      expect([url, res.status]).toEqual([url, url.includes('no-such') ? 404 : 200]);
      const text = res.text;
      expect(text).toContain('主办单位：温州市质量技术监督局');
      expect(text).toContain('承办单位：温州市质量技术监督局办公室');
      expect(text).toContain('联系方式：电话：0577-88907791');
      expect(text).toContain('网站标识码：3303000013');
      expect(text).toContain('<a href="https://beian.miit.gov.cn/" rel="noopener">浙ICP备05012345号-1</a>');
      expect(text).toContain('<a href="https://beian.mps.gov.cn/#/query/webSearch?code=33030202000123" rel="noopener">浙公网安备 33030202000123号</a>');
      expect(text).toContain('<a class="dzjg" href="https://bszs.conac.cn/sitename?method=show&amp;id=0123456789"');
      // and a site search box on every page, working without JavaScript
      expect(text).toMatch(/<form class="site-search" role="search" action="\/portal\/catalog" method="get">[\s\S]*<input id="site-q" name="q" type="search"/);
    }
  });

  it('lays out the 政府信息公开 section in its four parts, linking the office’s disclosure rules', async () => {
    const res = await get('/portal/disclosure');
    expect(res.status).toBe(200);
    const parts = [...res.text.matchAll(/<li><h2>(?:<a href="([^"]*)">)?([^<]+)/g)].map((m) => [m[2], m[1] ?? null]);
    expect(parts).toEqual([
      ['政府信息公开指南', '/portal/guide'],
      ['政府信息公开制度', null],
      ['法定主动公开内容', '/portal/catalog'],
      ['政府信息公开工作年度报告', '/portal/annual-reports'],
    ]);
    expect(res.text).toContain('<a href="/portal/columns/xin-xi-gong-kai-zhi-du">信息公开制度</a>');
    // reached from every page's footer and from the home page
    expect((await get('/portal')).text.match(/<a href="\/portal\/disclosure">政府信息公开<\/a>/g)).toHaveLength(2);
  });

  it('适老化 mode: chosen by a link, kept by a cookie, the pages unchanged and the style swapped', async () => {
    const chosen = await get('/portal/mode?set=care&back=%2Fportal%2Fcatalog%3Fq%3D%E9%80%9A%E7%9F%A5');
    expect(chosen.status).toBe(303);
    expect(decodeURIComponent(chosen.headers.location)).toBe('/portal/catalog?q=通知');
    const cookie = (chosen.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('gd_mode='))!;
    expect(cookie).toMatch(/^gd_mode=care; path=\/portal; expires=.*; samesite=lax; httponly$/);
    const care = 'gd_mode=care';
    const [plainCss, careCss] = [await get('/portal/mode.css'), await get('/portal/mode.css', care)];
    expect([plainCss.status, plainCss.headers['cache-control'], plainCss.text]).toEqual([200, 'no-store', '']);
    expect(careCss.text).toContain('html{font-size:125%}');
    expect(careCss.headers['content-type']).toMatch(/^text\/css/);
    // the page is the same for everyone: its cache and ETag hold
    const [plainPage, carePage] = [await get('/portal/catalog'), await get('/portal/catalog', care)];
    expect(carePage.text).toBe(plainPage.text);
    expect(carePage.headers.etag).toBe(plainPage.headers.etag);
    expect(plainPage.text).toContain('<link rel="stylesheet" href="/portal/mode.css">');
    expect(plainPage.text).toContain('<a class="mode-care" href="/portal/mode?set=care&amp;back=%2Fportal%2Fcatalog">');
    // back to the standard mode; never sent to another site
    const standard = await get('/portal/mode?set=standard&back=/portal', care);
    expect(standard.status).toBe(303);
    expect((standard.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('gd_mode='))).toMatch(
      /^gd_mode=; path=\/portal; expires=Thu, 01 Jan 1970/
    );
    for (const back of ['https://evil.example/', '//evil.example/portal', '/admin', '/portal\\..\\admin']) {
      expect((await get(`/portal/mode?set=care&back=${encodeURIComponent(back)}`)).headers.location).toBe('/portal');
    }
  });
});
