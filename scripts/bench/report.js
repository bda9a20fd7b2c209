'use strict';

/**
 * npm run bench:report — how long "fill from data" takes on a large catalog: ENTRIES published
 * entries of one organization (deterministic), then the 2008- and 2021-format computes for one
 * year, RUNS times each, on SQLite and on PostgreSQL (when reachable). Prints a table and writes
 * bench-results/report.json. Targets: ≤ 1 s on PostgreSQL and ≤ 3 s on SQLite at 1,000,000 entries.
 *
 * Environment: BENCH_ENTRIES (1000000), BENCH_RUNS (5), BENCH_PG_URL.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { benchDatabases, PG_URL } = require('./databases');
const { generateCatalog } = require('./generate-catalog');

const ROOT = path.resolve(__dirname, '..', '..');
const ENTRIES = Number(process.env.BENCH_ENTRIES || 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS || 5);
const YEAR = 2016;

const databases = () => benchDatabases('report');

const fresh = async (db) => {
  if (db.env.DATABASE_CLIENT === 'sqlite') {
    for (const f of ['', '-wal', '-shm']) fs.rmSync(`${db.env.DATABASE_FILENAME}${f}`, { force: true });
    return;
  }
  const { Client } = require('pg');
  const c = new Client({ connectionString: PG_URL });
  await c.connect();
  await c.query('DROP SCHEMA IF EXISTS bench_report CASCADE');
  await c.query('CREATE SCHEMA bench_report');
  await c.end();
};

const stats = (ms) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
};

const main = async () => {
  spawnSync('npm', ['run', '--silent', 'build:plugin'], { cwd: ROOT, stdio: 'inherit' });
  spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });
  const results = { entries: ENTRIES, runs: RUNS, year: YEAR, machine: `${require('node:os').cpus().length} cores, node ${process.version}`, databases: [] };
  const table = [];
  for (const db of databases()) {
    // eslint-disable-next-line no-await-in-loop
    await fresh(db);
    Object.assign(process.env, db.env, { LOG_LEVEL: 'error' });
    const { loadStrapi } = require('../lib/strapi-app');
    // eslint-disable-next-line no-await-in-loop
    const strapi = await loadStrapi();
    try {
      const { seedDemo } = require('../../dist/src/seed/seed-demo');
      // eslint-disable-next-line no-await-in-loop
      await seedDemo(strapi, {});
      console.log(`${db.name}: generating ${ENTRIES.toLocaleString()} entries…`);
      let last = 0;
      // eslint-disable-next-line no-await-in-loop
      const generated = await generateCatalog(strapi, {
        count: ENTRIES,
        batchSize: 5000,
        onProgress: (done, ms) => {
          if (done - last >= ENTRIES / 10 || done === ENTRIES) {
            last = done;
            console.log(`  ${done.toLocaleString()} (${(ms / 1000).toFixed(0)} s)`);
          }
        },
      });
      // eslint-disable-next-line no-await-in-loop
      await strapi.db.connection.raw('ANALYZE');
      const org = await strapi.db.query('plugin::gov-disclosure.organization').findOne({ where: { slug: 'wzzl', locale: 'zh-Hans' } });
      const documents = strapi.documents('plugin::gov-disclosure.annual-report');
      // eslint-disable-next-line no-await-in-loop
      const r2008 = await documents.create({ locale: 'zh-Hans', data: { title: 'bench 2008', year: YEAR, template: '2008', organization: org.documentId } });
      // eslint-disable-next-line no-await-in-loop
      const r2021 = await documents.create({ locale: 'en', data: { title: 'bench 2021', year: YEAR, template: '2021', organization: org.documentId } });
      const service = strapi.plugin('gov-disclosure').service('report-statistics');
      for (const [template, report, locale] of [['2008', r2008, 'zh-Hans'], ['2021', r2021, 'en']]) {
        const ms = [];
        let computed;
        for (let i = 0; i < RUNS; i += 1) {
          const t = process.hrtime.bigint();
          // eslint-disable-next-line no-await-in-loop
          computed = (await service.compute(report.documentId, locale)).computed;
          ms.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
        const s = stats(ms);
        results.databases.push({ database: db.name, template, generateSeconds: generated.seconds, ms: s, sample: computed });
        table.push({ database: db.name, template, entries: ENTRIES, 'min ms': Math.round(s.min), 'median ms': Math.round(s.median), 'max ms': Math.round(s.max) });
      }
    } finally {
      // eslint-disable-next-line no-await-in-loop
      await strapi.destroy();
    }
  }
  console.table(table);
  const out = path.join(ROOT, 'bench-results', 'report.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results));
  console.log(`written: ${path.relative(ROOT, out)}`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
