/**
 * A real deployment, tested: Debian's nginx (deploy/nginx/gov-disclosure.conf.template) in front of
 * two instances of the app (each its own process, NODE_ENV=production) on one fresh PostgreSQL
 * schema, with one shared uploads directory, started by scripts/lib/cluster.js as `npm run cluster`
 * starts it. Both instances start at the same time on the empty schema. The instances keep public
 * responses 30 s, so only the cluster notification can explain a fresh answer. Prints its measured
 * figures (the release note quotes them); asserts correctness, never speed beyond the 1-second
 * freshness promise. PostgreSQL only (CI's second pass); on SQLite only the template is checked.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { MIGRATIONS } from '../../plugins/gov-disclosure/server/src/database/migrations';

interface Instance {
  name: string;
  url: string;
  port: number;
  pid: number;
  logs(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<number>;
}
interface Proxy {
  url: string;
  errors(): string;
  stop(): Promise<unknown>;
}
interface Cluster {
  url: string;
  nginx: Proxy;
  prefix: string;
  publicDir: string;
  startup: { seconds: number; perInstance: number[] };
  instances: Instance[];
  proxy(names: string[]): Promise<Proxy>;
  stop(): Promise<void>;
}
interface ClusterModule {
  startCluster(options: { databaseUrl: string; schema: string; env?: Record<string, string>; log?: (line: string) => void }): Promise<Cluster>;
  seedSchema(options: { databaseUrl: string; schema: string; env?: Record<string, string> }): Promise<string>;
  renderNginxConfig(values: Record<string, string | number>): string;
  upstreamServers(ports: number[]): string;
}
interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
type Autocannon = (
  options: Record<string, unknown>,
  done: (error: Error | null, result: LoadResult) => void
) => { stop(): void; on(event: string, listener: (...args: never[]) => void): void };

/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS scripts without types, as `npm run cluster` runs them */
const { startCluster, seedSchema, renderNginxConfig, upstreamServers } = require('../../scripts/lib/cluster') as ClusterModule;
const autocannon = require('autocannon') as Autocannon;
/* eslint-enable @typescript-eslint/no-require-imports */

const databaseUrl = process.env.DATABASE_URL;
const ENTRY = 'plugin::gov-disclosure.catalog-entry';
const PASSWORD = 'Disclosure2018'; // the demo users' password (scripts/seed.js without DEMO_PASSWORD)
const CONNECTIONS = 16;
/** The portal reads of the load: pages, a column's list and a catalog search (all public, cacheable). */
const PORTAL_READS = [
  '/portal',
  '/portal/columns/tong-zhi',
  '/api/gov-disclosure/columns/tong-zhi/entries',
  `/api/gov-disclosure/catalog?q=${encodeURIComponent('质量')}`,
  '/portal/catalog',
];

/** A line the logger wrote at level error (its level name may be coloured). */
// eslint-disable-next-line no-control-regex -- the logger colours the level name with ANSI escapes
const ERROR_LINE = /^\[[^\]]+\] (?:\x1b\[\d+m)?error(?:\x1b\[\d+m)?:/m;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** autocannon through `url` over the portal mix; `during` runs alongside (the kill). Keeps what each failed request saw. */
const load = (url: string, seconds: number, during: () => void = () => undefined) =>
  new Promise<Load>((resolve, reject) => {
    const errorMessages: string[] = [];
    const run = autocannon(
      { url, connections: CONNECTIONS, duration: seconds, requests: PORTAL_READS.map((p) => ({ method: 'GET', path: p })) },
      (error, result) => (error ? reject(error) : resolve({ ...result, errorMessages }))
    );
    run.on('reqError', (error: Error & { code?: string }) => errorMessages.push(error.code ?? error.message));
    run.on('response', (client: unknown, status: number) => {
      if (status < 200 || status > 299) errorMessages.push(`HTTP ${status}`);
    });
    during();
  });
type Load = LoadResult & { errorMessages: string[] };
/** Requests that failed: an error (a timeout is one) or a non-2xx answer. */
const failures = (r: LoadResult) => r.errors + r.non2xx;
/**
 * Failures that were a reset of the client's own connection. nginx closes a keep-alive client
 * connection after its 1000th request (keepalive_requests) and autocannon now and then writes its
 * next request into that closing socket: about one in 50,000 requests here, with or without a kill
 * (none with keepalive_requests raised). A browser retries such an idempotent request on a new
 * connection; autocannon counts it. Not a failure of the deployment, so counted apart.
 */
const clientResets = (r: Load) => r.errorMessages.filter((m) => m === 'ECONNRESET' || m === 'EPIPE').length;
const summary = (r: Load) => {
  const seen = [...new Set(r.errorMessages)].map((m) => `${m} ×${r.errorMessages.filter((x) => x === m).length}`).join(', ');
  return `${failures(r)} failed${seen ? ` (${seen})` : ''}`;
};

describe('nginx in front of two instances on one PostgreSQL (a real deployment)', () => {
  it('renders the committed nginx template for one or several instances, refusing an unknown placeholder', () => {
    for (const ports of [[1381], [1381, 1382, 1383]]) {
      const conf = renderNginxConfig({ PREFIX: '/srv/gov-disclosure/nginx', NGINX_PORT: 1380, UPSTREAM_SERVERS: upstreamServers(ports) });
      expect(conf).not.toMatch(/\$\{/);
      expect(conf.match(/^\s*server 127\.0\.0\.1:\d+ max_fails=1 fail_timeout=5s;$/gm)).toHaveLength(ports.length);
      expect(conf).toContain('listen 127.0.0.1:1380;');
      // idempotent reads move to the other instance; writes are never sent twice
      expect(conf).toMatch(/proxy_next_upstream error timeout http_502 http_503 http_504;/);
      expect(conf).not.toMatch(/^[^#]*non_idempotent/m);
      for (const directive of [
        'pid',
        'error_log',
        'access_log',
        'client_body_temp_path',
        'proxy_temp_path',
        'fastcgi_temp_path',
        'uwsgi_temp_path',
        'scgi_temp_path',
      ]) {
        expect(conf).toMatch(new RegExp(`^\\s*${directive} /srv/gov-disclosure/nginx/`, 'm'));
      }
    }
    expect(() => renderNginxConfig({ PREFIX: '/x', NGINX_PORT: 1 })).toThrow(/UPSTREAM_SERVERS/);
    expect(() => renderNginxConfig({ PREFIX: '/x', NGINX_PORT: 1, UPSTREAM_SERVERS: '', EXTRA: 1 })).toThrow(/EXTRA/);
  });

  // several instances need a shared database server: PostgreSQL only (CI's second pass)
  if (!databaseUrl) return;

  const schema = `cluster_${process.pid}_${Date.now()}`;
  const figures: Array<{ figure: string; value: string }> = [];
  const report = (figure: string, value: string) => {
    figures.push({ figure, value });
  };
  let cluster: Cluster;
  let A: Instance;
  let B: Instance;
  let seedSeconds = 0;
  const tokens: Record<'drafter' | 'reviewer' | 'publisher' | 'admin', string> = { drafter: '', reviewer: '', publisher: '', admin: '' };
  let column = '';

  const sql = async <T>(text: string, values: unknown[] = []) => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const as = (who: keyof typeof tokens, base: string) => {
    const send = (method: 'POST' | 'PUT') => async (url: string, body: object) => {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { data?: { documentId?: string; token?: string } } & Record<string, unknown>;
      if (!res.ok) throw new Error(`${who} ${method} ${url} on ${base}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    return { post: send('POST'), put: send('PUT') };
  };
  /** A new notice in 通知公告, written by the drafter and approved through A: it awaits publication. */
  const awaitingPublication = async (title: string) => {
    const created = await as('drafter', A.url).post(`/content-manager/collection-types/${ENTRY}?locale=zh-Hans`, {
      title,
      columns: [column],
      genre: 'notice',
      channels: ['website'],
    });
    const documentId = created.data!.documentId!;
    await as('drafter', A.url).post('/gov-disclosure/workflow/transitions', { uid: ENTRY, documentId, locale: 'zh-Hans', action: 'submit' });
    await as('reviewer', A.url).post('/gov-disclosure/workflow/transitions', { uid: ENTRY, documentId, locale: 'zh-Hans', action: 'approve' });
    return documentId;
  };
  const login = async (email: string) => {
    const res = await fetch(`${A.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { data: { token: string } }).data.token;
  };

  beforeAll(async () => {
    await sql(`CREATE SCHEMA "${schema}"`);
    // both instances at once on the empty schema, as a first deployment (or a restart after an upgrade) does
    cluster = await startCluster({ databaseUrl, schema, env: { GOV_DISCLOSURE_PUBLIC_CACHE_SECONDS: '30', GOV_DISCLOSURE_JOB_POLL_SECONDS: '0.2' } });
    [A, B] = cluster.instances;
    const seedStarted = Date.now();
    await seedSchema({ databaseUrl, schema, env: { PUBLIC_DIR: cluster.publicDir } });
    seedSeconds = (Date.now() - seedStarted) / 1000;
    tokens.drafter = await login('drafter@demo.gov.cn');
    tokens.reviewer = await login('reviewer@demo.gov.cn');
    tokens.publisher = await login('publisher@demo.gov.cn');
    tokens.admin = await login('admin@demo.gov.cn');
    const [row] = await sql<{ document_id: string }>(
      `SELECT document_id FROM "${schema}".gov_disclosure_columns WHERE slug = 'tong-zhi' AND locale = 'zh-Hans' LIMIT 1`
    );
    column = row.document_id;
  }, 300_000);

  afterAll(async () => {
    await cluster?.stop();
    await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    if (cluster && !process.env.KEEP_CLUSTER_DIR) fs.rmSync(cluster.prefix, { recursive: true, force: true });
    if (figures.length > 0) {
      console.log(`cluster deployment (nginx + 2 instances, PostgreSQL), measured:\n${figures.map((f) => `  ${f.figure.padEnd(58)} ${f.value}`).join('\n')}`);
    }
  }, 60_000);

  it('fresh schema, both instances started at once: both serve, the plugin’s migrations ran once', async () => {
    report(
      'start-up of both instances at once on an empty schema',
      `${cluster.startup.seconds.toFixed(1)} s (A ${cluster.startup.perInstance[0].toFixed(1)} s, B ${cluster.startup.perInstance[1].toFixed(1)} s)`
    );
    report('demo seed (scripts/seed.js, own process)', `${seedSeconds.toFixed(1)} s`);
    for (const instance of [A, B]) {
      expect((await fetch(`${instance.url}/_health`)).status).toBe(204);
      expect(instance.logs()).not.toMatch(ERROR_LINE);
    }
    const ran = [A, B].filter((instance) => instance.logs().includes('[gov-disclosure] ran database migrations'));
    console.log(`instances whose log says "[gov-disclosure] ran database migrations": ${ran.map((i) => i.name).join(', ') || 'none'}`);
    expect(ran).toHaveLength(1);
    const rows = await sql<{ name: string; n: string }>(`SELECT name, count(*) AS n FROM "${schema}".gov_disclosure_migrations GROUP BY name ORDER BY name`);
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name).sort());
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
    expect((await fetch(`${cluster.url}/portal`)).status).toBe(200);
  });

  it('a publish on A is served fresh through nginx and by B within a second (20 rounds)', async () => {
    const stamp = Date.now();
    /** Whether a catalog search for the title through `base` lists it (and so caches the answer there). */
    const shows = async (base: string, title: string) => {
      const res = await fetch(`${base}/api/gov-disclosure/catalog?q=${encodeURIComponent(title)}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { data: Array<{ title: string }> }).data.some((e) => e.title === title);
    };
    const untilShown = async (base: string, title: string, started: number) => {
      while (Date.now() - started < 5_000) {
        if (await shows(base, title)) return Date.now() - started;
        await sleep(10);
      }
      return Infinity;
    };
    const rounds: Array<{ nginx: number; B: number }> = [];
    for (let i = 0; i < 20; i += 1) {
      const title = `集群部署发布测试 第${i}轮 ${stamp}`;
      const documentId = await awaitingPublication(title);
      // not yet public: the answer is now cached on both instances (nginx alternates), for 30 s
      expect(await shows(cluster.url, title)).toBe(false);
      expect(await shows(cluster.url, title)).toBe(false);
      expect(await shows(B.url, title)).toBe(false);
      await as('publisher', A.url).post('/gov-disclosure/workflow/transitions', { uid: ENTRY, documentId, locale: 'zh-Hans', action: 'publish' });
      const published = Date.now();
      const [viaNginx, viaB] = await Promise.all([untilShown(cluster.url, title, published), untilShown(B.url, title, published)]);
      rounds.push({ nginx: viaNginx, B: viaB });
    }
    const nginxMs = rounds.map((r) => r.nginx);
    const bMs = rounds.map((r) => r.B);
    const both = rounds.map((r) => Math.max(r.nginx, r.B));
    console.log(
      `publish on A → fresh elsewhere, 20 rounds (ms after the publish response):\n` +
        `  through nginx: median ${median(nginxMs)}, worst ${Math.max(...nginxMs)}   [${nginxMs.join(', ')}]\n` +
        `  on B directly: median ${median(bMs)}, worst ${Math.max(...bMs)}   [${bMs.join(', ')}]`
    );
    report('publish on A → fresh through nginx, median / worst of 20', `${median(nginxMs)} / ${Math.max(...nginxMs)} ms`);
    report('publish on A → fresh on B directly, median / worst of 20', `${median(bMs)} / ${Math.max(...bMs)} ms`);
    expect(Math.max(...both)).toBeLessThan(1_000);
  });

  it('a working-calendar year saved on A counts at once for a due date computed on B', async () => {
    // the app's today (Asia/Shanghai) and the next weekday after it that is not yet a holiday
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const rows = await sql<{ year: number; holidays: string[] | string; workdays: string[] | string }>(
      `SELECT year, holidays, workdays FROM "${schema}".gov_disclosure_working_calendar`
    );
    const list = (v: string[] | string | undefined) => (typeof v === 'string' ? (JSON.parse(v) as string[]) : (v ?? []));
    const yearOf = (y: number) => rows.find((r) => Number(r.year) === y);
    const isoOf = (d: Date) => d.toISOString().slice(0, 10);
    let day = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000);
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6 || list(yearOf(day.getUTCFullYear())?.holidays).includes(isoOf(day))) {
      day = new Date(day.getTime() + 86_400_000);
    }
    const extra = isoOf(day);
    const year = day.getUTCFullYear();
    const holidays = list(yearOf(year)?.holidays);
    const workdays = list(yearOf(year)?.workdays);

    const [org] = await sql<{ document_id: string }>(
      `SELECT document_id FROM "${schema}".gov_disclosure_organizations WHERE locale = 'zh-Hans' ORDER BY id LIMIT 1`
    );
    const application = {
      organization: org.document_id,
      channel: 'letter',
      receivedOn: today,
      applicantType: 'natural',
      applicantName: '集群日历测试',
      phone: '010-66778899',
      address: '北京市东城区测试路1号',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      description: '集群部署下工作日历的生效测试',
      provisionForm: 'paper',
      delivery: 'post',
    };
    const dueOnB = async () => ((await as('publisher', B.url).post('/gov-disclosure/applications', application)) as { data: { dueOn: string } }).data.dueOn;
    const before = await dueOnB(); // B now holds the calendar (kept a minute)
    await as('publisher', A.url).put(`/gov-disclosure/working-calendar/${year}`, { holidays: [...holidays, extra], workdays });
    // one more holiday within the period: a later due date on B within a second (the notification's way)
    const saved = Date.now();
    let after = await dueOnB();
    while (after === before && Date.now() - saved < 1_000) {
      await sleep(20);
      after = await dueOnB();
    }
    report('calendar saved on A → due dates on B follow after', `${Date.now() - saved} ms`);
    expect(after > before).toBe(true);
  });

  it('scheduled publications with both instances up: each runs once, as one publish event', async () => {
    const stamp = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const documentId = await awaitingPublication(`集群定时发布测试 ${i} ${stamp}`);
      // set through nginx, as the publisher's browser does: either instance takes it
      await as('publisher', cluster.url).put('/gov-disclosure/workflow/schedule', {
        uid: ENTRY,
        documentId,
        locale: 'zh-Hans',
        publishAt: new Date(Date.now() + 10 * 60_000).toISOString(),
      });
      ids.push(documentId);
    }
    const keys = ids.map((id) => `${ENTRY}|${id}|zh-Hans`);
    // the time comes for all of them at the same moment; both instances poll every 200 ms
    await sql(`UPDATE "${schema}".gov_disclosure_jobs SET run_at = $1 WHERE job_key = ANY($2)`, [Date.now(), keys]);
    const publishEvents = () =>
      sql<{ target_document_id: string }>(
        `SELECT target_document_id FROM "${schema}".gov_disclosure_workflow_events WHERE action = 'publish' AND target_document_id = ANY($1)`,
        [ids]
      );
    const started = Date.now();
    while ((await publishEvents()).length < ids.length && Date.now() - started < 15_000) await sleep(100);
    const allPublishedMs = Date.now() - started;
    // a second run would come later, if at all: give it time to show itself
    await sleep(1_500);
    const events = await publishEvents();
    const perItem = ids.map((id) => events.filter((e) => e.target_document_id === id).length);
    const jobs = await sql<{ status: string; attempts: number }>(`SELECT status, attempts FROM "${schema}".gov_disclosure_jobs WHERE job_key = ANY($1)`, [
      keys,
    ]);
    const ranOn = (instance: Instance) => (instance.logs().match(/job \d+ \(scheduled-publication\) done on (\d+)-/g) ?? []).length;
    console.log(
      `scheduled publications: ${ids.length}; publish events per item: ${perItem.join(', ')}; ` +
        `runs logged by A: ${ranOn(A)}, by B: ${ranOn(B)}; all published ${allPublishedMs} ms after they fell due`
    );
    report('scheduled publications, both instances polling', `${ids.length} items → publish events per item: ${perItem.join(', ')}`);
    report('  runs per instance (their logs)', `A ${ranOn(A)}, B ${ranOn(B)}`);
    expect(perItem).toEqual(ids.map(() => 1));
    expect(jobs.map((j) => [j.status, Number(j.attempts)])).toEqual(ids.map(() => ['done', 1]));
    expect(ranOn(A) + ranOn(B)).toBe(ids.length);
    // the portal shows them through either instance
    for (const base of [A.url, B.url]) {
      const res = await fetch(`${base}/api/gov-disclosure/catalog?q=${encodeURIComponent(`集群定时发布测试`)}`);
      const titles = ((await res.json()) as { data: Array<{ title: string }> }).data.map((e) => e.title);
      expect(titles.filter((t) => t.endsWith(String(stamp)))).toHaveLength(ids.length);
    }
  });

  it('a file uploaded through A (or through nginx) downloads byte for byte from B and through nginx', async () => {
    const upload = async (base: string, name: string, bytes: Buffer) => {
      const form = new FormData();
      form.append('files', new Blob([bytes], { type: 'application/octet-stream' }), name);
      const started = Date.now();
      const res = await fetch(`${base}/upload`, { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}` }, body: form });
      const body = (await res.json()) as Array<{ url: string; size: number }>;
      if (res.status !== 201) throw new Error(`upload through ${base}: ${res.status} ${JSON.stringify(body)}`);
      return { url: body[0].url, ms: Date.now() - started };
    };
    const download = async (url: string) => {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer());
    };
    // 300 kB straight to A; 3 MB through nginx, which buffers a body over 1 MB to a temporary file first
    for (const [via, base, size] of [
      ['A', A.url, 300_000],
      ['nginx', cluster.url, 3_000_000],
    ] as const) {
      const bytes = randomBytes(size);
      const { url, ms } = await upload(base, `cluster-${via}-${Date.now()}.bin`, bytes);
      expect(url).toMatch(/^\/uploads\//);
      expect(fs.readFileSync(path.join(cluster.publicDir, url)).equals(bytes)).toBe(true);
      expect((await download(`${B.url}${url}`)).equals(bytes)).toBe(true);
      expect((await download(`${cluster.url}${url}`)).equals(bytes)).toBe(true);
      report(`upload of ${(size / 1e6).toFixed(1)} MB through ${via}, then download from B and nginx`, `identical (upload ${ms} ms)`);
    }
  });

  it('B killed (SIGKILL) 10 s into 30 s of portal reads through nginx: every read is answered by A', async () => {
    for (const url of PORTAL_READS) expect([url, (await fetch(`${cluster.url}${url}`)).status]).toEqual([url, 200]);
    let killedAt = 0;
    const started = Date.now();
    const result = await load(cluster.url, 30, () => {
      setTimeout(() => {
        killedAt = Date.now() - started;
        void B.kill('SIGKILL');
      }, 10_000);
    });
    console.log(
      `B killed at ${(killedAt / 1000).toFixed(1)} s of 30 s, ${CONNECTIONS} connections through nginx: ${result.requests.total} requests, ` +
        `${result['2xx']} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors (${result.timeouts} timeouts): ${summary(result)}`
    );
    report(`B SIGKILLed during 30 s of reads (${CONNECTIONS} connections)`, `${result.requests.total} requests, ${summary(result)}`);
    // back for the next case whatever happened here
    const restarted = await B.start();
    report('B restarted on the same port (schema current)', `${restarted.toFixed(1)} s`);
    expect((await fetch(`${B.url}/_health`)).status).toBe(204);
    // Every read B was answering, or that was sent to it after the kill, nginx retried on A: not one
    // 502 or timeout reached a client, and nothing failed but the client resets explained above.
    expect(result.non2xx).toBe(0);
    expect(failures(result)).toBeLessThanOrEqual(CONNECTIONS);
    expect(failures(result) - clientResets(result)).toBe(0);
  });

  it('throughput of portal reads through nginx: two instances and one (reported, not asserted)', async () => {
    const one = await cluster.proxy(['A']);
    // B was just restarted: warm it (its cache and JIT) before anything is measured
    await load(cluster.url, 3);
    try {
      const two = await load(cluster.url, 10);
      const single = await load(one.url, 10);
      const row = (r: Load) => `${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${summary(r)}`;
      report('machine (load generator, nginx and both instances share it)', `${os.cpus().length} cores, node ${process.version}`);
      console.log(`portal reads through nginx, ${CONNECTIONS} connections, 10 s each:\n  A + B: ${row(two)}\n  A only: ${row(single)}`);
      report(`portal reads via nginx, A + B (${CONNECTIONS} conn., 10 s)`, row(two));
      report(`portal reads via nginx, A only (${CONNECTIONS} conn., 10 s)`, row(single));
      for (const r of [two, single]) {
        expect(r.non2xx).toBe(0);
        expect(failures(r) - clientResets(r)).toBe(0);
      }
    } finally {
      await one.stop();
    }
  });
});
