'use strict';

const { spawnSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const PG_URL = process.env.BENCH_PG_URL || 'postgresql://postgres@127.0.0.1:5432/test';

/** The databases a benchmark runs on: SQLite always, PostgreSQL when it answers (each in its own file or schema). */
const benchDatabases = (name) => {
  const list = [{ name: 'SQLite', env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(ROOT, '.tmp', `bench-${name}.db`) } }];
  const pg = spawnSync(process.execPath, ['-e', `new (require('pg').Client)({connectionString:${JSON.stringify(PG_URL)}}).connect().then(()=>process.exit(0),()=>process.exit(1))`], { cwd: ROOT });
  if (pg.status === 0) list.push({ name: 'PostgreSQL', env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: PG_URL, DATABASE_SCHEMA: `bench_${name}` } });
  else console.log('PostgreSQL not reachable: SQLite only.');
  return list;
};

module.exports = { benchDatabases, PG_URL, ROOT };
