/**
 * The application for disclosure in Chromium with JavaScript off, by keyboard alone: Tab to each
 * field, type, Space for the choices and to open the file picker, Enter to send. A first try with
 * a mistake shows the error summary, the messages beside the fields and the values kept; the
 * corrected form gives the receipt; the status page is read with its number and code. axe-core finds
 * no serious or critical violation on the form, its error state, the receipt, the status pages
 * and the guide; screenshots go to test-artifacts/portal-apply.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshotter } from '../helpers/browser';
import { startTestApp, type TestApp } from '../helpers/strapi';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled seed is what `npm run seed` runs
const { seedDemo } = require('../../dist/src/seed/seed-demo') as typeof import('../../src/seed/seed-demo');

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

describe('依申请公开 in Chromium (no JavaScript, keyboard only)', () => {
  let app: TestApp & { url?: string };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const shot = screenshotter('portal-apply');

  /**
   * axe runs in a separate JavaScript-enabled page on the same HTML: the page as the browser shows
   * it now (a POST's answer cannot be fetched again by URL), with the site's origin for its links.
   */
  const axe = async (): Promise<string[]> => {
    const markup = await page.content();
    const checker = await browser.newContext({ bypassCSP: true });
    const p = await checker.newPage();
    await p.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: markup }));
    await p.goto(`${app.url}/axe-check`);
    await p.evaluate(AXE_SOURCE);
    const result = (await p.evaluate(() =>
      (window as unknown as { axe: { run(o: object): Promise<{ violations: AxeViolation[] }> } }).axe.run({ resultTypes: ['violations'] })
    )) as { violations: AxeViolation[] };
    await checker.close();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  };

  const check = async (name: string) => {
    await shot(page, name);
    expect(await axe()).toEqual([]);
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^(zh-Hans|en)$/);
  };

  /** What has the keyboard focus: its id and its text. */
  const focused = async () => {
    const f = page.locator(':focus');
    if ((await f.count()) === 0) return { id: null, text: '' };
    return { id: await f.getAttribute('id'), text: ((await f.textContent()) ?? '').trim() };
  };
  /** Presses Tab until the focus is where `reached` says. */
  const tabUntil = async (reached: (f: { id: string | null; text: string }) => boolean, what: string) => {
    for (let i = 0; i < 150; i += 1) {
      if (reached(await focused())) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${what}`);
  };
  const tabTo = (id: string) => tabUntil((f) => f.id === id, `#${id}`);
  const typeInto = async (id: string, text: string) => {
    await tabTo(id);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(text);
  };
  /** A radio group takes the focus on its first choice when none is checked; arrows move and select. */
  const choose = async (firstId: string, steps: number) => {
    await tabTo(firstId);
    if (steps === 0) await page.keyboard.press('Space');
    for (let i = 0; i < steps; i += 1) await page.keyboard.press('ArrowDown');
  };
  const attachByKeyboard = async (id: string, name: string) => {
    await tabTo(id);
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await chooser).setFiles({ name, mimeType: 'image/png', buffer: PNG });
  };
  /** Tabs to the link or button with this text and presses Enter; resolves when the next page has loaded. */
  const activate = async (text: string, navigates = true) => {
    await tabUntil((f) => f.text === text, `“${text}”`);
    if (!navigates) return page.keyboard.press('Enter');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  };

  beforeAll(async () => {
    app = await startTestApp({ listen: true });
    await seedDemo(app.strapi, {});
    browser = await launchBrowser();
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    // Playwright turns the file chooser's interception on when a page gets its first listener, and
    // does not wait for it: a Space pressed right after waitForEvent could reach the browser first,
    // and no chooser event came (one CI run, PostgreSQL pass). Listening from the start, it is on
    // long before the form is filled.
    page.on('filechooser', () => undefined);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  it('the guide explains how to apply and leads to the form', async () => {
    await page.goto(`${app.url}/portal`);
    await page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '政府信息公开指南' }).click();
    await page.getByRole('heading', { level: 1, name: '政府信息公开指南' }).waitFor();
    for (const heading of ['申请方式', '申请应当包括的内容', '答复期限和补正', '收费', '救济途径']) {
      expect(await page.getByRole('heading', { level: 2, name: heading }).count()).toBe(1);
    }
    await check('guide');
  });

  it('a first try with mistakes: the summary links to each field, the messages sit beside them, the values stay', async () => {
    await page.goto(`${app.url}/portal/guide`);
    await activate('在线提交申请');
    expect(page.url()).toMatch(/\/portal\/apply$/);
    await page.getByRole('heading', { level: 1, name: '政府信息公开申请表' }).waitFor();
    expect(await page.getByRole('combobox', { name: /受理机关/ }).inputValue()).not.toBe('');
    await check('form');

    await choose('f-applicantType-natural', 0);
    // no name: a mistake to correct
    await typeInto('f-idNumber', '11010519491231002X');
    await choose('f-idType-resident_id', 0);
    await typeInto('f-phone', '010-12345678');
    await typeInto('f-description', '2018年度本机关食品安全抽检结果的完整名单');
    await choose('f-provisionForm-paper', 1); // 电子文档
    await choose('f-delivery-post', 1); // 电子邮件
    await page.waitForTimeout(3_000); // no person fills a form in less than 3 s, and the server knows it
    await activate('提交申请');

    await page.getByRole('heading', { level: 2, name: /提交未成功/ }).waitFor();
    expect(await page.title()).toMatch(/^错误：/);
    const summary = page.getByRole('alert');
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual(['请填写申请人姓名', '请上传身份证明文件']);
    const name = page.getByRole('textbox', { name: /申请人姓名或单位名称/ });
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await expect(page.locator(`#${await name.getAttribute('aria-describedby')}`).textContent()).resolves.toContain('请填写申请人姓名');
    await expect(page.getByRole('textbox', { name: /所需政府信息的名称或描述/ }).inputValue()).resolves.toBe('2018年度本机关食品安全抽检结果的完整名单');
    expect(await page.getByRole('radio', { name: '电子文档' }).isChecked()).toBe(true);
    await check('form-errors');

    // the summary's link takes the keyboard to the field
    await activate('请填写申请人姓名', false);
    await page.waitForURL(/#f-applicantName$/);
  });

  it('the corrected form gives the receipt; its query code reads the status', async () => {
    await typeInto('f-applicantName', '键盘申请人');
    await attachByKeyboard('f-identityFiles', 'id-card.png');
    await page.waitForTimeout(3_000);
    await activate('提交申请');
    await page.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
    const trackingNumber = (await page
      .getByRole('row', { name: /受理编号/ })
      .locator('td')
      .textContent())!.trim();
    const queryCode = (await page
      .getByRole('row', { name: /查询码/ })
      .locator('td')
      .textContent())!.trim();
    expect(trackingNumber).toMatch(/^YSQ-\d{4}-\d{5}$/);
    expect(queryCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(page.url()).not.toContain(queryCode);
    expect(await page.textContent('main')).toContain('20个工作日内予以答复');
    await check('receipt');

    await activate('申请办理进度查询');
    expect(page.url()).toMatch(/\/portal\/apply\/status$/);
    await check('status-form');
    await typeInto('f-trackingNumber', trackingNumber);
    await typeInto('f-queryCode', queryCode.toLowerCase());
    await activate('查询');
    await page.getByRole('heading', { level: 1, name: '申请办理进度' }).waitFor();
    expect(page.url()).not.toContain(queryCode);
    const text = (await page.textContent('main'))!;
    expect(text).toContain('办理中');
    expect(text).not.toContain('键盘申请人');
    await check('status');

    // a wrong code: the form again, with the message
    await page.goto(`${app.url}/portal/apply/status`);
    await typeInto('f-trackingNumber', trackingNumber);
    await typeInto('f-queryCode', 'AAAAAAAAAA');
    await activate('查询');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('未找到与该受理编号和查询码相符的申请');
    await check('status-not-found');
  });
});
