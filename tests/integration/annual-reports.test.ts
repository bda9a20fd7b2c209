/**
 * Annual reports: templates as data over the admin API, 勾稽 checks with the seed's findings
 * pinned, statistics computed from generated catalog data against an independent count, the
 * override rule on publish, exports read back (CSV parsed, DOCX unzipped and read).
 */
import JSZip from 'jszip';
import { ENTRY, setupWorkflowFixture, type WorkflowFixture } from '../helpers/workflow-fixture';
import { startTestApp, type TestApp } from '../helpers/strapi';

const REPORT = 'plugin::gov-disclosure.annual-report';
const YEAR = 2016;

describe('annual reports', () => {
  let app: TestApp;
  let fx: WorkflowFixture;
  let orgId = '';
  const as = (token: string) => ({
    get: (url: string) => app.http().get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) => app.http().post(url).set('Authorization', `Bearer ${token}`).send(body),
  });

  beforeAll(async () => {
    app = await startTestApp();
    fx = await setupWorkflowFixture(app);
    orgId = ((await app.strapi.db.query('plugin::gov-disclosure.organization' as never).findOne({ where: { slug: 'wzzl', locale: 'zh-Hans' } })) as { documentId: string }).documentId;
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('templates', () => {
    it('lists both formats and returns each with sections, tables, cells, units and checks', async () => {
      const list = await as(fx.tokens.drafterIn).get('/gov-disclosure/annual-reports/templates');
      expect(list.body.data.map((t: { id: string }) => t.id)).toEqual(['2008', '2021']);
      const t2008 = (await as(fx.tokens.drafterIn).get('/gov-disclosure/annual-reports/templates/2008')).body.data;
      expect(t2008.tables[0].rows).toHaveLength(64);
      expect(t2008.tables[0].rows.find((r: { id: string }) => r.id === '3.1')).toMatchObject({ label: '（一）收到申请数', unit: '件' });
      const t2021 = (await as(fx.tokens.drafterIn).get('/gov-disclosure/annual-reports/templates/2021')).body.data;
      expect(t2021.sections.map((s: { title: string }) => s.title)).toEqual([
        '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
      ]);
      expect(t2021.checks.find((c: { id: string }) => c.id === 'balance:total')).toMatchObject({ kind: 'equation' });
      expect((await as(fx.tokens.drafterIn).get('/gov-disclosure/annual-reports/templates/2019')).status).toBe(404);
      expect((await app.http().get('/gov-disclosure/annual-reports/templates')).status).toBe(401);
    });
  });

  describe('validate', () => {
    it('reports the seed’s real problems, in Chinese and in English', async () => {
      const seed = (await app.strapi.db.query(REPORT as never).findOne({ where: { year: 2018, locale: 'zh-Hans' } })) as { statistics: Record<string, number | null> };
      const zh = await as(fx.tokens.publisher).post('/gov-disclosure/annual-reports/validate', { template: '2008', statistics: seed.statistics });
      expect(zh.status).toBe(200);
      expect(zh.body.errors).toEqual([]);
      expect(zh.body.warnings.map((w: { cell: string }) => w.cell)).toEqual(['1', '3', '3.1', '3.2', '3.3']);
      const en = await as(fx.tokens.publisher).post('/gov-disclosure/annual-reports/validate', { template: '2008', statistics: seed.statistics }).set('Accept-Language', 'en-US');
      expect(en.body.warnings[2].message).toMatch(/is blank but its items add up to 2/);
    });

    it('answers errors for bad cells and 400 for a malformed body', async () => {
      const res = await as(fx.tokens.publisher).post('/gov-disclosure/annual-reports/validate', { template: '2021', statistics: { 't3.new:natural': -1, 'nope': 2 } });
      expect(res.body.errors.map((e: { cell: string }) => e.cell).sort()).toEqual(['nope', 't3.new:natural']);
      const bad = await as(fx.tokens.publisher).post('/gov-disclosure/annual-reports/validate', { template: '1999', statistics: {} });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.errors[0].path).toEqual(['template']);
    });
  });

  describe('compute from live data', () => {
    it('counts what the catalog says, matching an independent count', async () => {
      const specs = Array.from({ length: 24 }, (_, i) => ({
        channels: [['website'], ['website', 'weibo'], ['gazette', 'website', 'wechat'], ['other']][i % 4],
        documentKind: (['other', 'normative', 'regulation'] as const)[i % 3],
        genre: i % 5 === 0 ? 'interpretation' : 'notice',
        publishedDate: `${i % 6 === 0 ? YEAR - 1 : YEAR}-0${1 + (i % 9)}-15`,
        writtenDate: `${i % 6 === 0 ? YEAR - 1 : YEAR}-0${1 + (i % 9)}-10`,
        validity: i % 7 === 0 ? 'repealed' : 'effective',
        repealedDate: i % 7 === 0 ? `${YEAR}-11-30` : null,
      }));
      // a 政策解读 links the policy document it interprets: the seed's normative document
      const policy = (await app.strapi.db.query(ENTRY as never).findOne({ where: { slug: 'wen-zhou-shi-ming-pai-chan-pin-ren-ding-guan-li-ban-fa', locale: 'zh-Hans' } })) as { documentId: string };
      for (const [i, spec] of specs.entries()) {
        const links = spec.genre === 'interpretation' ? { interprets: [policy.documentId] } : {};
        // eslint-disable-next-line no-await-in-loop
        const doc = (await app.strapi.documents(ENTRY as never).create({ locale: 'zh-Hans', data: { title: `统计测试 ${i}`, organization: orgId, ...spec, ...links } } as never)) as { documentId: string };
        // eslint-disable-next-line no-await-in-loop
        await app.strapi.plugin('gov-disclosure').service('workflow').publishAsSystem(ENTRY, doc.documentId, 'zh-Hans', 'test data');
      }
      const inYear = specs.filter((s) => s.publishedDate.startsWith(String(YEAR)));
      const channel = (c: string) => inYear.filter((s) => s.channels.includes(c)).length;
      const normative = specs.filter((s) => s.documentKind === 'normative');
      const created = await as(fx.tokens.publisher).post(`/content-manager/collection-types/${REPORT}?locale=zh-Hans`, { title: `${YEAR}年报告`, year: YEAR, template: '2008', organization: orgId, statistics: { '1.1': 999 } });
      expect(created.body).toMatchObject({ data: { documentId: expect.any(String) } });
      const res = await as(fx.tokens.publisher).post(`/gov-disclosure/annual-reports/${created.body.data.documentId}/compute?locale=zh-Hans`);
      expect(res.status).toBe(200);
      expect(res.body.data.computed).toEqual({
        '1.1': inYear.length,
        '1.1.a': inYear.filter((s) => s.documentKind === 'normative').length,
        '1.1.b': normative.filter((s) => s.writtenDate.startsWith(String(YEAR))).length,
        '1.2.1': channel('gazette'), '1.2.2': channel('website'), '1.2.3': channel('weibo'), '1.2.4': channel('wechat'), '1.2.5': channel('other'),
        '1.2': ['gazette', 'website', 'weibo', 'wechat', 'other'].reduce((n, c) => n + channel(c), 0),
        '2.2.3': inYear.filter((s) => s.genre === 'interpretation').length,
      });
      expect(res.body.data.diff).toEqual(expect.arrayContaining([{ cell: '1.1', stored: 999, computed: inYear.length }]));
      // 2021 table 二: normative documents issued / repealed / in force at year end
      // (one report per organization, year and locale: the 2021-format one for the same year is the English one)
      const r2021 = await as(fx.tokens.publisher).post(`/content-manager/collection-types/${REPORT}?locale=en`, { title: `${YEAR} report (2021 format)`, year: YEAR, template: '2021', organization: orgId });
      const c2021 = (await as(fx.tokens.publisher).post(`/gov-disclosure/annual-reports/${r2021.body.data.documentId}/compute?locale=en`)).body.data.computed;
      expect(c2021['t2.20.1.normative:issued']).toBe(normative.filter((s) => s.writtenDate.startsWith(String(YEAR))).length);
      expect(c2021['t2.20.1.normative:repealed']).toBe(normative.filter((s) => s.repealedDate?.startsWith(String(YEAR))).length);
      expect(c2021['t2.20.1.normative:valid']).toBe(normative.filter((s) => s.writtenDate <= `${YEAR}-12-31` && !s.repealedDate).length);
      expect((await as(fx.tokens.drafterIn).post(`/gov-disclosure/annual-reports/${created.body.data.documentId}/compute?locale=zh-Hans`)).status).toBe(403);
    });

    it('pre-fills 二、上年结转 of a 2021-format report from last year’s 四、结转下年度继续办理', async () => {
      await as(fx.tokens.publisher).post(`/content-manager/collection-types/${REPORT}?locale=zh-Hans`, { title: '2020年报告', year: 2020, template: '2021', organization: orgId, statistics: { 't3.next:natural': 3, 't3.next:total': 3 } });
      const next = await as(fx.tokens.publisher).post(`/content-manager/collection-types/${REPORT}?locale=zh-Hans`, { title: '2021年报告', year: 2021, template: '2021', organization: orgId });
      const computed = (await as(fx.tokens.publisher).post(`/gov-disclosure/annual-reports/${next.body.data.documentId}/compute?locale=zh-Hans`)).body.data.computed;
      expect(computed).toMatchObject({ 't3.carried:natural': 3, 't3.carried:total': 3 });
    });
  });

  describe('publishing with open warnings', () => {
    it('needs the publisher’s override reason, recorded in the audit trail', async () => {
      const created = await as(fx.tokens.publisher).post(`/content-manager/collection-types/${REPORT}?locale=zh-Hans`, { title: '2017年报告', year: 2017, template: '2008', organization: orgId, statistics: { '3.1.3': 2 } });
      const id = created.body.data.documentId as string;
      const move = (token: string, action: string, comment?: string) =>
        as(token).post('/gov-disclosure/workflow/transitions', { uid: REPORT, documentId: id, locale: 'zh-Hans', action, ...(comment ? { comment } : {}) });
      await move(fx.tokens.publisher, 'submit');
      await move(fx.tokens.reviewerIn, 'approve');
      const refused = await move(fx.tokens.publisher, 'publish');
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.warnings.map((w: { cell: string }) => w.cell)).toEqual(['3.1']);
      const published = await move(fx.tokens.publisher, 'publish', '按原始台账填报，合计数由上级统一汇总');
      expect(published.status).toBe(200);
      expect(published.body.data.event.comment).toBe('按原始台账填报，合计数由上级统一汇总');
    });
  });

  describe('exports', () => {
    let seedId = '';
    beforeAll(async () => {
      seedId = ((await app.strapi.db.query(REPORT as never).findOne({ where: { year: 2018, locale: 'zh-Hans' } })) as { documentId: string }).documentId;
    });

    it('is the office\'s: a drafter or reviewer gets 403 for the working version', async () => {
      for (const token of [fx.tokens.drafterIn, fx.tokens.reviewerIn]) {
        // eslint-disable-next-line no-await-in-loop
        expect((await as(token).get(`/gov-disclosure/annual-reports/${seedId}/export?format=csv`)).status).toBe(403);
      }
    });

    it('CSV has every cell of the table, blanks blank', async () => {
      const res = await as(fx.tokens.publisher).get(`/gov-disclosure/annual-reports/${seedId}/export?format=csv`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/csv/);
      const lines = res.text.replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.split(','));
      expect(lines).toHaveLength(65);
      const row = (id: string) => lines.find((l) => l[1] === id)!;
      expect(row('1')).toEqual(['政府信息公开情况统计表', '1', '一、主动公开情况', '', '——', '1974']);
      expect(row('3.1.3')[5]).toBe('2');
      expect(row('3.1')[5]).toBe('');
    });

    it('DOCX opens as a Word document with the title, the parts and the table cells', async () => {
      const res = await as(fx.tokens.publisher).get(`/gov-disclosure/annual-reports/${seedId}/export?format=docx`).buffer(true).parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });
      expect(res.status).toBe(200);
      const zip = await JSZip.loadAsync(res.body as Buffer);
      const xml = await zip.file('word/document.xml')!.async('string');
      const text = xml.replace(/<[^>]+>/g, '');
      expect(text).toContain('温州市质量技术监督局2018年政府信息公开工作年度报告');
      expect(text).toContain('一、基本概况概述');
      expect(text).toContain('（一）收到申请数');
      expect(text).toContain('1974');
      expect(xml).toContain('w:eastAsia="SimSun"');
    });

    it('printable HTML is a standalone page with the table', async () => {
      const res = await as(fx.tokens.publisher).get(`/gov-disclosure/annual-reports/${seedId}/export?format=html`);
      expect(res.text).toMatch(/^<!doctype html>/);
      expect(res.text).toContain('@page{size:A4');
      expect(res.text).toContain('<th scope="row" class="lvl-0">一、主动公开情况</th>');
    });

    it('refuses an unknown format naming it', async () => {
      const res = await as(fx.tokens.publisher).get(`/gov-disclosure/annual-reports/${seedId}/export?format=pdf`);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual(['format']);
    });
  });
});
