'use strict';

/**
 * The app in production mode for the portal benchmark, plus Strapi's stock REST find for the
 * catalog-entry type at /api/bench-stock/catalog-entries (with a full-access API token printed
 * after READY): mounted by this script only, as the anchor a Strapi user would otherwise use (the
 * product never exposes stock REST for its types).
 */
const { factories } = require('@strapi/strapi');
const { serve, fail } = require('../lib/serve');

const UID = 'plugin::gov-disclosure.catalog-entry';

serve({
  async beforeBootstrap(app) {
    app.get('services').add('plugin::gov-disclosure', { 'catalog-entry': factories.createCoreService(UID) });
    app.get('controllers').add('plugin::gov-disclosure', { 'catalog-entry': factories.createCoreController(UID) });
  },
  async beforeListen(app) {
    app.server.routes({ type: 'content-api', prefix: '/bench-stock', routes: [{ method: 'GET', path: '/catalog-entries', handler: `${UID}.find` }] });
    // Strapi's content API refuses filters across relations for the public: a full-access API token,
    // as a Strapi user querying their own content would hold, lets the stock find filter by column.
    const token = await app.service('admin::api-token').create({ name: `bench-${Date.now()}`, type: 'full-access', lifespan: null });
    return [token.accessKey];
  },
}).catch(fail);
