'use strict';

/**
 * npm run bench:catalog — the public catalog's search and filters on a large catalog: ENTRIES
 * published entries (deterministic), then each query shape RUNS times with varying values through
 * the portal service (the work behind GET /api/gov-disclosure/catalog, without its response cache):
 * a two-character query, a one-character and a longer one, a common word, each filter alone, a filter
 * with a query, and a deep page. On SQLite and PostgreSQL (when reachable). Prints a table and JSON,
 * writes bench-results/catalog.json. Target: p95 ≤ 100 ms on PostgreSQL at 1,000,000 entries for the
 * two-character query and for each filter. A script, not a test: it asserts nothing.
 *
 * Environment: BENCH_ENTRIES (1000000), BENCH_RUNS (40), BENCH_PG_URL, BENCH_REUSE=1 (keep a database
 * already generated with as many entries), BENCH_ONLY=SQLite|PostgreSQL.
 */
const os = require('node:os');
const { benchDatabases, buildApp, generatedCatalog, reportResults } = require('./databases');

const ENTRIES = Number(process.env.BENCH_ENTRIES || 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS || 40);
const LOCALE = 'zh-Hans';

const TWO_CHAR = [
  '电梯',
  '食品',
  '价格',
  '执法',
  '许可',
  '锅炉',
  '气瓶',
  '药品',
  '广告',
  '商标',
  '专利',
  '合同',
  '投诉',
  '举报',
  '外卖',
  '餐饮',
  '校园',
  '信用',
  '审查',
  '收费',
];
const ONE_CHAR = ['梯', '锅', '瓶', '药', '旗', '税', '标', '奖'];
const LONGER = ['特种设备', '电子营业执照', '食品安全抽检', '婴幼儿配方', '温质监〔2015〕', '反不正当竞争'];
const COMMON = ['通知', '工作', '公告', '意见'];
const GENRES = ['notice', 'announcement', 'circular', 'decision', 'opinion', 'measures', 'report', 'reply', 'letter'];
const YEARS = Array.from({ length: 18 }, (_, i) => 2008 + i);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Query shapes: a name and the i-th parameters (values rotate so no run repeats the previous one). */
const shapes = (subjects, topSubjects) => [
  { name: 'q: 2 characters', target: true, params: (i) => ({ q: TWO_CHAR[i % TWO_CHAR.length] }) },
  { name: 'q: 1 character', params: (i) => ({ q: ONE_CHAR[i % ONE_CHAR.length] }) },
  { name: 'q: 4-6 characters', params: (i) => ({ q: LONGER[i % LONGER.length] }) },
  { name: 'q: common word (通知, 工作…)', params: (i) => ({ q: COMMON[i % COMMON.length] }) },
  { name: 'filter: subject (leaf)', target: true, params: (i) => ({ subject: subjects[i % subjects.length] }) },
  { name: 'filter: subject (top level)', target: true, params: (i) => ({ subject: topSubjects[i % topSubjects.length] }) },
  { name: 'filter: genre', target: true, params: (i) => ({ genre: GENRES[i % GENRES.length] }) },
  { name: 'filter: organization', target: true, params: () => ({ organization: 'wzzl' }) },
  { name: 'filter: year', target: true, params: (i) => ({ year: YEARS[i % YEARS.length] }) },
  { name: 'filter: validity', target: true, params: (i) => ({ validity: ['effective', 'repealed'][i % 2] }) },
  { name: 'filter: document kind', target: true, params: (i) => ({ documentKind: ['normative', 'other'][i % 2] }) },
  { name: 'year + genre + q', params: (i) => ({ year: YEARS[i % YEARS.length], genre: GENRES[i % GENRES.length], q: TWO_CHAR[i % TWO_CHAR.length] }) },
  { name: 'no filter, page 500', params: (i) => ({ page: 500 + i }) },
];

const main = async () => {
  buildApp();
  const results = { entries: ENTRIES, runs: RUNS, machine: `${os.cpus().length} cores, node ${process.version}`, databases: [] };
  const table = [];
  const only = process.env.BENCH_ONLY;
  for (const db of benchDatabases('catalog').filter((d) => !only || d.name === only)) {
    Object.assign(process.env, db.env, { LOG_LEVEL: 'error' });
    const { loadStrapi, stopStrapi } = require('../lib/strapi-app');
    let strapi;
    let generateSeconds = null;
    if (process.env.BENCH_REUSE === '1') {
      strapi = await loadStrapi().catch(() => null);
      const live = strapi ? await strapi.db.connection('gov_disclosure_catalog_search').count({ n: '*' }) : [{ n: 0 }];
      if (Number(live[0].n) < ENTRIES) {
        await strapi?.destroy(); // nothing ran on it
        strapi = null;
      } else console.log(`${db.name}: reusing ${Number(live[0].n).toLocaleString()} indexed entries`);
    }
    if (!strapi) {
      // A production database is vacuumed and analyzed by autovacuum; a bulk load has to ask.
      ({ strapi, seconds: generateSeconds } = await generatedCatalog(db, ENTRIES, { batchSize: 5000, vacuum: true }));
    }
    try {
      const knex = strapi.db.connection;
      const subjects = (await knex('gov_disclosure_subject_categories').where({ level: 2 }).select('code')).map((r) => r.code);
      const topSubjects = [...new Set(subjects.map((c) => c.slice(0, 2)))];
      const portal = strapi.plugin('gov-disclosure').service('portal');
      for (const shape of shapes(subjects, topSubjects)) {
        const ms = [];
        const totals = [];
        // one untimed warm-up, as a running server would have
        await portal.catalog({ ...shape.params(RUNS), pageSize: 20 }, LOCALE);
        for (let i = 0; i < RUNS; i += 1) {
          const t = process.hrtime.bigint();
          const page = await portal.catalog({ pageSize: 20, ...shape.params(i) }, LOCALE);
          ms.push(Number(process.hrtime.bigint() - t) / 1e6);
          totals.push(page.meta.pagination.total);
        }
        const sorted = [...ms].sort((a, b) => a - b);
        const row = {
          database: db.name,
          query: shape.name,
          'matches (median)': [...totals].sort((a, b) => a - b)[Math.floor(totals.length / 2)],
          'p50 ms': Number(percentile(sorted, 50).toFixed(1)),
          'p95 ms': Number(percentile(sorted, 95).toFixed(1)),
          'max ms': Number(sorted[sorted.length - 1].toFixed(1)),
          target: shape.target ? (percentile(sorted, 95) <= 100 ? 'p95 ≤ 100: met' : 'p95 ≤ 100: MISSED') : '',
        };
        table.push(row);
        results.databases.push({ ...row, generateSeconds });
        console.log(`${row.database} | ${row.query} | ${row['matches (median)']} | ${row['p50 ms']} | ${row['p95 ms']}`);
      }
    } finally {
      await stopStrapi(strapi);
    }
  }
  reportResults('catalog', table, results);
};

// A Strapi instance loaded in this process can keep its event loop busy after destroy(): the
// script ends when its results are written (a run left spinning skewed the next benchmark).
main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
