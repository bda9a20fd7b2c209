'use strict';

/**
 * npm run bench:portal — the public portal under load, side by side with Strapi's stock REST find
 * and a Koa hello-world, on SQLite and on PostgreSQL (when reachable).
 *
 * For each database: a fresh database with the demo seed plus ENTRIES generated published entries
 * (deterministic), the app started in production mode in its own process, and autocannon run from
 * a third process against each route at CONNECTIONS connections for SECONDS seconds.
 * Prints a table and writes bench-results/portal.json. A script, not a test: it asserts nothing.
 *
 * Environment: BENCH_ENTRIES (100000), BENCH_SECONDS (10), BENCH_CONNECTIONS (32),
 * BENCH_PG_URL (postgresql://postgres@127.0.0.1:5432/test).
 */
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const { productionSecrets } = require('../lib/cluster');
const { benchDatabases, buildApp, generatedCatalog, reportResults, ROOT } = require('./databases');
const { stopStrapi } = require('../lib/strapi-app');
const ENTRIES = Number(process.env.BENCH_ENTRIES || 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32);
const PAGE_SIZE = 20;

// production mode with fresh secrets, as scripts/lib/cluster.js starts its instances
const PRODUCTION_ENV = { NODE_ENV: 'production', ...productionSecrets(), LOG_LEVEL: 'error', STRAPI_TELEMETRY_DISABLED: 'true' };

const databases = () => benchDatabases('portal');

const start = (script, env) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, script)], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk) => {
      const m = /READY (\d+)(?: (\S+))?/.exec(chunk.toString());
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}`, token: m[2] });
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });

const load = (url, token) => {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'load.js'), url, String(CONNECTIONS), String(SECONDS), ...(token ? [token] : [])], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop());
};

/** A fresh database with the demo seed and the generated catalog, and an entry's slug to ask for. */
const prepare = async (db) => {
  const { strapi, seconds } = await generatedCatalog(db, ENTRIES);
  try {
    const sample = await strapi.db
      .connection('gov_disclosure_catalog_entries')
      .where({ locale: 'zh-Hans' })
      .whereNotNull('published_at')
      .where('slug', 'like', 'bench-%')
      .orderBy('id', 'desc')
      .first('slug');
    return { generateSeconds: seconds, slug: sample.slug };
  } finally {
    await stopStrapi(strapi);
  }
};

const main = async () => {
  buildApp();
  const results = {
    entries: ENTRIES,
    connections: CONNECTIONS,
    seconds: SECONDS,
    pageSize: PAGE_SIZE,
    cacheLifetimeSeconds: 30,
    machine: `${require('node:os').cpus().length} cores, node ${process.version}`,
    runs: [],
  };
  const table = [];

  for (const db of databases()) {
    const prepared = await prepare(db);
    const { child, url, token } = await start('scripts/bench/serve-bench.js', { ...db.env, ...PRODUCTION_ENV });
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
    for (const [name, route] of routes) {
      process.stdout.write(`  ${db.name}: ${name}…\n`);
      const r = load(`${url}${route}`, route.startsWith('/api/bench-stock') ? token : undefined);
      results.runs.push({ database: db.name, route: name, url: route, ...r });
      table.push({ database: db.name, route: name, 'req/s': Math.round(r.requestsPerSecond), 'p50 ms': r.p50, 'p99 ms': r.p99, errors: r.errors });
    }
    results.runs.push({ database: db.name, route: 'generate catalog', seconds: prepared.generateSeconds });
    child.kill('SIGTERM');

    // The same routes with the in-process cache off: what every request costs the database.
    const uncached = await start('scripts/bench/serve-bench.js', { ...db.env, ...PRODUCTION_ENV, GOV_DISCLOSURE_PUBLIC_CACHE_SECONDS: '0' });
    for (const [name, route] of routes.slice(0, 5)) {
      process.stdout.write(`  ${db.name}: ${name} (no cache)…\n`);
      const r = load(`${uncached.url}${route}`);
      results.runs.push({ database: db.name, route: `${name} (no cache)`, url: route, ...r });
      table.push({
        database: db.name,
        route: `${name} (no cache)`,
        'req/s': Math.round(r.requestsPerSecond),
        'p50 ms': r.p50,
        'p99 ms': r.p99,
        errors: r.errors,
      });
    }
    uncached.child.kill('SIGTERM');
  }

  const { child: koa, url: koaUrl } = await start('scripts/bench/koa-hello.js', {});
  const floor = load(koaUrl);
  koa.kill('SIGTERM');
  results.runs.push({ database: '-', route: 'koa hello-world', ...floor });
  table.push({
    database: '-',
    route: 'koa hello-world',
    'req/s': Math.round(floor.requestsPerSecond),
    'p50 ms': floor.p50,
    'p99 ms': floor.p99,
    errors: floor.errors,
  });

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
