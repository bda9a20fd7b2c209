/**
 * The annual-report statistics editor in the admin panel: edit a cell, see the 勾稽 warning appear
 * beside it, fix it, see it clear; a negative count is an error that blocks saving; fill from data
 * shows the diff; saving stores the table. Screenshots in test-artifacts/report-editor/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { adminLogin, launchBrowser, screenshotter } from '../helpers/browser';
import { startTestApp, type TestApp } from '../helpers/strapi';

// eslint-disable-next-line @typescript-eslint/no-var-requires -- the compiled seed is what `npm run seed` runs
const { seedDemo } = require('../../dist/src/seed/seed-demo') as typeof import('../../src/seed/seed-demo');

const REPORT = 'plugin::gov-disclosure.annual-report';

describe('annual-report editor (Chromium)', () => {
  let app: TestApp & { url?: string };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let documentId = '';
  const shot = screenshotter('report-editor');
  const cell = (id: string) => page.locator(`input[data-cell="${id}"]`);

  beforeAll(async () => {
    app = await startTestApp({ serveAdminPanel: true, listen: true });
    await seedDemo(app.strapi, { users: { password: 'Disclosure2018' } });
    const org = (await app.strapi.db.query('plugin::gov-disclosure.organization' as never).findOne({ where: { slug: 'wzzl', locale: 'zh-Hans' } })) as { documentId: string };
    const report = (await app.strapi.documents(REPORT as never).create({ locale: 'zh-Hans', data: { title: '温州市质量技术监督局2019年政府信息公开工作年度报告', year: 2019, template: '2008', organization: org.documentId, statistics: {} } } as never)) as { documentId: string };
    documentId = report.documentId;
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
    page = await context.newPage();
    await adminLogin(page, app.url!, 'publisher@demo.gov.cn', 'Disclosure2018');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  it('shows a warning as soon as a part is filled without its total, and clears it when fixed', async () => {
    await page.goto(`${app.url}/admin/plugins/gov-disclosure/reports/${documentId}?locale=zh-Hans`);
    await cell('4.1').waitFor({ timeout: 60_000 });
    await page.getByTestId('report-clean').waitFor();
    await cell('4.1').fill('1');
    const warning = page.locator('[data-finding=warning][data-finding-cell="4"]');
    await warning.waitFor();
    // in the admin's language: Chinese, or English for an English admin
    expect(await warning.textContent()).toMatch(/「四、行政复议数量」未填写，但其分项合计为 1|「IV\. Administrative reconsiderations」 is blank but its items add up to 1/);
    expect(await cell('4').getAttribute('data-status')).toBe('warning');
    await shot(page, 'warning-appears');
    await cell('4').fill('1');
    await page.getByTestId('report-clean').waitFor();
    expect(await page.locator('[data-finding]').count()).toBe(0);
    expect(await cell('4').getAttribute('data-status')).toBe('ok');
    await shot(page, 'warning-cleared');
  });

  it('marks a negative count as an error and will not save it', async () => {
    await cell('4.2').fill('-1');
    await page.locator('[data-finding=error][data-finding-cell="4.2"]').waitFor();
    expect(await page.getByTestId('report-save').isDisabled()).toBe(true);
    await shot(page, 'error-blocks-save');
    await cell('4.2').fill('');
    await page.getByTestId('report-clean').waitFor();
  });

  it('offers the values the catalog can answer, then saves the table', async () => {
    await page.getByTestId('report-fill').click();
    await page.getByTestId('report-diff').waitFor();
    await shot(page, 'fill-from-data');
    await page.getByTestId('report-save').click();
    const stored = async () =>
      ((await app.strapi.db.query(REPORT as never).findOne({ where: { documentId, locale: 'zh-Hans', publishedAt: null } })) as { statistics: Record<string, number | null> | null }).statistics ?? {};
    for (let i = 0; i < 50 && (await stored())['4'] !== 1; i += 1) await page.waitForTimeout(100);
    expect(await stored()).toMatchObject({ '4': 1, '4.1': 1 });
  });
});
