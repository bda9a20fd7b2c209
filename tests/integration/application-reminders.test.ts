/**
 * The register's daily deadline reminders through the job runner and a real SMTP receiver: cases
 * placed 5, 1 and −2 working days from their due date (by their period's start, found on the
 * committed calendar), one with 3 days left and one paused overdue; the handler and the office
 * get one message each listing theirs, by tracking number, never the applicant.
 */
import calendarFile from '../../plugins/gov-disclosure/shared/calendar/cn-working-calendar.json';
import { deadlineOf } from '../../plugins/gov-disclosure/shared/domain/application-deadline';
import { addDays, workingCalendar, type CalendarData } from '../../plugins/gov-disclosure/shared/domain/working-days';
import { rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';
import { startSmtpReceiver } from '../helpers/smtp';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { setupWorkflowFixture, type WorkflowFixture } from '../helpers/workflow-fixture';
import { createAdminSession, type AdminSession } from '../helpers/admin';

const NAME = '王提醒申请人';

describe('deadline reminders (job runner, real SMTP receiver)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let app: TestApp;
  let fx: WorkflowFixture;
  let handler: AdminSession;
  const cal = workingCalendar(calendarFile.years as unknown as CalendarData);

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    process.env.SMTP_HOST = '127.0.0.1';
    process.env.SMTP_PORT = String(smtp.port);
    process.env.SMTP_IGNORE_TLS = 'true';
    process.env.EMAIL_FROM = 'noreply@demo.gov.cn';
    app = await startTestApp();
    fx = await setupWorkflowFixture(app);
    const role = (await app.strapi.service('admin::role').create({ name: '承办人 Handler (reminders)', description: 'test' })) as { id: number };
    await app.strapi.service('admin::role').assignPermissions(
      role.id,
      ['read', 'handle'].map((a) => ({ action: `plugin::gov-disclosure.application.${a}`, subject: null, properties: {}, conditions: [] }))
    );
    handler = await createAdminSession(app, 'handler-reminded@test.gov.cn', [role.id]);
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
    await smtp?.stop();
    for (const k of ['SMTP_HOST', 'SMTP_PORT', 'SMTP_IGNORE_TLS', 'EMAIL_FROM']) delete process.env[k];
  });

  const office = (url: string, body: object) => app.http().post(url).set('Authorization', `Bearer ${fx.tokens.publisher}`).send(body);

  /** A case whose period started on the day that leaves `left` working days today. */
  const caseWith = async (left: number, today: string, handlerId?: number) => {
    let start = today;
    while (deadlineOf(cal, { state: 'received', startedOn: start, pausedWorkingDays: 0, pausedSince: null, extensionDays: 0 }, today).workingDaysLeft > left) {
      start = addDays(start, -1);
    }
    const res = await office('/gov-disclosure/applications', {
      organization: (await rowsOf<{ documentId: string }>(app.strapi, 'plugin::gov-disclosure.organization').findOne({ where: { locale: 'zh-Hans' } }))!
        .documentId,
      channel: 'letter',
      receivedOn: start,
      applicantType: 'natural',
      applicantName: NAME,
      phone: '13900000000',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      description: `提醒测试 剩余${left}`,
      provisionForm: 'paper',
      delivery: 'post',
      ...(handlerId ? { handler: handlerId } : {}),
    });
    if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
    expect(res.body.data.workingDaysLeft).toBe(left);
    return res.body.data as { documentId: string; trackingNumber: string };
  };

  it('mails the handler and the office about the cases due in 5 and 1 working days and those overdue', async () => {
    const jobs = app.strapi.plugin('gov-disclosure').service('jobs') as { runDue(): Promise<number> };
    const db = app.strapi.db.connection;
    const job = await db('gov_disclosure_jobs').where({ kind: 'application-reminders', job_key: 'daily' }).first();
    expect(job).toBeTruthy(); // scheduled at start-up
    const today = (await app.http().get('/gov-disclosure/applications?pageSize=1').set('Authorization', `Bearer ${fx.tokens.publisher}`)).body.meta
      .today as string;

    const five = await caseWith(5, today, handler.user.id);
    const one = await caseWith(1, today);
    const late = await caseWith(-2, today);
    const notYet = await caseWith(3, today, handler.user.id);
    const paused = await caseWith(-4, today);
    expect((await office(`/gov-disclosure/applications/${paused.documentId}/actions/start_consultation`, { note: '征求第三方意见' })).status).toBe(200);

    // the time comes
    await db('gov_disclosure_jobs')
      .where({ id: job.id })
      .update({ run_at: Date.now() - 1 });
    expect(await jobs.runDue()).toBeGreaterThanOrEqual(1);

    const toOffice = await smtp.waitFor((m) => m.to.includes('publisher@demo.gov.cn') && m.subject.includes('依申请公开'));
    expect(toOffice).toHaveLength(1);
    expect(toOffice[0].subject).toBe('【依申请公开】3 件申请临近答复期限，其中 1 件已超期');
    for (const c of [five, one, late]) expect(toOffice[0].text).toContain(c.trackingNumber);
    for (const c of [notYet, paused]) expect(toOffice[0].text).not.toContain(c.trackingNumber);
    expect(toOffice[0].text).toContain('剩余 5 个工作日');
    expect(toOffice[0].text).toContain('剩余 1 个工作日');
    expect(toOffice[0].text).toContain('已超期 2 个工作日');
    expect(toOffice[0].text).toContain(`/admin/plugins/gov-disclosure/applications/${late.documentId}`);

    const toHandler = await smtp.waitFor((m) => m.to.includes('handler-reminded@test.gov.cn'));
    expect(toHandler).toHaveLength(1);
    expect(toHandler[0].text).toContain(five.trackingNumber);
    expect(toHandler[0].text).not.toContain(one.trackingNumber);
    // the content roles and other users are not mailed; nobody sees the applicant
    expect(smtp.mails.some((m) => m.to.includes('drafter@demo.gov.cn') || m.to.includes('reviewer@demo.gov.cn'))).toBe(false);
    for (const m of smtp.mails) expect(`${m.subject}${m.text}`).not.toContain(NAME);

    // it runs again at the next 08:00 in Beijing, not before
    const next = await db('gov_disclosure_jobs').where({ id: job.id }).first();
    expect(next.status).toBe('pending');
    const wait = Number(next.run_at) - Date.now();
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(24 * 3_600_000);
    expect(new Date(Number(next.run_at)).toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour12: false })).toMatch(/^08:00:0\d$/);
    const before = smtp.mails.length;
    expect(await jobs.runDue()).toBe(0);
    expect(smtp.mails.length).toBe(before);
  });
});
