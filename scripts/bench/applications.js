'use strict';

/**
 * npm run bench:applications — the 依申请公开 register at APPLICATIONS applications (100,000), on
 * SQLite and on PostgreSQL (when reachable), side by side:
 *
 *   1. a fresh database with the demo seed, then the applications of the seed organization (and
 *      their 'register' events) bulk-loaded with knex: received 2019–2026, every applicant type
 *      and channel, ~85 % decided with outcomes over table 三's rows, ~2 % open and overdue,
 *      the rest open or paused; deterministic (a seeded generator);
 *   2. the compiled app in production mode in its own process, and from this one:
 *      a. "fill from data" of a 2021-format report of 2025 (POST …/annual-reports/:id/compute),
 *         checked against the figures counted from the generated rows;
 *      b. the register list (GET /gov-disclosure/applications) with a rotating set of filters;
 *      c. portal submissions (GET /portal/apply, then a multipart POST with an identity PNG) by
 *         simulated citizens, then every receipt checked against the database (none lost).
 *
 * Prints a table (metric | SQLite | PostgreSQL | target) and the JSON, and writes
 * bench-results/applications.json. A script, not a test: it asserts nothing.
 *
 * The portal limits each client address (5 applications per 10 minutes) and reads it from
 * X-Forwarded-For when TRUST_PROXY=true (PROXY_HOPS=1): the server is started so, and each
 * simulated citizen sends its own address in that header — what nginx in front of it would add.
 * Every application waits the form's 3-second minimum after its own form was served, and after a
 * receipt the citizen takes the new CSRF cookie and opens the form again, as a browser would.
 *
 * Environment: BENCH_APPLICATIONS (100000), BENCH_COMPUTE_RUNS (20), BENCH_LIST_ROUNDS (30: eight
 * filters each), BENCH_SECONDS (20: portal phase), BENCH_CONCURRENCY (16 submissions in flight),
 * BENCH_CITIZENS (1000 addresses), BENCH_PG_URL, BENCH_ONLY=SQLite|PostgreSQL, BENCH_KEEP=1 (keep
 * the databases afterwards, for EXPLAIN).
 */
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { productionSecrets } = require('../lib/cluster');
const { benchDatabases, buildApp, freshDatabase, reportResults, PG_URL, ROOT } = require('./databases');
const { stopStrapi } = require('../lib/strapi-app');

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS || 100_000);
const COMPUTE_RUNS = Number(process.env.BENCH_COMPUTE_RUNS || 20);
const LIST_ROUNDS = Number(process.env.BENCH_LIST_ROUNDS || 30);
const SECONDS = Number(process.env.BENCH_SECONDS || 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 16);
const CITIZENS = Number(process.env.BENCH_CITIZENS || 1000);
const KEEP = process.env.BENCH_KEEP === '1';
const ONLY = process.env.BENCH_ONLY;

const PASSWORD = 'Bench-Disclosure-2018';
const PUBLISHER = 'publisher@demo.gov.cn';
const REPORT_YEAR = 2025;
const MIN_FILL_MS = 3_000;
const PER_ADDRESS = 5; // services/portal-guard.ts RATE_LIMITS.applications
const APP_TABLE = 'gov_disclosure_applications';
const EVENT_TABLE = 'gov_disclosure_application_events';
const FILES_TABLE = 'gov_disclosure_application_files';
const TZ = 'Asia/Shanghai';

// production mode with fresh secrets, as scripts/lib/cluster.js starts its instances
const PRODUCTION_ENV = { NODE_ENV: 'production', ...productionSecrets(), LOG_LEVEL: 'error', STRAPI_TELEMETRY_DISABLED: 'true' };
// behind nginx: the client's address is the last one of X-Forwarded-For (config/server.ts)
const PROXY_ENV = { TRUST_PROXY: 'true', PROXY_HOPS: '1' };

// a real 1×1 PNG (the identity document every portal application needs)
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const LIST_FILTERS = [
  ['none', ''],
  ['state=received', 'state=received'],
  ['overdue=true', 'overdue=true'],
  ['dueWithin=5', 'dueWithin=5'],
  ['channel=letter&year=2025', 'channel=letter&year=2025'],
  ['applicantType=natural&state=concluded', 'applicantType=natural&state=concluded'],
  ['page=50', 'page=50'],
  ['q=YSQ-2025-0001', 'q=YSQ-2025-0001'],
];

/* ------------------------------------------------------------------ statistics ---------- */

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const summary = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  const r = (v) => Math.round(v * 10) / 10;
  return { count: s.length, p50: r(percentile(s, 50)), p95: r(percentile(s, 95)), p99: r(percentile(s, 99)), max: r(s[s.length - 1]) };
};
const since = (t) => Number(process.hrtime.bigint() - t) / 1e6;

/* ------------------------------------------------------------------ the register's data -- */

/** mulberry32: a small seeded generator, so every run loads the same register. */
const generator = (seed) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
const pick = (rand, weighted) => {
  const total = weighted.reduce((n, [, w]) => n + w, 0);
  let x = rand() * total;
  for (const [value, w] of weighted) {
    x -= w;
    if (x < 0) return value;
  }
  return weighted[weighted.length - 1][0];
};

const DAY_MS = 86_400_000;
const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day) => Date.parse(`${day}T00:00:00Z`);
const plusDays = (day, n) => dayOf(msOf(day) + n * DAY_MS);
/** Working days as Monday–Friday (the real calendar's holidays and 调休 are left out: an approximation is enough for load). */
const plusWorkingDays = (day, n) => {
  let ms = msOf(day);
  for (let left = n; left > 0;) {
    ms += DAY_MS;
    const wd = new Date(ms).getUTCDay();
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return dayOf(ms);
};
const todayIn = (tz) => new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

const YEAR_WEIGHTS = [
  [2019, 12],
  [2020, 13],
  [2021, 14],
  [2022, 15],
  [2023, 16],
  [2024, 17],
  [2025, 7],
  [2026, 6],
];
const CHANNEL_WEIGHTS = [
  ['online', 45],
  ['letter', 25],
  ['in_person', 15],
  ['email', 10],
  ['fax', 5],
];
const APPLICANT_WEIGHTS = [
  ['natural', 70],
  ['commercial', 12],
  ['legal', 8],
  ['research', 3],
  ['social', 3],
  ['other', 4],
];
/** Outcomes over every row of table 三 (2021 form), roughly as offices report them. */
const OUTCOME_WEIGHTS = [
  ['disclosed', 30],
  ['partly_disclosed', 14],
  ['withheld_state_secret', 1],
  ['withheld_by_law', 1],
  ['withheld_security', 1],
  ['withheld_third_party', 3],
  ['withheld_internal', 2],
  ['withheld_process', 3],
  ['withheld_enforcement', 1],
  ['withheld_inquiry', 1],
  ['unavailable_not_held', 14],
  ['unavailable_needs_making', 4],
  ['unavailable_unclear', 2],
  ['not_processed_petition', 5],
  ['not_processed_repeat', 4],
  ['not_processed_publication', 1],
  ['not_processed_mass', 1],
  ['not_processed_confirmation', 1],
  ['other_no_amendment', 4],
  ['other_no_payment', 1],
  ['other', 6],
];
const replyKindOf = (outcome) => {
  if (outcome === 'disclosed' || outcome === 'partly_disclosed') return outcome;
  if (outcome.startsWith('withheld_')) return 'not_disclosed';
  if (outcome === 'unavailable_not_held') return 'not_held';
  if (outcome === 'not_processed_repeat') return 'repeat';
  if (outcome.startsWith('not_processed_')) return 'not_processed';
  if (outcome === 'other_no_amendment' || outcome === 'other_no_payment') return null; // a lapse, not an answer
  return 'other';
};
const ALPHANUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Like Strapi's document ids (cuid2: 24 lower-case letters and digits, a letter first). */
const documentId = (rand) => {
  let s = ALPHANUM[Math.floor(rand() * 26)];
  for (let i = 1; i < 24; i += 1) s += ALPHANUM[Math.floor(rand() * 36)];
  return s;
};
const hashQueryCode = (salt, code) => `${salt}:${crypto.createHash('sha256').update(`${salt}:${code}`).digest('hex')}`;

/**
 * The generated register: plain facts per application (the columns are filled from a row the app
 * itself wrote, see load()), sorted by day of receipt so the tracking numbers run in order per year.
 */
const generateRegister = (count, today) => {
  const rand = generator(20_250_101);
  const list = [];
  for (let i = 0; i < count; i += 1) {
    const year = pick(rand, YEAR_WEIGHTS);
    const last = year === Number(today.slice(0, 4)) ? plusDays(today, -1) : `${year}-12-31`;
    const span = Math.round((msOf(last) - msOf(`${year}-01-01`)) / DAY_MS) + 1;
    const receivedOn = plusDays(`${year}-01-01`, Math.floor(rand() * span));
    const channel = pick(rand, CHANNEL_WEIGHTS);
    const applicantType = pick(rand, APPLICANT_WEIGHTS);
    const extensionDays = rand() < 0.1 ? 20 : 0;
    const dueOn = plusWorkingDays(receivedOn, 20 + extensionDays);
    const u = rand();
    const a = {
      documentId: documentId(rand),
      receivedOn,
      channel,
      applicantType,
      extensionDays,
      dueOn,
      state: 'received',
      outcome: null,
      replyKind: null,
      decidedOn: null,
      concludedOn: null,
      pausedSince: null,
      pausedWorkingDays: 0,
      amendmentRequestedOn: null,
      feeNotifiedOn: null,
      version: 0,
    };
    if (u < 0.85) {
      // decided: mostly within the period, ~8 % late, an extended case may use its extra 20 days
      const late = rand() < 0.08;
      const within = 20 + extensionDays;
      const days = late ? within + 1 + Math.floor(rand() * 15) : 2 + Math.floor(rand() * (within - 1));
      const decidedOn = plusWorkingDays(receivedOn, days);
      if (decidedOn < today) {
        a.outcome = pick(rand, OUTCOME_WEIGHTS);
        a.replyKind = replyKindOf(a.outcome);
        a.decidedOn = decidedOn;
        a.state = rand() < 0.7 ? 'concluded' : 'answered';
        if (a.state === 'concluded') a.concludedOn = [plusDays(decidedOn, 1 + Math.floor(rand() * 10)), today].sort()[0];
        if (a.outcome === 'other_no_amendment') a.amendmentRequestedOn = plusWorkingDays(receivedOn, 3);
        if (a.outcome === 'other_no_payment') a.feeNotifiedOn = plusWorkingDays(receivedOn, 5);
        a.version = 1 + (extensionDays > 0 ? 1 : 0) + (a.state === 'concluded' ? 1 : 0);
      }
      // not decided yet (received in the last weeks): left open, in time or overdue by its due day
    } else if (u < 0.87) {
      // open and overdue: received in the last year, its period run out
      a.receivedOn = plusDays(today, -(40 + Math.floor(rand() * 325)));
      a.dueOn = plusWorkingDays(a.receivedOn, 20 + extensionDays);
    } else {
      // open: in time, or paused by the applicant's side (arts. 30, 32; fees) — recent cases
      // (an office does not leave cases paused for years: it lapses them)
      a.state = pick(rand, [
        ['amendment_requested', 5],
        ['consulting', 4],
        ['fee_notified', 2],
        ['received', 2],
      ]);
      a.receivedOn = plusDays(today, -(1 + Math.floor(rand() * (a.state === 'received' ? 25 : 120))));
      a.dueOn = plusWorkingDays(a.receivedOn, 20 + extensionDays);
      if (a.state !== 'received') {
        a.pausedSince = [plusWorkingDays(a.receivedOn, 3), today].sort()[0];
        if (a.state === 'amendment_requested') a.amendmentRequestedOn = a.pausedSince;
        if (a.state === 'fee_notified') a.feeNotifiedOn = a.pausedSince;
        a.version = 1;
      }
    }
    list.push(a);
  }
  list.sort((x, y) => (x.receivedOn < y.receivedOn ? -1 : x.receivedOn > y.receivedOn ? 1 : 0));
  const seq = new Map();
  for (const a of list) {
    const y = a.receivedOn.slice(0, 4);
    const n = (seq.get(y) ?? 0) + 1;
    seq.set(y, n);
    a.trackingNumber = `YSQ-${y}-${String(n).padStart(5, '0')}`;
  }
  return list;
};

/** What table 三 must say for the year, counted from the generated facts (independently of the SQL). */
const expectedTable3 = (list, year) => {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const e = { 't3.new:total': 0, 't3.r7:total': 0, 't3.carried:total': 0, 't3.next:total': 0, 't3.r1:natural': 0 };
  for (const a of list) {
    if (a.receivedOn >= from && a.receivedOn <= to) e['t3.new:total'] += 1;
    if (a.decidedOn && a.decidedOn >= from && a.decidedOn <= to) {
      e['t3.r7:total'] += 1;
      if (a.outcome === 'disclosed' && a.applicantType === 'natural') e['t3.r1:natural'] += 1;
    }
    if (a.receivedOn < from && (!a.decidedOn || a.decidedOn >= from)) e['t3.carried:total'] += 1;
    if (a.receivedOn <= to && (!a.decidedOn || a.decidedOn > to)) e['t3.next:total'] += 1;
  }
  return e;
};

/* ------------------------------------------------------------------ preparing a database - */

/** Counts of the loaded register, for the output. */
const describe = (list, today) => {
  const byYear = {};
  const byState = {};
  let overdue = 0;
  for (const a of list) {
    const y = a.receivedOn.slice(0, 4);
    byYear[y] = (byYear[y] ?? 0) + 1;
    byState[a.state] = (byState[a.state] ?? 0) + 1;
    if (a.state === 'received' && a.dueOn < today) overdue += 1;
  }
  return { receivedPerYear: byYear, states: byState, openOverdue: overdue };
};

/**
 * A fresh database with the demo seed (organization and users), then the register bulk-loaded.
 * One application is first registered through the app's own service: its row and event give every
 * column as the app writes it (formats of dates and timestamps, locale, published_at, the sealed
 * identity), and are then replaced by the generated ones.
 */
const prepare = async (db, list) => {
  await freshDatabase(db);
  Object.assign(process.env, db.env, PRODUCTION_ENV, { LOG_LEVEL: 'error' });
  const { loadStrapi } = require('../lib/strapi-app');
  const strapi = await loadStrapi();
  try {
    const { seedDemo } = require(path.join(ROOT, 'dist/src/seed/seed-demo'));
    await seedDemo(strapi, { users: { password: PASSWORD } });
    const org = await strapi.db.query('plugin::gov-disclosure.organization').findOne({ where: { slug: 'wzzl', locale: 'zh-Hans' } });
    const knex = strapi.db.connection;

    const sample = await strapi
      .plugin('gov-disclosure')
      .service('applications')
      .register(
        {
          organization: org.documentId,
          channel: 'online',
          receivedOn: todayIn(TZ),
          applicantType: 'natural',
          applicantName: '基准测试申请人',
          phone: '010-66778899',
          idType: 'resident_id',
          idNumber: '11010519491231002X',
          description: '基准测试：样例申请',
          provisionForm: 'electronic',
          delivery: 'email',
        },
        null,
        'portal'
      );
    const templateRow = await knex(APP_TABLE).where({ document_id: sample.data.documentId }).first();
    const templateEvent = await knex(EVENT_TABLE).where({ application_document_id: sample.data.documentId }).first();
    await knex(EVENT_TABLE).where({ application_document_id: sample.data.documentId }).del();
    await knex(APP_TABLE).where({ document_id: sample.data.documentId }).del();

    const rand = generator(7);
    const at = (day) => new Date(`${day}T01:30:00Z`); // 09:30 in Shanghai
    const applicationRow = (a, i) => {
      const code = String(i).padStart(10, '0');
      const salt = crypto.randomBytes(8).toString('hex');
      const organisation = a.applicantType !== 'natural';
      const { id: _id, ...base } = templateRow;
      return {
        ...base,
        document_id: a.documentId,
        tracking_number: a.trackingNumber,
        query_code_hash: hashQueryCode(salt, code),
        organization_document_id: org.documentId,
        channel: a.channel,
        received_on: a.receivedOn,
        applicant_type: a.applicantType,
        applicant_name: organisation ? `基准测试单位${i}` : `申请人${i}`,
        contact_person: organisation ? `联系人${i}` : null,
        phone: `010-6${String(i % 10_000_000).padStart(7, '0')}`,
        email: rand() < 0.5 ? `applicant${i}@example.org` : null,
        address: rand() < 0.4 ? `温州市鹿城区测试路${i % 500}号` : null,
        postcode: null,
        id_type: organisation ? 'credit_code' : 'resident_id',
        description: `申请公开${a.receivedOn.slice(0, 4)}年度有关${['食品安全抽检', '特种设备检验', '计量器具检定', '行政处罚', '标准化项目'][i % 5]}的信息（${i}）`,
        document_numbers: rand() < 0.2 ? `温质监〔${a.receivedOn.slice(0, 4)}〕${i % 300}号` : null,
        provision_form: pick(rand, [
          ['electronic', 5],
          ['paper', 4],
          ['inspection', 1],
        ]),
        delivery: pick(rand, [
          ['email', 4],
          ['post', 4],
          ['pickup', 2],
        ]),
        source: a.channel === 'online' ? 'portal' : 'office',
        state: a.state,
        started_on: a.receivedOn,
        paused_working_days: a.pausedWorkingDays,
        paused_since: a.pausedSince,
        due_on: a.dueOn,
        extension_days: a.extensionDays,
        extension_approver: a.extensionDays ? '办公室主任' : null,
        extension_reason: a.extensionDays ? '需要协调多个科室' : null,
        amendment_requested_on: a.amendmentRequestedOn,
        amendment_due_on: a.amendmentRequestedOn ? plusWorkingDays(a.amendmentRequestedOn, 15) : null,
        amendment_note: a.amendmentRequestedOn ? '请明确所需信息的名称或文号' : null,
        fee_method: a.feeNotifiedOn ? 'by_item' : null,
        fee_yuan: a.feeNotifiedOn ? 100 : null,
        fee_notified_on: a.feeNotifiedOn,
        payment_due_on: a.feeNotifiedOn ? plusWorkingDays(a.feeNotifiedOn, 20) : null,
        paid_on: null,
        outcome: a.outcome,
        reply_kind: a.replyKind,
        reply_text: a.replyKind ? '经查，现答复如下。' : null,
        decided_on: a.decidedOn,
        concluded_on: a.concludedOn,
        version: a.version,
        created_at: at(a.receivedOn),
        updated_at: at(a.decidedOn ?? a.receivedOn),
        ...('published_at' in base && base.published_at !== null ? { published_at: at(a.receivedOn) } : {}),
        ...('id_number_tail' in base ? { id_number_tail: null } : {}),
      };
    };
    const eventRow = (a) => {
      const { id: _id, ...base } = templateEvent;
      return {
        ...base,
        document_id: documentId(rand),
        application_document_id: a.documentId,
        action: 'register',
        from_state: null,
        to_state: 'received',
        day: a.receivedOn,
        actor_name: a.channel === 'online' ? '申请人（网上申请）' : '办公室 发布人',
        comment: null,
        created_at: at(a.receivedOn),
        updated_at: at(a.receivedOn),
        ...('published_at' in base && base.published_at !== null ? { published_at: at(a.receivedOn) } : {}),
      };
    };

    // SQLite binds at most 32,766 values per statement: about 50 columns × 500 rows stays below it
    const batch = db.env.DATABASE_CLIENT === 'sqlite' ? 500 : 1000;
    console.log(`${db.name}: loading ${list.length.toLocaleString()} applications and their events…`);
    const started = process.hrtime.bigint();
    await knex.transaction(async (trx) => {
      for (let i = 0; i < list.length; i += batch) {
        const slice = list.slice(i, i + batch);

        await trx(APP_TABLE).insert(slice.map((a, k) => applicationRow(a, i + k)));

        await trx(EVENT_TABLE).insert(slice.map(eventRow));
      }
    });
    const loadMs = since(started);
    const analyzeStarted = process.hrtime.bigint();
    // the statistics autovacuum/ANALYZE would gather after a load this size
    if (db.env.DATABASE_CLIENT === 'postgres') await knex.raw(`VACUUM ANALYZE ${APP_TABLE}, ${EVENT_TABLE}`);
    else await knex.raw('ANALYZE');
    const analyzeMs = since(analyzeStarted);
    console.log(
      `  loaded in ${(loadMs / 1000).toFixed(1)} s (+ ${(analyzeMs / 1000).toFixed(1)} s ${db.env.DATABASE_CLIENT === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE'})`
    );
    const indexes = await listIndexes(knex, db);
    return { organization: org.documentId, loadMs, analyzeMs, indexes };
  } finally {
    await stopStrapi(strapi);
  }
};

const listIndexes = async (knex, db) => {
  if (db.env.DATABASE_CLIENT === 'postgres') {
    const r = await knex.raw(`SELECT indexname FROM pg_indexes WHERE tablename = ? AND schemaname = current_schema() ORDER BY indexname`, [APP_TABLE]);
    return r.rows.map((x) => x.indexname);
  }
  const r = await knex.raw(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? ORDER BY name`, [APP_TABLE]);
  return r.map((x) => x.name);
};

/* ------------------------------------------------------------------ the server ----------- */

const startServer = (env) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/lib/serve.js')], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk) => {
      const m = /READY (\d+)/.exec(chunk.toString());
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}` });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
const stopServer = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/* ------------------------------------------------------------------ the measurements ----- */

const adminClient = async (url) => {
  const res = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: PUBLISHER, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${PUBLISHER}: ${res.status} ${await res.text()}`);
  const token = (await res.json()).data.token;
  const call = async (method, route, body) => {
    const r = await fetch(`${url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    if (r.status >= 300) throw new Error(`${method} ${route}: ${r.status} ${text.slice(0, 500)}`);
    return JSON.parse(text);
  };
  return { get: (route) => call('GET', route), post: (route, body) => call('POST', route, body) };
};

/** a. "fill from data": a 2021-format report of the year for the organization, computed RUNS times. */
const measureCompute = async (admin, organization, expected) => {
  const created = await admin.post(`/content-manager/collection-types/plugin::gov-disclosure.annual-report?locale=zh-Hans`, {
    title: `${REPORT_YEAR}年政府信息公开工作年度报告（基准）`,
    year: REPORT_YEAR,
    template: '2021',
    organization,
  });
  const route = `/gov-disclosure/annual-reports/${created.data.documentId}/compute?locale=zh-Hans`;
  // warm-up
  for (let i = 0; i < 3; i += 1) await admin.post(route);
  const ms = [];
  let computed = {};
  for (let i = 0; i < COMPUTE_RUNS; i += 1) {
    const t = process.hrtime.bigint();

    computed = (await admin.post(route)).data.computed;
    ms.push(since(t));
  }
  const check = Object.fromEntries(Object.entries(expected).map(([cell, n]) => [cell, { computed: computed[cell] ?? null, expected: n }]));
  const mismatches = Object.entries(check).filter(([, v]) => v.computed !== v.expected);
  return { ...summary(ms), cells: Object.keys(computed).length, check, correct: mismatches.length === 0 };
};

/** b. the register list, each filter in turn, one request at a time. */
const measureList = async (admin) => {
  // warm-up
  for (const [, query] of LIST_FILTERS) await admin.get(`/gov-disclosure/applications?${query}`);
  const all = [];
  const perFilter = Object.fromEntries(LIST_FILTERS.map(([name]) => [name, []]));
  const totals = {};
  for (let round = 0; round < LIST_ROUNDS; round += 1) {
    for (const [name, query] of LIST_FILTERS) {
      const t = process.hrtime.bigint();

      const body = await admin.get(`/gov-disclosure/applications?${query}`);
      const ms = since(t);
      all.push(ms);
      perFilter[name].push(ms);
      totals[name] = body.meta.total;
    }
  }
  return {
    ...summary(all),
    filters: Object.fromEntries(Object.entries(perFilter).map(([name, ms]) => [name, { ...summary(ms), total: totals[name] }])),
  };
};

const cookieOf = (res) => {
  for (const c of res.headers.getSetCookie?.() ?? []) {
    const m = /^gd_apply_csrf=([\w-]{43})/.exec(c);
    if (m) return m[1];
  }
  return null;
};
const hiddenOf = (html, name) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * c. portal submissions. CITIZENS simulated citizens (one client address each, sent as
 * X-Forwarded-For) open the form; after the 3-second minimum CONCURRENCY workers post their
 * applications as fast as the server answers for SECONDS seconds. After a receipt the citizen
 * takes the new CSRF cookie and opens the form again (ready 3 s later), up to the 5 applications
 * an address may send in 10 minutes.
 */
const measurePortal = async (url, organization) => {
  const gets = [];
  const posts = [];
  const receipts = [];
  const errors = {};
  const fail = (what) => {
    errors[what] = (errors[what] ?? 0) + 1;
  };

  /** The citizen opens (or re-opens) the form with its cookie; the form may be sent 3 s later. */
  const openForm = async (citizen) => {
    const t = process.hrtime.bigint();
    const res = await fetch(`${url}/portal/apply`, {
      headers: { 'x-forwarded-for': citizen.ip, ...(citizen.cookie ? { cookie: `gd_apply_csrf=${citizen.cookie}` } : {}) },
    });
    const html = await res.text();
    gets.push(since(t));
    if (res.status !== 200) throw new Error(`GET /portal/apply: ${res.status}`);
    citizen.cookie = cookieOf(res) ?? citizen.cookie;
    citizen.csrf = hiddenOf(html, '_csrf');
    citizen.stamp = hiddenOf(html, '_stamp');
    if (citizen.csrf !== citizen.cookie) throw new Error('the form does not carry the cookie’s token');
    citizen.readyAt = Date.now() + MIN_FILL_MS + 50;
  };

  const submit = async (citizen, n) => {
    const form = new FormData();
    const fields = {
      _csrf: citizen.csrf,
      _stamp: citizen.stamp,
      website: '',
      organization,
      applicantType: n % 4 === 0 ? 'commercial' : 'natural',
      applicantName: n % 4 === 0 ? `基准测试企业${n}` : `网上申请人${n}`,
      contactPerson: n % 4 === 0 ? '张联系' : '',
      phone: '010-66778899',
      email: `citizen${n}@example.org`,
      address: '',
      postcode: '',
      idType: n % 4 === 0 ? 'credit_code' : 'resident_id',
      idNumber: n % 4 === 0 ? '91110000100000000R' : '11010519491231002X',
      description: `请公开2025年度本机关食品安全抽检结果（网上申请 ${n}）`,
      documentNumbers: '',
      provisionForm: 'electronic',
      delivery: 'email',
    };
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('identityFiles', new Blob([PNG], { type: 'image/png' }), 'id-card.png');
    const t = process.hrtime.bigint();
    const res = await fetch(`${url}/portal/apply`, {
      method: 'POST',
      headers: { 'x-forwarded-for': citizen.ip, cookie: `gd_apply_csrf=${citizen.cookie}` },
      body: form,
    });
    const html = await res.text();
    posts.push(since(t));
    const tracking = /<strong class="code">(YSQ-\d{4}-\d{5})<\/strong>/.exec(html)?.[1];
    if (res.status !== 200 || !tracking) {
      fail(`${res.status} ${/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? ''}`.trim());
      return false;
    }
    receipts.push(tracking);
    citizen.count += 1;
    // the receipt set a new token: the old form would now be refused (a reload cannot apply twice)
    citizen.cookie = cookieOf(res);
    if (!citizen.cookie) fail('receipt without a new CSRF cookie');
    return true;
  };

  // everyone opens the form (a few at a time), then the 3-second minimum once for all of them
  const citizens = Array.from({ length: CITIZENS }, (_, i) => ({ ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, count: 0, cookie: null }));
  const opening = [...citizens];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let c = opening.shift(); c; c = opening.shift()) await openForm(c);
    })
  );
  const openedMs = gets.slice();
  gets.length = 0;
  const wait = Math.max(0, Math.max(...citizens.map((c) => c.readyAt)) - Date.now());
  await sleep(Math.max(wait, MIN_FILL_MS));

  const queue = [...citizens]; // ready first, first served
  let n = 0;
  let exhausted = false;
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  let lastDone = started;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) {
        const citizen = queue.shift();
        if (!citizen) {
          exhausted = true;

          await sleep(20);
          continue;
        }

        if (citizen.readyAt > Date.now()) await sleep(citizen.readyAt - Date.now());
        n += 1;

        const ok = await submit(citizen, n).catch((error) => {
          fail(`request failed: ${error.message}`);
          return false;
        });
        lastDone = Date.now();
        if (ok && citizen.count < PER_ADDRESS && citizen.cookie) {
          await openForm(citizen).then(
            () => queue.push(citizen),
            (error) => fail(`form: ${error.message}`)
          );
        }
      }
    })
  );
  const seconds = (lastDone - started) / 1000;
  return {
    seconds,
    concurrency: CONCURRENCY,
    addresses: citizens.filter((c) => c.count > 0).length,
    attempts: posts.length,
    accepted: receipts.length,
    perSecond: receipts.length / seconds,
    errors,
    errorCount: Object.values(errors).reduce((a, b) => a + b, 0),
    poolRanDry: exhausted,
    post: summary(posts),
    form: summary([...openedMs, ...gets]),
    receipts,
  };
};

/** Every receipt against the database: the rows and events made, and each tracking number there once. */
const verifyReceipts = async (db, before, receipts) => {
  const after = await databaseCounts(db);
  const distinct = new Set(receipts);
  const q = await databaseQuery(db);
  try {
    const list = [...distinct];
    const inDatabase = new Set();
    for (let i = 0; i < list.length; i += 500) {
      const part = list.slice(i, i + 500);

      const rows = await q(`SELECT tracking_number FROM ${APP_TABLE} WHERE tracking_number IN (${part.map(() => '?').join(',')})`, part);
      for (const r of rows) inDatabase.add(r.tracking_number);
    }
    const found = receipts.filter((r) => inDatabase.has(r)).length;
    const duplicated = await q(`SELECT tracking_number, COUNT(*) AS n FROM ${APP_TABLE} GROUP BY tracking_number HAVING COUNT(*) > 1`, []);
    return {
      receipts: receipts.length,
      distinctReceipts: distinct.size,
      rowsCreated: after.applications - before.applications,
      registerEventsCreated: after.registerEvents - before.registerEvents,
      filesCreated: after.files - before.files,
      receiptsFound: found,
      lost: receipts.length - found,
      receiptsSharingANumber: receipts.length - distinct.size,
      duplicateTrackingNumbers: duplicated.length,
      intact:
        found === receipts.length &&
        distinct.size === receipts.length &&
        after.applications - before.applications === receipts.length &&
        after.registerEvents - before.registerEvents === receipts.length &&
        after.files - before.files === receipts.length &&
        duplicated.length === 0,
    };
  } finally {
    await q.close();
  }
};

/** A plain connection of our own to the benchmark database (the server keeps its own). */
const databaseQuery = async (db) => {
  if (db.env.DATABASE_CLIENT === 'postgres') {
    const { Client } = require('pg');
    const c = new Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`SET search_path TO ${db.env.DATABASE_SCHEMA}`);
    let n = 0;
    const q = async (sql, params) =>
      (
        await c
          .query(
            sql.replace(/\?/g, () => `$${(n += 1)}`),
            params
          )
          .finally(() => (n = 0))
      ).rows;
    q.close = () => c.end();
    return q;
  }
  const Database = require('better-sqlite3');
  const conn = new Database(db.env.DATABASE_FILENAME, { readonly: true });
  const q = async (sql, params) => conn.prepare(sql).all(...params);
  q.close = async () => conn.close();
  return q;
};

const databaseCounts = async (db) => {
  const q = await databaseQuery(db);
  try {
    const one = async (sql) => Number((await q(sql, []))[0].n);
    return {
      applications: await one(`SELECT COUNT(*) AS n FROM ${APP_TABLE}`),
      registerEvents: await one(`SELECT COUNT(*) AS n FROM ${EVENT_TABLE} WHERE action = 'register'`),
      files: await one(`SELECT COUNT(*) AS n FROM ${FILES_TABLE}`),
    };
  } finally {
    await q.close();
  }
};

const dropDatabase = async (db) => {
  if (KEEP) return;
  if (db.env.DATABASE_CLIENT === 'sqlite') {
    for (const f of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${db.env.DATABASE_FILENAME}${f}`, { force: true });
    return;
  }
  const { Client } = require('pg');
  const c = new Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${db.env.DATABASE_SCHEMA} CASCADE`);
  await c.end();
};

/* ------------------------------------------------------------------ main ----------------- */

const main = async () => {
  buildApp();
  const today = todayIn(TZ);
  const list = generateRegister(APPLICATIONS, today);
  const expected = expectedTable3(list, REPORT_YEAR);
  const results = {
    applications: APPLICATIONS,
    today,
    register: describe(list, today),
    reportYear: REPORT_YEAR,
    computeRuns: COMPUTE_RUNS,
    listRequests: LIST_ROUNDS * LIST_FILTERS.length,
    portal: { seconds: SECONDS, concurrency: CONCURRENCY, citizens: CITIZENS, perAddressLimit: PER_ADDRESS, minFillMs: MIN_FILL_MS },
    note: 'Server started with TRUST_PROXY=true, PROXY_HOPS=1; each simulated citizen sends its own X-Forwarded-For, as nginx would add it (the portal limits each address to 5 applications per 10 minutes).',
    machine: `${os.cpus().length} cores, node ${process.version}`,
    databases: {},
  };
  console.log(`register: ${JSON.stringify(results.register)}`);

  for (const db of benchDatabases('applications').filter((d) => !ONLY || d.name === ONLY)) {
    const prepared = await prepare(db, list);
    const { child, url } = await startServer({ ...db.env, ...PRODUCTION_ENV, ...PROXY_ENV });
    try {
      const admin = await adminClient(url);
      process.stdout.write(`  ${db.name}: fill from data (${COMPUTE_RUNS} runs)…\n`);
      const compute = await measureCompute(admin, prepared.organization, expected);
      process.stdout.write(`  ${db.name}: register list (${LIST_ROUNDS * LIST_FILTERS.length} requests)…\n`);
      const listed = await measureList(admin);
      process.stdout.write(`  ${db.name}: portal submissions (${SECONDS} s, ${CONCURRENCY} in flight)…\n`);
      const before = await databaseCounts(db);
      const portal = await measurePortal(url, prepared.organization);
      const verified = await verifyReceipts(db, before, portal.receipts);
      const { receipts: _r, ...portalSummary } = portal;
      results.databases[db.name] = { ...prepared, compute, list: listed, portal: portalSummary, verified };
    } finally {
      await stopServer(child);
      await dropDatabase(db);
    }
  }

  // the table: one metric a row, the databases side by side
  const dbs = Object.keys(results.databases);
  const cell = (fn) => Object.fromEntries(dbs.map((d) => [d, fn(results.databases[d], d)]));
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  const table = [];
  const row = (metric, fn, target = '') => table.push({ metric, ...cell(fn), target });
  row(`load ${APPLICATIONS.toLocaleString()} applications + events (s)`, (r) => Number((r.loadMs / 1000).toFixed(1)));
  row(
    `fill from data, 2021 form, ${REPORT_YEAR}: p50 / p95 / max ms`,
    (r) => `${Math.round(r.compute.p50)} / ${Math.round(r.compute.p95)} / ${Math.round(r.compute.max)}`,
    `≤ 1000 ms on PostgreSQL${results.databases.PostgreSQL ? `: ${verdict(results.databases.PostgreSQL.compute.p95 <= 1000)}` : ''}`
  );
  row('fill from data: figures as counted from the data', (r) => (r.compute.correct ? 'yes' : 'NO'), 'yes');
  row(
    'register list, all filters: p50 / p95 / p99 / max ms',
    (r) => `${Math.round(r.list.p50)} / ${Math.round(r.list.p95)} / ${Math.round(r.list.p99)} / ${Math.round(r.list.max)}`,
    `p95 ≤ 100 ms: ${dbs.map((d) => `${d} ${verdict(results.databases[d].list.p95 <= 100)}`).join(', ')}`
  );
  for (const [name] of LIST_FILTERS) {
    row(
      `  list ${name}: p50 / p95 ms (total)`,
      (r) => `${Math.round(r.list.filters[name].p50)} / ${Math.round(r.list.filters[name].p95)} (${r.list.filters[name].total})`
    );
  }
  row(
    'portal submissions sustained (/s)',
    (r) => Number(r.portal.perSecond.toFixed(1)),
    `≥ 50/s: ${dbs.map((d) => `${d} ${verdict(results.databases[d].portal.perSecond >= 50)}`).join(', ')}`
  );
  row('portal: accepted / attempts (addresses)', (r) => `${r.portal.accepted} / ${r.portal.attempts} (${r.portal.addresses})`);
  row('portal POST: p50 / p95 / p99 ms', (r) => `${Math.round(r.portal.post.p50)} / ${Math.round(r.portal.post.p95)} / ${Math.round(r.portal.post.p99)}`);
  row('portal GET form: p50 / p95 ms', (r) => `${Math.round(r.portal.form.p50)} / ${Math.round(r.portal.form.p95)}`);
  row('portal errors', (r) => r.portal.errorCount, '0');
  row(
    'receipts lost / rows, events, files ≠ receipts / receipts sharing a number',
    (r) =>
      `${r.verified.lost} / ${[r.verified.rowsCreated, r.verified.registerEventsCreated, r.verified.filesCreated].filter((x) => x !== r.verified.receipts).length} / ${r.verified.receiptsSharingANumber}`,
    `0 / 0 / 0: ${dbs.map((d) => `${d} ${verdict(results.databases[d].verified.intact)}`).join(', ')}`
  );
  console.log('');
  console.log(results.note);
  reportResults('applications', table, results);
};

// A Strapi instance loaded in this process can keep its event loop busy after destroy(): the
// script ends when its results are written (a run left spinning skewed the next benchmark).
if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    }
  );
}

module.exports = { generateRegister, measureCompute, measureList, measurePortal, adminClient };
