'use strict';

/**
 * Starts one more instance of the compiled app on PORT (no admin panel) and prints "READY <port>"
 * when it listens: the multi-instance tests run it beside their own instance on one database.
 */
const { createStrapi } = require('@strapi/strapi');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

const main = async () => {
  const app = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), autoReload: false, serveAdminPanel: false });
  await app.load();
  await app.listen();
  process.stdout.write(`READY ${app.server.httpServer.address().port}\n`);
  const stop = () => app.destroy().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
