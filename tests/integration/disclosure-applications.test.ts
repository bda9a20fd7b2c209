/**
 * The 依申请公开 register against a real Strapi instance (SQLite, or PostgreSQL in CI's second
 * pass): registration with every field checked, a case worked from receipt to conclusion through
 * the admin routes, the statutory windows enforced, two handlers at once, who may do what, the
 * applicant's identity sealed at rest and opened only with its permission (each look recorded),
 * and the working-day calendar the office edits. Deadlines with fixed dates are worked out by hand
 * in the comments; those relative to today are checked against the calendar's own data.
 */
import type { Core } from '@strapi/strapi';
import JSZip from 'jszip';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { setupWorkflowFixture, type WorkflowFixture } from '../helpers/workflow-fixture';
import { createAdminSession, countRows, type AdminSession } from '../helpers/admin';
import { rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

const APPLICATION = 'plugin::gov-disclosure.disclosure-application';
const APP_EVENT = 'plugin::gov-disclosure.application-event';
const ID_NUMBER = '11010519491231002X'; // GB 11643's own example: a valid check character
const NAME = '张测试申请人';
const PHONE = '010-87654321';

interface CaseView {
  documentId: string;
  trackingNumber: string;
  state: string;
  dueOn: string;
  workingDaysLeft: number | null;
  paused: boolean;
  allowedActions: string[];
  extension: { days: number; approver: string } | null;
  fee: { yuan: number; paymentDueOn: string } | null;
  outcome: string | null;
  decidedOn: string | null;
  onTime: boolean | null;
  calendarWarnings: number[];
  startedOn: string;
  version: number;
}

describe('依申请公开 register (admin routes)', () => {
  let app: TestApp;
  let strapi: Core.Strapi;
  let fx: WorkflowFixture;
  let organization: string;
  let handler: AdminSession;
  let otherHandler: AdminSession;
  let today: string;

  const as = (token: string) => ({
    get: (url: string) => app.http().get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) => app.http().post(url).set('Authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object = {}) => app.http().put(url).set('Authorization', `Bearer ${token}`).send(body),
  });
  const office = () => as(fx.tokens.publisher);
  const valid = (extra: object = {}) => ({
    organization,
    channel: 'letter',
    receivedOn: today,
    applicantType: 'natural',
    applicantName: NAME,
    phone: PHONE,
    address: '北京市东城区测试路1号',
    idType: 'resident_id',
    idNumber: ID_NUMBER,
    description: '2018年度本机关食品安全抽检结果的完整名单',
    provisionForm: 'paper',
    delivery: 'post',
    ...extra,
  });
  const register = async (extra: object = {}) => {
    const res = await office().post('/gov-disclosure/applications', valid(extra));
    if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { data: CaseView; queryCode: string };
  };
  const act = (token: string, documentId: string, action: string, body: object = {}) =>
    as(token).post(`/gov-disclosure/applications/${documentId}/actions/${action}`, body);
  const rawRow = (documentId: string) => rowsOf<Record<string, unknown>>(strapi, APPLICATION).findOne({ where: { documentId } });
  const history = async (documentId: string) =>
    ((await office().get(`/gov-disclosure/applications/${documentId}/history`)).body.data as Array<{ action: string; fromState: string; toState: string }>).map(
      (e) => e.action
    );

  beforeAll(async () => {
    app = await startTestApp();
    strapi = app.strapi;
    fx = await setupWorkflowFixture(app);
    const org = (await rowsOf<{ documentId: string }>(strapi, 'plugin::gov-disclosure.organization').findOne({ where: { locale: 'zh-Hans' } }))!;
    organization = org.documentId;
    // handlers the office names: they read the register and work the cases assigned to them
    const role = (await strapi.service('admin::role').create({ name: '承办人 Handler (test)', description: 'test' })) as { id: number };
    await strapi.service('admin::role').assignPermissions(
      role.id,
      ['read', 'handle'].map((a) => ({ action: `plugin::gov-disclosure.application.${a}`, subject: null, properties: {}, conditions: [] }))
    );
    handler = await createAdminSession(app, 'handler@test.gov.cn', [role.id]);
    otherHandler = await createAdminSession(app, 'handler-2@test.gov.cn', [role.id]);
    const probe = await office().get('/gov-disclosure/applications?pageSize=1');
    if (probe.status !== 200) throw new Error(`list: ${probe.status} ${JSON.stringify(probe.body)}`);
    today = probe.body.meta.today;
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('registers a letter: a tracking number, a query code shown once, the due date 20 working days on, and the event', async () => {
    // received Monday 2025-01-20: 20 working days counted from the 21st, across the Spring Festival
    // (1/28–2/4 off) and its two make-up days (Sun 1/26, Sat 2/8), end on Friday 2025-02-21
    const { data, queryCode } = await register({ receivedOn: '2025-01-20' });
    expect(data.trackingNumber).toMatch(/^YSQ-2025-\d{5}$/);
    expect(queryCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(data).toMatchObject({ state: 'received', startedOn: '2025-01-20', dueOn: '2025-02-21', paused: false, calendarWarnings: [] });
    expect(data.workingDaysLeft).toBeLessThan(0); // long overdue by now
    const row = (await rawRow(data.documentId))!;
    expect(row.queryCodeHash).not.toContain(queryCode);
    expect(await history(data.documentId)).toEqual(['register']);
  });

  it('numbers the cases of a year one after another', async () => {
    const a = await register({ receivedOn: '2024-03-01' });
    const b = await register({ receivedOn: '2024-03-04' });
    expect(Number(b.data.trackingNumber.slice(-5))).toBe(Number(a.data.trackingNumber.slice(-5)) + 1);
  });

  it('answers bad input on every field with a 400 naming it, and stores nothing', async () => {
    const before = await countRows(strapi, APPLICATION);
    const cases: Array<[object, string]> = [
      [{ organization: '' }, 'organization'],
      [{ organization: 'nosuchorganization1' }, 'organization'],
      [{ channel: 'pigeon' }, 'channel'],
      [{ receivedOn: '2025-02-30' }, 'receivedOn'],
      [{ receivedOn: '2999-01-01' }, 'receivedOn'],
      [{ applicantType: 'alien' }, 'applicantType'],
      [{ applicantName: '' }, 'applicantName'],
      [{ applicantName: '名'.repeat(201) }, 'applicantName'],
      [{ applicantType: 'commercial', idType: 'credit_code', idNumber: '91110000100000000R' }, 'contactPerson'],
      [{ phone: 'call me' }, 'phone'],
      [{ email: 'not-an-address' }, 'email'],
      [{ postcode: '1000' }, 'postcode'],
      [{ phone: null, address: null, email: null }, 'phone'],
      [{ idType: 'library_card' }, 'idType'],
      [{ idType: 'credit_code' }, 'idType'],
      [{ idNumber: '110105194912310021' }, 'idNumber'],
      [{ idNumber: '' }, 'idNumber'],
      [{ description: '' }, 'description'],
      [{ description: '文件' }, 'description'],
      [{ documentNumbers: '号'.repeat(501) }, 'documentNumbers'],
      [{ provisionForm: 'stone' }, 'provisionForm'],
      [{ delivery: 'drone' }, 'delivery'],
      [{ handler: 999999 }, 'handler'],
    ];
    for (const [change, field] of cases) {
      const res = await office().post('/gov-disclosure/applications', valid(change));
      expect([JSON.stringify(change), res.status]).toEqual([JSON.stringify(change), 400]);
      expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toContain(field);
    }
    expect(await countRows(strapi, APPLICATION)).toBe(before);
  });

  it('keeps the identity number sealed at rest and out of every case view; opening it needs the permission and is recorded', async () => {
    const { data } = await register();
    const row = (await rawRow(data.documentId))!;
    expect(JSON.stringify(row)).not.toContain(ID_NUMBER);
    expect(String(row.idNumberSealed)).toMatch(/^v1:/);
    const views = [
      JSON.stringify((await office().get(`/gov-disclosure/applications/${data.documentId}`)).body),
      JSON.stringify((await office().get('/gov-disclosure/applications?pageSize=100')).body),
      JSON.stringify((await office().get(`/gov-disclosure/applications/${data.documentId}/history`)).body),
    ];
    for (const body of views) {
      for (const secret of [NAME, PHONE, ID_NUMBER, '测试路']) expect(body).not.toContain(secret);
    }
    for (const token of [fx.tokens.drafterIn, fx.tokens.reviewerIn, handler.token]) {
      expect((await as(token).get(`/gov-disclosure/applications/${data.documentId}/identity`)).status).toBe(403);
    }
    expect(await history(data.documentId)).toEqual(['register']);
    const opened = await office().get(`/gov-disclosure/applications/${data.documentId}/identity`);
    expect(opened.status).toBe(200);
    expect(opened.body.data).toMatchObject({ applicantName: NAME, phone: PHONE, idType: 'resident_id', idNumber: ID_NUMBER });
    const trail = (await office().get(`/gov-disclosure/applications/${data.documentId}/history`)).body.data as Array<{ action: string; actorName: string }>;
    expect(trail.map((e) => e.action)).toEqual(['register', 'view_identity']);
    expect(trail[1].actorName).toBeTruthy();
  });

  it('works a case from receipt to conclusion: amendment, extension, consultation, fee, answer', async () => {
    const { data } = await register();
    const id = data.documentId;
    const first = data.dueOn;
    const amendBy = new Date(Date.parse(`${today}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    let res = await act(fx.tokens.publisher, id, 'request_amendment', { note: '请写明所需信息的年份和文号', dueOn: amendBy });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ state: 'amendment_requested', paused: true });
    expect(res.body.data.allowedActions).toEqual(expect.arrayContaining(['amend']));
    expect(res.body.data.allowedActions).not.toContain('lapse_amendment'); // the applicant's time has not run out
    expect((await act(fx.tokens.publisher, id, 'lapse_amendment')).status).toBe(409);
    res = await act(fx.tokens.publisher, id, 'amend', { day: today });
    expect(res.body.data).toMatchObject({ state: 'received', startedOn: today, dueOn: first });
    // once only
    expect((await act(fx.tokens.publisher, id, 'request_amendment', { note: '再次补正', dueOn: amendBy })).status).toBe(409);

    // the extension: the office's head approves it (the publisher holds that permission), once
    res = await act(fx.tokens.publisher, id, 'extend', { approver: '办公室主任 王某', note: '需要调取档案' });
    expect(res.status).toBe(200);
    expect(res.body.data.extension).toMatchObject({ days: 20, approver: '办公室主任 王某' });
    const extended = res.body.data.dueOn as string;
    expect(extended > first).toBe(true);
    expect(res.body.data.workingDaysLeft).toBe(data.workingDaysLeft! + 20);
    expect((await act(fx.tokens.publisher, id, 'extend', { approver: '主任', note: '再延' })).status).toBe(409);

    res = await act(fx.tokens.publisher, id, 'start_consultation', { note: '征求第三方（某公司）意见' });
    expect(res.body.data).toMatchObject({ state: 'consulting', paused: true });
    res = await act(fx.tokens.publisher, id, 'end_consultation', { day: today });
    expect(res.body.data).toMatchObject({ state: 'received', dueOn: extended }); // no working day passed

    // 15 items this month: 11–15 at ¥100
    res = await act(fx.tokens.publisher, id, 'notify_fee', { fee: { method: 'by_item', items: 15, earlierItemsThisMonth: 0 } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ state: 'fee_notified', fee: { yuan: 500 } });
    expect(res.body.data.fee.paymentDueOn > today).toBe(true);
    expect((await act(fx.tokens.publisher, id, 'lapse_payment')).status).toBe(409);
    res = await act(fx.tokens.publisher, id, 'confirm_payment', { day: today });
    expect(res.body.data).toMatchObject({ state: 'received', dueOn: extended });

    // the answer needs a table 三 outcome, a reply kind and its text
    const bad = await act(fx.tokens.publisher, id, 'answer', { outcome: 'other_no_payment', replyKind: 'telepathy' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors.map((e: { path: string[] }) => e.path[0]).sort()).toEqual(['outcome', 'replyKind', 'replyText']);
    res = await act(fx.tokens.publisher, id, 'answer', { outcome: 'partly_disclosed', replyKind: 'partly_disclosed', replyText: '经审查，部分公开，见附件。' });
    expect(res.body.data).toMatchObject({ state: 'answered', outcome: 'partly_disclosed', decidedOn: today, onTime: true, workingDaysLeft: null });
    res = await act(fx.tokens.publisher, id, 'conclude');
    expect(res.body.data).toMatchObject({ state: 'concluded', allowedActions: [] });

    expect((await history(id)).filter((a) => a !== 'view_identity')).toEqual([
      'register',
      'request_amendment',
      'amend',
      'extend',
      'start_consultation',
      'end_consultation',
      'notify_fee',
      'confirm_payment',
      'answer',
      'conclude',
    ]);
    // the letters to the applicant, as DOCX: they carry the name, so they need the identity permission and are recorded
    const letter = async (kind: string, token = fx.tokens.publisher) => {
      const res = await as(token)
        .get(`/gov-disclosure/applications/${id}/notices/${kind}`)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      if (res.status !== 200) return { status: res.status, text: '' };
      const zip = await JSZip.loadAsync(res.body as Buffer);
      const xml = await zip.file('word/document.xml')!.async('string');
      return { status: res.status, text: xml.replace(/<[^>]+>/g, ''), type: res.headers['content-type'] as string };
    };
    const receipt = await letter('receipt');
    expect(receipt.type).toMatch(/wordprocessingml/);
    expect(receipt.text).toContain('政府信息公开申请受理回执');
    expect(receipt.text).toContain(`${NAME}：`);
    expect(receipt.text).toContain(data.trackingNumber);
    expect((await letter('amendment')).text).toContain('请写明所需信息的年份和文号');
    expect((await letter('extension')).text).toContain('答复期限延长20个工作日');
    const reply = await letter('answer');
    expect(reply.text).toContain('经审查，部分公开，见附件。');
    expect(reply.text).toContain('办理结果：部分公开。');
    expect(reply.text).toContain('60日内依法申请行政复议');
    expect((await letter('answer', handler.token)).status).toBe(403);
    const letters = ((await office().get(`/gov-disclosure/applications/${id}/history`)).body.data as Array<{ action: string; comment: string }>).filter(
      (e) => e.action === 'view_identity'
    );
    expect(letters.map((e) => e.comment)).toEqual([
      '生成政府信息公开申请受理回执',
      '生成政府信息公开申请补正告知书',
      '生成政府信息公开申请延期答复告知书',
      '生成政府信息公开申请答复书',
    ]);
    expect((await office().get(`/gov-disclosure/applications/${id}/notices/verdict`)).status).toBe(400);

    // nothing moves a concluded case
    expect((await act(fx.tokens.publisher, id, 'answer', { outcome: 'disclosed', replyKind: 'disclosed', replyText: 'x' })).status).toBe(409);
  });

  it('keeps reply documents with the case: added by whoever works it, checked by content, downloaded intact', async () => {
    const { data } = await register();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const upload = (token: string, name: string, bytes: Buffer) =>
      app.http().post(`/gov-disclosure/applications/${data.documentId}/files`).set('Authorization', `Bearer ${token}`).attach('file', bytes, name);
    const added = await upload(fx.tokens.publisher, '答复书.pdf', pdf);
    expect(added.status).toBe(201);
    expect(added.body.data).toMatchObject({ kind: 'reply', name: '答复书.pdf', mime: 'application/pdf', size: pdf.length });
    // a file whose name lies about its content, and a handler who does not work the case
    const lying = await upload(fx.tokens.publisher, 'reply.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect(lying.status).toBe(400);
    expect(lying.body.error.details.errors[0].path).toEqual(['file']);
    expect((await upload(handler.token, 'reply.pdf', pdf)).status).toBe(403);
    const listed = await office().get(`/gov-disclosure/applications/${data.documentId}/files`);
    expect(listed.body.data.map((f: { name: string }) => f.name)).toEqual(['答复书.pdf']);
    const got = await office()
      .get(`/gov-disclosure/applications/${data.documentId}/files/${added.body.data.id}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(got.status).toBe(200);
    expect((got.body as Buffer).equals(pdf)).toBe(true);
    // sealed at rest
    const stored = await app.strapi.db.connection('gov_disclosure_application_files').where({ id: added.body.data.id }).first();
    expect(Buffer.from(stored.sealed).includes(Buffer.from('%PDF-1.4'))).toBe(false);
    // a file of another case is not this case's
    const other = await register();
    expect((await office().get(`/gov-disclosure/applications/${other.data.documentId}/files/${added.body.data.id}`)).status).toBe(404);
  });

  it('refuses an amendment request after its 7-working-day window, naming the last day', async () => {
    const { data } = await register({ receivedOn: '2025-03-07' }); // Friday: day 7 is Tuesday 2025-03-18
    // nothing to notify yet but the receipt
    expect((await office().get(`/gov-disclosure/applications/${data.documentId}/notices/extension`)).status).toBe(409);
    const res = await act(fx.tokens.publisher, data.documentId, 'request_amendment', { note: '补正', dueOn: '2099-01-01' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('2025-03-18');
  });

  it('concludes a case whose applicant did not amend (table 三 （六）1) only once their time has run out', async () => {
    const { data } = await register();
    const amendBy = new Date(Date.parse(`${today}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
    await act(fx.tokens.publisher, data.documentId, 'request_amendment', { note: '请补充身份证明', dueOn: amendBy });
    expect((await act(fx.tokens.publisher, data.documentId, 'lapse_amendment')).status).toBe(409);
    // time passes: the applicant's limit is behind us
    await rowsOf(strapi, APPLICATION).update({ where: { documentId: data.documentId }, data: { amendmentDueOn: '2025-01-02' } });
    const res = await act(fx.tokens.publisher, data.documentId, 'lapse_amendment');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ state: 'concluded', outcome: 'other_no_amendment', decidedOn: today });
  });

  it('two handlers answering at once: one wins, the other gets a 409, one answer is recorded', async () => {
    const { data } = await register();
    const answer = (token: string, text: string) => act(token, data.documentId, 'answer', { outcome: 'disclosed', replyKind: 'disclosed', replyText: text });
    const results = await Promise.all([answer(fx.tokens.publisher, '甲的答复'), answer(fx.tokens.superAdmin, '乙的答复')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await history(data.documentId)).filter((a) => a === 'answer')).toHaveLength(1);
    expect((await rawRow(data.documentId))!.version).toBe(1);
  });

  it('lets a handler work only the cases assigned to them; the office assigns; extensions need the head', async () => {
    const { data } = await register();
    const id = data.documentId;
    expect((await act(handler.token, id, 'start_consultation', { note: '征求意见' })).status).toBe(403);
    expect((await handler.put(`/gov-disclosure/applications/${id}/handler`, { handler: handler.user.id })).status).toBe(403);
    const assigned = await office().put(`/gov-disclosure/applications/${id}/handler`, { handler: handler.user.id });
    expect(assigned.status).toBe(200);
    expect(await history(id)).toEqual(['register', 'assign']);
    const seen = await handler.get(`/gov-disclosure/applications/${id}`);
    expect(seen.body.data.allowedActions).toEqual(expect.arrayContaining(['answer', 'start_consultation']));
    expect(seen.body.data.allowedActions).not.toContain('extend');
    expect((await act(otherHandler.token, id, 'start_consultation', { note: '征求意见' })).status).toBe(403);
    expect((await act(handler.token, id, 'extend', { approver: '自批', note: '延期' })).status).toBe(403);
    expect((await act(handler.token, id, 'start_consultation', { note: '征求意见' })).status).toBe(200);
    // the handler sees their own cases; the content roles see no register at all
    const mine = await handler.get('/gov-disclosure/applications?mine=true');
    expect(mine.body.data.map((c: CaseView) => c.documentId)).toEqual([id]);
    for (const token of [fx.tokens.drafterIn, fx.tokens.reviewerIn]) {
      expect((await as(token).get('/gov-disclosure/applications')).status).toBe(403);
      expect((await as(token).post('/gov-disclosure/applications', valid())).status).toBe(403);
      expect((await act(token, id, 'end_consultation')).status).toBe(403);
    }
    expect((await handler.post('/gov-disclosure/applications', valid())).status).toBe(403);
    expect((await app.http().get('/gov-disclosure/applications')).status).toBe(401);
  });

  it('filters the register and counts each state', async () => {
    const overdueCase = await register({
      receivedOn: '2025-06-03',
      channel: 'fax',
      applicantType: 'legal',
      idType: 'credit_code',
      idNumber: '91110000100000000R',
      contactPerson: '李律师',
    });
    const list = (query: string) => office().get(`/gov-disclosure/applications?${query}&pageSize=100`);
    const ids = async (query: string) => ((await list(query)).body.data as CaseView[]).map((c) => c.documentId);
    expect(await ids('overdue=true')).toContain(overdueCase.data.documentId);
    expect(await ids('channel=fax&applicantType=legal&year=2025')).toEqual([overdueCase.data.documentId]);
    expect(await ids('year=2024')).not.toContain(overdueCase.data.documentId);
    expect(await ids('state=concluded')).not.toContain(overdueCase.data.documentId);
    const fresh = await register();
    expect(await ids('dueWithin=30')).toContain(fresh.data.documentId);
    expect(await ids('overdue=true')).not.toContain(fresh.data.documentId);
    const all = await list('page=1');
    const total = await countRows(strapi, APPLICATION);
    expect(Object.values(all.body.meta.countsByState as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(total);
    const bad = await list('state=lost&dueWithin=-1');
    expect(bad.status).toBe(400);
  });

  it('keeps the working-day calendar editable: seeded years, a checked new year, and a warning where a year is missing', async () => {
    const years = (await office().get('/gov-disclosure/working-calendar')).body.data as Array<{ year: number; workdays: string[] }>;
    expect(years.map((y) => y.year)).toEqual(expect.arrayContaining([2008, 2019, 2025, 2026]));
    expect(years.find((y) => y.year === 2025)!.workdays).toEqual(
      expect.arrayContaining(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'])
    );
    // a make-up working day must be a weekend day
    const bad = await office().put('/gov-disclosure/working-calendar/2040', { holidays: ['2040-01-01'], workdays: ['2040-01-03'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['workdays', '0']);
    expect((await as(fx.tokens.drafterIn).put('/gov-disclosure/working-calendar/2040', { holidays: [], workdays: [] })).status).toBe(403);
    // a year without data (here 2024, taken out of the database) is a warning on every due date it affects
    const year2024 = years.find((y) => y.year === 2024) as unknown as { holidays: string[]; workdays: string[] };
    await rowsOf(strapi, 'plugin::gov-disclosure.working-calendar-year').delete({ where: { year: 2024 } });
    expect((await office().put('/gov-disclosure/working-calendar/2040', { holidays: ['2040-01-01'], workdays: [] })).status).toBe(200);
    const late = await register({ receivedOn: '2024-12-20' });
    expect(late.data.calendarWarnings).toEqual([2024]);
    // the office types the year in again: the warning goes
    const saved = await office().put('/gov-disclosure/working-calendar/2024', { holidays: year2024.holidays, workdays: year2024.workdays });
    expect(saved.status).toBe(200);
    const again = await office().get(`/gov-disclosure/applications/${late.data.documentId}`);
    expect(again.body.data.calendarWarnings).toEqual([]);

    // a year the data set brings back at start-up (say, after an upgrade) moves the stored due dates too
    const calendarService = strapi.plugin('gov-disclosure').service('working-calendar');
    const withCalendar = await register({ receivedOn: '2025-01-20' }); // across 2025's Spring Festival
    await rowsOf(strapi, 'plugin::gov-disclosure.working-calendar-year').delete({ where: { year: 2025 } });
    calendarService.forget();
    const weekdaysOnly = await register({ receivedOn: '2025-01-20' });
    expect(weekdaysOnly.data.dueOn < withCalendar.data.dueOn).toBe(true);
    expect(await calendarService.ensureSeeded()).toBe(1);
    const stored = (await rowsOf(strapi, APPLICATION).findOne({ where: { documentId: weekdaysOnly.data.documentId }, select: ['dueOn'] })) as { dueOn: string };
    expect(stored.dueOn).toBe(withCalendar.data.dueOn);
  });

  it('writes each event with its case: the history is the register’s own and cannot be reached otherwise', async () => {
    const count = await countRows(strapi, APP_EVENT);
    expect(count).toBeGreaterThan(0);
    // hidden from the Content Manager: no route serves the register's types
    const cm = await office().get('/content-manager/collection-types/plugin::gov-disclosure.disclosure-application');
    expect([403, 404]).toContain(cm.status);
  });
});
