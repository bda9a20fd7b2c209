'use strict';

/**
 * npm run cluster: the deployment of deploy/nginx/ on this machine. Builds the plugin, the app and
 * the admin panel, loads the demo data into a PostgreSQL schema the first time, then starts two
 * instances (NODE_ENV=production, admin panel served) and Debian's nginx in front of them, all on
 * loopback, uploads in one shared directory. Runs until Ctrl-C, which stops everything.
 *
 * Environment: DATABASE_URL (postgresql://postgres@127.0.0.1:5432/test), CLUSTER_SCHEMA (gov_cluster),
 * CLUSTER_NGINX_PORT (1380), CLUSTER_BASE_PORT (1381: A, 1382: B, …), CLUSTER_INSTANCES (2),
 * CLUSTER_PUBLIC_DIR (.tmp/cluster-public), CLUSTER_SKIP_BUILD=1 to start from the last build,
 * DEMO_PASSWORD (at first seed), LOG_LEVEL (info).
 */
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./lib/strapi-app');
const { run } = require('./lib/run');
const { ensureNginx, ensureSchema, productionSecrets, seedSchema, startCluster } = require('./lib/cluster');

const databaseUrl = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test';
const schema = process.env.CLUSTER_SCHEMA || 'gov_cluster';
const nginxPort = Number(process.env.CLUSTER_NGINX_PORT || 1380);
const basePort = Number(process.env.CLUSTER_BASE_PORT || 1381);
const instances = Number(process.env.CLUSTER_INSTANCES || 2);
const publicDir = path.resolve(ROOT, process.env.CLUSTER_PUBLIC_DIR || '.tmp/cluster-public');

/** Shared by every instance and kept between runs, so admin sessions and stored tokens stay valid. */
const clusterSecrets = () => {
  const file = path.join(ROOT, '.tmp', 'cluster-secrets.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  const secrets = productionSecrets();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
};

/** Whether the schema has no demo organization yet (a new schema, or a seed that never finished). */
const needsSeed = async () => {
  const { Client } = require('pg');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = `"${schema.replace(/"/g, '""')}".gov_disclosure_organizations`;
    const { rows } = await client.query('SELECT to_regclass($1) AS t', [table]);
    if (!rows[0].t) return true;
    return Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n) === 0;
  } finally {
    await client.end();
  }
};

const main = async () => {
  ensureNginx();
  if (process.env.CLUSTER_SKIP_BUILD !== '1') {
    console.log(`Built in ${run('npm', ['run', '--silent', 'build']).toFixed(0)} s (plugin, app, admin panel).`);
  }
  const secrets = clusterSecrets();
  await ensureSchema(databaseUrl, schema);
  if (await needsSeed()) {
    console.log(`Loading the demo data into schema "${schema}"…`);
    const started = Date.now();
    console.log(await seedSchema({ databaseUrl, schema, env: { ...secrets, PUBLIC_DIR: publicDir } }));
    console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }

  console.log(`Starting ${instances} instances at once and nginx…`);
  const cluster = await startCluster({
    databaseUrl,
    schema,
    instances,
    nginxPort,
    basePort,
    publicDir,
    env: { ...secrets, SERVE_ADMIN: '1', LOG_LEVEL: process.env.LOG_LEVEL || 'info' },
    log: (line) => console.log(`  ${line}`),
  });
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping nginx and the instances…`);
    await cluster.stop();
    console.log('stopped.');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(signal));

  const password = process.env.DEMO_PASSWORD || 'Disclosure2018';
  console.log(`
Cluster on PostgreSQL schema "${schema}" (${databaseUrl.replace(/\/\/[^@/]*@/, '//…@')}):
  nginx      ${cluster.url}/portal    ${cluster.url}/admin
${cluster.instances.map((i) => `  ${i.name}          ${i.url}   (pid ${i.pid}, log ${path.relative(ROOT, i.logFile)})`).join('\n')}
  uploads    ${path.relative(ROOT, path.join(publicDir, 'uploads'))}/ (shared)
  nginx logs ${path.relative(ROOT, path.join(cluster.prefix, 'logs'))}/
Demo logins (password ${password} unless DEMO_PASSWORD was different at the first seed):
  admin@demo.gov.cn (super admin), drafter@demo.gov.cn, reviewer@demo.gov.cn, publisher@demo.gov.cn
Ctrl-C stops everything.`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
