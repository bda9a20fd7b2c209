'use strict';

/**
 * npm run bench:inspection — the office's inspection page (GET /gov-disclosure/inspection) at an
 * organization with BENCH_ENTRIES (100,000) published entries spread over 500 list columns, and a
 * column administrator's own columns (待办), on SQLite and on PostgreSQL (when reachable).
 *
 * For each database: a fresh database with the demo seed, columns added up to 500 (purposes mixed,
 * some nested), the generated catalog, ANALYZE; then the inspection service timed in-process
 * (RUNS runs after 3 warm-ups), the work the endpoint does beyond validating its query.
 * Prints a table and writes bench-results/inspection.json. Target: ≤ 200 ms. Asserts nothing.
 */
const { performance } = require('node:perf_hooks');
const { benchDatabases, buildApp, freshDatabase, reportResults } = require('./databases');

const ENTRIES = Number(process.env.BENCH_ENTRIES || 100_000);
const COLUMNS = Number(process.env.BENCH_COLUMNS || 500);
const RUNS = Number(process.env.BENCH_RUNS || 20);
const PURPOSES = ['news', 'notices', 'policy', 'other'];

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const timed = async (fn) => {
  for (let i = 0; i < 3; i += 1) await fn();
  const ms = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: +percentile(ms, 50).toFixed(1), p95: +percentile(ms, 95).toFixed(1), max: +ms[ms.length - 1].toFixed(1) };
};

const run = async (db) => {
  await freshDatabase(db);
  Object.assign(process.env, db.env, { LOG_LEVEL: 'error' });
  const { loadStrapi, stopStrapi } = require('../lib/strapi-app');
  const { generateCatalog } = require('./generate-catalog');
  const strapi = await loadStrapi();
  try {
    const { seedDemo } = require('../../dist/src/seed/seed-demo');
    await seedDemo(strapi, { users: { password: 'Bench2026inspection' } });
    const organization = await strapi.db.connection('gov_disclosure_organizations').where({ slug: 'wzzl', locale: 'zh-Hans' }).first('document_id');
    const drafter = await strapi.db.connection('admin_users').where({ email: 'drafter@demo.gov.cn' }).first('id');
    const existing = Number((await strapi.db.connection('gov_disclosure_columns').where({ locale: 'zh-Hans' }).count({ n: '*' }))[0].n);
    console.log(`${db.name}: adding ${COLUMNS - existing} columns to the seed's ${existing}…`);
    let parent = null;
    for (let i = existing; i < COLUMNS; i += 1) {
      // every fifth a top-level column the next four sit under
      const doc = await strapi.documents('plugin::gov-disclosure.column').create({
        locale: 'zh-Hans',
        data: {
          name: `基准栏目${i}`,
          slug: `ji-zhun-lan-mu-${i}`,
          kind: 'list',
          purpose: PURPOSES[i % PURPOSES.length],
          organization: organization.document_id,
          administrators: i % 10 === 0 ? [drafter.id] : [],
          ...(i % 5 !== 0 && parent ? { parent } : {}),
        },
      });
      if (i % 5 === 0) parent = doc.documentId;
    }
    console.log(`${db.name}: generating ${ENTRIES.toLocaleString()} entries…`);
    const { seconds } = await generateCatalog(strapi, { count: ENTRIES });
    await strapi.db.connection.raw('ANALYZE');
    const inspection = strapi.plugin('gov-disclosure').service('inspection');
    const report = await inspection.report();
    const ours = report.organizations.find((o) => o.documentId === organization.document_id);
    return {
      database: db.name,
      entries: ENTRIES,
      columns: COLUMNS,
      generatedSeconds: +seconds.toFixed(0),
      listColumnsChecked: ours.columnCount,
      needingAttention: ours.columns.length,
      report: await timed(() => inspection.report()),
      reportOneOrganization: await timed(() => inspection.report(organization.document_id)),
      myColumns: await timed(() => inspection.columnsOf(drafter.id)),
    };
  } finally {
    await stopStrapi(strapi);
  }
};

const main = async () => {
  buildApp();
  const results = [];
  for (const db of benchDatabases('inspection')) results.push(await run(db));
  const table = results.flatMap((r) =>
    ['report', 'reportOneOrganization', 'myColumns'].map((k) => ({
      database: r.database,
      query: k,
      'p50 ms': r[k].p50,
      'p95 ms': r[k].p95,
      'max ms': r[k].max,
      'target ≤ 200 ms': k === 'myColumns' ? '' : r[k].p95 <= 200 ? 'met' : 'MISSED',
    }))
  );
  reportResults('inspection', table, { entries: ENTRIES, columns: COLUMNS, runs: RUNS, results });
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
