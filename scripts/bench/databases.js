'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const PG_URL = process.env.BENCH_PG_URL || 'postgresql://postgres@127.0.0.1:5432/test';

/** The databases a benchmark runs on: SQLite always, PostgreSQL when it answers (each in its own file or schema). */
const benchDatabases = (name) => {
  const list = [{ name: 'SQLite', env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(ROOT, '.tmp', `bench-${name}.db`) } }];
  const pg = spawnSync(
    process.execPath,
    ['-e', `new (require('pg').Client)({connectionString:${JSON.stringify(PG_URL)}}).connect().then(()=>process.exit(0),()=>process.exit(1))`],
    { cwd: ROOT }
  );
  if (pg.status === 0) list.push({ name: 'PostgreSQL', env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: PG_URL, DATABASE_SCHEMA: `bench_${name}` } });
  else console.log('PostgreSQL not reachable: SQLite only.');
  return list;
};

/** Empties a benchmark database: deletes the SQLite file, or drops and recreates the schema. */
const freshDatabase = async (db) => {
  if (db.env.DATABASE_CLIENT === 'sqlite') {
    for (const f of ['', '-wal', '-shm']) fs.rmSync(`${db.env.DATABASE_FILENAME}${f}`, { force: true });
    return;
  }
  const { Client } = require('pg');
  const c = new Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${db.env.DATABASE_SCHEMA} CASCADE`);
  await c.query(`CREATE SCHEMA ${db.env.DATABASE_SCHEMA}`);
  await c.end();
};

/** Whether a benchmark's PostgreSQL schema is there (Strapi fails to start in a missing one). */
const schemaExists = async (db) => {
  const { Client } = require('pg');
  const c = new Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return (await c.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [db.env.DATABASE_SCHEMA])).rowCount > 0;
  } finally {
    await c.end();
  }
};

/** Prints the table and the JSON, and keeps the JSON in bench-results/<name>.json. */
const reportResults = (name, table, results) => {
  console.table(table);
  const out = path.join(ROOT, 'bench-results', `${name}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results));
  console.log(`written: ${path.relative(ROOT, out)}`);
};

/** The benchmarks run the compiled app: builds the plugin and the app's TypeScript. */
const buildApp = () => {
  spawnSync('npm', ['run', '--silent', 'build:plugin'], { cwd: ROOT, stdio: 'inherit' });
  spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });
};

/**
 * A fresh database with the demo seed and `entries` generated published entries, analyzed (and on
 * PostgreSQL vacuumed when asked, as autovacuum would have done), loaded in this process.
 */
const generatedCatalog = async (db, entries, { batchSize, vacuum = false } = {}) => {
  await freshDatabase(db);
  Object.assign(process.env, db.env, { LOG_LEVEL: 'error' });
  const { loadStrapi } = require('../lib/strapi-app');
  const { generateCatalog } = require('./generate-catalog');
  const strapi = await loadStrapi();
  const { seedDemo } = require('../../dist/src/seed/seed-demo');
  await seedDemo(strapi, {});
  console.log(`${db.name}: generating ${entries.toLocaleString()} entries…`);
  let last = 0;
  const { seconds } = await generateCatalog(strapi, {
    count: entries,
    ...(batchSize ? { batchSize } : {}),
    onProgress: (done, ms) => {
      if (done - last >= entries / 10 || done === entries) {
        last = done;
        console.log(`  ${done.toLocaleString()} (${(ms / 1000).toFixed(0)} s)`);
      }
    },
  });
  console.log(`  generated and indexed in ${seconds.toFixed(0)} s`);
  await strapi.db.connection.raw(vacuum && db.env.DATABASE_CLIENT === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE');
  return { strapi, seconds };
};

module.exports = { benchDatabases, buildApp, freshDatabase, generatedCatalog, reportResults, schemaExists, PG_URL, ROOT };
