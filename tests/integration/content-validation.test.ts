import { countRows, createAdminSession, type AdminSession } from '../helpers/admin';
import { startTestApp, type TestApp } from '../helpers/strapi';

const CM = '/content-manager/collection-types';
const ORG = 'plugin::gov-disclosure.organization';
const COLUMN = 'plugin::gov-disclosure.column';
const ENTRY = 'plugin::gov-disclosure.catalog-entry';
const REPORT = 'plugin::gov-disclosure.annual-report';

const errorPaths = (body: { error?: { details?: { errors?: Array<{ path: string[] }> } } }) =>
  (body.error?.details?.errors ?? []).map((e) => e.path.join('.'));

describe('every write is validated on the server (Content Manager and Document Service)', () => {
  let app: TestApp;
  let admin: AdminSession;
  let orgId: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await createAdminSession(app, 'validation-admin@test.gov.cn');
    const res = await admin.post(`${CM}/${ORG}?locale=zh-Hans`, { name: '测试市市场监督管理局', code: '11620622013933539B' });
    expect(res.status).toBe(201);
    orgId = res.body.data.documentId;
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('organization', () => {
    it('refuses a credit code with a wrong check digit: 400 naming code, nothing stored', async () => {
      const before = await countRows(app.strapi, ORG);
      const res = await admin.post(`${CM}/${ORG}?locale=zh-Hans`, { name: '错误机构', code: '11620622013933539A' });
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(errorPaths(res.body)).toEqual(['code']);
      expect(res.body.error.details.errors[0].message).toMatch(/check digit.*"B"/);
      expect(await countRows(app.strapi, ORG)).toBe(before);
    });

    it('accepts a legacy 组织机构代码 and makes a pinyin slug', async () => {
      const res = await admin.post(`${CM}/${ORG}?locale=zh-Hans`, { name: '国家标准委', code: '000014349' });
      expect(res.status).toBe(201);
      expect(res.body.data.slug).toBe('guo-jia-biao-zhun-wei');
    });

    it('refuses the same bad code on update and keeps the stored one', async () => {
      const res = await admin.put(`${CM}/${ORG}/${orgId}?locale=zh-Hans`, { name: '测试市市场监督管理局', code: '000014348' });
      expect(res.status).toBe(400);
      expect(errorPaths(res.body)).toEqual(['code']);
      const stored = await app.strapi.db.query(ORG as never).findOne({ where: { documentId: orgId } });
      expect(stored.code).toBe('11620622013933539B');
    });

    it('refuses a 索引号 pattern without a serial', async () => {
      const res = await admin.put(`${CM}/${ORG}/${orgId}?locale=zh-Hans`, { indexNumberPattern: '{code}-{YYYY}' });
      expect(res.status).toBe(400);
      expect(errorPaths(res.body)).toEqual(['indexNumberPattern']);
    });
  });

  describe('column', () => {
    it('refuses a link column without a URL', async () => {
      const before = await countRows(app.strapi, COLUMN);
      const res = await admin.post(`${CM}/${COLUMN}?locale=zh-Hans`, { name: '政务服务网', kind: 'link' });
      expect(res.status).toBe(400);
      expect(errorPaths(res.body)).toEqual(['linkUrl']);
      expect(await countRows(app.strapi, COLUMN)).toBe(before);
    });

    it('refuses a URL on a list column and a javascript: URL', async () => {
      expect(errorPaths((await admin.post(`${CM}/${COLUMN}?locale=zh-Hans`, { name: '通知', kind: 'list', linkUrl: 'https://example.org' })).body)).toEqual(['linkUrl']);
      expect(errorPaths((await admin.post(`${CM}/${COLUMN}?locale=zh-Hans`, { name: '链接', kind: 'link', linkUrl: 'javascript:alert(1)' })).body)).toEqual(['linkUrl']);
    });

    it('creates columns with unique pinyin slugs and records a renamed slug', async () => {
      const a = await admin.post(`${CM}/${COLUMN}?locale=zh-Hans`, { name: '通知公告', kind: 'list' });
      const b = await admin.post(`${CM}/${COLUMN}?locale=zh-Hans`, { name: '通知公告', kind: 'list' });
      expect([a.status, b.status]).toEqual([201, 201]);
      expect([a.body.data.slug, b.body.data.slug]).toEqual(['tong-zhi-gong-gao', 'tong-zhi-gong-gao-2']);
      const renamed = await admin.put(`${CM}/${COLUMN}/${b.body.data.documentId}?locale=zh-Hans`, { slug: 'tong-zhi' });
      expect(renamed.status).toBe(200);
      const stored = await app.strapi.db.query(COLUMN as never).findOne({ where: { documentId: b.body.data.documentId } });
      expect(stored.previousSlugs).toEqual(['tong-zhi-gong-gao-2']);
    });

    it('refuses a slug another column already uses', async () => {
      const res = await admin.post(`${CM}/${COLUMN}?locale=zh-Hans`, { name: '其他', slug: 'tong-zhi-gong-gao' });
      expect(res.status).toBe(400);
      expect(errorPaths(res.body)).toEqual(['slug']);
    });
  });

  describe('catalog entry', () => {
    const entry = (extra: Record<string, unknown>) => ({
      title: '关于开展2018年“质量月”活动的通知', genre: 'notice', validity: 'effective', disclosureMode: 'proactive',
      disclosureScope: 'public', disclosureTerm: 'long_term', documentKind: 'other', organization: orgId, ...extra,
    });

    it('refuses 不予公开 without a reason, nothing stored', async () => {
      const before = await countRows(app.strapi, ENTRY);
      const res = await admin.post(`${CM}/${ENTRY}?locale=zh-Hans`, entry({ disclosureMode: 'withheld' }));
      expect(res.status).toBe(400);
      expect(errorPaths(res.body)).toEqual(['withholdReason']);
      expect(await countRows(app.strapi, ENTRY)).toBe(before);
    });

    it('refuses 成文日期 after 发布日期 and a repealed entry without its date, naming both', async () => {
      const res = await admin.post(`${CM}/${ENTRY}?locale=zh-Hans`, entry({ writtenDate: '2018-05-02', publishedDate: '2018-05-01', validity: 'repealed' }));
      expect(res.status).toBe(400);
      expect(errorPaths(res.body).sort()).toEqual(['repealedDate', 'writtenDate']);
    });

    it('refuses an unknown channel and an unknown genre', async () => {
      expect(errorPaths((await admin.post(`${CM}/${ENTRY}?locale=zh-Hans`, entry({ channels: ['website', 'fax'] }))).body)).toEqual(['channels']);
      const genre = await admin.post(`${CM}/${ENTRY}?locale=zh-Hans`, entry({ genre: 'poem' }));
      expect(genre.status).toBe(400);
      expect(errorPaths(genre.body)).toEqual(['genre']);
    });

    it('refuses a hand-set 索引号 on create and on update', async () => {
      const created = await admin.post(`${CM}/${ENTRY}?locale=zh-Hans`, entry({ indexNumber: '000014349/2018-00001' }));
      expect(created.status).toBe(400);
      expect(errorPaths(created.body)).toEqual(['indexNumber']);
      const ok = await admin.post(`${CM}/${ENTRY}?locale=zh-Hans`, entry({ disclosureMode: 'withheld', withholdReason: '涉及商业秘密' }));
      expect(ok.status).toBe(201);
      expect(ok.body.data.slug).toBe('guan-yu-kai-zhan-2018-nian-zhi-liang-yue-huo-dong-de-tong-zhi');
      const updated = await admin.put(`${CM}/${ENTRY}/${ok.body.data.documentId}?locale=zh-Hans`, { ...entry({ disclosureMode: 'withheld', withholdReason: '涉及商业秘密' }), indexNumber: 'x/2018-00009' });
      expect(updated.status).toBe(400);
      expect(errorPaths(updated.body)).toEqual(['indexNumber']);
    });

    it('normalizes the brackets of a 文号 and refuses one that is not a 文号', async () => {
      const ok = await admin.post(`${CM}/${ENTRY}?locale=zh-Hans`, entry({ title: '文号规范化测试', documentNumber: '温质监[2018]5号' }));
      expect(ok.status).toBe(201);
      expect(ok.body.data.documentNumber).toBe('温质监〔2018〕5号');
      const bad = await admin.post(`${CM}/${ENTRY}?locale=zh-Hans`, entry({ title: '文号错误测试', documentNumber: '2018年第5号' }));
      expect(bad.status).toBe(400);
      expect(errorPaths(bad.body)).toEqual(['documentNumber']);
    });

    it('applies the same rules through the Document Service', async () => {
      const before = await countRows(app.strapi, ENTRY);
      await expect(
        app.strapi.documents(ENTRY as never).create({ locale: 'zh-Hans', data: entry({ disclosureMode: 'withheld' }) } as never)
      ).rejects.toMatchObject({ name: 'ValidationError', details: { errors: [expect.objectContaining({ path: ['withholdReason'] })] } });
      expect(await countRows(app.strapi, ENTRY)).toBe(before);
    });
  });

  describe('annual report', () => {
    const report = (statistics: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
      title: '2019年政府信息公开工作年度报告', year: 2019, template: '2008', organization: orgId, statistics, ...extra,
    });

    it('refuses a negative statistic, naming the cell; nothing stored', async () => {
      const before = await countRows(app.strapi, REPORT);
      const res = await admin.post(`${CM}/${REPORT}?locale=zh-Hans`, report({ '3.1.3': -2 }));
      expect(res.status).toBe(400);
      expect(errorPaths(res.body)).toEqual(['statistics.3.1.3']);
      expect(res.body.error.details.errors[0].message).toMatch(/negative/);
      expect(await countRows(app.strapi, REPORT)).toBe(before);
    });

    it('refuses fractions, text, unknown cells and money with five decimals, each named', async () => {
      const res = await admin.post(`${CM}/${REPORT}?locale=zh-Hans`, report({ '3.1': 1.5, '3.2': 'two', '9.9': 1, '7.4': 0.12345 }));
      expect(res.status).toBe(400);
      expect(errorPaths(res.body).sort()).toEqual(['statistics.3.1', 'statistics.3.2', 'statistics.7.4', 'statistics.9.9']);
    });

    it('refuses an unknown template and a report without an organization', async () => {
      expect(errorPaths((await admin.post(`${CM}/${REPORT}?locale=zh-Hans`, report({}, { template: '2019' }))).body)).toContain('template');
      expect(errorPaths((await admin.post(`${CM}/${REPORT}?locale=zh-Hans`, report({}, { organization: null }))).body)).toEqual(['organization']);
    });

    it('stores a valid report with blanks as null and allows only one per organization, year and locale', async () => {
      const res = await admin.post(`${CM}/${REPORT}?locale=zh-Hans`, report({ '3.1.3': 2, '3.1': null, '7.4': 1.25 }));
      expect(res.status).toBe(201);
      expect(res.body.data.statistics).toEqual({ '3.1.3': 2, '3.1': null, '7.4': 1.25 });
      const again = await admin.post(`${CM}/${REPORT}?locale=zh-Hans`, report({}));
      expect(again.status).toBe(400);
      expect(errorPaths(again.body)).toEqual(['year']);
    });
  });
});
