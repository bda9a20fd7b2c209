'use strict';

/**
 * A real deployment on one machine: Debian's nginx (deploy/nginx/gov-disclosure.conf.template) in
 * front of N instances of the compiled app (scripts/lib/serve.js) on one PostgreSQL schema, with one
 * shared public/uploads directory, all on loopback ports. Used by `npm run cluster` and by
 * tests/integration/cluster-deployment.test.ts.
 */
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { ROOT } = require('./strapi-app');

const TEMPLATE = path.join(ROOT, 'deploy', 'nginx', 'gov-disclosure.conf.template');
const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const NAMES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOG_LIMIT = 4 * 1024 * 1024; // characters of output kept in memory per instance (the file keeps all)

/** Fills every ${NAME} of the template; an unknown placeholder or an unused value is an error. */
const renderNginxConfig = (values, template = fs.readFileSync(TEMPLATE, 'utf8')) => {
  const used = new Set();
  const text = template.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (match, name) => {
    if (!Object.hasOwn(values, name)) throw new Error(`nginx template: no value for placeholder \${${name}}`);
    used.add(name);
    return String(values[name]);
  });
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length > 0) throw new Error(`nginx template: no placeholder for ${unused.join(', ')}`);
  return text;
};

/** The upstream block's servers: one line per instance port. */
const upstreamServers = (ports) => ports.map((port) => `server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`).join('\n        ');

/** Resolves when `port` can be bound on loopback (0: any free port), with the port. */
const bindablePort = (port = 0) =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error) => reject(new Error(`127.0.0.1:${port} is not free (${error.code})`)));
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address();
      server.close(() => resolve(bound));
    });
  });

/** The secrets production requires; every instance must share them (admin sessions, cookies). */
const productionSecrets = () => ({
  APP_KEYS: Array.from({ length: 4 }, () => crypto.randomBytes(16).toString('base64')).join(','),
  ADMIN_JWT_SECRET: crypto.randomBytes(32).toString('base64'),
  API_TOKEN_SALT: crypto.randomBytes(32).toString('base64'),
  TRANSFER_TOKEN_SALT: crypto.randomBytes(32).toString('base64'),
  ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
  GOV_DISCLOSURE_APPLICANT_KEY: crypto.randomBytes(32).toString('base64'),
});

/** Installs nginx from Debian's packages when missing (scripts/ensure-nginx.sh). */
const ensureNginx = () => {
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'ensure-nginx.sh')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`scripts/ensure-nginx.sh failed (exit ${r.status ?? r.signal})`);
};

/** Creates the PostgreSQL schema when missing. */
const ensureSchema = async (databaseUrl, schema) => {
  const { Client } = require('pg');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
};

/** Children still running, with the signal that ends them at once (nginx's master must stop its workers). */
const living = new Map();
// whatever happens to the process that started them, no child outlives it
process.on('exit', () => {
  for (const [child, signal] of living) child.kill(signal);
});

/** Spawns a child whose output goes to a log file and to `onOutput`; tracked until it exits. */
const spawnLogged = (command, args, { env, logFile, onOutput, exitSignal = 'SIGKILL' }) => {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  living.set(child, exitSignal);
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      living.delete(child);
      resolve({ code, signal });
    });
  });
  child.on('error', (error) => onOutput(`spawn error: ${error.message}\n`));
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (text) => {
      fs.appendFileSync(logFile, text);
      onOutput(text);
    });
  }
  return { child, exited };
};

/** Waits for a child to exit, SIGKILL after `graceMs`. */
const terminate = async ({ child, exited }, signal = 'SIGTERM', graceMs = 10_000) => {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  const result = await exited;
  clearTimeout(timer);
  return result;
};

/** One instance of the app on a fixed loopback port; start() again restarts it on the same port. */
const createInstance = ({ name, port, env, prefix, log }) => {
  const logFile = path.join(prefix, 'logs', `instance-${name}.log`);
  let output = '';
  let current = null;
  const instance = {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    pid: null,
    logFile,
    /** Everything the instance printed (all its runs; the in-memory copy keeps the first and last MBs). */
    logs: () => output,
    running: () => Boolean(current && current.child.exitCode === null && current.child.signalCode === null),
    start({ timeoutMs = 180_000 } = {}) {
      if (instance.running()) return Promise.reject(new Error(`instance ${name} is already running`));
      const started = Date.now();
      let lines = '';
      const ready = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`instance ${name} not ready after ${timeoutMs} ms:\n${output.slice(-4000)}`)), timeoutMs);
        current = spawnLogged(process.execPath, [path.join(ROOT, 'scripts', 'lib', 'serve.js')], {
          env: { ...env, PORT: String(port) },
          logFile,
          onOutput: (text) => {
            output += text;
            if (output.length > LOG_LIMIT) output = `${output.slice(0, LOG_LIMIT / 4)}\n[… cut …]\n${output.slice(-LOG_LIMIT / 2)}`;
            lines += text;
            if (new RegExp(`^READY ${port}\\b`, 'm').test(lines)) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
        instance.pid = current.child.pid;
        current.exited.then(({ code, signal }) => {
          clearTimeout(timer);
          reject(new Error(`instance ${name} exited (${signal ?? code}) before it was ready:\n${output.slice(-4000)}`));
        });
      });
      return ready.then(() => {
        const seconds = (Date.now() - started) / 1000;
        log(`instance ${name} ready on ${instance.url} (pid ${instance.pid}, ${seconds.toFixed(1)} s)`);
        return seconds;
      });
    },
    /** Sends a signal (SIGKILL: a crash); resolves when the process is gone. */
    async kill(signal = 'SIGTERM') {
      if (!current) return;
      await terminate(current, signal);
    },
    stop: () => instance.kill('SIGTERM'),
  };
  return instance;
};

/** nginx in the foreground with the rendered template in `dir`; resolves once it answers. */
const startNginx = async ({ dir, port, upstreamPorts, log }) => {
  for (const sub of ['logs', 'temp']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const config = path.join(dir, 'nginx.conf');
  fs.writeFileSync(config, renderNginxConfig({ PREFIX: dir, NGINX_PORT: port, UPSTREAM_SERVERS: upstreamServers(upstreamPorts) }));
  let output = '';
  const proc = spawnLogged(NGINX, ['-p', dir, '-c', config, '-e', path.join(dir, 'logs', 'error.log'), '-g', 'daemon off;'], {
    env: process.env,
    logFile: path.join(dir, 'logs', 'nginx.out'),
    exitSignal: 'SIGTERM',
    onOutput: (text) => {
      output += text;
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
      const errors = fs.existsSync(path.join(dir, 'logs', 'error.log')) ? fs.readFileSync(path.join(dir, 'logs', 'error.log'), 'utf8') : '';
      throw new Error(`nginx exited at start-up:\n${output}${errors}`);
    }
    try {
      await fetch(`${url}/_health`, { signal: AbortSignal.timeout(1000) });
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        await terminate(proc, 'SIGTERM', 5_000);
        throw new Error(`nginx did not answer on ${url}: ${error.message}\n${output}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  log(`nginx on ${url} → ${upstreamPorts.map((p) => `127.0.0.1:${p}`).join(', ')} (pid ${proc.child.pid})`);
  return {
    url,
    port,
    pid: proc.child.pid,
    dir,
    errors: () => fs.readFileSync(path.join(dir, 'logs', 'error.log'), 'utf8'),
    // SIGTERM: nginx's fast shutdown (the master stops its workers; a SIGKILL would orphan them)
    stop: () => terminate(proc, 'SIGTERM', 5_000),
  };
};

let clusters = 0;

/**
 * Starts the instances (all at once) and nginx in front of them. Ports: `nginxPort` and `basePort`
 * (A = basePort, B = basePort + 1, …) when given, free loopback ports otherwise. Instances run with
 * NODE_ENV=production (fresh shared secrets), LOG_LEVEL=info, bound to 127.0.0.1, trusting nginx's
 * X-Forwarded-* headers; `env` adds to or overrides that. stop() ends every process it started.
 */
const startCluster = async ({ databaseUrl, schema, instances = 2, nginxPort, basePort, publicDir, env = {}, log = () => {}, ensure = true } = {}) => {
  if (!databaseUrl || !schema) throw new Error('startCluster needs databaseUrl and schema (PostgreSQL)');
  if (ensure) ensureNginx();
  clusters += 1;
  const prefix = path.join(ROOT, '.tmp', clusters === 1 ? `cluster-${process.pid}` : `cluster-${process.pid}-${clusters}`);
  fs.rmSync(prefix, { recursive: true, force: true });
  fs.mkdirSync(path.join(prefix, 'logs'), { recursive: true });
  const shared = path.resolve(publicDir ?? path.join(prefix, 'public'));
  fs.mkdirSync(path.join(shared, 'uploads'), { recursive: true });
  await ensureSchema(databaseUrl, schema);

  const ports = [];
  for (let i = 0; i < instances; i += 1) {
    ports.push(await bindablePort(basePort ? basePort + i : 0));
  }
  const proxyPort = await bindablePort(nginxPort ?? 0);

  const instanceEnv = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    TRUST_PROXY: 'true',
    STRAPI_TELEMETRY_DISABLED: 'true',
    ...productionSecrets(),
    ...env,
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: schema,
    PUBLIC_DIR: shared,
  };
  const list = ports.map((port, i) => createInstance({ name: NAMES[i], port, env: instanceEnv, prefix, log }));
  const proxies = [];
  const stop = async () => {
    await Promise.all(proxies.map((p) => p.stop()));
    await Promise.all(list.map((instance) => instance.stop()));
  };

  try {
    const started = Date.now();
    // all at once, as a deployment restarts them: the first start on an empty schema is the test
    const seconds = await Promise.all(list.map((instance) => instance.start()));
    const startup = { seconds: (Date.now() - started) / 1000, perInstance: seconds };
    const main = await startNginx({ dir: prefix, port: proxyPort, upstreamPorts: ports, log });
    proxies.push(main);
    return {
      url: main.url,
      nginx: main,
      prefix,
      publicDir: shared,
      env: instanceEnv,
      startup,
      instances: list,
      /** Another nginx, from the same template, in front of only the named instances (e.g. ['A']). */
      async proxy(names, port) {
        const upstream = list.filter((i) => names.includes(i.name)).map((i) => i.port);
        const extra = await startNginx({
          dir: path.join(prefix, `nginx-${names.join('')}`),
          port: await bindablePort(port ?? 0),
          upstreamPorts: upstream,
          log,
        });
        proxies.push(extra);
        return extra;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};

/**
 * Loads the demo data into the schema (scripts/seed.js in its own process, as `npm run seed` does):
 * not in production mode, so the demo users are created (password DEMO_PASSWORD or Disclosure2018).
 */
const seedSchema = ({ databaseUrl, schema, env = {} }) =>
  new Promise((resolve, reject) => {
    // the upload provider refuses to start without its folder
    if (env.PUBLIC_DIR) fs.mkdirSync(path.join(env.PUBLIC_DIR, 'uploads'), { recursive: true });
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'seed.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        LOG_LEVEL: 'error',
        ...env,
        NODE_ENV: 'development',
        DATABASE_CLIENT: 'postgres',
        DATABASE_URL: databaseUrl,
        DATABASE_SCHEMA: schema,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    living.set(child, 'SIGKILL');
    let output = '';
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      living.delete(child);
      if (code === 0) resolve(output.trim());
      else reject(new Error(`scripts/seed.js failed (exit ${code}):\n${output}`));
    });
  });

module.exports = { startCluster, seedSchema, renderNginxConfig, upstreamServers, bindablePort, ensureNginx, ensureSchema, productionSecrets, TEMPLATE };
