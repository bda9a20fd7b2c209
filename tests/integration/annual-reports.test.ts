/**
 * Annual reports: templates as data over the admin API, 勾稽 checks with the seed's findings
 * pinned, statistics computed from generated catalog data against an independent count, the
 * override rule on publish, exports read back (CSV parsed, DOCX unzipped and read).
 */
import JSZip from 'jszip';
import { ENTRY, setupWorkflowFixture, type WorkflowFixture } from '../helpers/workflow-fixture';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { corpusReports, mapReport } from '../helpers/report-corpus';
import { rowsOf, documentsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

const REPORT = 'plugin::gov-disclosure.annual-report';
const YEAR = 2016;

describe('annual reports', () => {
  let app: TestApp;
  let fx: WorkflowFixture;
  let orgId = '';
  const as = (token: string) => ({
    get: (url: string) => app.http().get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) => app.http().post(url).set('Authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object = {}) => app.http().put(url).set('Authorization', `Bearer ${token}`).send(body),
  });
  // the generated catalog of the compute test and its 2008-format report, read again by the records tests
  let generated: Array<{
    title: string;
    channels: string[];
    documentKind: string;
    genre: string;
    publishedDate: string;
    writtenDate: string;
    repealedDate: string | null;
  }> = [];
  let computedReportId = '';
  let computedValues: Record<string, number> = {};

  beforeAll(async () => {
    app = await startTestApp();
    fx = await setupWorkflowFixture(app);
    orgId = (
      (await rowsOf(app.strapi, 'plugin::gov-disclosure.organization').findOne({ where: { slug: 'wzzl', locale: 'zh-Hans' } })) as {
        documentId: string;
      }
    ).documentId;
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('templates', () => {
    it('lists the three formats and returns each with sections, tables, cells, units and checks', async () => {
      const list = await as(fx.tokens.drafterIn).get('/gov-disclosure/annual-reports/templates');
      expect(list.body.data.map((t: { id: string }) => t.id)).toEqual(['2008', '2019', '2021']);
      const t2008 = (await as(fx.tokens.drafterIn).get('/gov-disclosure/annual-reports/templates/2008')).body.data;
      expect(t2008.tables[0].rows).toHaveLength(64);
      expect(t2008.tables[0].rows.find((r: { id: string }) => r.id === '3.1')).toMatchObject({ label: '（一）收到申请数', unit: '件' });
      const t2021 = (await as(fx.tokens.drafterIn).get('/gov-disclosure/annual-reports/templates/2021')).body.data;
      expect(t2021.sections.map((s: { title: string }) => s.title)).toEqual([
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ]);
      expect(t2021.checks.find((c: { id: string }) => c.id === 'balance:total')).toMatchObject({ kind: 'equation' });
      // as published: （三）…（六） are group labels without cells; the trial format's （六） is one row
      const groups = (t: { tables: Array<{ id: string; rows: Array<{ id: string; kind?: string }> }> }) =>
        t.tables
          .find((x) => x.id === 't3')!
          .rows.filter((r) => r.kind === 'group')
          .map((r) => r.id);
      expect(groups(t2021)).toEqual(['t3.result', 't3.r3', 't3.r4', 't3.r5', 't3.r6']);
      const t2019 = (await as(fx.tokens.drafterIn).get('/gov-disclosure/annual-reports/templates/2019')).body.data;
      expect(t2019.basis).toBe('国办公开办函〔2019〕60号');
      expect(groups(t2019)).toEqual(['t3.result', 't3.r3', 't3.r4', 't3.r5']);
      expect((await as(fx.tokens.drafterIn).get('/gov-disclosure/annual-reports/templates/2020')).status).toBe(404);
      expect((await app.http().get('/gov-disclosure/annual-reports/templates')).status).toBe(401);
    });
  });

  describe('validate', () => {
    it('reports the seed’s real problems, in Chinese and in English', async () => {
      const seed = (await rowsOf(app.strapi, REPORT).findOne({ where: { year: 2018, locale: 'zh-Hans' } })) as {
        statistics: Record<string, number | null>;
      };
      const zh = await as(fx.tokens.publisher).post('/gov-disclosure/annual-reports/validate', { template: '2008', statistics: seed.statistics });
      expect(zh.status).toBe(200);
      expect(zh.body.errors).toEqual([]);
      expect(zh.body.warnings.map((w: { cell: string }) => w.cell)).toEqual(['1', '3', '3.1', '3.2', '3.3']);
      // users are created in Chinese; one who chose English in the profile reads English
      const inEnglish = (lang: string | null) =>
        rowsOf(app.strapi, 'admin::user').update({ where: { id: fx.ids.publisher }, data: { preferedLanguage: lang } });
      await inEnglish('en');
      try {
        const en = await as(fx.tokens.publisher).post('/gov-disclosure/annual-reports/validate', { template: '2008', statistics: seed.statistics });
        expect(en.body.warnings[2].message).toMatch(/is blank but its items add up to 2/);
      } finally {
        await inEnglish('zh-Hans');
      }
      // without a language of their own, the browser's
      await inEnglish(null);
      try {
        const en = await as(fx.tokens.publisher)
          .post('/gov-disclosure/annual-reports/validate', { template: '2008', statistics: seed.statistics })
          .set('Accept-Language', 'en-US');
        expect(en.body.warnings[2].message).toMatch(/is blank but its items add up to 2/);
      } finally {
        await inEnglish('zh-Hans');
      }
    });

    it('finds only the real problems of a published 2019 report, in its own format and in the 2021 form', async () => {
      const shanghai = corpusReports().find((r) => r.file === '2019-city-shanghai-bangongting-2019.json')!;
      for (const template of ['2019', '2021'] as const) {
        const res = await as(fx.tokens.publisher).post('/gov-disclosure/annual-reports/validate', {
          template,
          statistics: mapReport(shanghai, template).values,
        });
        expect(res.body.errors).toEqual([]);
        // the eleven rows whose 总计 the agency left blank, and nothing else
        expect(res.body.warnings).toHaveLength(11);
        expect(res.body.warnings.every((w: { check: string }) => w.check.startsWith('row-total:'))).toBe(true);
      }
    });

    it('answers errors for bad cells and 400 for a malformed body', async () => {
      const res = await as(fx.tokens.publisher).post('/gov-disclosure/annual-reports/validate', {
        template: '2021',
        statistics: { 't3.new:natural': -1, nope: 2 },
      });
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
      const policy = (await rowsOf(app.strapi, ENTRY).findOne({
        where: { slug: 'wen-zhou-shi-ming-pai-chan-pin-ren-ding-guan-li-ban-fa', locale: 'zh-Hans' },
      })) as { documentId: string };
      for (const [i, spec] of specs.entries()) {
        const links = spec.genre === 'interpretation' ? { interprets: [policy.documentId] } : {};
        const doc = (await documentsOf(app.strapi, ENTRY).create({
          locale: 'zh-Hans',
          data: { title: `统计测试 ${i}`, organization: orgId, ...spec, ...links },
        })) as { documentId: string };
        await app.strapi.plugin('gov-disclosure').service('workflow').publishAsSystem(ENTRY, doc.documentId, 'zh-Hans', 'test data');
      }
      // never disclosed to the public, so no report counts them: withheld, and for specific parties only
      for (const hidden of [{ disclosureMode: 'withheld', withholdReason: '涉及国家秘密' }, { disclosureScope: 'specific' }]) {
        const doc = (await documentsOf(app.strapi, ENTRY).create({
          locale: 'zh-Hans',
          data: {
            title: `不计入 ${JSON.stringify(hidden)}`,
            organization: orgId,
            channels: ['website'],
            documentKind: 'normative',
            genre: 'notice',
            publishedDate: `${YEAR}-05-15`,
            writtenDate: `${YEAR}-05-10`,
            ...hidden,
          },
        })) as { documentId: string };
        await app.strapi.plugin('gov-disclosure').service('workflow').publishAsSystem(ENTRY, doc.documentId, 'zh-Hans', 'test data');
      }
      generated = specs.map((spec, i) => ({ ...spec, title: `统计测试 ${i}` }));
      const inYear = specs.filter((s) => s.publishedDate.startsWith(String(YEAR)));
      const channel = (c: string) => inYear.filter((s) => s.channels.includes(c)).length;
      const normative = specs.filter((s) => s.documentKind === 'normative');
      const created = await as(fx.tokens.publisher).post(`/content-manager/collection-types/${REPORT}?locale=zh-Hans`, {
        title: `${YEAR}年报告`,
        year: YEAR,
        template: '2008',
        organization: orgId,
        statistics: { '1.1': 999 },
      });
      expect(created.body).toMatchObject({ data: { documentId: expect.any(String) } });
      const res = await as(fx.tokens.publisher).post(`/gov-disclosure/annual-reports/${created.body.data.documentId}/compute?locale=zh-Hans`);
      expect(res.status).toBe(200);
      expect(res.body.data.computed).toEqual({
        '1.1': inYear.length,
        '1.1.a': inYear.filter((s) => s.documentKind === 'normative').length,
        '1.1.b': normative.filter((s) => s.writtenDate.startsWith(String(YEAR))).length,
        '1.2.1': channel('gazette'),
        '1.2.2': channel('website'),
        '1.2.3': channel('weibo'),
        '1.2.4': channel('wechat'),
        '1.2.5': channel('other'),
        '1.2': ['gazette', 'website', 'weibo', 'wechat', 'other'].reduce((n, c) => n + channel(c), 0),
        '2.2.3': inYear.filter((s) => s.genre === 'interpretation').length,
      });
      expect(res.body.data.diff).toEqual(expect.arrayContaining([{ cell: '1.1', stored: 999, computed: inYear.length }]));
      computedReportId = created.body.data.documentId;
      computedValues = res.body.data.computed;
      // 2021 table 二: normative documents issued / repealed / in force at year end
      // (one report per organization, year and locale: the 2021-format one for the same year is the English one)
      const r2021 = await as(fx.tokens.publisher).post(`/content-manager/collection-types/${REPORT}?locale=en`, {
        title: `${YEAR} report (2021 format)`,
        year: YEAR,
        template: '2021',
        organization: orgId,
      });
      const c2021 = (await as(fx.tokens.publisher).post(`/gov-disclosure/annual-reports/${r2021.body.data.documentId}/compute?locale=en`)).body.data.computed;
      expect(c2021['t2.20.1.normative:issued']).toBe(normative.filter((s) => s.writtenDate.startsWith(String(YEAR))).length);
      expect(c2021['t2.20.1.normative:repealed']).toBe(normative.filter((s) => s.repealedDate?.startsWith(String(YEAR))).length);
      expect(c2021['t2.20.1.normative:valid']).toBe(normative.filter((s) => s.writtenDate <= `${YEAR}-12-31` && !s.repealedDate).length);
      expect((await as(fx.tokens.drafterIn).post(`/gov-disclosure/annual-reports/${created.body.data.documentId}/compute?locale=zh-Hans`)).status).toBe(403);
    });

    it('pre-fills 二、上年结转 of a 2021-format report from last year’s 四、结转下年度继续办理', async () => {
      const last = await as(fx.tokens.publisher).post(`/content-manager/collection-types/${REPORT}?locale=zh-Hans`, {
        title: '2020年报告',
        year: 2020,
        template: '2021',
        organization: orgId,
        statistics: { 't3.next:natural': 3, 't3.next:total': 3 },
      });
      const next = await as(fx.tokens.publisher).post(`/content-manager/collection-types/${REPORT}?locale=zh-Hans`, {
        title: '2021年报告',
        year: 2021,
        template: '2021',
        organization: orgId,
      });
      const carried = async (documentId: string, locale: string) =>
        (await as(fx.tokens.publisher).post(`/gov-disclosure/annual-reports/${documentId}/compute?locale=${locale}`)).body.data.computed;
      expect(await carried(next.body.data.documentId, 'zh-Hans')).toMatchObject({ 't3.carried:natural': 3, 't3.carried:total': 3 });
      // once last year's report is published, a correction being drafted does not move this year's numbers
      await app.strapi.plugin('gov-disclosure').service('workflow').publishAsSystem(REPORT, last.body.data.documentId, 'zh-Hans', 'test data');
      await as(fx.tokens.publisher).put(`/content-manager/collection-types/${REPORT}/${last.body.data.documentId}?locale=zh-Hans`, {
        statistics: { 't3.next:natural': 9, 't3.next:total': 9 },
      });
      expect(await carried(next.body.data.documentId, 'zh-Hans')).toMatchObject({ 't3.carried:natural': 3, 't3.carried:total': 3 });
      // the table is the same in every locale: an English report finds last year's Chinese one
      const english = await as(fx.tokens.publisher).post(`/content-manager/collection-types/${REPORT}?locale=en`, {
        title: '2021 report',
        year: 2021,
        template: '2021',
        organization: orgId,
      });
      expect(await carried(english.body.data.documentId, 'en')).toMatchObject({ 't3.carried:natural': 3 });
    });
  });

  describe('the records behind a computed cell', () => {
    const records = (cell: string, query: Record<string, string | number> = {}, token = fx.tokens.publisher) =>
      as(token).get(
        `/gov-disclosure/annual-reports/${computedReportId}/cells/${encodeURIComponent(cell)}/records?${new URLSearchParams(Object.entries({ locale: 'zh-Hans', ...query }).map(([k, v]) => [k, String(v)]))}`
      );

    /** Every page of a cell's entries. */
    const allEntries = async (cell: string) => {
      const entries: Array<{ title: string; countedAs: string; documentId: string }> = [];
      for (let page = 1; ; page += 1) {
        const res = await records(cell, { page, pageSize: 5 });
        expect(res.status).toBe(200);
        entries.push(...res.body.data.entries);
        if (page * 5 >= res.body.data.pagination.total) return { entries, total: res.body.data.pagination.total as number, body: res.body.data };
      }
    };

    it('lists as many catalog entries as the cell counts, for every computed cell of the 2008 form', async () => {
      expect(Object.keys(computedValues).length).toBe(10);
      for (const [cell, value] of Object.entries(computedValues)) {
        const { entries, total, body } = await allEntries(cell);
        expect({ cell, total, listed: entries.length }).toEqual({ cell, total: value, listed: value });
        expect(body).toMatchObject({ cell, source: 'catalog', value });
      }
    });

    it('lists the right entries: the website channel is the generated entries published this year on the website', async () => {
      const { entries } = await allEntries('1.2.2');
      const expected = generated.filter((g) => g.publishedDate.startsWith(String(YEAR)) && g.channels.includes('website')).map((g) => g.title);
      expect(entries.map((e) => e.title).sort()).toEqual(expected.sort());
      expect(new Set(entries.map((e) => e.countedAs))).toEqual(new Set(['本年经政府网站公开']));
      // (二) adds the five channels: an entry on two channels is listed once per channel
      const all = await allEntries('1.2');
      expect(all.entries.filter((e) => e.title === entries[0].title).length).toBe(generated.find((g) => g.title === entries[0].title)!.channels.length);
    });

    it('exports the whole list as CSV, one line per counted entry', async () => {
      const res = await records('1.1', { format: 'csv' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/csv/);
      const lines = res.text
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(`「（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）」,${computedValues['1.1']}`);
      expect(lines[1].split(',').slice(0, 5)).toEqual(['索引号', '名称', '文号', '成文日期', '发布日期']);
      expect(lines).toHaveLength(computedValues['1.1'] + 2);
    });

    it('says where a carried-over cell comes from, and that a typed cell has no records', async () => {
      const report2021 = (await rowsOf(app.strapi, REPORT).findOne({ where: { year: 2021, locale: 'zh-Hans', template: '2021' } })) as {
        documentId: string;
      };
      const carried = await as(fx.tokens.publisher).get(
        `/gov-disclosure/annual-reports/${report2021.documentId}/cells/t3.carried:natural/records?locale=zh-Hans`
      );
      expect(carried.body.data).toMatchObject({
        source: 'previous-report',
        value: 3,
        report: { year: 2020, cell: 't3.next:natural', cellLabel: '四、结转下年度继续办理 · 自然人' },
      });
      const typed = await as(fx.tokens.publisher).get(`/gov-disclosure/annual-reports/${report2021.documentId}/cells/t3.new:natural/records?locale=zh-Hans`);
      expect(typed.body.data).toMatchObject({
        source: 'none',
        label: '一、本年新收政府信息公开申请数量 · 自然人',
        message: '系统数据无法计算此项，需由办公室手工填写。',
      });
    });

    it('is the office’s; an unknown cell is 404 and a bad page size a 400 naming it', async () => {
      expect((await records('1.1', {}, fx.tokens.drafterIn)).status).toBe(403);
      expect((await records('9.9')).status).toBe(404);
      const bad = await records('1.1', { pageSize: 1000 });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.errors[0].path).toEqual(['pageSize']);
    });
  });

  describe('cells the official form does not have', () => {
    let id = '';
    const cm = () => `/content-manager/collection-types/${REPORT}`;

    beforeAll(async () => {
      const created = await as(fx.tokens.publisher).post(`${cm()}?locale=zh-Hans`, {
        title: '2023年报告',
        year: 2023,
        template: '2021',
        organization: orgId,
        statistics: { 't3.r3.1:natural': 1 },
      });
      id = created.body.data.documentId;
      // a report saved by the earlier template, which gave （三）不予公开 a cell of its own
      await rowsOf(app.strapi, REPORT).update({
        where: { documentId: id, locale: 'zh-Hans', publishedAt: null },
        data: { statistics: { 't3.r3.1:natural': 1, 't3.r3:natural': 5 } },
      });
    });

    it('keeps the stored number and reports it with its cell and value until it is cleared', async () => {
      const stored = (await rowsOf(app.strapi, REPORT).findOne({ where: { documentId: id, locale: 'zh-Hans' } })) as {
        statistics: Record<string, number>;
      };
      const res = await as(fx.tokens.publisher).post('/gov-disclosure/annual-reports/validate', { template: '2021', statistics: stored.statistics });
      expect(res.body.errors).toEqual([]);
      const retired = res.body.warnings.filter((w: { check: string }) => w.check.startsWith('retired:'));
      expect(retired).toEqual([expect.objectContaining({ cell: 't3.r3:natural', check: 'retired:t3.r3:natural', actual: 5 })]);
      expect(retired[0].message).toContain('「（三）不予公开 · 自然人」');
      // an unrelated edit keeps it
      const kept = await as(fx.tokens.publisher).put(`${cm()}/${id}?locale=zh-Hans`, { title: '2023年报告（修改）', statistics: stored.statistics });
      expect(kept.status).toBe(200);
      expect(kept.body.data.statistics['t3.r3:natural']).toBe(5);
    });

    it('takes no new number there, and lets the office clear it', async () => {
      const changed = await as(fx.tokens.publisher).put(`${cm()}/${id}?locale=zh-Hans`, { statistics: { 't3.r3.1:natural': 1, 't3.r3:natural': 6 } });
      expect(changed.status).toBe(400);
      expect(changed.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(['statistics.t3.r3:natural']);
      const fresh = await as(fx.tokens.publisher).post(`${cm()}?locale=en`, {
        title: '2023 report',
        year: 2023,
        template: '2021',
        organization: orgId,
        statistics: { 't3.r4:total': 1 },
      });
      expect(fresh.status).toBe(400);
      const cleared = await as(fx.tokens.publisher).put(`${cm()}/${id}?locale=zh-Hans`, { statistics: { 't3.r3.1:natural': 1 } });
      expect(cleared.status).toBe(200);
      expect(cleared.body.data.statistics).toEqual({ 't3.r3.1:natural': 1 });
    });
  });

  describe('publishing with open warnings', () => {
    it('needs the publisher’s override reason, recorded in the audit trail', async () => {
      const created = await as(fx.tokens.publisher).post(`/content-manager/collection-types/${REPORT}?locale=zh-Hans`, {
        title: '2017年报告',
        year: 2017,
        template: '2008',
        organization: orgId,
        statistics: { '3.1.3': 2 },
      });
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
      seedId = ((await rowsOf(app.strapi, REPORT).findOne({ where: { year: 2018, locale: 'zh-Hans' } })) as { documentId: string }).documentId;
    });

    it("is the office's: a drafter or reviewer gets 403 for the working version", async () => {
      for (const token of [fx.tokens.drafterIn, fx.tokens.reviewerIn]) {
        expect((await as(token).get(`/gov-disclosure/annual-reports/${seedId}/export?format=csv`)).status).toBe(403);
      }
    });

    it('CSV is the form as a spreadsheet saves it: title, headings, one line per row, blanks blank', async () => {
      const res = await as(fx.tokens.publisher).get(`/gov-disclosure/annual-reports/${seedId}/export?format=csv`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/csv/);
      const lines = res.text
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n')
        .map((l) => l.split(','));
      expect(lines).toHaveLength(66);
      expect(lines.slice(0, 3)).toEqual([['政府信息公开情况统计表'], ['统计指标', '单位', '统计数'], ['一、主动公开情况', '——', '1974']]);
      const row = (label: string) => lines.find((l) => l[0] === label)!;
      expect(row('3.网络申请数')).toEqual(['3.网络申请数', '件', '2']);
      expect(row('（一）收到申请数')[2]).toBe('');
    });

    it('DOCX opens as a Word document with the title, the parts and the table cells', async () => {
      const res = await as(fx.tokens.publisher)
        .get(`/gov-disclosure/annual-reports/${seedId}/export?format=docx`)
        .buffer(true)
        .parse((response, callback) => {
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
      expect(res.text).toContain('<th scope="row">一、主动公开情况</th>');
      expect(res.text).toContain('<th scope="row" class="lvl-1">（一）收到申请数</th>');
    });

    it('draws the 2021 form’s merged cells in the printable page, the CSV and the DOCX', async () => {
      const shanghai = corpusReports().find((r) => r.file === '2021-province-shanghai-shizhengfu-bangongting-2025.json')!;
      const created = await as(fx.tokens.publisher).post(`/content-manager/collection-types/${REPORT}?locale=zh-Hans`, {
        title: '2022年报告',
        year: 2022,
        template: '2021',
        organization: orgId,
        statistics: mapReport(shanghai, '2021').values,
      });
      const id = created.body.data.documentId as string;
      const html = (await as(fx.tokens.publisher).get(`/gov-disclosure/annual-reports/${id}/export?format=html`)).text;
      expect(html).toContain('<td class="corner" colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>');
      expect(html).toContain('<th scope="colgroup" colspan="7">申请人情况</th>');
      expect(html).toContain('<th scope="rowgroup" rowspan="22">三、本年度办理结果</th>');
      expect(html).toContain(
        '<th scope="rowgroup" rowspan="8">（三）不予公开</th><th scope="row">1.属于国家秘密</th><td class="num" data-cell="t3.r3.1:natural">4</td>'
      );
      expect(html).toContain('<th scope="colgroup" colspan="10">行政诉讼</th>');

      const csv = (await as(fx.tokens.publisher).get(`/gov-disclosure/annual-reports/${id}/export?format=csv`)).text.replace(/^\ufeff/, '').split('\r\n');
      const at = csv.findIndex((l) => l.startsWith('三、本年度办理结果,'));
      expect(csv[at]).toBe('三、本年度办理结果,（一）予以公开,,201,5,0,0,0,0,206');
      expect(csv[at + 2]).toBe(',（三）不予公开,1.属于国家秘密,4,0,0,0,0,0,4');
      expect(csv[at + 3]).toBe(',,2.其他法律行政法规禁止公开,0,0,0,0,0,0,0');

      const docx = await as(fx.tokens.publisher)
        .get(`/gov-disclosure/annual-reports/${id}/export?format=docx`)
        .buffer(true)
        .parse((response, callback) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => callback(null, Buffer.concat(chunks)));
        });
      const xml = await (await JSZip.loadAsync(docx.body as Buffer)).file('word/document.xml')!.async('string');
      expect(xml).toMatch(/<w:gridSpan w:val="7"\/>/); // 申请人情况 over the seven columns
      expect((xml.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length).toBeGreaterThanOrEqual(8);
      expect(xml.replace(/<[^>]+>/g, '')).toContain('（三）不予公开1.属于国家秘密');
      // one grid column per drawn column: tables 二 (label + 3), 三 (3 label columns + 7), 四 (15)
      expect([...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((m) => (m[1].match(/<w:gridCol /g) ?? []).length)).toEqual([4, 10, 15]);
    });

    it('refuses an unknown format naming it', async () => {
      const res = await as(fx.tokens.publisher).get(`/gov-disclosure/annual-reports/${seedId}/export?format=pdf`);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual(['format']);
    });
  });
});
