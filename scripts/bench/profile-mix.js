'use strict';

/**
 * Where a portal server's CPU goes under the benchmark's page mix: starts the bench server (one
 * worker, production mode, the public cache off unless BENCH_CACHE=on) with V8's sampling
 * profiler, warms it for BENCH_WARM seconds, profiles BENCH_SECONDS of the mix, and prints the
 * self time by package and the busiest functions, as a table and JSON.
 *
 * Runs on the database and URL pool a `npm run bench:portal` left (BENCH_REUSE=1 keeps them):
 *   BENCH_REUSE=1 BENCH_ONLY=SQLite BENCH_ROWS=none npm run bench:portal && npm run bench:profile
 * Environment: BENCH_ONLY (SQLite or PostgreSQL; SQLite), BENCH_DISTRIBUTION (uniform or zipf;
 * uniform), BENCH_CONNECTIONS (32), BENCH_SECONDS (10), BENCH_WARM (10), BENCH_CACHE (off).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { benchDatabases, ROOT } = require('./databases');
const { loadMix, productionEnv, startServer, stopServer } = require('./bench-processes');

const DATABASE = process.env.BENCH_ONLY || 'SQLite';
const DISTRIBUTION = process.env.BENCH_DISTRIBUTION || 'uniform';
const CONNECTIONS = process.env.BENCH_CONNECTIONS || '32';
const SECONDS = process.env.BENCH_SECONDS || '10';
const WARM = process.env.BENCH_WARM || '10';
const TOP = 25;

const db = benchDatabases('portal').find((d) => d.name === DATABASE);
if (!db) throw new Error(`BENCH_ONLY must name a benchmark database (SQLite or PostgreSQL), got ${DATABASE}`);
const poolFile = path.join(ROOT, '.tmp', `bench-portal-pool-${db.name}.json`);
if (!fs.existsSync(poolFile)) throw new Error(`${poolFile} is missing: run BENCH_ONLY=${db.name} BENCH_ROWS=none npm run bench:portal first`);

const mix = (origin, seconds) => loadMix(origin, poolFile, DISTRIBUTION, CONNECTIONS, seconds);

/** The package a profiled function belongs to: a node_modules package, the plugin, Node itself, or V8's own entries. */
const packageOf = ({ url, functionName }) => {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.includes('plugins/gov-disclosure/')) return 'gov-disclosure plugin';
  if (url.startsWith('node:')) return 'node';
  return path.relative(ROOT, url.replace(/^file:\/\//, '')) || url;
};

/**
 * Self time per package and per function over the samples taken from `fromMicros` to `toMicros`,
 * as shares of the time the server was busy: V8's (idle) samples are counted apart.
 */
const summarize = (profile, fromMicros, toMicros) => {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i += 1) {
    at += profile.timeDeltas[i];
    if (at >= fromMicros && at < toMicros) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  const add = (map, key, micros) => map.set(key, (map.get(key) ?? 0) + micros);
  const packages = new Map();
  const functions = new Map();
  let idle = 0;
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id);
    if (callFrame.functionName === '(idle)') {
      idle += micros;
      continue;
    }
    const pkg = packageOf(callFrame);
    add(packages, pkg, micros);
    const file = callFrame.url ? `${path.basename(callFrame.url)}:${callFrame.lineNumber + 1}` : '';
    add(functions, `${callFrame.functionName || '(anonymous)'} ${file} [${pkg}]`, micros);
  }
  const total = [...packages.values()].reduce((a, b) => a + b, 0);
  const rows = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([name, micros]) => ({ name, ms: Math.round(micros / 1000), share: `${((100 * micros) / total).toFixed(1)} %` }));
  return { busyMs: Math.round(total / 1000), idleMs: Math.round(idle / 1000), packages: rows(packages), functions: rows(functions) };
};

const main = async () => {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-profile-'));
  // the profile starts with the server; the warm-up is cut off by time in summarize
  const server = await startServer(
    'scripts/bench/serve-bench.js',
    {
      ...db.env,
      ...productionEnv(),
      GOV_DISCLOSURE_WORKERS: '1',
      ...(process.env.BENCH_CACHE === 'on' ? {} : { GOV_DISCLOSURE_PUBLIC_CACHE_SECONDS: '0' }),
    },
    ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]
  );
  let load;
  let profiledFrom;
  let profiledTo;
  try {
    process.stdout.write(`${db.name}: warming for ${WARM} s, then profiling ${SECONDS} s of the ${DISTRIBUTION} mix…\n`);
    mix(server.url, WARM);
    profiledFrom = process.hrtime.bigint();
    load = mix(server.url, SECONDS);
    profiledTo = process.hrtime.bigint();
  } finally {
    await stopServer(server.child);
  }
  const file = fs.readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`the server wrote no profile into ${profileDir}`);
  const profile = JSON.parse(fs.readFileSync(path.join(profileDir, file), 'utf8'));
  // The profile's clock is the server's monotonic clock in microseconds, as process.hrtime here (same machine).
  const summary = summarize(profile, Number(profiledFrom / 1000n), Number(profiledTo / 1000n));
  console.log(
    `${Math.round(load.requestsPerSecond)} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, ${load.errors} errors; server busy ${summary.busyMs} ms, idle ${summary.idleMs} ms`
  );
  console.table(summary.packages);
  console.table(summary.functions);
  const result = { database: db.name, distribution: DISTRIBUTION, cache: process.env.BENCH_CACHE === 'on' ? 'on' : 'off', load, ...summary };
  console.log(JSON.stringify(result));
  fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench-results', 'profile.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log('written: bench-results/profile.json');
  fs.rmSync(profileDir, { recursive: true, force: true });
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
