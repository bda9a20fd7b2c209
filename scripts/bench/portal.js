'use strict';

/**
 * npm run bench:portal — the public portal under load, side by side with Strapi's stock REST find
 * and a Koa hello-world, on SQLite and on PostgreSQL (when reachable).
 *
 * For each database: a fresh database with the demo seed plus ENTRIES generated published entries
 * (deterministic), the app started in production mode in its own process(es), and autocannon run
 * from another process at CONNECTIONS connections for SECONDS seconds:
 * - the realistic mix (portal-mix.js): MIX_SIZE distinct URLs drawn from the catalog, requested
 *   uniformly or by Zipf rank after a first run that warms the started server (its own row), with the in-process cache on and off, with one worker and with
 *   WORKERS workers (scripts/lib/workers.js, as `npm run start` runs them);
 * - single URLs, one per route (what the cache alone answers), and Koa hello-world, for the ratios.
 * Prints a table and writes bench-results/portal.json. A script, not a test: it asserts nothing.
 *
 * Environment: BENCH_ENTRIES (100000), BENCH_SECONDS (10), BENCH_CONNECTIONS (32), BENCH_MIX_SIZE
 * (6000), BENCH_WORKERS (the machine's cores), BENCH_REUSE=1 (keep a database generated with the
 * same count), BENCH_ONLY (SQLite or PostgreSQL), BENCH_PG_URL (postgresql://postgres@127.0.0.1:5432/test).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { loadMix: loadMixOf, loadUrl, productionEnv, startServer, stopServer } = require('./bench-processes');
const { benchDatabases, buildApp, generatedCatalog, reportResults, schemaExists, ROOT } = require('./databases');
const { loadStrapi, stopStrapi } = require('../lib/strapi-app');
const { buildPool, readCatalog, PAGE_SIZE } = require('./portal-mix');

const ENTRIES = Number(process.env.BENCH_ENTRIES || 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32);
const MIX_SIZE = Number(process.env.BENCH_MIX_SIZE || 6000);
const WORKERS = Number(process.env.BENCH_WORKERS || os.cpus().length);

// production mode with fresh secrets, as scripts/lib/cluster.js starts its instances
const PRODUCTION_ENV = productionEnv();

const databases = () => benchDatabases('portal').filter((db) => !process.env.BENCH_ONLY || db.name === process.env.BENCH_ONLY);

const nodeArgs = process.env.BENCH_NODE_OPTIONS ? process.env.BENCH_NODE_OPTIONS.split(' ') : [];
const start = (script, env) => startServer(script, env, nodeArgs);
const stop = stopServer;
const load = (url, token) => loadUrl(url, CONNECTIONS, SECONDS, token);
const loadMix = (origin, poolFile, distribution) => loadMixOf(origin, poolFile, distribution, CONNECTIONS, SECONDS);

/** How many generated entries a kept benchmark database holds (0 when none). */
const generatedCount = async (db) => {
  if (db.env.DATABASE_CLIENT === 'sqlite' && !fs.existsSync(db.env.DATABASE_FILENAME)) return 0;
  if (db.env.DATABASE_CLIENT === 'postgres' && !(await schemaExists(db))) return 0;
  Object.assign(process.env, db.env, { LOG_LEVEL: 'error' });
  const strapi = await loadStrapi();
  try {
    const [{ n }] = await strapi.db
      .connection('gov_disclosure_catalog_entries')
      .where('slug', 'like', 'bench-%')
      .whereNotNull('published_at')
      .count({ n: '*' });
    return Number(n);
  } catch {
    return 0;
  } finally {
    await stopStrapi(strapi);
  }
};

/** The database with the demo seed and the generated catalog (kept from a run before with BENCH_REUSE=1), and the URL pool. */
const prepare = async (db) => {
  const reuse = process.env.BENCH_REUSE === '1' && (await generatedCount(db)) === ENTRIES;
  let strapi;
  let seconds = null;
  if (reuse) {
    console.log(`${db.name}: keeping the ${ENTRIES.toLocaleString()}-entry database of a run before`);
    strapi = await loadStrapi();
  } else {
    // as autovacuum leaves a production database: without it no read on PostgreSQL can stay in an index
    ({ strapi, seconds } = await generatedCatalog(db, ENTRIES, { vacuum: true }));
  }
  try {
    const sample = await strapi.db
      .connection('gov_disclosure_catalog_entries')
      .where({ locale: 'zh-Hans' })
      .whereNotNull('published_at')
      .where('slug', 'like', 'bench-%')
      .orderBy('id', 'desc')
      .first('slug');
    const pool = buildPool(await readCatalog(strapi), { size: MIX_SIZE });
    const poolFile = path.join(ROOT, '.tmp', `bench-portal-pool-${db.name}.json`);
    fs.writeFileSync(poolFile, JSON.stringify(pool));
    return { generateSeconds: seconds, slug: sample.slug, poolFile, poolSize: pool.length };
  } finally {
    await stopStrapi(strapi);
  }
};

const row = (database, route, r) => ({
  database,
  route,
  'req/s': Math.round(r.requestsPerSecond),
  'p50 ms': r.p50,
  'p90 ms': r.p90 ?? '',
  'p99 ms': r.p99,
  errors: r.errors,
});

const main = async () => {
  buildApp();
  const results = {
    entries: ENTRIES,
    connections: CONNECTIONS,
    seconds: SECONDS,
    pageSize: PAGE_SIZE,
    mixSize: MIX_SIZE,
    machine: `${os.cpus().length} cores, node ${process.version}`,
    runs: [],
  };
  const table = [];
  const record = (database, route, r, extra = {}) => {
    results.runs.push({ database, route, ...extra, ...r });
    table.push(row(database, route, r));
  };
  const only = process.env.BENCH_ROWS ? new Set(process.env.BENCH_ROWS.split(',')) : null;
  const wanted = (kind) => !only || only.has(kind);

  for (const db of databases()) {
    const prepared = await prepare(db);
    if (prepared.generateSeconds !== null) results.runs.push({ database: db.name, route: 'generate catalog', seconds: prepared.generateSeconds });
    const column = 'xin-xi-gong-kai-mu-lu';
    const routes = [
      ['column list page 1', `/api/gov-disclosure/columns/${column}/entries?page=1&pageSize=${PAGE_SIZE}`],
      ['column list page 2000', `/api/gov-disclosure/columns/${column}/entries?page=2000&pageSize=${PAGE_SIZE}`],
      ['entry by slug', `/api/gov-disclosure/entries/${prepared.slug}`],
      ['catalog filter (subject + year)', '/api/gov-disclosure/catalog?subject=09&year=2016'],
      ['catalog search (q)', `/api/gov-disclosure/catalog?q=${encodeURIComponent('特种设备')}`],
      ['portal page: column', `/portal/columns/${column}`],
      [
        'stock REST find, page 1',
        `/api/bench-stock/catalog-entries?filters[columns][slug][$eq]=${column}&sort[0]=publishedDate:desc&sort[1]=id:desc&pagination[page]=1&pagination[pageSize]=${PAGE_SIZE}&status=published&locale=zh-Hans`,
      ],
    ];

    for (const [cache, cacheEnv] of [
      ['cache on', {}],
      ['cache off', { GOV_DISCLOSURE_PUBLIC_CACHE_SECONDS: '0' }],
    ]) {
      for (const workers of [1, WORKERS].filter((w, i, all) => all.indexOf(w) === i)) {
        if (!wanted(workers === 1 ? 'one' : 'workers')) continue;
        const server = await start('scripts/bench/serve-bench.js', { ...db.env, ...PRODUCTION_ENV, ...cacheEnv, GOV_DISCLOSURE_WORKERS: String(workers) });
        const who = workers === 1 ? '1 worker' : `${workers} workers`;
        // A started server is cold (V8 not yet optimized, PostgreSQL's buffers and plans empty): its
        // first seconds are shown on their own row, drawn in another order, and the rows after it
        // measure the server warm, as it runs in production.
        if (wanted('uniform') || wanted('zipf')) {
          process.stdout.write(`  ${db.name}: first ${SECONDS} s after start, ${cache}, ${who}…\n`);
          record(db.name, `first ${SECONDS} s after start (uniform), ${cache}, ${who}`, loadMix(server.url, prepared.poolFile, 'first'), {
            distribution: 'first',
            cache,
            workers,
            poolSize: prepared.poolSize,
          });
        }
        for (const distribution of ['uniform', 'zipf']) {
          if (!wanted(distribution)) continue;
          process.stdout.write(`  ${db.name}: mix ${distribution}, ${cache}, ${who}…\n`);
          const r = loadMix(server.url, prepared.poolFile, distribution);
          record(db.name, `mix ${distribution}, ${cache}, ${who}`, r, { distribution, cache, workers, poolSize: prepared.poolSize });
        }
        if (workers === 1 && wanted('single')) {
          for (const [name, route] of cache === 'cache on' ? routes : routes.slice(0, 6)) {
            process.stdout.write(`  ${db.name}: ${name} (${cache})…\n`);
            const r = load(`${server.url}${route}`, route.startsWith('/api/bench-stock') ? server.token : undefined);
            record(db.name, `single URL: ${name}, ${cache}`, r, { url: route, cache });
          }
        }
        await stop(server.child);
      }
    }
  }

  const { child: koa, url: koaUrl } = await start('scripts/bench/koa-hello.js', {});
  record('-', 'koa hello-world', load(koaUrl));
  await stop(koa);

  console.log('');
  reportResults('portal', table, results);
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
