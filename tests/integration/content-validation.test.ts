import { countRows, createAdminSession, type AdminSession } from '../helpers/admin';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { setupWorkflowFixture, type WorkflowFixture } from '../helpers/workflow-fixture';
import { rowsOf, documentsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

const CM = '/content-manager/collection-types';
const ORG = 'plugin::gov-disclosure.organization';
const COLUMN = 'plugin::gov-disclosure.column';
const ENTRY = 'plugin::gov-disclosure.catalog-entry';
const REPORT = 'plugin::gov-disclosure.annual-report';
const CATEGORY = 'plugin::gov-disclosure.subject-category';

const errorPaths = (body: { error?: { details?: { errors?: Array<{ path: string[] }> } } }) => (body.error?.details?.errors ?? []).map((e) => e.path.join('.'));

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
      const stored = await rowsOf(app.strapi, ORG).findOne({ where: { documentId: orgId } });
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
      expect(errorPaths((await admin.post(`${CM}/${COLUMN}?locale=zh-Hans`, { name: '通知', kind: 'list', linkUrl: 'https://example.org' })).body)).toEqual([
        'linkUrl',
      ]);
      expect(errorPaths((await admin.post(`${CM}/${COLUMN}?locale=zh-Hans`, { name: '链接', kind: 'link', linkUrl: 'javascript:alert(1)' })).body)).toEqual([
        'linkUrl',
      ]);
    });

    it('creates columns with unique pinyin slugs and records a renamed slug', async () => {
      const a = await admin.post(`${CM}/${COLUMN}?locale=zh-Hans`, { name: '通知公告', kind: 'list' });
      const b = await admin.post(`${CM}/${COLUMN}?locale=zh-Hans`, { name: '通知公告', kind: 'list' });
      expect([a.status, b.status]).toEqual([201, 201]);
      expect([a.body.data.slug, b.body.data.slug]).toEqual(['tong-zhi-gong-gao', 'tong-zhi-gong-gao-2']);
      const renamed = await admin.put(`${CM}/${COLUMN}/${b.body.data.documentId}?locale=zh-Hans`, { slug: 'tong-zhi' });
      expect(renamed.status).toBe(200);
      const stored = await rowsOf(app.strapi, COLUMN).findOne({ where: { documentId: b.body.data.documentId } });
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
      title: '关于开展2018年“质量月”活动的通知',
      genre: 'notice',
      validity: 'effective',
      disclosureMode: 'proactive',
      disclosureScope: 'public',
      disclosureTerm: 'long_term',
      documentKind: 'other',
      organization: orgId,
      ...extra,
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
      const updated = await admin.put(`${CM}/${ENTRY}/${ok.body.data.documentId}?locale=zh-Hans`, {
        ...entry({ disclosureMode: 'withheld', withholdReason: '涉及商业秘密' }),
        indexNumber: 'x/2018-00009',
      });
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
      await expect(documentsOf(app.strapi, ENTRY).create({ locale: 'zh-Hans', data: entry({ disclosureMode: 'withheld' }) })).rejects.toMatchObject({
        name: 'ValidationError',
        details: { errors: [expect.objectContaining({ path: ['withholdReason'] })] },
      });
      expect(await countRows(app.strapi, ENTRY)).toBe(before);
    });
  });

  describe('政策解读 links a policy document', () => {
    const entry = (title: string, extra: Record<string, unknown> = {}) => ({
      title,
      genre: 'notice',
      validity: 'effective',
      disclosureMode: 'proactive',
      disclosureScope: 'public',
      disclosureTerm: 'long_term',
      documentKind: 'other',
      organization: orgId,
      ...extra,
    });
    /** The Content Manager's relation payload. */
    const connect = (...documentIds: string[]) => ({
      connect: documentIds.map((documentId) => ({ documentId, locale: 'zh-Hans', position: { end: true } })),
      disconnect: [],
    });
    const disconnect = (...documentIds: string[]) => ({ connect: [], disconnect: documentIds.map((documentId) => ({ documentId, locale: 'zh-Hans' })) });
    const links = async (documentId: string, field: 'interprets' | 'interpretations') => {
      const row = (await rowsOf(app.strapi, ENTRY).findOne({
        where: { documentId, locale: 'zh-Hans', publishedAt: null },
        populate: { [field]: { select: ['documentId'] } },
      })) as Record<string, Array<{ documentId: string }>>;
      return row[field].map((e) => e.documentId).sort();
    };
    let policy = '';
    let interpretation = '';

    beforeAll(async () => {
      const res = await admin.post(
        `${CM}/${ENTRY}?locale=zh-Hans`,
        entry('温州市名牌产品认定管理办法（测试）', { genre: 'measures', documentKind: 'normative' })
      );
      expect(res.status).toBe(201);
      policy = res.body.data.documentId;
    });

    it('refuses an interpretation that links nothing: 400 naming interprets, nothing stored', async () => {
      const before = await countRows(app.strapi, ENTRY);
      const res = await admin.post(`${CM}/${ENTRY}?locale=zh-Hans`, entry('解读（未关联）', { genre: 'interpretation' }));
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(errorPaths(res.body)).toEqual(['interprets']);
      expect(res.body.error.details.errors[0].message).toMatch(/政策解读须关联所解读的政策文件/);
      expect(await countRows(app.strapi, ENTRY)).toBe(before);
    });

    it('stores an interpretation of a policy document, linked both ways', async () => {
      const res = await admin.post(
        `${CM}/${ENTRY}?locale=zh-Hans`,
        entry('《办法》政策解读（测试）', { genre: 'interpretation', interprets: connect(policy) })
      );
      expect(res.status).toBe(201);
      interpretation = res.body.data.documentId;
      expect(await links(interpretation, 'interprets')).toEqual([policy]);
      expect(await links(policy, 'interpretations')).toEqual([interpretation]);
    });

    it('refuses an interpretation of an interpretation, and of itself', async () => {
      const res = await admin.post(`${CM}/${ENTRY}?locale=zh-Hans`, entry('解读的解读', { genre: 'interpretation', interprets: connect(interpretation) }));
      expect(res.status).toBe(400);
      expect(errorPaths(res.body)).toEqual(['interprets']);
      expect(res.body.error.details.errors[0].message).toMatch(/is itself a 政策解读/);
      const self = await admin.put(`${CM}/${ENTRY}/${interpretation}?locale=zh-Hans`, { interprets: connect(interpretation) });
      expect(self.status).toBe(400);
      expect(errorPaths(self.body)).toEqual(['interprets']);
      expect(await links(interpretation, 'interprets')).toEqual([policy]);
    });

    it('judges a partial update on the links it leaves: disconnecting the only policy is refused', async () => {
      const res = await admin.put(`${CM}/${ENTRY}/${interpretation}?locale=zh-Hans`, { interprets: disconnect(policy) });
      expect(res.status).toBe(400);
      expect(errorPaths(res.body)).toEqual(['interprets']);
      expect(await links(interpretation, 'interprets')).toEqual([policy]);
      // an edit that leaves the links alone passes
      const retitled = await admin.put(`${CM}/${ENTRY}/${interpretation}?locale=zh-Hans`, { summary: '答记者问' });
      expect(retitled.status).toBe(200);
    });

    it('refuses to change the genre when it would break the link, naming the field', async () => {
      const policyToInterpretation = await admin.put(`${CM}/${ENTRY}/${policy}?locale=zh-Hans`, {
        genre: 'interpretation',
        interprets: connect(interpretation),
      });
      expect(policyToInterpretation.status).toBe(400);
      expect(errorPaths(policyToInterpretation.body)).toContain('genre');
      const interpretationToNotice = await admin.put(`${CM}/${ENTRY}/${interpretation}?locale=zh-Hans`, { genre: 'notice' });
      expect(interpretationToNotice.status).toBe(400);
      expect(errorPaths(interpretationToNotice.body)).toEqual(['interprets']);
      expect((await rowsOf(app.strapi, ENTRY).findOne({ where: { documentId: interpretation, publishedAt: null } })).genre).toBe('interpretation');
    });

    it('checks the other side too: only interpretations listed, none left interpreting nothing', async () => {
      const notice = (await admin.post(`${CM}/${ENTRY}?locale=zh-Hans`, entry('普通通知（测试）'))).body.data.documentId as string;
      const asInterpretation = await admin.put(`${CM}/${ENTRY}/${policy}?locale=zh-Hans`, { interpretations: connect(notice) });
      expect(asInterpretation.status).toBe(400);
      expect(errorPaths(asInterpretation.body)).toEqual(['interpretations']);
      const stranding = await admin.put(`${CM}/${ENTRY}/${policy}?locale=zh-Hans`, { interpretations: disconnect(interpretation) });
      expect(stranding.status).toBe(400);
      expect(errorPaths(stranding.body)).toEqual(['interpretations']);
      expect(await links(policy, 'interpretations')).toEqual([interpretation]);
    });

    it('applies the same rules through the Document Service, sets and connect/disconnect alike', async () => {
      const docs = documentsOf(app.strapi, ENTRY);
      const before = await countRows(app.strapi, ENTRY);
      await expect(
        docs.create({ locale: 'zh-Hans', data: entry('解读（文档服务）', { genre: 'interpretation', interprets: [interpretation] }) })
      ).rejects.toMatchObject({
        name: 'ValidationError',
        details: { errors: [expect.objectContaining({ path: ['interprets'] })] },
      });
      await expect(docs.create({ locale: 'zh-Hans', data: entry('通知（文档服务）', { interprets: { documentId: policy } }) })).rejects.toMatchObject({
        details: { errors: [expect.objectContaining({ path: ['interprets'] })] },
      });
      expect(await countRows(app.strapi, ENTRY)).toBe(before);
      const second = ((await docs.create({ locale: 'zh-Hans', data: entry('另一份办法（测试）', { genre: 'decision' }) })) as { documentId: string })
        .documentId;
      // moving the interpretation from one policy to the other in one write: allowed
      await docs.update({ documentId: interpretation, locale: 'zh-Hans', data: { interprets: { connect: [second], disconnect: [policy] } } });
      expect(await links(interpretation, 'interprets')).toEqual([second]);
      await expect(docs.update({ documentId: interpretation, locale: 'zh-Hans', data: { interprets: [] } })).rejects.toMatchObject({
        details: { errors: [expect.objectContaining({ path: ['interprets'] })] },
      });
      await docs.update({ documentId: interpretation, locale: 'zh-Hans', data: { interprets: [policy, second] } });
      expect(await links(interpretation, 'interprets')).toEqual([policy, second].sort());
      // a new localization has links of its own: it must name its policy document too
      await expect(docs.update({ documentId: interpretation, locale: 'en', data: { title: 'Interpretation (test)' } })).rejects.toMatchObject({
        details: { errors: [expect.objectContaining({ path: ['interprets'] })] },
      });
      expect(await countRows(app.strapi, ENTRY, { documentId: interpretation, locale: 'en' })).toBe(0);
    });
  });

  describe('主题分类 is a leaf or a top level of the national list', () => {
    const entry = (title: string, extra: Record<string, unknown> = {}) => ({
      title,
      genre: 'notice',
      validity: 'effective',
      disclosureMode: 'proactive',
      disclosureScope: 'public',
      disclosureTerm: 'long_term',
      documentKind: 'other',
      organization: orgId,
      ...extra,
    });
    const category: Record<string, { id: number; documentId: string }> = {};
    const subject = (code: string) => ({ connect: [{ documentId: category[code].documentId, position: { end: true } }], disconnect: [] });

    beforeAll(async () => {
      const docs = documentsOf(app.strapi, CATEGORY);
      const find = async (code: string) => (await rowsOf(app.strapi, CATEGORY).findOne({ where: { code } })) as { id: number; documentId: string };
      for (const code of ['09', '09.02', '13.02']) category[code] = await find(code);
      // an agency's own categories: a finer one under the national leaf 13.02 体育, and a top level of its own
      category['13.99'] = await docs.create({ data: { code: '13.99', name: '全民健身', level: 2, parent: category['13.02'].documentId } });
      category['23'] = await docs.create({ data: { code: '23', name: '本地特色', level: 1 } });
    });

    it('accepts a national leaf, a national top level and an agency’s leaf under the national list', async () => {
      for (const code of ['09.02', '09', '13.99']) {
        const res = await admin.post(`${CM}/${ENTRY}?locale=zh-Hans`, entry(`主题分类 ${code}`, { subjectCategory: subject(code) }));
        expect([code, res.status]).toEqual([code, 201]);
      }
    });

    it('refuses a category with sub-categories below a top level, and one outside the national list: 400 naming subjectCategory', async () => {
      const before = await countRows(app.strapi, ENTRY);
      const middle = await admin.post(`${CM}/${ENTRY}?locale=zh-Hans`, entry('中间层分类', { subjectCategory: subject('13.02') }));
      expect(middle.status).toBe(400);
      expect(errorPaths(middle.body)).toEqual(['subjectCategory']);
      expect(middle.body.error.details.errors[0].message).toMatch(/13\.02 体育 has sub-categories/);
      const outside = await admin.post(`${CM}/${ENTRY}?locale=zh-Hans`, entry('自设一级分类', { subjectCategory: subject('23') }));
      expect(outside.status).toBe(400);
      expect(errorPaths(outside.body)).toEqual(['subjectCategory']);
      expect(outside.body.error.details.errors[0].message).toMatch(/not on the national 主题分类 list/);
      expect(await countRows(app.strapi, ENTRY)).toBe(before);
    });

    it('checks the category an update chooses, by documentId or row id, through the Document Service too', async () => {
      const docs = documentsOf(app.strapi, ENTRY);
      const created = (await docs.create({ locale: 'zh-Hans', data: entry('主题分类修改', { subjectCategory: category['09.02'].documentId }) })) as {
        documentId: string;
      };
      await expect(docs.update({ documentId: created.documentId, locale: 'zh-Hans', data: { subjectCategory: category['13.02'].id } })).rejects.toMatchObject({
        name: 'ValidationError',
        details: { errors: [expect.objectContaining({ path: ['subjectCategory'] })] },
      });
      await expect(
        docs.create({ locale: 'zh-Hans', data: entry('自设分类', { subjectCategory: { documentId: category['23'].documentId } }) })
      ).rejects.toMatchObject({
        details: { errors: [expect.objectContaining({ path: ['subjectCategory'] })] },
      });
      await docs.update({ documentId: created.documentId, locale: 'zh-Hans', data: { subjectCategory: category['09'].documentId } });
      const stored = (await rowsOf(app.strapi, ENTRY).findOne({
        where: { documentId: created.documentId, publishedAt: null },
        populate: { subjectCategory: { select: ['code'] } },
      })) as {
        subjectCategory: { code: string };
      };
      expect(stored.subjectCategory.code).toBe('09');
      // an update that leaves the category alone is not judged on it
      const res = await admin.put(`${CM}/${ENTRY}/${created.documentId}?locale=zh-Hans`, { summary: '修改摘要' });
      expect(res.status).toBe(200);
    });
  });

  describe('annual report', () => {
    const report = (statistics: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
      title: '2019年政府信息公开工作年度报告',
      year: 2019,
      template: '2008',
      organization: orgId,
      statistics,
      ...extra,
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
      expect(errorPaths((await admin.post(`${CM}/${REPORT}?locale=zh-Hans`, report({}, { template: '2020' }))).body)).toContain('template');
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

describe('a policy interpretation through the approval chain, listed on both public pages', () => {
  let app: TestApp;
  let fx: WorkflowFixture;
  const API = '/api/gov-disclosure';
  const slugs = async (slug: string, field: 'interprets' | 'interpretations') => {
    const res = await app.http().get(`${API}/entries/${slug}`);
    expect(res.status).toBe(200);
    return (res.body.data[field] as Array<{ slug: string }>).map((e) => e.slug);
  };
  const create = async (data: Record<string, unknown>) =>
    (
      (await documentsOf(app.strapi, ENTRY).create({ locale: 'zh-Hans', data: { columns: [fx.columnDocumentId], channels: ['website'], ...data } })) as {
        documentId: string;
      }
    ).documentId;
  const toPendingPublish = async (documentId: string) => {
    await fx.transitionAs('drafterIn', documentId, 'submit');
    await fx.transitionAs('reviewerIn', documentId, 'approve');
  };
  const publishOverHttp = (documentId: string) =>
    app
      .http()
      .post('/gov-disclosure/workflow/transitions')
      .set('Authorization', `Bearer ${fx.tokens.publisher}`)
      .send({ uid: ENTRY, documentId, locale: 'zh-Hans', action: 'publish' });

  beforeAll(async () => {
    app = await startTestApp();
    fx = await setupWorkflowFixture(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('publishes the interpretation only after its policy document, then lists each on the other’s page, also after re-publishing', async () => {
    const policy = await create({ title: '关于质量奖评审的管理办法', slug: 'zhi-liang-jiang-guan-li-ban-fa', genre: 'measures', documentKind: 'normative' });
    const interpretation = await create({
      title: '《质量奖评审管理办法》政策解读',
      slug: 'zhi-liang-jiang-guan-li-ban-fa-jie-du',
      genre: 'interpretation',
      interprets: [policy],
    });

    await toPendingPublish(interpretation);
    const early = await publishOverHttp(interpretation);
    expect(early.status).toBe(400);
    expect(early.body.error.name).toBe('ValidationError');
    expect(errorPaths(early.body)).toEqual(['interprets']);
    expect(early.body.error.message).toMatch(/publish the policy document first/);
    expect(await fx.stateOf(interpretation)).toBe('pending_publish');
    expect(await fx.publishedTitle(interpretation)).toBeNull();

    await toPendingPublish(policy);
    expect((await publishOverHttp(policy)).status).toBe(200);
    expect((await publishOverHttp(interpretation)).status).toBe(200);
    expect(await slugs('zhi-liang-jiang-guan-li-ban-fa', 'interpretations')).toEqual(['zhi-liang-jiang-guan-li-ban-fa-jie-du']);
    expect(await slugs('zhi-liang-jiang-guan-li-ban-fa-jie-du', 'interprets')).toEqual(['zhi-liang-jiang-guan-li-ban-fa']);

    // a revision of each, re-published: Strapi recreates the published rows, the links must survive
    for (const documentId of [policy, interpretation]) {
      await documentsOf(app.strapi, ENTRY).update({ documentId, locale: 'zh-Hans', data: { summary: '修订稿' } });
      await toPendingPublish(documentId);
      expect((await publishOverHttp(documentId)).status).toBe(200);
      expect(await slugs('zhi-liang-jiang-guan-li-ban-fa', 'interpretations')).toEqual(['zhi-liang-jiang-guan-li-ban-fa-jie-du']);
      expect(await slugs('zhi-liang-jiang-guan-li-ban-fa-jie-du', 'interprets')).toEqual(['zhi-liang-jiang-guan-li-ban-fa']);
    }

    // the policy cannot go while its interpretation stays up explaining nothing; in the other order it can
    const withdraw = (documentId: string) =>
      app
        .http()
        .post('/gov-disclosure/workflow/transitions')
        .set('Authorization', `Bearer ${fx.tokens.publisher}`)
        .send({ uid: ENTRY, documentId, locale: 'zh-Hans', action: 'withdraw', comment: '文件已修订' });
    const refused = await withdraw(policy);
    expect(refused.status).toBe(400);
    expect(errorPaths(refused.body)).toEqual(['interpretations']);
    expect(refused.body.error.message).toContain('《质量奖评审管理办法》政策解读');
    expect(await fx.stateOf(policy)).toBe('published');
    expect(await fx.publishedTitle(policy)).not.toBeNull();
    expect((await withdraw(interpretation)).status).toBe(200);
    expect((await withdraw(policy)).status).toBe(200);
    expect(await fx.publishedTitle(policy)).toBeNull();
  });
});
