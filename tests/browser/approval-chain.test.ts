/**
 * The whole chain in the real admin panel: a drafter creates a notice in 通知公告 and submits it;
 * the reviewer returns it with a comment; the drafter sees the comment, fixes and resubmits; the
 * reviewer approves; the publisher publishes; the notice is then live on the public API. Screenshots of every step
 * go to test-artifacts/approval-chain/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { adminLogin, launchBrowser, screenshotter } from '../helpers/browser';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled seed is what `npm run seed` runs
const { seedDemo } = require('../../dist/src/seed/seed-demo') as typeof import('../../src/seed/seed-demo');

const ENTRY = 'plugin::gov-disclosure.catalog-entry';
const PASSWORD = 'Disclosure2018';
const TITLE = '关于2026年第四季度电梯安全抽查的通知';
const FIXED_TITLE = '关于2026年第四季度电梯安全监督抽查的通知';
const COMMENT = '请补充抽查依据和时间安排';

describe('approval chain in the admin panel (Chromium)', () => {
  let app: TestApp & { url?: string };
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const shot = screenshotter('approval-chain');
  let documentId = '';

  const as = async (email: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    await adminLogin(page, app.url!, email, PASSWORD);
    return page;
  };

  const openEntry = async (page: Page) => {
    await page.goto(`${app.url}/admin/content-manager/collection-types/${ENTRY}/${documentId}?plugins[i18n][locale]=zh-Hans`);
    await page.getByTestId('workflow-panel').waitFor({ timeout: 60_000 });
  };

  const act = async (page: Page, action: string) => {
    await page.locator(`[data-workflow-action=${action}]`).click();
  };

  const expectState = async (page: Page, state: string) => {
    await page.locator(`[data-testid=workflow-panel] [data-workflow-state=${state}]`).waitFor({ timeout: 30_000 });
  };

  const storedState = async () =>
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

  it('drafter creates a notice in 通知公告 and submits it', async () => {
    const page = await as('drafter@demo.gov.cn');
    await page.goto(`${app.url}/admin/content-manager/collection-types/${ENTRY}/create?plugins[i18n][locale]=zh-Hans`);
    await page.getByLabel(/名称 Title/).fill(TITLE);
    const columns = page.getByRole('combobox', { name: /栏目 Columns/ });
    await columns.click();
    await columns.fill('通知公告');
    await page.getByRole('option', { name: /^通知公告$/ }).click();
    await shot(page, 'drafter-new-notice');
    await page.getByRole('button', { name: /^(Save|保存)$/ }).click();
    await page.waitForURL((url) => /catalog-entry\/[a-z0-9]{20,}/.test(url.pathname), { timeout: 60_000 });
    documentId = /catalog-entry\/([a-z0-9]+)/.exec(page.url())![1];
    await expectState(page, 'draft');
    await act(page, 'submit');
    await expectState(page, 'pending_review');
    await shot(page, 'drafter-submitted');
    expect(await storedState()).toBe('pending_review');
  });

  it('reviewer finds it in 待办 and returns it with a comment', async () => {
    const page = await as('reviewer@demo.gov.cn');
    await page.goto(`${app.url}/admin/plugins/gov-disclosure`);
    await page.getByRole('link', { name: TITLE }).waitFor();
    await shot(page, 'reviewer-tasks');
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByTestId('workflow-panel').waitFor();
    await act(page, 'return');
    await page.locator('[data-workflow-confirm=return]').click(); // empty comment: refused in the dialog
    await page.getByText(/请填写意见或理由|A comment is required/).waitFor();
    await page.getByRole('alertdialog').locator('textarea').fill(COMMENT);
    await shot(page, 'reviewer-return-dialog');
    await page.locator('[data-workflow-confirm=return]').click();
    await expectState(page, 'returned');
    await shot(page, 'reviewer-returned');
    expect(await storedState()).toBe('returned');
  });

  it('drafter sees the comment, fixes the notice and resubmits', async () => {
    const page = await as('drafter@demo.gov.cn');
    await openEntry(page);
    await page.getByTestId('workflow-comment').filter({ hasText: COMMENT }).waitFor();
    await shot(page, 'drafter-sees-comment');
    await page.getByLabel(/名称 Title/).fill(FIXED_TITLE);
    await page.getByRole('button', { name: /^(Save|保存)$/ }).click();
    await page
      .getByRole('button', { name: /^(Save|保存)$/ })
      .and(page.locator('[disabled]'))
      .waitFor({ timeout: 30_000 })
      .catch(() => undefined);
    await page.waitForTimeout(500);
    await act(page, 'submit');
    await expectState(page, 'pending_review');
    await shot(page, 'drafter-resubmitted');
  });

  it('reviewer approves', async () => {
    const page = await as('reviewer@demo.gov.cn');
    await openEntry(page);
    await act(page, 'approve');
    await expectState(page, 'pending_publish');
    await shot(page, 'reviewer-approved');
  });

  it('publisher publishes, with no stock Publish button offered anywhere', async () => {
    const page = await as('publisher@demo.gov.cn');
    await openEntry(page);
    expect(
      await page
        .getByRole('button', { name: /^(Publish|发布)$/ })
        .and(page.locator(':not([data-workflow-action])'))
        .count()
    ).toBe(0);
    expect(await page.getByRole('button', { name: /Publish multiple locales|发布多个语言/ }).count()).toBe(0);
    // publishing changes the live version, so the panel reloads the page
    await Promise.all([page.waitForEvent('framenavigated'), act(page, 'publish')]);
    await page.waitForLoadState('load');
    await openEntry(page);
    await expectState(page, 'published');
    await shot(page, 'publisher-published');
    const live = (await rowsOf(app.strapi, ENTRY).findOne({ where: { documentId, locale: 'zh-Hans', publishedAt: { $notNull: true } } })) as {
      title: string;
    } | null;
    expect(live?.title).toBe(FIXED_TITLE);
    const actions = (
      (await rowsOf(app.strapi, 'plugin::gov-disclosure.workflow-event').findMany({
        where: { targetDocumentId: documentId },
        orderBy: { id: 'asc' },
      })) as Array<{ action: string }>
    ).map((e) => e.action);
    expect(actions).toEqual(['submit', 'return', 'submit', 'approve', 'publish']);
    const api = await page.request.get(`${app.url}/api/gov-disclosure/entries/${documentId}`);
    expect(api.status()).toBe(200);
    expect((await api.json()).data).toMatchObject({ title: FIXED_TITLE, columns: [{ slug: 'tong-zhi-gong-gao', name: '通知公告' }] });
    const column = await page.request.get(`${app.url}/api/gov-disclosure/columns/tong-zhi-gong-gao/entries`);
    expect((await column.json()).data[0].title).toBe(FIXED_TITLE);
  });
});
