/**
 * The annual-report statistics editor in the admin panel: edit a cell, see the 勾稽 warning appear
 * beside it, fix it, see it clear; a negative count is an error that blocks saving; fill from data
 * shows the diff; saving stores the table; a computed cell opens the entries it counted; the 2021
 * form drawn with its merged group labels, and a number left in a cell the form no longer has
 * shown until the office clears it. Screenshots in test-artifacts/report-editor/.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { adminLogin, launchBrowser, screenshotter } from '../helpers/browser';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { rowsOf, documentsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled seed is what `npm run seed` runs
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
    const org = (await rowsOf(app.strapi, 'plugin::gov-disclosure.organization').findOne({ where: { slug: 'wzzl', locale: 'zh-Hans' } })) as {
      documentId: string;
    };
    const report = (await documentsOf(app.strapi, REPORT).create({
      locale: 'zh-Hans',
      data: { title: '温州市质量技术监督局2019年政府信息公开工作年度报告', year: 2019, template: '2008', organization: org.documentId, statistics: {} },
    })) as { documentId: string };
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
    expect(await warning.textContent()).toMatch(
      /「四、行政复议数量」未填写，但其分项合计为 1|「IV\. Administrative reconsiderations」 is blank but its items add up to 1/
    );
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
      (
        (await rowsOf(app.strapi, REPORT).findOne({ where: { documentId, locale: 'zh-Hans', publishedAt: null } })) as {
          statistics: Record<string, number | null> | null;
        }
      ).statistics ?? {};
    for (let i = 0; i < 50 && (await stored())['4'] !== 1; i += 1) await page.waitForTimeout(100);
    expect(await stored()).toMatchObject({ '4': 1, '4.1': 1 });
  });

  it('opens the catalog entries a computed cell counted, as many as its number, and exports them', async () => {
    const seed = (await rowsOf(app.strapi, REPORT).findOne({ where: { year: 2018, locale: 'zh-Hans' } })) as { documentId: string };
    const computed = (await app.strapi.plugin('gov-disclosure').service('report-statistics').compute(seed.documentId, 'zh-Hans')) as {
      computed: Record<string, number>;
    };
    const count = computed.computed['1.1'];
    expect(count).toBeGreaterThan(0);
    await page.goto(`${app.url}/admin/plugins/gov-disclosure/reports/${seed.documentId}?locale=zh-Hans`);
    await cell('1.1').waitFor({ timeout: 60_000 });
    // in the admin's language
    await expect(page.getByTestId('report-coverage').textContent()).resolves.toMatch(
      /本格式共 58 个需填写的单元格：18 个可由系统数据计算，40 个需手工填写。|This form has 58 cells to fill: 18 computed from the product's data, 40 typed by the office\./
    );
    expect(await cell('1.1').getAttribute('data-computed')).toBe('true');
    expect(await page.locator('[data-records="3.3.1"]').count()).toBe(0); // typed by the office (the register does not answer 2008's reply kinds)
    await page.locator('[data-records="1.1"]').click();
    const dialog = page.getByTestId('cell-records');
    await dialog.getByTestId('cell-records-count').waitFor();
    expect(await dialog.getByTestId('cell-records-count').textContent()).toMatch(
      new RegExp(`^(共计入 ${count} 条公开目录信息：|${count} catalog entries counted:)$`)
    );
    expect(await dialog.locator('[data-record]').count()).toBe(Math.min(count, 20));
    const first = dialog.locator('[data-record] a').first();
    expect(await first.getAttribute('href')).toMatch(/\/admin\/content-manager\/collection-types\/plugin::gov-disclosure\.catalog-entry\/\w+/);
    await page.waitForTimeout(400); // the dialog's fade-in, for the screenshot
    await shot(page, 'cell-records');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('cell-records-csv').click()]);
    const lines = fs
      .readFileSync((await download.path())!, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(count + 2);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('draws the 2021 form with its merged labels and shows a number left in a retired cell until it is cleared', async () => {
    const org = (await rowsOf(app.strapi, 'plugin::gov-disclosure.organization').findOne({ where: { slug: 'wzzl', locale: 'zh-Hans' } })) as {
      documentId: string;
    };
    const report = (await documentsOf(app.strapi, REPORT).create({
      locale: 'zh-Hans',
      data: { title: '2021年报告', year: 2021, template: '2021', organization: org.documentId, statistics: { 't3.r3.1:natural': 2 } },
    })) as { documentId: string };
    // saved by the earlier template, which gave （三）不予公开 a cell of its own
    await rowsOf(app.strapi, REPORT).update({
      where: { documentId: report.documentId, locale: 'zh-Hans', publishedAt: null },
      data: { statistics: { 't3.r3.1:natural': 2, 't3.r3:natural': 2 } },
    });
    await page.goto(`${app.url}/admin/plugins/gov-disclosure/reports/${report.documentId}?locale=zh-Hans`);
    await cell('t3.r3.1:natural').waitFor({ timeout: 60_000 });
    const t3 = page.locator('table[data-table="t3"]');
    expect(await t3.getByRole('rowheader', { name: /^(（三）不予公开|\(3\) Not disclosed)$/ }).getAttribute('rowspan')).toBe('8');
    expect(await t3.locator('input[data-cell^="t3.r3:"]').count()).toBe(0);
    const retired = page.getByTestId('report-retired');
    expect(await retired.textContent()).toMatch(
      /「（三）不予公开 · 自然人」（t3\.r3:natural）：2|「\(3\) Not disclosed · Natural persons」 \(t3\.r3:natural\): 2/
    );
    await page.locator('[data-finding=warning][data-finding-cell="t3.r3:natural"]').waitFor();
    await shot(page, 'retired-cell');
    await retired.getByRole('button', { name: /^(清除|Clear)$/ }).click();
    await retired.waitFor({ state: 'detached' });
    await page.getByTestId('report-save').click();
    const stored = async () =>
      (
        (await rowsOf(app.strapi, REPORT).findOne({ where: { documentId: report.documentId, locale: 'zh-Hans', publishedAt: null } })) as {
          statistics: Record<string, number | null>;
        }
      ).statistics;
    for (let i = 0; i < 50 && 't3.r3:natural' in (await stored()); i += 1) await page.waitForTimeout(100);
    expect(await stored()).toEqual({ 't3.r3.1:natural': 2 });
    await shot(page, 'retired-cell-cleared');
  });
});
