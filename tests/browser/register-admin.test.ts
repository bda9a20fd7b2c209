/**
 * The 依申请公开 register in the real admin panel, as the general office works it: register a letter
 * (the receipt shows the tracking number and the query code once), find it in the register, open
 * the case, look at the applicant's identity (recorded in the history), extend, answer with a
 * table 三 outcome, and see it answered on time; the case is listed in 待办 while due. Screenshots
 * go to test-artifacts/register-admin/.
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { adminLogin, launchBrowser, screenshotter } from '../helpers/browser';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled seed is what `npm run seed` runs
const { seedDemo } = require('../../dist/src/seed/seed-demo') as typeof import('../../src/seed/seed-demo');

const PASSWORD = 'Disclosure2018';
const APPLICATION = 'plugin::gov-disclosure.disclosure-application';
const NAME = '赵浏览器';
const ID_NUMBER = '11010519491231002X';
const PERMISSIONS_URL = '**/admin/users/me/permissions';

describe('依申请公开 register in the admin panel (Chromium)', () => {
  let app: TestApp & { url?: string };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const shot = screenshotter('register-admin');

  /** Chooses `option` in the design system's select labelled `label` (the clerk's own words), and sees it chosen. */
  const choose = async (label: RegExp, option: string | RegExp) => {
    const select = page.getByRole('combobox', { name: label });
    await select.click();
    const item = page.getByRole('option', { name: option }).first();
    const text = (await item.textContent())!.trim();
    await item.click();
    await select.filter({ hasText: text }).waitFor({ timeout: 10_000 });
  };

  /** Waits for `testId`; when it does not come, fails with what the dialog `dialogId` shows (the server's field messages). */
  const awaitOrExplain = async (testId: string, dialogId: string) => {
    await page
      .getByTestId(testId)
      .waitFor()
      .catch(async (e: Error) => {
        const shown = await page
          .getByTestId(dialogId)
          .innerText({ timeout: 1_000 })
          .catch(() => '(no dialog)');
        throw new Error(`${testId} did not appear; ${dialogId} shows:\n${shown}`, { cause: e });
      });
  };

  /**
   * Runs `open` with the user's permissions answered 1.5 s late, after the page has mounted (a slow
   * line, a busy server): Strapi's useRBAC answered "not allowed" then and never asked again.
   */
  const withSlowPermissions = async (open: () => Promise<void>) => {
    const late = async (route: Route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    };
    await page.route(PERMISSIONS_URL, late);
    try {
      await open();
    } finally {
      await page.unroute(PERMISSIONS_URL, late);
    }
  };

  beforeAll(async () => {
    app = await startTestApp({ serveAdminPanel: true, listen: true });
    await seedDemo(app.strapi, { users: { password: PASSWORD } });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1400, height: 1100 }, locale: 'zh-CN' });
    // the clerk's admin language (chosen in the profile; kept by the admin in local storage)
    await context.addInitScript(() => window.localStorage.setItem('strapi-admin-language', 'zh-Hans'));
    page = await context.newPage();
    await adminLogin(page, app.url!, 'publisher@demo.gov.cn', PASSWORD);
  }, 180_000);
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  let trackingNumber = '';
  let overdueId = '';

  it('registers a letter and shows the receipt with the tracking number and the query code', async () => {
    await page.goto(`${app.url}/admin/plugins/gov-disclosure/applications`);
    await page.getByTestId('register-open').click();
    await page.getByTestId('register-dialog').waitFor();
    // the demo has one organization: it is chosen already
    await choose(/^申请方式/, '信函');
    await choose(/^申请人类型/, '自然人');
    await page.getByTestId('register-applicantName').fill(NAME);
    await choose(/^证件类型/, '居民身份证');
    await page.getByTestId('register-idNumber').fill('110105194912310021'); // a wrong check character first
    await page.getByTestId('register-phone').fill('010-12345678');
    await page.getByTestId('register-description').fill('本机关2025年度行政许可办理情况统计');
    await choose(/^信息的提供形式/, '纸质');
    await choose(/^获取信息的方式/, '邮寄');
    await page.getByTestId('register-submit').click();
    // the server's message, beside the field
    await page.getByText('居民身份证号码校验位不正确').waitFor();
    await shot(page, 'field-error');
    await page.getByTestId('register-idNumber').fill(ID_NUMBER);
    await page.getByTestId('register-submit').click();
    await awaitOrExplain('receipt-dialog', 'register-dialog');
    trackingNumber = (await page.getByTestId('receipt-tracking-number').textContent())!.trim();
    expect(trackingNumber).toMatch(/^YSQ-\d{4}-\d{5}$/);
    expect((await page.getByTestId('receipt-query-code').textContent())!.trim()).toMatch(/^[A-Z2-9]{10}$/);
    await shot(page, 'receipt');
    await page.getByTestId('receipt-close').click();
    await page.locator(`[data-tracking-number="${trackingNumber}"]`).waitFor();
    await shot(page, 'register');
  });

  it('opens the case, shows the identity only on request (and records it), extends and answers it', async () => {
    expect(trackingNumber).not.toBe(''); // the case registered above
    await page.locator(`[data-tracking-number="${trackingNumber}"] a`).first().click();
    await page.getByTestId('case-deadline').waitFor();
    expect(await page.content()).not.toContain(ID_NUMBER);
    await page.getByTestId('identity-open').click();
    await page.getByTestId('identity').getByText(ID_NUMBER).waitFor();
    await page.locator('[data-testid=application-history] [data-event=view_identity]').waitFor();

    await page.locator('[data-application-action=extend]').click();
    await page.getByTestId('action-dialog').waitFor();
    await page.getByTestId('action-approver').fill('办公室主任 王某');
    await page.getByTestId('action-note').fill('需要调取多个科室的档案');
    await page.getByTestId('action-submit').click();
    await page.locator('[data-testid=application-history] [data-event=extend]').waitFor();

    await page.locator('[data-application-action=answer]').click();
    await page.getByTestId('action-dialog').waitFor();
    await choose(/^办理结果/, /^予以公开/);
    await choose(/^答复类型/, /^予以公开/);
    await page.getByTestId('action-replyText').fill('经审查，所申请信息予以公开，见附件。');
    await shot(page, 'answer-dialog');
    await page.getByTestId('action-submit').click();
    await page.locator('[data-application-state=answered]').first().waitFor();
    await shot(page, 'answered');

    const row = (await rowsOf<{ state: string; outcome: string; extensionDays: number }>(app.strapi, APPLICATION).findOne({ where: { trackingNumber } }))!;
    expect(row).toMatchObject({ state: 'answered', outcome: 'disclosed', extensionDays: 20 });
  });

  it('lists an overdue case in 待办 beside the content tasks, on a page opened before the permissions arrive', async () => {
    const login = await app.http().post('/admin/login').send({ email: 'publisher@demo.gov.cn', password: PASSWORD });
    const organization = (await rowsOf<{ documentId: string }>(app.strapi, 'plugin::gov-disclosure.organization').findOne({ where: { locale: 'zh-Hans' } }))!
      .documentId;
    const overdue = await app.http().post('/gov-disclosure/applications').set('Authorization', `Bearer ${login.body.data.token}`).send({
      organization,
      channel: 'fax',
      receivedOn: '2025-06-03',
      applicantType: 'natural',
      applicantName: NAME,
      phone: '010-12345678',
      idType: 'resident_id',
      idNumber: ID_NUMBER,
      description: '逾期未答复的申请',
      provisionForm: 'paper',
      delivery: 'post',
    });
    expect(overdue.status).toBe(201);
    overdueId = overdue.body.data.documentId;
    await withSlowPermissions(async () => {
      await page.goto(`${app.url}/admin/plugins/gov-disclosure`);
      await page.getByTestId('due-applications').waitFor();
    });
    const row = page.getByTestId('due-application-row').filter({ hasText: overdue.body.data.trackingNumber });
    await row.waitFor();
    expect(await row.textContent()).toContain('已超期');
    // the answered case is no longer due
    expect(await page.getByTestId('due-application-row').filter({ hasText: trackingNumber }).count()).toBe(0);
    await shot(page, 'tasks');
  });

  it('shows the office the applicant identity panel on a case page opened before the permissions arrive', async () => {
    expect(overdueId).not.toBe(''); // the case registered above
    await withSlowPermissions(async () => {
      await page.goto(`${app.url}/admin/plugins/gov-disclosure/applications/${overdueId}`);
      await page.getByTestId('identity-open').waitFor();
    });
  });
});
