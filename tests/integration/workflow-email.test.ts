import { ENTRY, setupWorkflowFixture, type WorkflowFixture } from '../helpers/workflow-fixture';
import { startSmtpReceiver } from '../helpers/smtp';
import { startTestApp, type TestApp } from '../helpers/strapi';

describe('workflow e-mail notifications (real SMTP receiver)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let app: TestApp;
  let fx: WorkflowFixture;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    process.env.SMTP_HOST = '127.0.0.1';
    process.env.SMTP_PORT = String(smtp.port);
    process.env.SMTP_IGNORE_TLS = 'true';
    process.env.EMAIL_FROM = 'noreply@demo.gov.cn';
    app = await startTestApp();
    fx = await setupWorkflowFixture(app);
  });
  afterAll(async () => {
    await app?.stop();
    await smtp?.stop();
    for (const k of ['SMTP_HOST', 'SMTP_PORT', 'SMTP_IGNORE_TLS', 'EMAIL_FROM']) delete process.env[k];
  });

  const transition = (token: string, documentId: string, action: string, comment?: string) =>
    app
      .http()
      .post('/gov-disclosure/workflow/transitions')
      .set('Authorization', `Bearer ${token}`)
      .send({ uid: ENTRY, documentId, locale: 'zh-Hans', action, ...(comment ? { comment } : {}) });

  it('mails whoever must act next, and the drafter on return and publish', async () => {
    const id = await fx.createEntry('关于邮件通知测试的通知');
    const about = (m: { subject: string }) => m.subject.includes('关于邮件通知测试的通知');

    expect((await transition(fx.tokens.drafterIn, id, 'submit')).status).toBe(200);
    const submitted = await smtp.waitFor((m) => about(m) && m.subject.includes('提交审核'));
    expect(submitted.flatMap((m) => m.to).sort()).toEqual(['reviewer-2@test.gov.cn', 'reviewer@demo.gov.cn']);
    expect(submitted[0].text).toContain(`/admin/content-manager/collection-types/${ENTRY}/${id}`);

    expect((await transition(fx.tokens.reviewerIn, id, 'return', '请补充抽查依据')).status).toBe(200);
    const returned = await smtp.waitFor((m) => about(m) && m.subject.includes('退回'));
    expect(returned.flatMap((m) => m.to)).toEqual(['drafter@demo.gov.cn']);
    expect(returned[0].text).toContain('请补充抽查依据');

    await transition(fx.tokens.drafterIn, id, 'submit');
    expect((await transition(fx.tokens.reviewerIn, id, 'approve')).status).toBe(200);
    const approved = await smtp.waitFor((m) => about(m) && m.subject.includes('审核通过'));
    expect(approved.flatMap((m) => m.to)).toEqual(['publisher@demo.gov.cn']);

    expect((await transition(fx.tokens.publisher, id, 'publish')).status).toBe(200);
    const published = await smtp.waitFor((m) => about(m) && m.subject.includes('发布'));
    expect(published.flatMap((m) => m.to)).toEqual(['drafter@demo.gov.cn']);
    // the person acting is never mailed about their own action
    expect(smtp.mails.filter(about).every((m) => !m.to.includes('publisher@demo.gov.cn') || m.subject.includes('审核通过'))).toBe(true);
  });
});
