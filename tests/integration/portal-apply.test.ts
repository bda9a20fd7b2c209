/**
 * The portal's side of 依申请公开 against a real instance (SQLite, or PostgreSQL with DATABASE_URL):
 * the application form posted as a browser without JavaScript posts it (multipart, with files),
 * the receipt, the status look-up and the reply documents, and what protects them — CSRF tokens,
 * the spam trap, per-address limits, file checks by content — with nothing stored by a refused or
 * interrupted submission, and the applicant's name, phone and identity number never shown on a
 * public page or API response, nor written to the log.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type supertest from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { setupWorkflowFixture, type WorkflowFixture } from '../helpers/workflow-fixture';
import { countRows } from '../helpers/admin';
import { rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';
import { checkStatistics } from '../../plugins/gov-disclosure/shared/domain/report-checks';

const APPLICATION = 'plugin::gov-disclosure.disclosure-application';
const APP_EVENT = 'plugin::gov-disclosure.application-event';
const FILES_TABLE = 'gov_disclosure_application_files';

const NAME = '王测试申请人甲';
const PHONE = '010-66778899';
const ID_NUMBER = '11010519491231002X'; // GB 11643's own example: a valid check character
const EMAIL = 'applicant.private@example.org';
const ADDRESS = '北京市西城区保密测试路88号';
const PII = [NAME, PHONE, ID_NUMBER, EMAIL, ADDRESS, '66778899', '19491231002X'];

// a real 1×1 PNG and a real (tiny) PDF
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
);
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

type Agent = supertest.Agent;
interface Upload {
  field: 'identityFiles' | 'attachments';
  name: string;
  bytes: Buffer;
  type?: string;
}
interface Form {
  agent: Agent;
  csrf: string;
  stamp: string;
}

describe('portal: applications for disclosure (依申请公开)', () => {
  let app: TestApp;
  let strapi: Core.Strapi;
  let fx: WorkflowFixture;
  let organization: string;
  const logged: string[] = [];
  const guard = () => strapi.plugin('gov-disclosure').service('portal-guard') as { formStamp(csrf: string, now?: number): string; resetRateLimits(): void };

  const valid = (extra: Record<string, string> = {}): Record<string, string> => ({
    organization,
    applicantType: 'natural',
    applicantName: NAME,
    phone: PHONE,
    email: EMAIL,
    address: ADDRESS,
    postcode: '100032',
    idType: 'resident_id',
    idNumber: ID_NUMBER,
    description: '2018年度本机关食品安全抽检结果的完整名单',
    documentNumbers: '',
    provisionForm: 'electronic',
    delivery: 'email',
    ...extra,
  });

  const hidden = (text: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(text)?.[1] ?? '';

  /** Tags that repeat an attribute (the browser keeps the first, so a second aria-describedby is lost). */
  const repeatedAttributes = (text: string) =>
    [...text.matchAll(/<[a-z][a-z0-9]*\b([^>]*)>/g)].filter((m) => {
      const names = [...m[1].replace(/"[^"]*"/g, '""').matchAll(/\s([a-zA-Z:-]+)/g)].map((a) => a[1]);
      return new Set(names).size !== names.length;
    });

  /** A visitor opens the form; its time is set back 5 s (a person takes at least that long). */
  const openForm = async (agent: Agent = app.http()): Promise<Form> => {
    const res = await agent.get('/portal/apply');
    expect(res.status).toBe(200);
    const csrf = hidden(res.text, '_csrf');
    expect(csrf).toMatch(/^[\w-]{43}$/);
    return { agent, csrf, stamp: guard().formStamp(csrf, Date.now() - 5_000) };
  };

  const post = (
    form: Form,
    fields: Record<string, string>,
    uploads: Upload[] = [{ field: 'identityFiles', name: 'id-card.png', bytes: PNG }],
    url = '/portal/apply'
  ) => {
    let req = form.agent.post(url);
    const all: Record<string, string> = { _csrf: form.csrf, _stamp: form.stamp, website: '', ...fields };
    for (const [k, v] of Object.entries(all)) req = req.field(k, v);
    for (const u of uploads) req = req.attach(u.field, u.bytes, { filename: u.name, contentType: u.type ?? 'application/octet-stream' });
    return req;
  };

  const counts = async () => ({
    applications: await countRows(strapi, APPLICATION),
    events: await countRows(strapi, APP_EVENT),
    files: Number(((await strapi.db.connection(FILES_TABLE).count({ n: '*' }).first()) as { n: number | string }).n),
  });

  const receiptOf = (text: string) => ({
    trackingNumber: /YSQ-\d{4}-\d{5}/.exec(text)?.[0] ?? '',
    queryCode: /<strong class="code">([A-Z2-9]{10})<\/strong>/.exec(text)?.[1] ?? '',
  });

  /** Registers one application through the portal; its tracking number and query code. */
  const apply = async (fields: Record<string, string> = {}, uploads?: Upload[]) => {
    const res = await post(await openForm(), valid(fields), uploads);
    if (res.status !== 200) throw new Error(`apply: ${res.status} ${res.text.slice(0, 2000)}`);
    return receiptOf(res.text);
  };

  const lookUp = async (trackingNumber: string, queryCode: string, agent: Agent = app.http()) => {
    const page = await agent.get('/portal/apply/status');
    return agent
      .post('/portal/apply/status')
      .type('form')
      .send({ _csrf: hidden(page.text, '_csrf'), trackingNumber, queryCode });
  };

  beforeAll(async () => {
    app = await startTestApp();
    strapi = app.strapi;
    // every log line, whatever its level, from here on (the logger itself stays quiet at LOG_LEVEL=error)
    for (const level of ['error', 'warn', 'info', 'http', 'verbose', 'debug'] as const) {
      const original = (strapi.log[level] as (...args: unknown[]) => unknown).bind(strapi.log);
      (strapi.log as unknown as Record<string, unknown>)[level] = (...args: unknown[]) => {
        logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
        return original(...args);
      };
    }
    fx = await setupWorkflowFixture(app);
    organization = (await rowsOf<{ documentId: string }>(strapi, 'plugin::gov-disclosure.organization').findOne({ where: { locale: 'zh-Hans' } }))!.documentId;
  });
  afterAll(async () => {
    await app?.stop();
  });
  beforeEach(() => guard().resetRateLimits());

  it('serves a form that needs no script: labelled controls, fieldsets, the trap, no-store, a strict HttpOnly CSRF cookie', async () => {
    const res = await app.http().get('/portal/apply');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('gd_apply_csrf='))!;
    expect(cookie).toMatch(/httponly/i);
    expect(cookie).toMatch(/samesite=strict/i);
    expect(cookie).toMatch(/path=\/portal\/apply/i);
    expect(cookie.split(';')[0].split('=')[1]).toBe(hidden(res.text, '_csrf'));
    expect(res.text).not.toMatch(/<script/i);
    expect(repeatedAttributes(res.text)).toEqual([]);
    expect(res.text).toMatch(/<form class="apply" id="application-form" method="post" action="\/portal\/apply" enctype="multipart\/form-data"/);
    // every visible control has a label that names it
    const ids = [...res.text.matchAll(/<(?:input|select|textarea)\b(?![^>]*type="hidden")[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(25);
    for (const id of ids) expect(res.text).toContain(`<label for="${id}">`);
    expect([...res.text.matchAll(/<(?:input|select|textarea)\b(?![^>]*type="hidden")(?![^>]*\bid=)[^>]*>/g)]).toEqual([]);
    for (const legend of ['申请人类型', '自然人的身份证件', '法人或者其他组织的身份证明', '信息的提供形式', '获取信息的方式'])
      expect(res.text).toContain(`<legend>${legend}`);
    expect(res.text).toContain('（必填）');
    expect(res.text).toContain('<label for="f-website">请勿填写此项</label>');
    // the nav and footer lead to the guide and the form
    const home = await app.http().get('/portal');
    expect(home.text).toContain('href="/portal/guide"');
    expect(home.text).toContain('href="/portal/apply"');
    // English
    const english = await app.http().get('/portal/apply?locale=en');
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('action="/portal/apply?locale=en"');
  });

  it('the whole path: applied on the portal, answered in the register, read with the code, counted in table 三', async () => {
    const { trackingNumber, queryCode } = await apply({ description: '全流程测试：本机关2026年行政处罚决定书目录' });
    const office = (method: 'get' | 'post', url: string) => app.http()[method](url).set('Authorization', `Bearer ${fx.tokens.publisher}`);
    const listed = await office('get', `/gov-disclosure/applications?q=${trackingNumber}`);
    const documentId = listed.body.data[0].documentId as string;
    expect(listed.body.data[0]).toMatchObject({ trackingNumber, channel: 'online', source: 'portal', state: 'received' });
    const answered = await office('post', `/gov-disclosure/applications/${documentId}/actions/answer`).send({
      outcome: 'disclosed',
      replyKind: 'disclosed',
      replyText: '全流程测试答复：所申请信息予以公开，见答复文件。',
    });
    expect(answered.status).toBe(200);
    expect((await office('post', `/gov-disclosure/applications/${documentId}/files`).attach('file', PDF, '答复书.pdf')).status).toBe(201);
    // the applicant reads the answer and sees the reply document
    const status = await lookUp(trackingNumber, queryCode);
    expect(status.status).toBe(200);
    expect(status.text).toContain('全流程测试答复：所申请信息予以公开，见答复文件。');
    expect(status.text).toContain('答复书.pdf');
    // the office's report of the year counts it, the form's checks hold, and the cell lists it
    const year = Number(answered.body.data.decidedOn.slice(0, 4));
    const report = await office('post', `/content-manager/collection-types/plugin::gov-disclosure.annual-report?locale=zh-Hans`).send({
      title: `${year}年全流程测试报告`,
      year,
      template: '2021',
      organization,
    });
    expect([200, 201]).toContain(report.status);
    const computed = (await office('post', `/gov-disclosure/annual-reports/${report.body.data.documentId}/compute?locale=zh-Hans`)).body.data
      .computed as Record<string, number>;
    expect(computed['t3.r1:natural']).toBeGreaterThanOrEqual(1);
    const t3 = Object.fromEntries(Object.entries(computed).filter(([c]) => c.startsWith('t3.')));
    expect(checkStatistics('2021', t3).warnings).toEqual([]);
    const records = await office(
      'get',
      `/gov-disclosure/annual-reports/${report.body.data.documentId}/cells/${encodeURIComponent('t3.r1:natural')}/records?locale=zh-Hans`
    );
    expect(records.body.data.applications.map((a: { trackingNumber: string }) => a.trackingNumber)).toContain(trackingNumber);
    for (const secret of PII) expect(JSON.stringify(records.body)).not.toContain(secret);
  });

  it('lists the guide and the form in the sitemap, and every listed page of theirs answers', async () => {
    const res = await app.http().get('/sitemap.xml');
    expect(res.status).toBe(200);
    const locs = [...res.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    expect(locs).toEqual(expect.arrayContaining(['/portal/guide', '/portal/apply']));
    for (const path of ['/portal/guide', '/portal/apply']) expect((await app.http().get(path)).status).toBe(200);
  });

  it('registers an online application with its identity file, sealed, and shows the receipt once (no-store)', async () => {
    const before = await counts();
    const form = await openForm();
    const res = await post(form, valid(), [
      { field: 'identityFiles', name: 'id-card.png', bytes: PNG, type: 'image/png' },
      { field: 'attachments', name: '../../说明.pdf', bytes: PDF, type: 'application/pdf' },
    ]);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { trackingNumber, queryCode } = receiptOf(res.text);
    expect(trackingNumber).toMatch(/^YSQ-\d{4}-\d{5}$/);
    expect(queryCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(res.text).toContain('受理编号');
    expect(res.text).toContain('查询码');
    expect(res.text).toContain('20个工作日内予以答复');
    expect(res.text).toContain('href="/portal/apply/status"');
    expect(await counts()).toEqual({ applications: before.applications + 1, events: before.events + 1, files: before.files + 2 });

    const row = (await rowsOf<Record<string, unknown>>(strapi, APPLICATION).findOne({ where: { trackingNumber } }))!;
    expect(row).toMatchObject({ channel: 'online', source: 'portal', state: 'received', applicantName: NAME });
    expect(String(row.queryCodeHash)).not.toContain(queryCode);
    const files = (await strapi.db.connection(FILES_TABLE).where({ application_document_id: row.documentId }).orderBy('id')) as Array<{
      id: number;
      kind: string;
      file_name: string;
      mime: string;
      size: number;
      sealed: Buffer;
    }>;
    expect(files.map((f) => [f.kind, f.file_name, f.mime, Number(f.size)])).toEqual([
      ['identity', 'id-card.png', 'image/png', PNG.length],
      ['attachment', '说明.pdf', 'application/pdf', PDF.length],
    ]);
    const sealed = Buffer.from(files[0].sealed);
    expect(sealed.equals(PNG)).toBe(false);
    expect(sealed.includes(PNG.subarray(0, 8))).toBe(false);
    expect(sealed.includes(PNG.subarray(16, 40))).toBe(false);
    const opened = await strapi.plugin('gov-disclosure').service('application-files').open(Number(files[0].id));
    expect(Buffer.from(opened.bytes).equals(PNG)).toBe(true);

    // the receipt came with a new token: reloading it re-posts the old form, which is refused, not registered again
    const again = await post(form, valid(), [{ field: 'identityFiles', name: 'id-card.png', bytes: PNG }]);
    expect(again.status).toBe(403);
    expect(again.text).toContain('申请已经提交');
    expect((await counts()).applications).toBe(before.applications + 1);
  });

  it('leaves no uploaded file behind in the temporary directory, accepted, refused or forbidden', async () => {
    const marker = randomBytes(24);
    const png = Buffer.concat([PNG, marker]); // still a PNG by its first bytes
    const before = new Set(fs.readdirSync(os.tmpdir()));
    const form = await openForm();
    expect((await post(form, valid({ applicantName: '' }), [{ field: 'identityFiles', name: 'id.png', bytes: png }])).status).toBe(400);
    expect((await post({ ...form, csrf: 'x' }, valid(), [{ field: 'attachments', name: 'a.png', bytes: png }])).status).toBe(403);
    expect((await post(form, valid(), [{ field: 'identityFiles', name: 'id.png', bytes: png }])).status).toBe(200);
    // refused at the door, before any controller: an admin route without a login, and a path no route serves;
    // and a field named "files" beside another (Strapi's parser then forgets the other's files)
    const multipart = (url: string, fields: string[]) => {
      const req = app.http().post(url);
      for (const field of fields) req.attach(field, png, { filename: 'id.png', contentType: 'image/png' });
      return req;
    };
    expect((await multipart('/gov-disclosure/applications/xyz/files', ['file'])).status).toBe(401);
    expect((await multipart('/api/no-such-route', ['file'])).status).toBe(405);
    expect((await multipart('/portal/apply', ['files', 'identityFiles'])).status).toBe(403);
    const left = fs
      .readdirSync(os.tmpdir())
      .filter((f) => !before.has(f))
      .map((f) => path.join(os.tmpdir(), f))
      .filter((f) => {
        try {
          return fs.statSync(f).isFile() && fs.readFileSync(f).includes(marker);
        } catch {
          return false;
        }
      });
    expect(left).toEqual([]);
  });

  it('sends bad input back (400) with each message beside its field, a linked summary and the values re-filled, storing nothing', async () => {
    const before = await counts();
    const res = await post(
      await openForm(),
      valid({
        applicantName: '',
        email: 'not-an-address',
        postcode: '12345',
        idNumber: '110105194912310021',
        provisionForm: '',
        description: '查询某份<script>文件</script>',
      })
    );
    expect(res.status).toBe(400);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('<title>错误：政府信息公开申请表');
    expect(repeatedAttributes(res.text)).toEqual([]);
    const expected: Record<string, string> = {
      applicantName: '请填写申请人姓名',
      email: '电子邮箱格式不正确',
      postcode: '邮政编码应为6位数字',
      idNumber: '居民身份证号码校验位不正确',
      provisionForm: '请选择信息的提供形式',
    };
    for (const [field, message] of Object.entries(expected)) {
      expect(res.text).toMatch(new RegExp(`<p class="field-error" id="f-${field}-error"><span class="visually-hidden">错误：</span>${message}`));
      expect(res.text).toMatch(new RegExp(`<a href="#f-${field}(-paper)?">${message}`));
    }
    for (const field of ['applicantName', 'email', 'postcode', 'idNumber']) {
      expect(res.text).toMatch(new RegExp(`<input id="f-${field}"[^>]*aria-describedby="[^"]*f-${field}-error"[^>]*aria-invalid="true"`));
    }
    expect(res.text).toMatch(/<fieldset class="choices has-error" aria-describedby="f-provisionForm-error">/);
    // the values come back (escaped), the files do not, and the page says so
    expect(res.text).toContain('value="not-an-address"');
    expect(res.text).toContain('查询某份&lt;script&gt;文件&lt;/script&gt;</textarea>');
    expect(res.text).toContain('value="natural" checked');
    expect(res.text).toContain('已选择的文件不会保留');
    expect(await counts()).toEqual(before);
  });

  it('refuses a file of the wrong type, a file whose name lies, a DOCX as identity and a file over 5 MB, naming the field; nothing stored', async () => {
    const before = await counts();
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....word/document.xml....')]);
    const cases: Array<[Upload[], string, string]> = [
      [[{ field: 'identityFiles', name: 'id.png', bytes: GIF, type: 'image/png' }], 'identityFiles', '文件“id.png”不是有效的PDF、JPG、PNG文件'],
      [[{ field: 'identityFiles', name: 'id.png', bytes: PDF, type: 'image/png' }], 'identityFiles', '文件“id.png”不是有效的'],
      [[{ field: 'identityFiles', name: 'id.docx', bytes: docx }], 'identityFiles', '文件“id.docx”不是有效的'],
      [
        [
          { field: 'identityFiles', name: 'id.png', bytes: PNG },
          { field: 'attachments', name: 'big.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]) },
        ],
        'attachments',
        '文件“big.pdf”超过5MB',
      ],
      [[{ field: 'identityFiles', name: 'run.exe', bytes: Buffer.from('MZ\x90\x00 not a document') }], 'identityFiles', '文件“run.exe”不是有效的'],
      [[], 'identityFiles', '请上传身份证明文件'],
      [Array.from({ length: 4 }, (_, i) => ({ field: 'identityFiles' as const, name: `id-${i}.png`, bytes: PNG })), 'identityFiles', '最多上传3个文件'],
    ];
    for (const [uploads, field, message] of cases) {
      const res = await post(await openForm(), valid(), uploads);
      expect(res.status).toBe(400);
      expect(res.text).toMatch(new RegExp(`id="f-${field}-error"><span class="visually-hidden">错误：</span>${message}`));
      expect(res.text).toMatch(new RegExp(`<input id="f-${field}"[^>]*aria-invalid="true"`));
    }
    // a Word document is welcome as an attachment
    const ok = await post(await openForm(), valid(), [
      { field: 'identityFiles', name: 'id.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]) },
      { field: 'attachments', name: '材料.docx', bytes: docx },
    ]);
    expect(ok.status).toBe(200);
    expect(await counts()).toEqual({ applications: before.applications + 1, events: before.events + 1, files: before.files + 2 });
  });

  it('stores nothing when the submission is interrupted while its files are written (no application, no event, no file)', async () => {
    // the second file's insert fails (each file is written by insert, inside the registration's transaction)
    const files = strapi.plugin('gov-disclosure').service('application-files') as { insert: (...args: unknown[]) => Promise<number> };
    const insert = files.insert;
    let stored = 0;
    files.insert = async (...args: unknown[]) => {
      if (stored === 1) throw Object.assign(new Error(`insert into ${FILES_TABLE} values ('${NAME}', '${ID_NUMBER}') - disk full`), { code: 'SQLITE_FULL' });
      stored += 1;
      return insert(...args);
    };
    const before = await counts();
    const logLines = logged.length;
    try {
      const res = await post(await openForm(), valid(), [
        { field: 'identityFiles', name: 'front.png', bytes: PNG },
        { field: 'identityFiles', name: 'back.png', bytes: PNG },
      ]);
      expect(res.status).toBe(500);
      expect(res.text).toContain('申请未被受理，也未保存任何内容');
      expect(res.headers['cache-control']).toBe('no-store');
    } finally {
      files.insert = insert;
    }
    expect(stored).toBe(1); // the first file was written, then rolled back with the rest
    expect(await counts()).toEqual(before);
    const lines = logged.slice(logLines).join('\n');
    expect(lines).toContain('could not be saved: Error (SQLITE_FULL)');
    for (const secret of PII) expect(lines).not.toContain(secret);
  });

  it('answers 403 without a valid CSRF token (missing, wrong, no cookie, cross-site) and stores nothing', async () => {
    const before = await counts();
    const form = await openForm();
    const attempts = [
      post({ ...form, csrf: '' }, valid()),
      post({ ...form, csrf: `${form.csrf.slice(0, -1)}${form.csrf.endsWith('A') ? 'B' : 'A'}` }, valid()),
      post({ agent: app.http(), csrf: form.csrf, stamp: form.stamp }, valid()),
      post(form, valid()).set('Sec-Fetch-Site', 'cross-site'),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text).toContain('无法验证本次提交');
      expect(res.text).toContain('href="/portal/apply"');
    }
    expect(await counts()).toEqual(before);
  });

  it('catches robots: the hidden field filled, a form sent within 3 s, a forged form time (400, the form again, nothing stored)', async () => {
    const before = await counts();
    const form = await openForm();
    const trap = await post(form, valid({ website: 'http://spam.example' }));
    expect(trap.status).toBe(400);
    expect(trap.text).toContain('本次提交未被受理');
    expect(trap.text).toContain(`value="${NAME}"`); // a person caught by mistake keeps what they typed
    const fast = await post({ ...form, stamp: hidden((await form.agent.get('/portal/apply')).text, '_stamp') }, valid());
    expect(fast.status).toBe(400);
    expect(fast.text).toContain('提交速度过快');
    const forged = await post({ ...form, stamp: `${Date.now() - 60_000}.${'A'.repeat(43)}` }, valid());
    expect(forged.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('limits each address: 5 applications per 10 minutes, then 429 with Retry-After; 20 attempts of any kind', async () => {
    const before = await counts();
    for (let i = 0; i < 5; i += 1) await apply();
    const res = await post(await openForm(), valid());
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(500);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('提交过于频繁');
    expect(await counts()).toMatchObject({ applications: before.applications + 5 });

    guard().resetRateLimits();
    const form = await openForm();
    for (let i = 0; i < 20; i += 1) expect((await post({ ...form, csrf: 'x' }, valid(), [])).status).toBe(403);
    expect((await post(form, valid())).status).toBe(429);
  });

  it('shows the status to the holder of number and code (POST), and the same 404 for a wrong number and a wrong code', async () => {
    const { trackingNumber, queryCode } = await apply();
    const form = await app.http().get('/portal/apply/status');
    expect(form.status).toBe(200);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.text).toMatch(/<form class="apply" method="post" action="\/portal\/apply\/status"/);

    const res = await lookUp(trackingNumber, queryCode.toLowerCase());
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const row = (await rowsOf<{ receivedOn: string; dueOn: string }>(strapi, APPLICATION).findOne({ where: { trackingNumber } }))!;
    expect(res.text).toContain(trackingNumber);
    expect(res.text).toContain('<strong>办理中</strong>');
    expect(res.text).toContain(`<th scope="row">收到申请日期</th><td><time datetime="${row.receivedOn}">`);
    expect(res.text).toContain(`<th scope="row">答复期限</th><td><time datetime="${row.dueOn}">`);
    expect(res.text).not.toContain(queryCode);

    const [wrongNumber, wrongCode] = await Promise.all([
      lookUp(trackingNumber.replace(/\d{5}$/, '99999'), queryCode),
      lookUp(trackingNumber, queryCode.split('').reverse().join('')),
    ]);
    expect(wrongNumber.status).toBe(404);
    expect(wrongCode.status).toBe(wrongNumber.status);
    // each visitor has its own CSRF token in the page: compare with it masked
    const mask = (text: string) => text.replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""');
    expect(mask(wrongCode.text)).toBe(mask(wrongNumber.text));
    expect(wrongCode.text).toContain('未找到与该受理编号和查询码相符的申请');
    expect(repeatedAttributes(wrongCode.text)).toEqual([]);
    expect(wrongCode.text).toMatch(/<input id="f-queryCode"[^>]*aria-describedby="f-queryCode-hint status-not-found"/);
    expect(wrongCode.text).not.toContain(trackingNumber);

    // the look-up needs its token too, and is limited per address
    expect((await app.http().post('/portal/apply/status').type('form').send({ trackingNumber, queryCode })).status).toBe(403);
    guard().resetRateLimits();
    const agent = app.http();
    const page = await agent.get('/portal/apply/status');
    const csrf = hidden(page.text, '_csrf');
    for (let i = 0; i < 20; i += 1) await agent.post('/portal/apply/status').type('form').send({ _csrf: csrf, trackingNumber, queryCode: 'WRONG' });
    const limited = await agent.post('/portal/apply/status').type('form').send({ _csrf: csrf, trackingNumber, queryCode });
    expect(limited.status).toBe(429);
  });

  it('shows an amendment request (what, by when) and a fee notice (amount, by when) with the clock stopped', async () => {
    const office = (documentId: string, action: string, body: object) =>
      app.http().post(`/gov-disclosure/applications/${documentId}/actions/${action}`).set('Authorization', `Bearer ${fx.tokens.publisher}`).send(body);
    const amended = await apply();
    const a = (await rowsOf<{ documentId: string; receivedOn: string }>(strapi, APPLICATION).findOne({ where: { trackingNumber: amended.trackingNumber } }))!;
    const amendBy = new Date(Date.parse(`${a.receivedOn}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    expect((await office(a.documentId, 'request_amendment', { note: '请写明所需信息的年份和文号<b>', dueOn: amendBy })).status).toBe(200);
    let res = await lookUp(amended.trackingNumber, amended.queryCode);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<strong>待补正</strong>');
    expect(res.text).toContain('暂停计时');
    expect(res.text).toContain('请写明所需信息的年份和文号&lt;b&gt;');
    expect(res.text).toContain(`请于 ${amendBy} 前补正`);

    const charged = await apply();
    const c = (await rowsOf<{ documentId: string }>(strapi, APPLICATION).findOne({ where: { trackingNumber: charged.trackingNumber } }))!;
    const fee = await office(c.documentId, 'notify_fee', { fee: { method: 'by_item', items: 15, earlierItemsThisMonth: 0 } });
    expect(fee.status).toBe(200);
    expect(fee.body.data.fee.yuan).toBe(500); // items 11–15 of the month at ¥100
    res = await lookUp(charged.trackingNumber, charged.queryCode);
    expect(res.text).toContain('<strong>待缴费</strong>');
    expect(res.text).toContain(`<th scope="row">金额</th><td>¥${Number(fee.body.data.fee.yuan).toFixed(2)}</td>`);
    expect(res.text).toContain(`<th scope="row">缴费期限</th><td><time datetime="${fee.body.data.fee.paymentDueOn}">`);
  });

  it('shows the answer with its reply documents, downloadable only through the status page’s grant', async () => {
    const { trackingNumber, queryCode } = await apply();
    const row = (await rowsOf<{ documentId: string }>(strapi, APPLICATION).findOne({ where: { trackingNumber } }))!;
    const answered = await app
      .http()
      .post(`/gov-disclosure/applications/${row.documentId}/actions/answer`)
      .set('Authorization', `Bearer ${fx.tokens.publisher}`)
      .send({ outcome: 'disclosed', replyKind: 'disclosed', replyText: '经审查，予以公开。\n请见答复文件。' });
    expect(answered.status).toBe(200);
    const files = strapi.plugin('gov-disclosure').service('application-files');
    const replyId = (await files.store(strapi.db.connection, row.documentId, 'reply', {
      name: '答复告知书.pdf',
      mime: 'application/pdf',
      bytes: PDF,
    })) as number;
    const identityId = ((await files.list(row.documentId, 'identity')) as Array<{ id: number }>)[0].id;

    const agent = app.http();
    const res = await lookUp(trackingNumber, queryCode, agent);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<strong>已答复</strong>');
    expect(res.text).toContain('予以公开（提供信息或告知获取方式）');
    expect(res.text).toContain('经审查，予以公开。\n请见答复文件。');
    expect(res.text).toContain('答复告知书.pdf');
    expect(res.text).toContain('行政复议');
    const action = `/portal/apply/status/files/${replyId}`;
    expect(res.text).toContain(`action="${action}"`);
    const csrf = hidden(res.text, '_csrf');
    const grant = hidden(res.text, 'grant');

    const download = await agent
      .post(action)
      .type('form')
      .send({ _csrf: csrf, grant })
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(Buffer.from(download.body as Buffer).equals(PDF)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['cache-control']).toBe('no-store');
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('答复告知书.pdf')}`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');

    // a grant is for its file, its visitor, and only genuine
    const refused = [
      await agent
        .post(action)
        .type('form')
        .send({ _csrf: csrf, grant: grant.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }),
      await agent.post(`/portal/apply/status/files/${identityId}`).type('form').send({ _csrf: csrf, grant }),
      await agent
        .post(`/portal/apply/status/files/${identityId}`)
        .type('form')
        .send({ _csrf: csrf, grant: grant.replace(/^\d+/, String(identityId)) }),
      await agent.post(action).type('form').send({ grant }),
    ];
    const other = app.http();
    const otherCsrf = hidden((await other.get('/portal/apply/status')).text, '_csrf');
    refused.push(await other.post(action).type('form').send({ _csrf: otherCsrf, grant }));
    for (const r of refused) {
      expect(r.status).toBe(403);
      expect(r.headers['content-type']).toMatch(/^text\/html/);
    }
  });

  it('has a guide: channels, what an application contains, the period, fees, remedies, and a link to the form', async () => {
    const res = await app.http().get('/portal/guide');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    for (const text of [
      '当面',
      '信函',
      '传真',
      '电子邮件',
      '第二十九条',
      '20个工作日',
      '补正',
      '国办函〔2020〕109号',
      '行政复议',
      '行政诉讼',
      'href="/portal/apply"',
    ]) {
      expect(res.text).toContain(text);
    }
    expect((await app.http().get('/portal/guide?locale=en')).text).toContain('Guide to applying for government information');
  });

  it('never shows the applicant’s name, phone, e-mail, address or identity number on a public page or API response, nor logs them', async () => {
    const logStart = logged.length;
    const { trackingNumber, queryCode } = await apply();
    const pages = [
      '/portal',
      '/portal/catalog',
      '/portal/guide',
      '/portal/apply',
      '/portal/apply/status',
      '/api/gov-disclosure/columns',
      '/api/gov-disclosure/columns/tong-zhi-gong-gao/entries?pageSize=100',
      '/api/gov-disclosure/columns/tong-zhi/entries?pageSize=100',
      '/api/gov-disclosure/catalog?pageSize=100',
      `/api/gov-disclosure/catalog?q=${encodeURIComponent(NAME)}&pageSize=100`,
      '/api/gov-disclosure/annual-reports',
      '/api/gov-disclosure/annual-reports/wzzl/2018',
    ];
    const texts: string[] = [];
    for (const url of pages) {
      const res = await app.http().get(url);
      expect(res.status).toBe(200);
      texts.push(res.text);
    }
    const status = await lookUp(trackingNumber, queryCode);
    expect(status.status).toBe(200);
    texts.push(status.text);
    for (const text of texts) for (const secret of PII) expect(text).not.toContain(secret);
    // the log saw the requests, and nothing the applicant typed, nor the query code
    const lines = logged.slice(logStart).join('\n');
    expect(lines).toContain('/portal/apply');
    for (const secret of [...PII, queryCode]) expect(lines).not.toContain(secret);
    expect(logged.join('\n')).not.toContain(ID_NUMBER);
  });
});
