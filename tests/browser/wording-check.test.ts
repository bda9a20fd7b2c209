/**
 * 错敏词 in the real admin panel: a drafter's notice with a forbidden word and a mistyped idiom
 * shows both in the workflow panel when submitted; at publication the publisher is stopped until
 * they give a reason, then it goes live and the history names the words published over.
 * Screenshots in test-artifacts/wording-check/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { adminLogin, launchBrowser, screenshotter } from '../helpers/browser';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled seed is what `npm run seed` runs
const { seedDemo } = require('../../dist/src/seed/seed-demo') as typeof import('../../src/seed/seed-demo');

const ENTRY = 'plugin::gov-disclosure.catalog-entry';
const PASSWORD = 'Disclosure2018';
const TITLE = '测试测试：关于再接再励做好电梯安全抽查的通知';
const REASON = '标题为抽查样例的原文，经办公室核实后按原样公开';

describe('wording check in the admin panel (Chromium)', () => {
  let app: TestApp & { url?: string };
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const shot = screenshotter('wording-check');
  let documentId = '';

  const as = async (email: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    await adminLogin(page, app.url!, email, PASSWORD);
    return page;
  };
  const openEntry = async (page: Page) => {
    await page.goto(`${app.url}/admin/content-manager/collection-types/${ENTRY}/${documentId}?plugins[i18n][locale]=zh-Hans`);
    await page.getByTestId('workflow-panel').waitFor({ timeout: 60_000 });
  };
  const state = async () =>
    ((await rowsOf(app.strapi, ENTRY).findOne({ where: { documentId, locale: 'zh-Hans', publishedAt: null } })) as { workflowState: string }).workflowState;

  beforeAll(async () => {
    app = await startTestApp({ serveAdminPanel: true, listen: true });
    await seedDemo(app.strapi, { users: { password: PASSWORD } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  it('the drafter submits a notice and sees the forbidden word and the mistyped idiom in the panel', async () => {
    const page = await as('drafter@demo.gov.cn');
    await page.goto(`${app.url}/admin/content-manager/collection-types/${ENTRY}/create?plugins[i18n][locale]=zh-Hans`);
    await page.getByLabel(/名称 Title/).fill(TITLE);
    const columns = page.getByRole('combobox', { name: /栏目 Columns/ });
    await columns.click();
    await columns.fill('通知公告');
    await page.getByRole('option', { name: /^通知公告$/ }).click();
    await page.getByRole('button', { name: /^(Save|保存)$/ }).click();
    await page.waitForURL((url) => /catalog-entry\/[a-z0-9]{20,}/.test(url.pathname), { timeout: 60_000 });
    documentId = /catalog-entry\/([a-z0-9]+)/.exec(page.url())![1];
    await page.getByTestId('workflow-panel').waitFor();
    await page.locator('[data-workflow-action=submit]').click();
    await page.locator('[data-testid=workflow-panel] [data-workflow-state=pending_review]').waitFor({ timeout: 30_000 });
    const findings = page.getByTestId('wording-findings');
    await findings.locator('[data-wording-severity=forbidden]').waitFor();
    await expect(findings.innerText()).resolves.toMatch(/禁用词[\s\S]*「测试测试」[\s\S]*请核对[\s\S]*「再接再励」[\s\S]*建议改为：再接再厉/);
    await shot(page, 'drafter-findings');
  });

  it('the reviewer approves (the wording check warns, it does not stop a review)', async () => {
    const login = await app.http().post('/admin/login').send({ email: 'reviewer@demo.gov.cn', password: PASSWORD });
    const res = await app
      .http()
      .post('/gov-disclosure/workflow/transitions')
      .set('Authorization', `Bearer ${login.body.data.token as string}`)
      .send({ uid: ENTRY, documentId, locale: 'zh-Hans', action: 'approve' });
    expect(res.status).toBe(200);
    expect((res.body.data.wording as Array<{ phrase: string }>).map((f) => f.phrase)).toEqual(['测试测试', '再接再励']);
  });

  it('the publisher is stopped until they give a reason; then the notice goes live and the history keeps the reason with the word', async () => {
    const page = await as('publisher@demo.gov.cn');
    await openEntry(page);
    await page.locator('[data-workflow-action=publish]').click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText(/放行理由/).waitFor();
    // no reason: refused in the dialog, nothing published
    await dialog.locator('[data-workflow-confirm=publish]').click();
    await dialog.getByText(/请填写意见或理由/).waitFor();
    await shot(page, 'publisher-blocked');
    expect(await state()).toBe('pending_publish');

    await dialog.getByRole('textbox').fill(REASON);
    await Promise.all([page.waitForEvent('framenavigated'), dialog.locator('[data-workflow-confirm=publish]').click()]);
    await page.locator('[data-testid=workflow-panel] [data-workflow-state=published]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('workflow-comment').first().innerText()).resolves.toContain(`${REASON}（含禁用词「测试测试」，放行发布）`);
    await shot(page, 'publisher-published-with-reason');
    expect(await state()).toBe('published');
  });
});
