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

module.exports = { ROOT, loadStrapi };
