'use strict';

/**
 * npm run bench:report — how long "fill from data" takes on a large catalog: ENTRIES published
 * entries of one organization (deterministic), then the 2008- and 2021-format computes for one
 * year, RUNS times each, on SQLite and on PostgreSQL (when reachable). Prints a table and writes
 * bench-results/report.json. Targets: ≤ 1 s on PostgreSQL and ≤ 3 s on SQLite at 1,000,000 entries.
 *
 * Environment: BENCH_ENTRIES (1000000), BENCH_RUNS (5), BENCH_PG_URL.
 */
const { benchDatabases, buildApp, generatedCatalog, reportResults } = require('./databases');
const { stopStrapi } = require('../lib/strapi-app');

const ENTRIES = Number(process.env.BENCH_ENTRIES || 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS || 5);
const YEAR = 2016;

const databases = () => benchDatabases('report');

const stats = (ms) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
};

const main = async () => {
  buildApp();
  const results = { entries: ENTRIES, runs: RUNS, year: YEAR, machine: `${require('node:os').cpus().length} cores, node ${process.version}`, databases: [] };
  const table = [];
  for (const db of databases()) {
    const { strapi, seconds: generateSeconds } = await generatedCatalog(db, ENTRIES, { batchSize: 5000 });
    try {
      const org = await strapi.db.query('plugin::gov-disclosure.organization').findOne({ where: { slug: 'wzzl', locale: 'zh-Hans' } });
      const documents = strapi.documents('plugin::gov-disclosure.annual-report');
      const r2008 = await documents.create({ locale: 'zh-Hans', data: { title: 'bench 2008', year: YEAR, template: '2008', organization: org.documentId } });
      const r2021 = await documents.create({ locale: 'en', data: { title: 'bench 2021', year: YEAR, template: '2021', organization: org.documentId } });
      const service = strapi.plugin('gov-disclosure').service('report-statistics');
      for (const [template, report, locale] of [
        ['2008', r2008, 'zh-Hans'],
        ['2021', r2021, 'en'],
      ]) {
        const ms = [];
        let computed;
        for (let i = 0; i < RUNS; i += 1) {
          const t = process.hrtime.bigint();
          computed = (await service.compute(report.documentId, locale)).computed;
          ms.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
        const s = stats(ms);
        results.databases.push({ database: db.name, template, generateSeconds, ms: s, sample: computed });
        table.push({
          database: db.name,
          template,
          entries: ENTRIES,
          'min ms': Math.round(s.min),
          'median ms': Math.round(s.median),
          'max ms': Math.round(s.max),
        });
      }
    } finally {
      await stopStrapi(strapi);
    }
  }
  reportResults('report', table, results);
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
