/**
 * The server-rendered portal in Chromium, with JavaScript off (it must work without it): home →
 * a column → an entry → the catalog with a filter → the 2018 annual report. Each page is checked
 * with axe-core (no serious or critical violations) and saved as a screenshot artifact.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshotter } from '../helpers/browser';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { corpusReports, mapReport } from '../helpers/report-corpus';
import { rowsOf, documentsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled seed is what `npm run seed` runs
const { seedDemo } = require('../../dist/src/seed/seed-demo') as typeof import('../../src/seed/seed-demo');

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

describe('public portal in Chromium (no JavaScript)', () => {
  let app: TestApp & { url?: string };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const shot = screenshotter('portal');

  /**
   * axe runs in a separate JavaScript-enabled page on the same HTML (the portal page itself has JS
   * off), in the standard mode and in the 适老化 mode (its cookie set, so /portal/mode.css applies).
   */
  const axe = async (url: string, mode: 'standard' | 'care' = 'standard'): Promise<AxeViolation[]> => {
    const checker = await browser.newContext({ bypassCSP: true });
    if (mode === 'care') await checker.addCookies([{ name: 'gd_mode', value: 'care', url: `${app.url}/portal` }]);
    const p = await checker.newPage();
    await p.goto(url);
    await p.evaluate(AXE_SOURCE);
    const result = (await p.evaluate(() =>
      (window as unknown as { axe: { run(o: object): Promise<{ violations: AxeViolation[] }> } }).axe.run({ resultTypes: ['violations'] })
    )) as { violations: AxeViolation[] };
    await checker.close();
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  };

  const check = async (name: string) => {
    await shot(page, name);
    for (const mode of ['standard', 'care'] as const) {
      const violations = await axe(page.url(), mode);
      expect([mode, violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)]).toEqual([mode, []]);
    }
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^(zh-Hans|en)$/);
    expect(await page.locator('a.skip[href="#content"]').count()).toBe(1);
  };

  beforeAll(async () => {
    app = await startTestApp({ listen: true });
    await seedDemo(app.strapi, {});
    browser = await launchBrowser();
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  it('home shows the column navigation and the latest notices', async () => {
    await page.goto(`${app.url}/portal`);
    await expect(page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '通知公告' }).count()).resolves.toBe(1);
    expect(await page.locator('ul.entries li').count()).toBeGreaterThan(5);
    await check('home');
  });

  it('a column page lists its notices with pagination and an RSS link', async () => {
    await page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '公共服务' }).click();
    await page.getByRole('heading', { level: 1, name: '公共服务' }).waitFor();
    expect(await page.locator('ul.entries li').count()).toBeGreaterThan(0);
    expect(await page.locator('link[rel=alternate][type="application/rss+xml"]').count()).toBe(1);
    await check('column');
  });

  it('an entry page shows the metadata table above the body', async () => {
    await page.locator('ul.entries a', { hasText: '2018年第一季度' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    const meta = page.locator('table.meta');
    for (const label of ['索引号', '发布机构', '文号', '成文日期', '发布日期', '主题分类', '有效性']) {
      expect(await meta.getByRole('rowheader', { name: label }).count()).toBe(1);
    }
    expect(await meta.textContent()).toContain('11330300002579909B/');
    expect(await page.locator('.body table th[scope=col]').count()).toBe(4);
    await check('entry');
  });

  it('the catalog filters and searches without JavaScript', async () => {
    await page.goto(`${app.url}/portal/catalog`);
    await page.getByLabel('主题分类').selectOption('09.02');
    await page.getByLabel('年份').selectOption('2018');
    await page.getByLabel('关键词').fill('抽查');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/subject=09\.02/);
    const titles = await page.locator('table tbody tr td:nth-child(2)').allTextContents();
    expect(titles.length).toBe(3);
    expect(titles.every((title) => title.includes('抽查'))).toBe(true);
    await check('catalog-filtered');
  });

  it('the 2018 annual report renders its statistics table like the official form', async () => {
    await page.goto(`${app.url}/portal/annual-reports/wzzl/2018`);
    const form = page.locator('table.form');
    await expect(form.locator('thead th').allTextContents()).resolves.toEqual(['统计指标', '单位', '统计数']);
    const row = (label: string) => form.locator('tbody tr', { has: page.getByRole('rowheader', { name: label, exact: true }) });
    await expect(row('一、主动公开情况').locator('td').allTextContents()).resolves.toEqual(['——', '1974']);
    await expect(row('3.网络申请数').locator('td').allTextContents()).resolves.toEqual(['件', '2']);
    await expect(row('（一）收到申请数').locator('td').allTextContents()).resolves.toEqual(['件', '']);
    await check('annual-report-2018');
  });

  it('a 2021-format report draws tables 三 and 四 with the form’s merged cells', async () => {
    // a real report's figures (上海市人民政府办公厅 2025), published for the demo organization
    const shanghai = corpusReports().find((r) => r.file === '2021-province-shanghai-shizhengfu-bangongting-2025.json')!;
    const org = (await rowsOf(app.strapi, 'plugin::gov-disclosure.organization').findOne({ where: { slug: 'wzzl', locale: 'zh-Hans' } })) as {
      documentId: string;
    };
    const report = (await documentsOf(app.strapi, 'plugin::gov-disclosure.annual-report').create({
      locale: 'zh-Hans',
      data: {
        title: '2025年政府信息公开工作年度报告',
        year: 2025,
        template: '2021',
        organization: org.documentId,
        statistics: mapReport(shanghai, '2021').values,
      },
    })) as { documentId: string };
    await app.strapi
      .plugin('gov-disclosure')
      .service('workflow')
      .publishAsSystem('plugin::gov-disclosure.annual-report', report.documentId, 'zh-Hans', 'test data');
    await page.goto(`${app.url}/portal/annual-reports/wzzl/2025`);
    const t3 = page.locator('table.form[data-table="t3"]');
    expect(await t3.locator('thead td.corner').getAttribute('rowspan')).toBe('3');
    expect(await t3.getByRole('rowheader', { name: '三、本年度办理结果', exact: true }).getAttribute('rowspan')).toBe('22');
    expect(await t3.getByRole('rowheader', { name: '（三）不予公开', exact: true }).getAttribute('rowspan')).toBe('8');
    const secret = t3.locator('tbody tr', { has: page.getByRole('rowheader', { name: '1.属于国家秘密', exact: true }) });
    await expect(secret.locator('td').allTextContents()).resolves.toEqual(['4', '0', '0', '0', '0', '0', '4']);
    const t4 = page.locator('table.form[data-table="t4"]');
    await expect(t4.locator('tbody td').allTextContents()).resolves.toEqual(['40', '0', '10', '5', '55', '2', '0', '4', '6', '12', '6', '0', '9', '7', '22']);
    await check('annual-report-2021-format');
  });

  it('answers the same 404 page for unknown and unpublished keys', async () => {
    const res = await page.goto(`${app.url}/portal/entries/not-a-real-entry`);
    expect(res?.status()).toBe(404);
    await check('not-found');
  });

  it('the 政府信息公开 page lays out its four parts', async () => {
    await page.goto(`${app.url}/portal/disclosure`);
    expect(await page.locator('ol.disclosure > li h2').allInnerTexts()).toEqual([
      '政府信息公开指南',
      '政府信息公开制度',
      '法定主动公开内容',
      '政府信息公开工作年度报告',
    ]);
    await check('disclosure');
  });

  it('适老化 mode by a link, without JavaScript: larger text and high contrast, kept across pages, and back', async () => {
    await page.goto(`${app.url}/portal/catalog`);
    const standardSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    await page.locator('a.mode-care').click();
    await page.waitForURL(/\/portal\/catalog$/);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
    expect(standardSize).toBe('16px');
    expect(await page.locator('a.mode-standard').isVisible()).toBe(true);
    expect(await page.locator('a.mode-care').isVisible()).toBe(false);
    await shot(page, 'care-mode-catalog');
    await page.goto(`${app.url}/portal`);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
    await shot(page, 'care-mode-home');
    await page.locator('a.mode-standard').click();
    await page.waitForURL(/\/portal$/);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px');
  });

  it('keyboard only: the first Tab reaches a visible skip link, which moves focus to the content', async () => {
    await page.goto(`${app.url}/portal/catalog`);
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip');
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.x >= 0 && box.width > 1).toBe(true);
    expect(await skip.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('content');
    // then on through the header: the site search box comes before the columns
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.not.toBe('BODY');
  });
});
