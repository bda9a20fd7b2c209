'use strict';

const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/** Loads the compiled app (dist/) without serving the admin panel: for scripts and tests. */
const loadStrapi = async (options = {}) => {
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({
    appDir: ROOT,
    distDir: path.join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
    ...options,
  });
  await app.load();
  return app;
};

/**
 * Destroys the instance once its database pool is idle: the Document Service emits its entry
 * events (webhooks) after a write returns, and they still read the entry; destroying the pool
 * under them aborts those reads and fails the process (seen on PostgreSQL after a fast seed).
 */
const stopStrapi = async (strapi, { timeoutMs = 10_000 } = {}) => {
  const pool = strapi.db?.connection?.client?.pool;
  const deadline = Date.now() + timeoutMs;
  while (pool && (pool.numUsed() > 0 || pool.numPendingAcquires() > 0) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await strapi.destroy();
};

module.exports = { ROOT, loadStrapi, stopStrapi };
