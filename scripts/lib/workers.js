'use strict';

/**
 * One process per core behind one port (node:cluster): a Node.js process uses one core, and a
 * portal under load leaves the others idle. Each worker is a full instance of the app, exactly as
 * the several-instances deployment runs them — on PostgreSQL they already share everything that
 * must be shared (cache invalidation by LISTEN/NOTIFY, scheduled work by leases, start-up under an
 * advisory lock). SQLite has a single writer: two processes writing at once can fail with
 * "database is locked", so on SQLite the default is one worker (GOV_DISCLOSURE_WORKERS overrides it,
 * at that risk, e.g. for a read-only mirror).
 *
 * The first worker starts alone (schema sync, migrations, seeding), the others once it listens. A
 * worker that dies is started again; SIGTERM or SIGINT stops them all. The primary prints
 * "READY <port> …" when every worker listens, as scripts/lib/serve.js does for one process.
 */
const cluster = require('node:cluster');
const os = require('node:os');

/** How many workers: GOV_DISCLOSURE_WORKERS, else one per core on PostgreSQL and one on SQLite. */
const workerCount = (env = process.env) => {
  const asked = Number(env.GOV_DISCLOSURE_WORKERS || 0);
  if (Number.isInteger(asked) && asked > 0) return asked;
  return env.DATABASE_CLIENT === 'postgres' ? os.availableParallelism() : 1;
};

/**
 * The connections each worker's public reads may use at once, unless GOV_DISCLOSURE_PUBLIC_READ_CONNECTIONS
 * says: the plugin's own default (4) suits one process; several share the cores. Two workers of 4
 * each kept eight PostgreSQL backends busy on a two-core machine: bench:portal's uncached mix ran
 * 758/798 req/s at 1.20–1.27 ms of PostgreSQL CPU a request, against 841/955 at 0.83–0.97 with one
 * each (interleaved runs; one worker of 4: 810–840).
 */
const readConnectionsPerWorker = (count, { env = process.env, cores = os.availableParallelism() } = {}) =>
  env.GOV_DISCLOSURE_PUBLIC_READ_CONNECTIONS || String(Math.max(1, Math.floor(cores / count)));

/**
 * Runs `start` in `count` workers (or in this process when count is 1). `start` starts the app
 * and resolves to the words after READY (the port first); a worker reports them to the primary.
 */
const runWorkers = async (count, start) => {
  if (count <= 1) {
    process.stdout.write(`READY ${(await start()).join(' ')}\n`);
    return;
  }
  if (cluster.isWorker) {
    const words = await start();
    process.send({ ready: words });
    return;
  }

  let stopping = false;
  let ready = null;
  const fork = () =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork({ GOV_DISCLOSURE_PUBLIC_READ_CONNECTIONS: readConnectionsPerWorker(count) });
      worker.on('message', (message) => {
        if (message && Array.isArray(message.ready)) resolve(message.ready);
      });
      worker.on('exit', (code, signal) => {
        if (stopping) return;
        if (!ready) {
          reject(new Error(`worker ${worker.process.pid} exited with ${code ?? signal} while starting`));
          return;
        }
        console.error(`worker ${worker.process.pid} exited with ${code ?? signal}: starting another`);
        fork().catch((error) => console.error(error.message));
      });
    });

  const stop = () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    let left = workers.length;
    for (const worker of workers) {
      worker.once('exit', () => {
        left -= 1;
        if (left === 0) process.exit(0);
      });
      worker.process.kill('SIGTERM');
    }
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  try {
    const first = await fork();
    await Promise.all(Array.from({ length: count - 1 }, () => fork()));
    ready = first;
    process.stdout.write(`READY ${first.join(' ')} workers=${count}\n`);
  } catch (error) {
    console.error(error.message);
    stop();
    process.exitCode = 1;
  }
};

module.exports = { runWorkers, workerCount, readConnectionsPerWorker };
