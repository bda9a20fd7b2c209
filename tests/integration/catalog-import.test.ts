/**
 * Legacy catalog import and export against a real instance: a good file, a file with every kind
 * of bad row, an interrupted import run again, XLSX, the admin API with its permissions, the
 * command line (report, exit status, Ctrl-C), and export → import into a fresh catalog → the same
 * export. On SQLite and PostgreSQL.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { startSecondInstance, startTestApp, type TestApp } from '../helpers/strapi';
import { setupWorkflowFixture, ENTRY, PASSWORD, type WorkflowFixture } from '../helpers/workflow-fixture';
import { Client } from 'pg';
import supertest from 'supertest';
import { rowsOf, documentsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

const ROOT = path.resolve(__dirname, '..', '..');
const CODE = '11330300002579909B';
const HEADER =
  '索引号,名称,发布机构,成文日期,发布日期,文号,主题分类,体裁分类,有效性,公开方式,关键词,内容,栏目,废止日期,不予公开理由,解读对象,内容概述,生效日期,公开范围,公开时限,公开渠道,文件类别';

let app: TestApp;
let fx: WorkflowFixture;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-import-'));

const csv = (name: string, rows: string[]) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `\uFEFF${[HEADER, ...rows].join('\n')}\n`);
  return file;
};

/** Settings for a second database (an empty schema or SQLite file) that child processes can use. */
const freshDatabase = async (): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> => {
  const name = `gd_fresh_${process.pid}_${Date.now()}`;
  const url = process.env.DATABASE_URL;
  if (url) {
    const sql = async (q: string) => {
      const c = new Client({ connectionString: url });
      await c.connect();
      await c.query(q);
      await c.end();
    };
    await sql(`CREATE SCHEMA "${name}"`);
    return { env: { DATABASE_CLIENT: 'postgres', DATABASE_SCHEMA: name }, drop: () => sql(`DROP SCHEMA "${name}" CASCADE`) };
  }
  const file = path.join(dir, `${name}.db`);
  return { env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file }, drop: async () => undefined };
};

const service = () => app.strapi.plugin('gov-disclosure').service('catalog-import');
const run = (file: string, options: Record<string, unknown>) =>
  service().run(file, file.endsWith('.xlsx') ? 'xlsx' : 'csv', { organization: 'wzzl', publish: false, dryRun: false, ...options });
const entryCount = () => rowsOf(app.strapi, ENTRY).count({ where: { publishedAt: null } });
const byTitle = (title: string) =>
  rowsOf(app.strapi, ENTRY).findMany({ where: { title }, populate: { columns: true, subjectCategory: true, organization: true } }) as Promise<
    Array<Record<string, unknown> & { columns: Array<{ slug: string }>; subjectCategory: { code: string } | null; organization: { slug: string } | null }>
  >;
const publicCatalog = async (q: string) => (await app.http().get('/api/gov-disclosure/catalog').query({ q, pageSize: '100' })).body;

beforeAll(async () => {
  app = await startTestApp();
  fx = await setupWorkflowFixture(app);
});

afterAll(async () => {
  await app?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('catalog import', () => {
  const BAD_ROWS: Array<[string, string, RegExp]> = [
    ['bad-number,形状不对的索引号,,,2015-03-05,,,,,,,,,,,', '索引号', /does not have the shape/],
    [`${CODE.replace('B', 'C')}/2015-00031,别的机构代码,,,2015-03-05,,,,,,,,,,,`, '索引号', /not this organization's|does not have the shape/],
    [`${CODE}/2015-00032,,,,2015-03-05,,,,,,,,,,,`, '名称', /required/],
    [`${CODE}/2015-00033,没有发布日期,,,,,,,,,,,,,,`, '发布日期', /required/],
    [`${CODE}/2015-00034,成文晚于发布,,2015-03-09,2015-03-05,,,,,,,,,,,`, '成文日期', /after/],
    [`${CODE}/2015-00035,不存在的日期,,2015-02-30,2015-03-05,,,,,,,,,,,`, '成文日期', /not a date/],
    [`${CODE}/2015-00036,文号形状,,,2015-03-05,温质监12号,,,,,,,,,,`, '文号', /〔2018〕/],
    [`${CODE}/2015-00037,未知主题,,,2015-03-05,,不存在的分类,,,,,,,,,`, '主题分类', /national/],
    [`${CODE}/2015-00038,未知体裁,,,2015-03-05,,,报喜,,,,,,,,`, '体裁分类', /not a 体裁分类/],
    [`${CODE}/2015-00039,未知有效性,,,2015-03-05,,,,永远,,,,,,,`, '有效性', /not a 有效性/],
    [`${CODE}/2015-00040,废止无日期,,,2015-03-05,,,,废止,,,,,,,`, '废止日期', /废止日期/],
    [`${CODE}/2015-00041,未知公开方式,,,2015-03-05,,,,,张贴,,,,,,`, '公开方式', /not a 公开方式/],
    [`${CODE}/2015-00042,不予公开无理由,,,2015-03-05,,,,,不予公开,,,,,,`, '不予公开理由', /reason/],
    [`${CODE}/2015-00043,别的发布机构,温州市财政局,,2015-03-05,,,,,,,,,,,`, '发布机构', /not 温州市质量技术监督局/],
    [`${CODE}/2015-00044,未知栏目,,,2015-03-05,,,,,,,,不存在的栏目,,,`, '栏目', /no column/],
    [`${CODE}/2015-00045,解读无对象,,,2015-03-05,,,政策解读,,,,,,,,`, '解读对象', /needs 解读对象/],
    [`${CODE}/2015-00046,解读对象不存在,,,2015-03-05,,,政策解读,,,,,,,,${CODE}/1999-00001`, '解读对象', /no entry/],
    [`${CODE}/2015-00047,重复的索引号,,,2015-03-05,,,,,,,,,,,`, '索引号', /repeats row/],
    [`${CODE}/2018-00001,已被占用的索引号,,,2018-03-05,,,,,,,,,,,`, '索引号', /already the 索引号/],
    [`${CODE}/2015-00048,解读被拒的行,,,2015-03-05,,,政策解读,,,,,,,,${CODE}/2015-00034`, '解读对象', /row \d+, which is refused/],
    [`${CODE}/2015-00049,未知公开范围,,,2015-03-05,,,,,,,,,,,,,,面向全球`, '公开范围', /not a 公开范围/],
    [`${CODE}/2015-00050,未知公开渠道,,,2015-03-05,,,,,,,,,,,,,,,,电视台`, '公开渠道', /not a 公开渠道/],
    [`${CODE}/2015-00051,未知文件类别,,,2015-03-05,,,,,,,,,,,,,,,,,红头文件`, '文件类别', /not a 文件类别/],
    [`${CODE}/2015-00052,生效晚于废止,,,2015-03-05,,,,废止,,,,,2016-01-01,,,,2016-02-01`, '废止日期', /before 生效日期/],
  ];

  it('reports every kind of bad row by row and column in a dry run, and writes nothing', async () => {
    const rows = BAD_ROWS.map(([r]) => r);
    const duplicate = BAD_ROWS.findIndex(([, , m]) => String(m).includes('repeats'));
    rows.splice(duplicate, 0, rows[duplicate]); // the first of the pair is fine, the second is refused
    const file = csv('bad.csv', rows);
    const before = await entryCount();
    const report = await run(file, { dryRun: true });
    expect(await entryCount()).toBe(before);
    const rowOf = (i: number) => (i < duplicate ? i + 2 : i + 3);
    BAD_ROWS.forEach(([, column, message], i) => {
      const found = report.issues.filter((issue: { row: number }) => issue.row === rowOf(i));
      expect(found).toEqual(expect.arrayContaining([expect.objectContaining({ column, message: expect.stringMatching(message), severity: 'error' })]));
    });
    expect(report.counts).toEqual({ rows: BAD_ROWS.length + 1, imported: 1, skipped: 0, invalid: BAD_ROWS.length });
  });

  it('refuses a file without a 名称 column, naming it', async () => {
    const file = path.join(dir, 'no-title.csv');
    fs.writeFileSync(file, '索引号,发布日期\nx,2015-01-01\n');
    const report = await run(file, { dryRun: true });
    expect(report.issues).toEqual([expect.objectContaining({ row: 1, column: '名称', severity: 'error' })]);
    expect(report.counts.imported).toBe(0);
  });

  it('imports a good file: 索引号 kept, fields, links, live and searchable with --publish, counters raised past the highest serial', async () => {
    const file = csv('good.csv', [
      `${CODE}/2026-00050,关于开展2015年电梯安全大检查的通知,温州市质量技术监督局,2015-03-01,2015-03-05,温质监[2015]12号,09.02,通知,有效,主动公开,电梯；安全,"## 一、检查范围\n\n全市在用电梯。",通知公告,,,`,
      `${CODE}/2015-00009,2015年计量器具强制检定公告,${CODE},2015/4/1,2015年4月3日,,,公告,废止,依申请公开,计量,,,2016-01-01,,`,
      `,没有索引号的旧条目,,2014-01-02,2014-01-03,温质监〔2014〕3号,,通知,有效,主动公开,,,,,,`,
      // named with the brackets clerks type: the same 文号 once normalized
      `,关于电梯安全大检查通知的解读,,,2015-03-06,,,政策解读,有效,主动公开,,,,,,温质监（2015）12号`,
      `${CODE}/2015-00010,面向特定对象的规范性文件,,2015-05-01,2015-05-06,温质监〔2015〕20号,,通知,有效,主动公开,,正文,,,,,只发给检验机构,2015-06-01,面向特定对象,限时公开,政府网站；政务微信,行政规范性文件`,
    ]);
    const report = await run(file, { publish: true });
    expect(report.issues).toEqual([]);
    expect(report.counts).toEqual({ rows: 5, imported: 5, skipped: 0, invalid: 0 });

    const [draft, liveRow] = (await byTitle('关于开展2015年电梯安全大检查的通知')).sort((a, b) => (a.publishedAt ? 1 : 0) - (b.publishedAt ? 1 : 0));
    expect(draft.indexNumber).toBe(`${CODE}/2026-00050`);
    expect(draft.documentNumber).toBe('温质监〔2015〕12号');
    expect(draft.workflowState).toBe('published');
    expect(draft.subjectCategory.code).toBe('09.02');
    expect(draft.columns.map((c: { name: string }) => c.name)).toEqual(['通知公告']);
    expect(liveRow.publishedAt).toBeTruthy();
    expect(liveRow.body).toContain('全市在用电梯');
    const noNumber = (await byTitle('没有索引号的旧条目'))[0];
    expect(noNumber.indexNumber).toBe(`${CODE}/2014-00001`);
    for (const stored of await byTitle('面向特定对象的规范性文件')) {
      expect(stored).toMatchObject({
        summary: '只发给检验机构',
        disclosureScope: 'specific',
        disclosureTerm: 'time_limited',
        channels: ['website', 'wechat'],
        documentKind: 'normative',
      });
      expect(String(stored.effectiveDate).slice(0, 10)).toBe('2015-06-01');
    }
    // addressed to specific parties: in the register, never in the public catalog
    expect((await publicCatalog('面向特定对象')).data).toEqual([]);

    const found = await publicCatalog('电梯安全大检查');
    expect(found.data.map((e: { title: string }) => e.title).sort()).toEqual(['关于开展2015年电梯安全大检查的通知', '关于电梯安全大检查通知的解读']);
    const policy = await app.http().get(`/api/gov-disclosure/entries/${encodeURIComponent(`${CODE}/2026-00050`)}`);
    expect(policy.body.data.interpretations.map((e: { title: string }) => e.title)).toEqual(['关于电梯安全大检查通知的解读']);

    // the next number drawn for 2026 follows the highest imported one
    const documentId = await fx.entryIn('published', '导入之后发布的新条目');
    const fresh = (await rowsOf(app.strapi, ENTRY).findOne({ where: { documentId, publishedAt: null } })) as { indexNumber: string };
    expect(fresh.indexNumber).toBe(`${CODE}/2026-00051`);
  });

  it('skips a row already in the catalog although an English localization shares its 索引号', async () => {
    const title = '温州市质量技术监督局关于印发《温州市名牌产品认定管理办法》的通知';
    const rows = (await rowsOf(app.strapi, ENTRY).findMany({
      where: { slug: 'wen-zhou-shi-ming-pai-chan-pin-ren-ding-guan-li-ban-fa', publishedAt: null },
      select: ['indexNumber', 'locale', 'title'],
    })) as Array<{
      indexNumber: string;
      locale: string;
      title: string;
    }>;
    expect(rows.map((r) => r.locale).sort()).toEqual(['en', 'zh-Hans']);
    const { indexNumber } = rows[0];
    expect(rows.every((r) => r.indexNumber === indexNumber)).toBe(true);
    const file = csv('localized.csv', [`${indexNumber},${title},,2018-03-20,2018-03-26,温质监〔2018〕12号,09.02,通知,有效,主动公开,,,,,,`]);
    const report = await run(file, { dryRun: true });
    expect(report.issues).toEqual([]);
    expect(report.counts).toEqual({ rows: 1, imported: 0, skipped: 1, invalid: 0 });
  });

  it('imports an interrupted run completely when run again: no duplicates, nothing lost', async () => {
    const rows = Array.from(
      { length: 1234 },
      (_, i) => `${CODE}/2013-${String(i + 1).padStart(5, '0')},批量导入条目第${i + 1}号,,,2013-06-01,,,通知,有效,主动公开,,,,,,`
    );
    const file = csv('bulk.csv', rows);
    let written = 0;
    const first = await run(file, { onProgress: (done: number) => (written = done), shouldStop: () => written > 0 });
    expect(first.interrupted).toBe(true);
    expect(first.counts.imported).toBe(500);
    const second = await run(file, {});
    expect(second.interrupted).toBeUndefined();
    expect(second.counts).toEqual({ rows: 1234, imported: 734, skipped: 500, invalid: 0 });
    const third = await run(file, {});
    expect(third.counts).toEqual({ rows: 1234, imported: 0, skipped: 1234, invalid: 0 });
    const stored = (await rowsOf(app.strapi, ENTRY).findMany({
      where: { title: { $startsWith: '批量导入条目' }, publishedAt: null },
      select: ['indexNumber', 'slug'],
    })) as Array<{
      indexNumber: string;
      slug: string;
    }>;
    expect(stored).toHaveLength(1234);
    expect(new Set(stored.map((s) => s.indexNumber)).size).toBe(1234);
    expect(new Set(stored.map((s) => s.slug)).size).toBe(1234);
  });

  it('writes nothing, not even the counters, when stopped while the file is being checked', async () => {
    const file = csv('stopped-early.csv', [`${CODE}/2007-00099,检查时被中断的导入,,,2007-06-01,,,通知,有效,主动公开,,,,,,`]);
    const counters = () => app.strapi.db.connection('gov_disclosure_index_counters').where('period', 'like', '2007%').select('period', 'last_serial');
    const before = await counters();
    const report = await run(file, { publish: true, shouldStop: () => true });
    expect(report).toMatchObject({ interrupted: true, counts: { imported: 0 } });
    expect(await byTitle('检查时被中断的导入')).toEqual([]);
    expect(await counters()).toEqual(before);
  });

  it('reads XLSX files, date cells included', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('目录');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      `${CODE}/2012-00001`,
      '电子表格导入的条目',
      '',
      new Date(Date.UTC(2012, 4, 1)),
      new Date(Date.UTC(2012, 4, 2)),
      '',
      '02',
      '通知',
      '有效',
      '主动公开',
    ]);
    const file = path.join(dir, 'catalog.xlsx');
    await workbook.xlsx.writeFile(file);
    const report = await run(file, { publish: true });
    expect(report.issues).toEqual([]);
    expect(report.counts.imported).toBe(1);
    const [row] = await byTitle('电子表格导入的条目');
    expect(String(row.publishedDate).slice(0, 10)).toBe('2012-05-02');
    expect(row.subjectCategory.code).toBe('02');
  });
});

describe('catalog import: organizations and concurrency', () => {
  it('recognizes an imported row by title, date and 文号 only within its own organization', async () => {
    const other = (await documentsOf(app.strapi, 'plugin::gov-disclosure.organization').create({
      locale: 'zh-Hans',
      data: { name: '测试市市场监督管理局', code: '11620622013933539B' },
    })) as unknown as { documentId: string };
    await documentsOf(app.strapi, ENTRY).create({
      locale: 'zh-Hans',
      data: { title: '2023年政府信息公开工作年度报告', publishedDate: '2024-01-20', genre: 'report', organization: other.documentId },
    });
    const file = csv('same-title.csv', [`,2023年政府信息公开工作年度报告,,,2024-01-20,,,报告,有效,主动公开,,,,,,`]);
    expect((await run(file, { dryRun: true })).counts).toEqual({ rows: 1, imported: 1, skipped: 0, invalid: 0 });
    expect((await run(file, {})).counts.imported).toBe(1);
    expect(await byTitle('2023年政府信息公开工作年度报告')).toHaveLength(2);
  });

  it('writes every row once when two imports of one file run at once', async () => {
    const file = csv(
      'concurrent.csv',
      Array.from({ length: 1100 }, (_, i) => `,同时导入的条目第${i + 1}号,,,2009-06-01,,,通知,有效,主动公开,,,,,,`)
    );
    const [a, b] = await Promise.all([run(file, { publish: true }), run(file, { publish: true })]);
    expect(a.counts.imported + b.counts.imported).toBe(1100);
    expect(a.counts.imported + a.counts.skipped).toBe(1100);
    const stored = (await rowsOf(app.strapi, ENTRY).findMany({
      where: { title: { $startsWith: '同时导入的条目' }, publishedAt: null },
      select: ['indexNumber'],
    })) as Array<{ indexNumber: string }>;
    expect(stored).toHaveLength(1100);
    expect(new Set(stored.map((e) => e.indexNumber)).size).toBe(1100);
    const live = (await rowsOf(app.strapi, ENTRY).count({ where: { title: { $startsWith: '同时导入的条目' }, publishedAt: { $notNull: true } } })) as number;
    expect(live).toBe(1100);
  });
});

describe('catalog import from the admin panel', () => {
  const upload = (token: string, file: string, fields: Record<string, string>) => {
    let req = app.http().post('/gov-disclosure/catalog-import').set('Authorization', `Bearer ${token}`);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req.attach('file', file);
  };

  it("is the general office's: a drafter gets 403, unauthenticated 401", async () => {
    const file = csv('admin-denied.csv', [`,管理端导入被拒,,,2015-03-05,,,,,,,,,,,`]);
    expect((await upload(fx.tokens.drafterIn, file, { organization: 'wzzl' })).status).toBe(403);
    expect((await app.http().post('/gov-disclosure/catalog-import').attach('file', file)).status).toBe(401);
    expect(
      (await app.http().get('/gov-disclosure/catalog-export?organization=wzzl&format=csv').set('Authorization', `Bearer ${fx.tokens.reviewerIn}`)).status
    ).toBe(403);
  });

  it('names the field of a bad request', async () => {
    const file = csv('admin-bad.csv', [`,x,,,2015-03-05,,,,,,,,,,,`]);
    const res = await upload(fx.tokens.publisher, file, { organization: 'Not A Slug' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['organization']);
    const txt = path.join(dir, 'catalog.txt');
    fs.writeFileSync(txt, 'x');
    const wrongType = await upload(fx.tokens.publisher, txt, { organization: 'wzzl' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details.errors[0].path).toEqual(['file']);
  });

  it('imports as published only for a publisher: an importer without the publish permission gets 403, drafts are fine', async () => {
    const roles = app.strapi.service('admin::role') as unknown as {
      create(role: { name: string; description: string }): Promise<{ id: number }>;
      assignPermissions(id: number, permissions: Array<{ action: string; subject: null; properties: object; conditions: string[] }>): Promise<unknown>;
    };
    const role = await roles.create({ name: '目录导入员 Catalog importer (test)', description: 'imports the catalog, publishes nothing' });
    await roles.assignPermissions(role.id, [{ action: 'plugin::gov-disclosure.catalog.import', subject: null, properties: {}, conditions: [] }]);
    await app.strapi.service('admin::user').create({
      email: 'importer@test.gov.cn',
      firstname: 'importer',
      lastname: 'Test',
      password: PASSWORD,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    const login = await app.http().post('/admin/login').send({ email: 'importer@test.gov.cn', password: PASSWORD });
    const token = login.body.data.token as string;
    const file = csv('importer.csv', [`,导入员导入的条目,,,2015-03-05,,,通知,有效,主动公开,,,,,,`]);
    const drafts = await upload(token, file, { organization: 'wzzl' });
    expect(drafts.status).toBe(201);
    expect(drafts.body.data.report.counts.imported).toBe(1);
    const published = await upload(token, file, { organization: 'wzzl', publish: 'true' });
    expect(published.status).toBe(403);
    expect(published.body.error).toMatchObject({ name: 'ForbiddenError', message: expect.stringMatching(/publisher/) });
    // nor by confirming a job uploaded as published by someone who may: jobs are their owner's
    const publisherJob = (await upload(fx.tokens.publisher, file, { organization: 'wzzl', publish: 'true' })).body.data.id as string;
    expect((await app.http().post(`/gov-disclosure/catalog-import/${publisherJob}/confirm`).set('Authorization', `Bearer ${token}`)).status).toBe(404);
  });

  it('answers a file that cannot be read with a 400 naming the file, and reads quotes inside a cell', async () => {
    const broken = path.join(dir, 'broken.xlsx');
    fs.writeFileSync(broken, 'not a workbook');
    const notXlsx = await upload(fx.tokens.publisher, broken, { organization: 'wzzl' });
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.error.details.errors[0].path).toEqual(['file']);
    const unclosed = path.join(dir, 'unclosed.csv');
    fs.writeFileSync(unclosed, `${HEADER}\n,"引号没有闭合的标题,,,2015-03-05\n`);
    const notCsv = await upload(fx.tokens.publisher, unclosed, { organization: 'wzzl' });
    expect(notCsv.status).toBe(400);
    expect(notCsv.body.error.details.errors[0].path).toEqual(['file']);
    expect(notCsv.body.error.message).toMatch(/CSV/);
    // legacy exports write quotes inside an unquoted cell
    const quoted = csv('quotes.csv', [`,关于印发"十四五"质量发展规划的通知,,,2015-03-05,,,通知,有效,主动公开,,,,,,`]);
    const ok = await upload(fx.tokens.publisher, quoted, { organization: 'wzzl' });
    expect(ok.status).toBe(201);
    expect(ok.body.data.report.issues).toEqual([]);
    expect(ok.body.data.report.counts.imported).toBe(1);
  });

  it('uploads, reports the dry run, imports on confirmation and reports progress to the end', async () => {
    const file = csv('admin.csv', [`,管理端导入的条目,,,2015-03-05,,,通知,有效,主动公开,,,,,,`, `,管理端坏行,,2015-03-09,2015-03-05,,,,,,,,,,,`]);
    const created = await upload(fx.tokens.publisher, file, { organization: 'wzzl', publish: 'true' });
    expect(created.status).toBe(201);
    const job = created.body.data;
    expect(job).toMatchObject({ status: 'validated', fileName: 'admin.csv', report: { dryRun: true, counts: { rows: 2, imported: 1, invalid: 1 } } });
    expect(job.report.issues).toEqual([expect.objectContaining({ row: 3, column: '成文日期' })]);
    expect(await byTitle('管理端导入的条目')).toEqual([]);
    // another user does not see it
    expect((await app.http().get(`/gov-disclosure/catalog-import/${job.id}`).set('Authorization', `Bearer ${fx.tokens.superAdmin}`)).status).toBe(404);

    const confirmed = await app.http().post(`/gov-disclosure/catalog-import/${job.id}/confirm`).set('Authorization', `Bearer ${fx.tokens.publisher}`);
    expect(confirmed.status).toBe(202);
    let state = confirmed.body.data;
    for (let i = 0; i < 100 && state.status === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 100));

      state = (await app.http().get(`/gov-disclosure/catalog-import/${job.id}`).set('Authorization', `Bearer ${fx.tokens.publisher}`)).body.data;
    }
    expect(state).toMatchObject({ status: 'done', progress: { done: 1, total: 1 }, result: { counts: { imported: 1 } } });
    expect((await publicCatalog('管理端导入')).data.map((e: { title: string }) => e.title)).toEqual(['管理端导入的条目']);
    const again = await app.http().post(`/gov-disclosure/catalog-import/${job.id}/confirm`).set('Authorization', `Bearer ${fx.tokens.publisher}`);
    expect(again.status).toBe(400);
  });

  /** Confirms an uploaded job and polls it until it ends. */
  const confirmAndWait = async (id: string) => {
    const confirmed = await app.http().post(`/gov-disclosure/catalog-import/${id}/confirm`).set('Authorization', `Bearer ${fx.tokens.publisher}`);
    expect(confirmed.status).toBe(202);
    let state = confirmed.body.data;
    for (let i = 0; i < 600 && state.status === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 100));

      state = (await app.http().get(`/gov-disclosure/catalog-import/${id}`).set('Authorization', `Bearer ${fx.tokens.publisher}`)).body.data;
    }
    return state;
  };

  it('keeps an upload larger than one stored part and imports it byte for byte', async () => {
    // 1,500 rows of ~3 KB: the file spans two 4 MB parts, a Chinese character split between them
    const body = (i: number) => `第${i}号条目的正文：${'质量技术监督'.repeat(250)}`;
    const file = csv(
      'admin-large.csv',
      Array.from({ length: 1500 }, (_, i) => `,管理端大文件条目${i + 1},,,2011-06-01,,,通知,有效,主动公开,,${body(i + 1)},,,,`)
    );
    expect(fs.statSync(file).size).toBeGreaterThan(4 * 1024 * 1024);
    const created = await upload(fx.tokens.publisher, file, { organization: 'wzzl' });
    expect(created.status).toBe(201);
    const parts = (await app.strapi.db.connection('gov_disclosure_import_file_parts').where({ job_id: created.body.data.id }).count({ n: '*' })) as Array<{
      n: number | string;
    }>;
    expect(Number(parts[0].n)).toBe(2);
    const state = await confirmAndWait(created.body.data.id);
    expect(state).toMatchObject({ status: 'done', result: { counts: { rows: 1500, imported: 1500, invalid: 0 } } });
    const stored = (await rowsOf(app.strapi, ENTRY).findMany({
      where: { title: { $startsWith: '管理端大文件条目' }, publishedAt: null },
      select: ['title', 'body'],
    })) as Array<{
      title: string;
      body: string;
    }>;
    expect(stored).toHaveLength(1500);
    for (const e of stored) expect(e.body).toBe(body(Number(e.title.replace('管理端大文件条目', ''))));
    // the file is dropped when the import ends
    const left = (await app.strapi.db.connection('gov_disclosure_import_file_parts').where({ job_id: created.body.data.id }).count({ n: '*' })) as Array<{
      n: number | string;
    }>;
    expect(Number(left[0].n)).toBe(0);
  });

  it('reports an import whose server stopped as failed, saying to upload again', async () => {
    const file = csv('admin-stopped.csv', [`,服务器中断的导入,,,2015-03-05,,,通知,有效,主动公开,,,,,,`]);
    const { id } = (await upload(fx.tokens.publisher, file, { organization: 'wzzl' })).body.data;
    // what a crashed instance leaves: running, no heartbeat for two minutes
    await app.strapi.db
      .connection('gov_disclosure_import_jobs')
      .where({ id })
      .update({ status: 'running', updated_at: Date.now() - 120_000 });
    const res = await app.http().get(`/gov-disclosure/catalog-import/${id}`).set('Authorization', `Bearer ${fx.tokens.publisher}`);
    expect(res.body.data).toMatchObject({ status: 'failed', error: expect.stringMatching(/stopped.*Upload the file again/) });
  });

  it('refuses to confirm an import while another into the same organization runs', async () => {
    const file = csv('admin-second.csv', [`,排队等候的导入,,,2015-03-05,,,通知,有效,主动公开,,,,,,`]);
    const first = (await upload(fx.tokens.publisher, file, { organization: 'wzzl' })).body.data.id as string;
    const second = (await upload(fx.tokens.publisher, file, { organization: 'wzzl' })).body.data.id as string;
    const jobs = () => app.strapi.db.connection('gov_disclosure_import_jobs').where({ id: first });
    await jobs().update({ status: 'running', updated_at: Date.now() });
    const refused = await app.http().post(`/gov-disclosure/catalog-import/${second}/confirm`).set('Authorization', `Bearer ${fx.tokens.publisher}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/Another import into this organization is running/);
    await jobs().update({ status: 'done', finished_at: Date.now() });
    expect(await confirmAndWait(second)).toMatchObject({ status: 'done', result: { counts: { imported: 1 } } });
  });

  it('drops the job and file of an import whose server died long ago, though nobody asked after it', async () => {
    const file = csv('admin-abandoned.csv', [`,无人问津的中断导入,,,2015-03-05,,,通知,有效,主动公开,,,,,,`]);
    const { id } = (await upload(fx.tokens.publisher, file, { organization: 'wzzl' })).body.data;
    const jobs = () => app.strapi.db.connection('gov_disclosure_import_jobs').where({ id });
    await jobs().update({ status: 'running', updated_at: Date.now() - 2 * 3_600_000 });
    // any later upload tidies up
    expect((await upload(fx.tokens.publisher, file, { organization: 'wzzl' })).status).toBe(201);
    expect(await jobs().first('id')).toBeUndefined();
    const parts = (await app.strapi.db.connection('gov_disclosure_import_file_parts').where({ job_id: id }).count({ n: '*' })) as Array<{ n: number | string }>;
    expect(Number(parts[0].n)).toBe(0);
  });

  describe('behind a load balancer', () => {
    let second: { url: string; stop: () => void } | null = null;
    beforeAll(async () => {
      if (app.database === 'postgres') second = await startSecondInstance();
    });
    afterAll(() => {
      second?.stop();
    });

    // on PostgreSQL the requests alternate between two instances; SQLite serves one instance only
    const via = (i: number) => (second && i % 2 === 1 ? supertest(second.url) : app.http());

    it('uploads through one instance, confirms through the other, either reports progress; a second confirmation is refused', async () => {
      const file = csv(
        'admin-two.csv',
        Array.from({ length: 1200 }, (_, i) => `,两个实例导入的条目${i + 1},,,2010-06-01,,,通知,有效,主动公开,,,,,,`)
      );
      const { id } = (await upload(fx.tokens.publisher, file, { organization: 'wzzl', publish: 'true' })).body.data;
      // the other instance has no copy of the upload but the database's
      const confirmed = await via(1).post(`/gov-disclosure/catalog-import/${id}/confirm`).set('Authorization', `Bearer ${fx.tokens.publisher}`);
      expect(confirmed.status).toBe(202);
      const twice = await app.http().post(`/gov-disclosure/catalog-import/${id}/confirm`).set('Authorization', `Bearer ${fx.tokens.publisher}`);
      expect(twice.status).toBe(400);
      expect(twice.body.error.message).toMatch(/already (running|done)/);
      let state = confirmed.body.data;
      for (let i = 0; i < 600 && state.status === 'running'; i += 1) {
        await new Promise((r) => setTimeout(r, 100));

        state = (await via(i).get(`/gov-disclosure/catalog-import/${id}`).set('Authorization', `Bearer ${fx.tokens.publisher}`)).body.data;
      }
      expect(state).toMatchObject({ status: 'done', progress: { done: 1200, total: 1200 }, result: { counts: { imported: 1200 } } });
      const live = (await rowsOf(app.strapi, ENTRY).count({
        where: { title: { $startsWith: '两个实例导入的条目' }, publishedAt: { $notNull: true } },
      })) as number;
      expect(live).toBe(1200);
    });
  });

  it("exports CSV and XLSX with the import's columns", async () => {
    const res = await app
      .http()
      .get('/gov-disclosure/catalog-export?organization=wzzl&format=csv')
      .set('Authorization', `Bearer ${fx.tokens.publisher}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('catalog-wzzl.csv');
    const text = (res.body as Buffer).toString('utf8');
    expect(text.replace(/^\uFEFF/, '').split('\n')[0]).toBe(HEADER);
    expect(text).toContain('管理端导入的条目');
    const xlsx = await app
      .http()
      .get('/gov-disclosure/catalog-export?organization=wzzl&format=xlsx')
      .set('Authorization', `Bearer ${fx.tokens.superAdmin}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const missing = await app.http().get('/gov-disclosure/catalog-export?organization=wzzl&format=pdf').set('Authorization', `Bearer ${fx.tokens.publisher}`);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.errors[0].path).toEqual(['format']);
  });
});

describe('catalog import and export from the command line', () => {
  const cli = (script: string, args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'error' },
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('prints the dry-run report and exits 1 when rows are refused; 2 on bad usage', () => {
    const file = csv('cli-bad.csv', [`,命令行好行,,,2015-03-05,,,,,,,,,,,`, `,命令行坏行,,,2015-13-05,,,,,,,,,,,`]);
    const res = cli('catalog-import.js', [file, '--organization', 'wzzl', '--dry-run']);
    expect(res.status).toBe(1);
    expect(res.stdout).toMatch(/^3\t发布日期\t"2015-13-05" is not a date/m);
    expect(res.stdout).toContain('Dry run (nothing written). rows 2, would import 1');
    expect(cli('catalog-import.js', [file]).status).toBe(2);
  });

  it('stops cleanly on Ctrl-C between batches, and the rerun completes the import', async () => {
    const rows = Array.from(
      { length: 6000 },
      (_, i) => `${CODE}/2011-${String(i + 1).padStart(5, '0')},命令行批量条目第${i + 1}号,,,2011-06-01,,,通知,有效,主动公开,,,,,,`
    );
    const file = csv('cli-bulk.csv', rows);
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'catalog-import.js'), file, '--organization', 'wzzl', '--publish'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'error' },
    });
    let stdout = '';
    child.stdout.on('data', (c) => (stdout += c));
    let signalled = false;
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      if (!signalled && /imported [1-9]\d* of 6000 rows/.test(stderr)) {
        signalled = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    // the child's own words when it ended otherwise than stopped by us
    expect({ signalled, code, stderr: signalled && code === 130 ? '' : stderr }).toEqual({ signalled: true, code: 130, stderr: '' });
    expect(stdout).toContain('Stopped between two batches');
    const importedFirst = Number(/imported (\d+)/.exec(stdout)![1]);
    expect(importedFirst).toBeGreaterThan(0);
    expect(importedFirst).toBeLessThan(6000);

    const rerun = cli('catalog-import.js', [file, '--organization', 'wzzl', '--publish']);
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toContain(`imported ${6000 - importedFirst} (published), already imported ${importedFirst}`);
    const live = await rowsOf(app.strapi, ENTRY).count({ where: { title: { $startsWith: '命令行批量条目' }, publishedAt: { $notNull: true } } });
    expect(live).toBe(6000);
  });

  it('round trip: export, import into a fresh catalog, export again gives the same file', async () => {
    const first = path.join(dir, 'export-1.csv');
    expect(cli('catalog-export.js', ['--organization', 'wzzl', '--out', first]).status).toBe(0);
    const firstXlsx = path.join(dir, 'export-1.xlsx');
    expect(cli('catalog-export.js', ['--organization', 'wzzl', '--format', 'xlsx', '--out', firstXlsx]).status).toBe(0);

    // a second, fresh database with only the demo seed, driven by the command line as an office would
    const fresh = await freshDatabase();
    try {
      const inFresh = (script: string, args: string[]) => {
        const res = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], {
          cwd: ROOT,
          env: { ...process.env, ...fresh.env, LOG_LEVEL: 'error' },
          encoding: 'utf8',
          timeout: 300_000,
        });
        // progress lines and pg's notice about queries queued on one connection (Strapi's own) are not errors
        expect(res.stderr.replace(/^(imported \d+ of \d+ rows|\(node:\d+\) DeprecationWarning|\(Use `node --trace-deprecation).*\n/gm, '')).toBe('');
        return res;
      };
      inFresh('seed.js', []);
      const imported = inFresh('catalog-import.js', [firstXlsx, '--organization', 'wzzl', '--publish']);
      expect(imported.stdout).toMatch(/refused 0/);
      expect(imported.status).toBe(0);
      const second = path.join(dir, 'export-2.csv');
      expect(inFresh('catalog-export.js', ['--organization', 'wzzl', '--out', second]).status).toBe(0);
      const lines = (f: string) => fs.readFileSync(f, 'utf8').split('\n');
      expect(lines(first).length).toBeGreaterThan(6000);
      expect(lines(second)).toEqual(lines(first));
    } finally {
      await fresh.drop();
    }
  });
});
