import { countRows } from '../helpers/admin';
import { normalizeLabel, readSeedStatisticsTable } from '../helpers/seed-document';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { REPORT_TEMPLATES } from '../../plugins/gov-disclosure/shared/domain/report-templates';
import { rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled seed is what `npm run seed` runs
const { seedDemo } = require('../../dist/src/seed/seed-demo') as typeof import('../../src/seed/seed-demo');

const UIDS = {
  organizations: 'plugin::gov-disclosure.organization',
  columns: 'plugin::gov-disclosure.column',
  entries: 'plugin::gov-disclosure.catalog-entry',
  reports: 'plugin::gov-disclosure.annual-report',
  users: 'admin::user',
  categories: 'plugin::gov-disclosure.subject-category',
};

describe('demo seed', () => {
  let app: TestApp;
  const counts = async () => Object.fromEntries(await Promise.all(Object.entries(UIDS).map(async ([k, uid]) => [k, await countRows(app.strapi, uid)])));

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('creates the demo data once and nothing more when run again', async () => {
    const first = await seedDemo(app.strapi, { users: { password: 'Disclosure2018' } });
    expect(first.created).toEqual({ organizations: 1, columns: 35, users: 4, entries: 12, reports: 1 });
    const afterFirst = await counts();
    const second = await seedDemo(app.strapi, { users: { password: 'Disclosure2018' } });
    expect(second.created).toEqual({ organizations: 0, columns: 0, users: 0, entries: 0, reports: 0 });
    expect(await counts()).toEqual(afterFirst);
    // 12 zh-Hans entries and 2 English ones, each with a draft and a published row
    expect(afterFirst.entries).toBe(28);
  });

  it('lets the demo users log in, with role names in Chinese and English', async () => {
    for (const [email, role] of [
      ['drafter@demo.gov.cn', '起草人 Drafter'],
      ['reviewer@demo.gov.cn', '审核人 Reviewer'],
      ['publisher@demo.gov.cn', '发布人 Publisher'],
      ['admin@demo.gov.cn', 'Super Admin'],
    ]) {
      const res = await app.http().post('/admin/login').send({ email, password: 'Disclosure2018' });
      expect(res.status).toBe(200);
      const me = await app.http().get('/admin/users/me').set('Authorization', `Bearer ${res.body.data.token}`);
      expect(me.body.data.roles.map((r: { name: string }) => r.name)).toEqual([role]);
      // the panel opens in Chinese at their first login
      expect(me.body.data.preferedLanguage).toBe('zh-Hans');
    }
  });

  it('gives every new admin user Chinese unless a language was chosen, and names the locales in Chinese first', async () => {
    const users = app.strapi.service('admin::user') as { create(data: object): Promise<{ preferedLanguage: string | null }> };
    const created = await users.create({
      email: 'new-clerk@test.gov.cn',
      firstname: '新',
      lastname: '用户',
      isActive: true,
      registrationToken: null,
      roles: [],
    });
    expect(created.preferedLanguage).toBe('zh-Hans');
    const english = await users.create({
      email: 'english@test.gov.cn',
      firstname: 'E',
      preferedLanguage: 'en',
      isActive: true,
      registrationToken: null,
      roles: [],
    });
    expect(english.preferedLanguage).toBe('en');
    const locales = (await rowsOf(app.strapi, 'plugin::i18n.locale').findMany({ select: ['code', 'name'], orderBy: { code: 'asc' } })) as Array<{
      code: string;
      name: string;
    }>;
    expect(locales.map((l) => l.name)).toEqual(['英文 English (en)', '简体中文 (zh-Hans)']);
  });

  it('gives the seed agency a well-formed code marked as a placeholder', async () => {
    const org = await rowsOf(app.strapi, UIDS.organizations).findOne({ where: { slug: 'wzzl', locale: 'zh-Hans' } });
    expect(org).toMatchObject({ name: '温州市质量技术监督局', code: '11330300002579909B', codeIsPlaceholder: true });
  });

  it('stores the 2018 statistics exactly as the seed document publishes them, cell by cell', async () => {
    const report = await rowsOf(app.strapi, UIDS.reports).findOne({ where: { year: 2018, locale: 'zh-Hans', publishedAt: { $notNull: true } } });
    const document = readSeedStatisticsTable();
    const rows = REPORT_TEMPLATES['2008'].tables[0].rows;
    expect(document).toHaveLength(rows.length);
    const mismatches = rows.flatMap((row, i) => {
      const problems: string[] = [];
      if (normalizeLabel(row.label) !== normalizeLabel(document[i].label)) problems.push(`${row.id} label "${row.label}" ≠ "${document[i].label}"`);
      if ((row.heading ? '——' : row.unit) !== document[i].unit) problems.push(`${row.id} unit ${row.unit ?? '——'} ≠ ${document[i].unit}`);
      if (report.statistics[row.id] !== document[i].value) problems.push(`${row.id} value ${report.statistics[row.id]} ≠ ${document[i].value}`);
      return problems;
    });
    expect(mismatches).toEqual([]);
    expect(Object.keys(report.statistics)).toHaveLength(rows.length);
  });

  it('keeps the narrative parts of the report as filed', async () => {
    const report = await rowsOf(app.strapi, UIDS.reports).findOne({ where: { year: 2018, locale: 'zh-Hans', publishedAt: { $notNull: true } } });
    expect(report.preface).toMatch(/^根据《中华人民共和国政府信息公开条例》/);
    expect(report.section2).toContain('2018年我局主动公开的政府信息为1974条');
    expect(report.section3).toContain('受理依申请公开信息2件');
    expect(report.section6).toContain('三是强化政府信息公开工作的培训和学习');
  });

  it('writes entry bodies as Markdown whose tables are tables', async () => {
    const notice = await rowsOf(app.strapi, UIDS.entries).findOne({
      where: { slug: '2018-q1-chan-pin-zhi-liang-jian-du-chou-cha-gong-gao', locale: 'zh-Hans' },
    });
    expect(notice.body).toMatch(/\| 产品类别 \| 抽查批次 \| 合格批次 \| 批次合格率 \|\n\| --- \|/);
  });

  it('links the policy interpretation and the normative document both ways', async () => {
    const doc = await rowsOf(app.strapi, UIDS.entries).findOne({
      where: { slug: 'wen-zhou-shi-ming-pai-chan-pin-ren-ding-guan-li-ban-fa', locale: 'zh-Hans', publishedAt: { $notNull: true } },
      populate: { interpretations: true },
    });
    expect(doc.documentKind).toBe('normative');
    expect(doc.interpretations.map((e: { title: string }) => e.title)).toContain('《温州市名牌产品认定管理办法》政策解读');
  });
});
