'use strict';

/**
 * Starts one more instance of the compiled app on PORT and prints "READY <port>" when it listens:
 * the multi-instance tests run it beside their own instance on one database, and npm run cluster
 * runs several behind nginx. No admin panel unless SERVE_ADMIN=1 (it needs `strapi build` first).
 * One process unless GOV_DISCLOSURE_WORKERS asks for more (scripts/lib/workers.js).
 */
const path = require('node:path');
const { runWorkers } = require('./workers');

const ROOT = path.resolve(__dirname, '..', '..');

/** Creates the app; `beforeBootstrap` and `beforeListen` let a caller add to it (the benchmark does). */
const serve = ({ beforeBootstrap = async () => {}, beforeListen = async () => [] } = {}) =>
  runWorkers(Number(process.env.GOV_DISCLOSURE_WORKERS || 1), async () => {
    const { createStrapi } = require('@strapi/strapi');
    const app = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), autoReload: false, serveAdminPanel: process.env.SERVE_ADMIN === '1' });
    await app.register();
    await beforeBootstrap(app);
    await app.bootstrap();
    const extra = await beforeListen(app);
    await app.listen();
    const stop = () => app.destroy().finally(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    return [app.server.httpServer.address().port, ...extra];
  });

const fail = (error) => {
  console.error(error);
  process.exit(1);
};

if (require.main === module) serve().catch(fail);

module.exports = { serve, fail };
