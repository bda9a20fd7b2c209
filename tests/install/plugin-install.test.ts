/**
 * Proof by installation: the plugin as an agency would add it to its own Strapi site. The plugin
 * is packed (npm pack), a bare Strapi 5.54.0 TypeScript app is created in a temporary folder by
 * Strapi's own generator (nothing of this repository's app copied), the tarball is installed and
 * enabled in config/plugins.ts, the app is started on SQLite, and the approval chain is driven
 * through HTTP: an organization and a column, an entry drafted, submitted, approved and published,
 * then read at /api/gov-disclosure/entries/… with its 索引号 and on /portal.
 * The install reuses the npm cache; its time is printed and kept in test-artifacts/install/.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const PLUGIN_DIR = path.join(ROOT, 'plugins', 'gov-disclosure');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'install');
const CODE = '11330300002579909B'; // a 统一社会信用代码 with valid check characters
const TITLE = '关于开展2026年安全生产检查的通知';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** Runs a command to the end, its output appended to the log; throws with the log's tail on failure. */
const run = (command: string, args: string[], cwd: string, log: string, env: NodeJS.ProcessEnv = {}) => {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  fs.appendFileSync(log, `\n$ ${command} ${args.join(' ')}\n${result.stdout}${result.stderr}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${(result.stdout + result.stderr).slice(-3000)}`);
  return (Date.now() - started) / 1000;
};

describe('the plugin installed into a bare Strapi 5.54.0 app', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-install-'));
  const appDir = path.join(work, 'agency-site');
  const log = path.join(ARTIFACTS, 'install.log');
  let server: ChildProcess | null = null;
  let base = '';
  let token = '';
  const timings: Record<string, number> = {};

  const api = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) as { data: Record<string, unknown> } };
  };

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(log, `work folder: ${work}\n`);
    // the plugin as published: its built dist/, package.json and README
    timings.pack = run('npm', ['pack', PLUGIN_DIR, '--pack-destination', work, '--silent'], work, log);
    const tarball = path.join(
      work,
      fs.readdirSync(work).find((f) => f.endsWith('.tgz'))!
    );
    timings.create = run(
      path.join(ROOT, 'node_modules', '.bin', 'create-strapi-app'),
      [
        'agency-site',
        '--ts',
        '--use-npm',
        '--no-install',
        '--skip-cloud',
        '--no-example',
        '--no-git-init',
        '--dbclient',
        'sqlite',
        '--dbfile',
        '.tmp/data.db',
        '--non-interactive',
        '--no-run',
      ],
      work,
      log
    );
    // what an agency writes to enable it (the one reviewer may also approve in this one-person test)
    fs.writeFileSync(
      path.join(appDir, 'config', 'plugins.ts'),
      "export default () => ({\n  'gov-disclosure': { enabled: true, config: { separationOfDuties: false } },\n});\n"
    );
    timings.install = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], appDir, log);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const started = Date.now();
    const out = fs.openSync(path.join(ARTIFACTS, 'server.log'), 'w');
    server = spawn(path.join(appDir, 'node_modules', '.bin', 'strapi'), ['develop', '--no-watch-admin', '--no-build-admin'], {
      cwd: appDir,
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'development', BROWSER: 'none', DATABASE_CLIENT: 'sqlite', DATABASE_URL: '' },
      stdio: ['ignore', out, out],
      detached: true,
    });
    for (;;) {
      const health = await fetch(`${base}/_health`).catch(() => null);
      if (health?.status === 204) break;
      if (server.exitCode !== null)
        throw new Error(`the app exited (${server.exitCode}): ${fs.readFileSync(path.join(ARTIFACTS, 'server.log'), 'utf8').slice(-3000)}`);
      if (Date.now() - started > 180_000) throw new Error('the app did not answer /_health within 180 s');

      await new Promise((r) => setTimeout(r, 500));
    }
    timings.start = (Date.now() - started) / 1000;
    fs.writeFileSync(path.join(ARTIFACTS, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
    // the figure the install time is judged by
    console.log(
      `install test: pack ${timings.pack.toFixed(1)} s, create app ${timings.create.toFixed(1)} s, npm install ${timings.install.toFixed(1)} s, start ${timings.start.toFixed(1)} s`
    );
  }, 20 * 60_000);

  afterAll(() => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM'); // the CLI and the app it starts
      } catch {
        // already gone
      }
    }
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('is a bare app: Strapi 5.54.0 from Strapi’s generator, the plugin from its tarball, nothing of this repository', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['@strapi/strapi']).toBe('5.54.0');
    expect(pkg.dependencies['gov-disclosure']).toMatch(/^file:.*gov-disclosure-0\.1\.0\.tgz$/);
    expect(fs.lstatSync(path.join(appDir, 'node_modules', 'gov-disclosure')).isSymbolicLink()).toBe(false);
    expect(fs.existsSync(path.join(appDir, 'node_modules', 'gov-disclosure', 'README.md'))).toBe(true);
    expect(fs.readdirSync(path.join(appDir, 'src', 'api'))).toEqual(['.gitkeep']);
  });

  it('drives the approval chain through HTTP and shows the entry with its 索引号 on the API and the portal', async () => {
    const admin = await api('POST', '/admin/register-admin', {
      firstname: '办公室',
      lastname: '管理员',
      email: 'office@agency.gov.cn',
      password: 'Install2026!',
    });
    expect(admin.status).toBe(200);
    token = (admin.json().data as { token: string }).token;

    const cm = (type: string) => `/content-manager/collection-types/plugin::gov-disclosure.${type}?locale=zh-Hans`;
    const org = await api('POST', cm('organization'), { name: '测试县人民政府办公室', code: CODE });
    expect(org.status).toBe(201);
    const column = await api('POST', cm('column'), { name: '通知公告', kind: 'list', organization: org.json().data.documentId });
    expect(column.status).toBe(201);
    const entry = await api('POST', cm('catalog-entry'), {
      title: TITLE,
      columns: [column.json().data.documentId],
      genre: 'notice',
      body: '各单位：请按要求做好检查。',
    });
    expect(entry.status).toBe(201);
    const documentId = entry.json().data.documentId as string;
    expect(entry.json().data.indexNumber).toBeNull();

    for (const [action, state] of [
      ['submit', 'pending_review'],
      ['approve', 'pending_publish'],
      ['publish', 'published'],
    ]) {
      const moved = await api('POST', '/gov-disclosure/workflow/transitions', {
        uid: 'plugin::gov-disclosure.catalog-entry',
        documentId,
        locale: 'zh-Hans',
        action,
      });
      expect({ action, status: moved.status, state: (moved.json().data as { state: string }).state }).toEqual({ action, status: 200, state });
    }

    token = ''; // the public side, no login
    const published = await api('GET', `/api/gov-disclosure/entries/${documentId}`);
    expect(published.status).toBe(200);
    expect(published.json().data).toMatchObject({ title: TITLE, indexNumber: `${CODE}/${new Date().getFullYear()}-00001` });
    const portal = await api('GET', '/portal');
    expect(portal.status).toBe(200);
    expect(portal.text).toContain(TITLE);
    const page = await api('GET', `/portal/entries/${published.json().data.slug as string}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`${CODE}/`);
  });
});
