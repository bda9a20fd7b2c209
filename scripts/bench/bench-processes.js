'use strict';

/**
 * The processes of the portal benchmarks (portal.js, profile-mix.js): a server script started in a
 * child process until it prints READY, stopped by SIGTERM, and the load generators run in their own
 * processes, each answering with its summary as JSON on its last line.
 */
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { productionSecrets } = require('../lib/cluster');
const { ROOT } = require('./databases');

/** Production mode with fresh secrets, as scripts/lib/cluster.js starts its instances. */
const productionEnv = () => ({ NODE_ENV: 'production', ...productionSecrets(), LOG_LEVEL: 'error', STRAPI_TELEMETRY_DISABLED: 'true' });

/** Starts a script of the repo with Node's `nodeArgs`; resolves with its URL (and the token it prints) once READY. */
const startServer = (script, env, nodeArgs = []) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, script)], {
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

/** Stops a started server and waits for it to exit (at once when it already has). */
const stopServer = (child) =>
  new Promise((resolve) => {
    child.removeAllListeners('exit');
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.on('exit', resolve);
    child.kill('SIGTERM');
  });

const runNode = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop());
};

/** One URL under load (load.js). */
const loadUrl = (url, connections, seconds, token) =>
  runNode([path.join(__dirname, 'load.js'), url, String(connections), String(seconds), ...(token ? [token] : [])]);

/** The URL pool under load (load-mix.js), drawn uniformly, by Zipf rank, or as a started server's first load. */
const loadMix = (origin, poolFile, distribution, connections, seconds) =>
  runNode([path.join(__dirname, 'load-mix.js'), origin, poolFile, distribution, String(connections), String(seconds)]);

module.exports = { loadMix, loadUrl, productionEnv, startServer, stopServer };
