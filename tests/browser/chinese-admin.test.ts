/**
 * The admin panel as a clerk first meets it: a Chinese browser (zh-CN) with a fresh profile, each
 * screen visited by the role that uses it, and the visible text counted. Every piece of text that
 * has Latin letters and no Chinese is English the clerk would have to read: 0 on every screen, but
 * for the short allow-list of proper nouns and codes below. In English, no screen shows a raw
 * translation key. Screenshots in test-artifacts/chinese-admin/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { adminLogin, launchBrowser, screenshotter } from '../helpers/browser';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled seed is what `npm run seed` runs
const { seedDemo } = require('../../dist/src/seed/seed-demo') as typeof import('../../src/seed/seed-demo');

const PASSWORD = 'Disclosure2018';
const ENTRY = 'plugin::gov-disclosure.catalog-entry';
const REPORT = 'plugin::gov-disclosure.annual-report';

/**
 * Text that may stay as it is: names of products and standards, codes and identifiers a clerk
 * types or reads as such. Each entry says why.
 */
const ALLOWED: Array<[RegExp, string]> = [
  [/^[\w.+-]+@[\w-]+(\.[\w-]+)+$/, 'an e-mail address'],
  [/^(Strapi|Markdown|API|URL|ID|UID|JSON|CSV|XLSX|DOCX|HTML|PDF|RSS|SVG|PNG|JPG|JPEG|GIF|Webhook|DKIM|OAuth2|SSO)$/, 'product and format names'],
  [/^(zh-Hans|en|zh)$/, 'locale codes beside their names'],
  [/^[A-Z]{1,3}$/, 'initials in an avatar, key caps'],
  [/^YSQ-\d{4}-\d{5}$/, 'a tracking number'],
  [/^[\d\s.,:/()%+-]*[A-Za-z]{1,2}[\d\s.,:/()%+-]*$/, 'units and sizes (KB, MB, px) beside numbers'],
];

interface Found {
  text: string;
  where: string;
}

/** Visible text nodes, placeholders and accessible labels of controls that carry no text. */
const visibleText = (page: Page): Promise<Found[]> =>
  page.evaluate(() => {
    const out: Array<{ text: string; where: string }> = [];
    const shown = (el: Element | null): boolean => {
      if (!el) return false;
      const style = window.getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') return false;
      const rects = el.getClientRects();
      if (rects.length === 0) return false;
      const r = rects[0];
      // visually hidden helpers (1px clip) are for screen readers: counted as labels below
      return r.width > 1 && r.height > 1;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      const parent = n.parentElement;
      if (!text || !parent || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName)) continue;
      if (shown(parent)) out.push({ text, where: parent.tagName.toLowerCase() });
    }
    for (const el of Array.from(document.querySelectorAll('input[placeholder], textarea[placeholder]'))) {
      if (shown(el)) out.push({ text: (el as HTMLInputElement).placeholder.trim(), where: 'placeholder' });
    }
    for (const el of Array.from(document.querySelectorAll('button[aria-label], a[aria-label], [role=button][aria-label]'))) {
      if (shown(el) && !(el.textContent ?? '').trim()) out.push({ text: (el.getAttribute('aria-label') ?? '').trim(), where: 'label' });
    }
    out.push({ text: document.title, where: 'title' });
    return out;
  });

const englishOnly = (found: Found[]) =>
  found.filter(({ text }) => /[A-Za-z]/.test(text) && !/[\u3400-\u9fff]/.test(text) && !ALLOWED.some(([re]) => re.test(text)));

describe('a Chinese-first admin panel (Chromium, zh-CN, fresh profile)', () => {
  let app: TestApp & { url?: string };
  let browser: Browser;
  const shot = screenshotter('chinese-admin');
  const counts: Record<string, string[]> = {};
  let reportId = '';

  beforeAll(async () => {
    app = await startTestApp({ serveAdminPanel: true, listen: true });
    await seedDemo(app.strapi, { users: { password: PASSWORD } });
    browser = await launchBrowser();
    const report = (await rowsOf(app.strapi, REPORT).findOne({ where: { year: 2018, locale: 'zh-Hans' } })) as { documentId: string };
    reportId = report.documentId;
  }, 180_000);
  afterAll(async () => {
    console.log(
      `English-only text per screen (zh-CN):\n${Object.entries(counts)
        .map(([screen, texts]) => `  ${screen.padEnd(28)} ${texts.length}${texts.length ? `  ${JSON.stringify(texts.slice(0, 12))}` : ''}`)
        .join('\n')}`
    );
    await browser?.close();
    await app?.stop();
  });

  /** A new profile in a Chinese browser, logged in as `email` through the login page. */
  const session = async (email: string, locale = 'zh-CN'): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale });
    const page = await context.newPage();
    await adminLogin(page, app.url!, email, PASSWORD);
    return { context, page };
  };

  /** Lets the screen settle (data loaded, spinners gone), then counts and photographs it. */
  const count = async (page: Page, screen: string, ready: () => Promise<unknown>) => {
    await ready();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    await shot(page, screen);
    const english = englishOnly(await visibleText(page)).map((f) => `${f.text} (${f.where})`);
    counts[screen] = english;
    return english;
  };

  it('login: Chinese on a first visit, with the platform’s name', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${app.url}/admin/auth/login`);
    expect(await count(page, 'login', () => page.getByRole('heading', { name: /欢迎使用政府信息公开管理平台/ }).waitFor())).toEqual([]);
    expect(await page.title()).toContain('政府信息公开管理平台');
    await page.goto(`${app.url}/admin/auth/forgot-password`);
    expect(await count(page, 'password-reset', () => page.locator('form').first().waitFor())).toEqual([]);
    await context.close();
  });

  it('the drafter’s screens: home, 待办, the catalog list and a new entry', async () => {
    const { context, page } = await session('drafter@demo.gov.cn');
    expect(await count(page, 'home', () => page.getByRole('navigation').first().waitFor())).toEqual([]);
    // Strapi's own announcements are not the clerk's business
    expect(await page.getByText(/Media Library|媒体库上线/).count()).toBe(0);
    await page.goto(`${app.url}/admin/plugins/gov-disclosure`);
    expect(await count(page, 'my-tasks', () => page.locator('main').waitFor())).toEqual([]);
    await page.goto(`${app.url}/admin/content-manager/collection-types/${ENTRY}?page=1&pageSize=10&plugins[i18n][locale]=zh-Hans`);
    expect(await count(page, 'catalog-list', () => page.locator('table').first().waitFor())).toEqual([]);
    await page.goto(`${app.url}/admin/content-manager/collection-types/${ENTRY}/create?plugins[i18n][locale]=zh-Hans`);
    expect(await count(page, 'new-entry', () => page.getByLabel(/名称/).first().waitFor())).toEqual([]);
    // each field says what it is for, e.g. that the 索引号 is given at publication
    await expect(page.getByText(/索引号在条目首次发布时由系统/).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/文号，如“温质监〔2018〕12号”/).isVisible()).resolves.toBe(true);
    // a relation picker opened, a save refused by validation, the locale switcher opened
    await page.getByRole('combobox', { name: /栏目/ }).click();
    expect(await count(page, 'relation-picker', () => page.getByRole('option').first().waitFor())).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByLabel(/内容概述/).fill('只填了概述，没有名称');
    await page.getByRole('button', { name: '保存' }).click();
    expect(
      await count(page, 'validation', () =>
        page
          .getByText(/此项为必填项|必填/)
          .first()
          .waitFor()
      )
    ).toEqual([]);
    await page
      .getByRole('combobox', { name: /语言|locale/i })
      .first()
      .click();
    expect(await count(page, 'locale-switcher', () => page.getByRole('option', { name: /英文/ }).waitFor())).toEqual([]);
    await page.keyboard.press('Escape');
    await page.goto(`${app.url}/admin/me`);
    expect(await count(page, 'profile', () => page.locator('form').first().waitFor())).toEqual([]);
    await page.goto(`${app.url}/admin/plugins/upload`);
    expect(await count(page, 'media-library', () => page.locator('main').waitFor())).toEqual([]);
    await context.close();
  });

  it('the office’s screens: the report editor and the catalog import', async () => {
    const { context, page } = await session('publisher@demo.gov.cn');
    await page.goto(`${app.url}/admin/plugins/gov-disclosure/reports/${reportId}?locale=zh-Hans`);
    expect(await count(page, 'report-editor', () => page.locator('table').first().waitFor())).toEqual([]);
    await page.goto(`${app.url}/admin/plugins/gov-disclosure/catalog`);
    expect(await count(page, 'catalog-import', () => page.locator('main').waitFor())).toEqual([]);
    await page.goto(`${app.url}/admin/plugins/gov-disclosure/overview`);
    expect(await count(page, 'office-overview', () => page.getByTestId('overview-office').waitFor())).toEqual([]);
    const entries = page.getByTestId(`overview-row-${ENTRY}`);
    await expect(entries.getByTestId('overview-published').innerText()).resolves.toMatch(/^\d+$/);
    for (const [screen, path] of [
      ['applications', '/admin/plugins/gov-disclosure/applications'],
      ['working-calendar', '/admin/plugins/gov-disclosure/working-calendar'],
      ['scheduled-jobs', '/admin/plugins/gov-disclosure/jobs'],
      ['inspection', '/admin/plugins/gov-disclosure/inspection'],
    ]) {
      await page.goto(`${app.url}${path}`);
      expect(await count(page, screen, () => page.locator('main h1').first().waitFor())).toEqual([]);
    }
    // the report in the content manager: its year a year, its form chosen by name
    await page.goto(`${app.url}/admin/content-manager/collection-types/${REPORT}?page=1&pageSize=10&plugins[i18n][locale]=zh-Hans`);
    expect(await count(page, 'report-list', () => page.locator('table').first().waitFor())).toEqual([]);
    await expect(page.locator('table').getByText('2018年', { exact: true }).count()).resolves.toBe(1);
    await expect(page.locator('table').getByText(/2,018/).count()).resolves.toBe(0);
    await page.goto(`${app.url}/admin/content-manager/collection-types/${REPORT}/${reportId}?plugins[i18n][locale]=zh-Hans`);
    expect(await count(page, 'report-edit', () => page.getByRole('combobox', { name: /年度/ }).waitFor())).toEqual([]);
    await expect(page.getByRole('combobox', { name: /年度/ }).innerText()).resolves.toContain('2018年');
    await expect(page.getByRole('combobox', { name: /格式/ }).innerText()).resolves.toContain('2008年版');
    await page.getByRole('combobox', { name: /格式/ }).click();
    await expect(page.getByRole('option', { name: /2021年格式/ }).isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    // a part of the report is named as the chosen form names it
    await expect(
      page
        .getByText(/五、因政府信息公开申请行政复议、提起行政诉讼的情况/)
        .first()
        .isVisible()
    ).resolves.toBe(true);
    await context.close();
  });

  it('in English (chosen in the profile), no screen shows a translation key', async () => {
    const { context, page } = await session('reviewer@demo.gov.cn', 'en-US');
    await rowsOf(app.strapi, 'admin::user').update({ where: { email: 'reviewer@demo.gov.cn' }, data: { preferedLanguage: 'en' } });
    const keys: string[] = [];
    for (const url of [
      '/admin',
      '/admin/plugins/gov-disclosure',
      `/admin/content-manager/collection-types/${ENTRY}?plugins[i18n][locale]=zh-Hans`,
      `/admin/content-manager/collection-types/${ENTRY}/create?plugins[i18n][locale]=zh-Hans`,
      '/admin/plugins/gov-disclosure/overview',
      `/admin/content-manager/collection-types/${REPORT}/${reportId}?plugins[i18n][locale]=zh-Hans`,
    ]) {
      await page.goto(`${app.url}${url}`);
      await page.waitForLoadState('networkidle');
      // the admin switches the document's language once it has the user's profile, which on a busy
      // machine came after the network was idle (one CI run): waited for, up to the usual 30 s
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await page.waitForTimeout(300);
      keys.push(...(await visibleText(page)).map((f) => f.text).filter((t) => /^[\w-]+(\.[\w-]+){2,}$/.test(t)));
    }
    await shot(page, 'english-new-entry');
    expect(keys).toEqual([]);
    await context.close();
  });
});
