/**
 * 目录导入导出 in the admin panel: the publisher (general office) uploads a legacy catalog file,
 * reads the dry-run report naming the bad row and column, confirms, watches the import finish,
 * finds the imported entries on the public API, then exports the catalog as CSV and finds them in
 * the file. A drafter has neither permission and sees neither form. Screenshots in
 * test-artifacts/catalog-transfer/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { adminLogin, launchBrowser, screenshotter } from '../helpers/browser';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled seed is what `npm run seed` runs
const { seedDemo } = require('../../dist/src/seed/seed-demo') as typeof import('../../src/seed/seed-demo');

const PASSWORD = 'Disclosure2018';
const ORG = '温州市质量技术监督局';
const HEADERS = ['索引号', '名称', '发布机构', '成文日期', '发布日期', '文号', '主题分类', '体裁分类', '有效性', '公开方式', '关键词', '内容', '栏目'];
const EXPORT_HEADERS = [...HEADERS, '废止日期', '不予公开理由', '解读对象', '内容概述', '生效日期', '公开范围', '公开时限', '公开渠道', '文件类别'];
const GOOD = [
  { title: '关于开展2015年计量器具强制检定工作的通知', word: '强制检定' },
  { title: '关于公布2015年温州市标准化试点项目名单的通知', word: '标准化试点' },
];
const BAD_TITLE = '关于2015年成文日期晚于发布日期的通知';

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csvOf = (rows: string[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

describe('catalog import and export in the admin panel (Chromium)', () => {
  let app: TestApp & { url?: string };
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let page: Page;
  let dir = '';
  const shot = screenshotter('catalog-transfer');

  const as = async (email: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    contexts.push(context);
    const p = await context.newPage();
    await adminLogin(p, app.url!, email, PASSWORD);
    return p;
  };

  const count = async (scope: string, key: string) =>
    Number(await page.locator(`[data-testid=${scope}] [data-count=${key}] [data-count-value]`).getAttribute('data-count-value'));

  beforeAll(async () => {
    app = await startTestApp({ serveAdminPanel: true, listen: true });
    await seedDemo(app.strapi, { users: { password: PASSWORD } });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-catalog-transfer-'));
    fs.writeFileSync(
      path.join(dir, 'legacy-catalog.csv'),
      `\uFEFF${csvOf([
        HEADERS,
        [
          '11330300002579909B/2015-00007',
          GOOD[0].title,
          ORG,
          '2015-03-02',
          '2015-03-05',
          '温质监〔2015〕7号',
          '09.02',
          '通知',
          '有效',
          '主动公开',
          '计量;强制检定',
          '各县（市、区）质监局：现就2015年计量器具强制检定工作通知如下。',
          '通知公告',
        ],
        [
          '11330300002579909B/2015-00008',
          GOOD[1].title,
          ORG,
          '2015-04-01',
          '2015-04-03',
          '',
          '09.02',
          '通知',
          '有效',
          '主动公开',
          '标准化',
          '现将2015年温州市标准化试点项目名单予以公布。',
          '通知公告',
        ],
        [
          '11330300002579909B/2015-00009',
          BAD_TITLE,
          ORG,
          '2015-06-10',
          '2015-06-01',
          '',
          '09.02',
          '通知',
          '有效',
          '主动公开',
          '',
          '成文日期晚于发布日期，应被拒绝。',
          '通知公告',
        ],
      ])}`
    );
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a catalog');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is reachable from 待办 and shows both sections to the publisher', async () => {
    page = await as('publisher@demo.gov.cn');
    await page.goto(`${app.url}/admin/plugins/gov-disclosure`);
    await page.getByRole('link', { name: /^(目录导入导出|Catalog import and export)$/ }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/plugins/gov-disclosure/catalog'));
    await page.getByTestId('catalog-check').waitFor({ timeout: 60_000 });
    await page.getByTestId('catalog-export-csv').waitFor();
    await shot(page, 'page');
  });

  it('names the field when the server refuses the upload', async () => {
    const section = page.getByTestId('catalog-import');
    await section.getByRole('combobox', { name: /发布机构|Organization/ }).click();
    await page.getByRole('option', { name: `${ORG}（wzzl）` }).click();
    await page.getByTestId('catalog-file').setInputFiles(path.join(dir, 'notes.txt'));
    await page.getByTestId('catalog-check').click();
    const error = page.getByTestId('catalog-import-error');
    await error.waitFor();
    await shot(page, 'refused-upload');
    expect(await error.textContent()).toContain('only .csv and .xlsx files can be imported');
    expect(await error.locator('[data-error-field=file]').textContent()).toMatch(
      /^(目录文件（\.csv 或 \.xlsx）|Catalog file \(\.csv or \.xlsx\))[：:] ?must be a \.csv or \.xlsx file$/
    );
  });

  it('shows the dry-run report naming the bad row and column', async () => {
    await page.getByTestId('catalog-file').setInputFiles(path.join(dir, 'legacy-catalog.csv'));
    await page.getByTestId('catalog-publish').click();
    expect(await page.getByTestId('catalog-publish').getAttribute('aria-checked')).toBe('true');
    await page.getByTestId('catalog-check').click();
    await page.locator('[data-testid=catalog-job][data-job-status=validated]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('catalog-import-error').count()).toBe(0);
    expect(await count('catalog-dry-run-counts', 'rows')).toBe(3);
    expect(await count('catalog-dry-run-counts', 'imported')).toBe(2);
    expect(await count('catalog-dry-run-counts', 'skipped')).toBe(0);
    expect(await count('catalog-dry-run-counts', 'invalid')).toBe(1);
    const bad = page.locator('[data-testid=catalog-issues] tr[data-issue-row="4"]');
    expect(await bad.count()).toBe(1);
    expect(await bad.getAttribute('data-issue-column')).toBe('成文日期');
    expect(await bad.getAttribute('data-issue-severity')).toBe('error');
    expect(await bad.textContent()).toContain('成文日期 2015-06-10 is after 发布日期 2015-06-01');
    // nothing is written by the dry run
    expect(await rowsOf(app.strapi, 'plugin::gov-disclosure.catalog-entry').count({ where: { title: GOOD[0].title } })).toBe(0);
    expect(await page.getByTestId('catalog-confirm').isEnabled()).toBe(true);
    await shot(page, 'dry-run-report');
  });

  it('imports on confirmation, shows progress and the final counts', async () => {
    await page.getByTestId('catalog-confirm').click();
    await page.locator('[data-testid=catalog-job][data-job-status=running], [data-testid=catalog-job][data-job-status=done]').first().waitFor();
    if ((await page.getByTestId('catalog-progress').count()) > 0) await shot(page, 'progress');
    await page.getByTestId('catalog-done').waitFor({ timeout: 120_000 });
    expect(await count('catalog-final-counts', 'imported')).toBe(2);
    expect(await count('catalog-final-counts', 'invalid')).toBe(1);
    await shot(page, 'done');

    // published: the public API lists them, the refused row is nowhere
    for (const good of GOOD) {
      const res = await app.http().get(`/api/gov-disclosure/catalog?q=${encodeURIComponent(good.word)}`);
      expect(res.status).toBe(200);
      expect(res.body.data.map((e: { title: string }) => e.title)).toContain(good.title);
    }
    expect(await rowsOf(app.strapi, 'plugin::gov-disclosure.catalog-entry').count({ where: { title: BAD_TITLE } })).toBe(0);
  });

  it('exports the published catalog as CSV with the import headers', async () => {
    const section = page.getByTestId('catalog-export');
    const select = section.getByRole('combobox', { name: /发布机构|Organization/ });
    if (!(await select.textContent())?.includes(ORG)) {
      await select.click();
      await page.getByRole('option', { name: `${ORG}（wzzl）` }).click();
    }
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('catalog-export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const [header] = text.split(/\r?\n/);
    expect(header).toBe(EXPORT_HEADERS.join(','));
    for (const good of GOOD) expect(text).toContain(good.title);
    expect(text).toContain('11330300002579909B/2015-00007');
    expect(text).not.toContain(BAD_TITLE);
    expect(await page.getByTestId('catalog-export-error').count()).toBe(0);
    await shot(page, 'exported');
  });

  it('shows neither form to a drafter, who has neither permission', async () => {
    const drafter = await as('drafter@demo.gov.cn');
    await drafter.goto(`${app.url}/admin/plugins/gov-disclosure/catalog`);
    await drafter.getByTestId('catalog-import').waitFor({ timeout: 60_000 });
    await drafter.getByText(/你没有导入目录的权限|You do not have permission to import the catalog/).waitFor();
    await drafter.getByText(/你没有导出目录的权限|You do not have permission to export the catalog/).waitFor();
    expect(await drafter.getByTestId('catalog-check').count()).toBe(0);
    expect(await drafter.getByTestId('catalog-export-csv').count()).toBe(0);
    await shot(drafter, 'drafter-no-permission');
  });
});
