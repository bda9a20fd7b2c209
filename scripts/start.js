'use strict';

/**
 * npm run start: the built app in production, as `strapi start` runs it, with one worker per core
 * on PostgreSQL (scripts/lib/workers.js; GOV_DISCLOSURE_WORKERS sets the number). Build first
 * (`npm run build`).
 */
const path = require('node:path');
const { runWorkers, workerCount } = require('./lib/workers');

const ROOT = path.resolve(__dirname, '..');

runWorkers(workerCount(), async () => {
  const { createStrapi } = require('@strapi/strapi');
  const app = await createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist') }).start();
  return [String(app.server.httpServer.address().port)];
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
