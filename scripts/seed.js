'use strict';

/**
 * npm run seed: loads the demo data (idempotent). Demo admin users are created unless
 * NODE_ENV=production; their password is DEMO_PASSWORD or Disclosure2018.
 */
const { loadStrapi, stopStrapi } = require('./lib/strapi-app');

const main = async () => {
  const strapi = await loadStrapi();
  try {
    const { seedDemo } = require('../dist/src/seed/seed-demo');
    const { DEMO_PASSWORD_DEFAULT } = require('../dist/src/seed/data/users');
    const production = process.env.NODE_ENV === 'production';
    const result = await seedDemo(strapi, production ? {} : { users: { password: process.env.DEMO_PASSWORD || DEMO_PASSWORD_DEFAULT } });
    const created = Object.entries(result.created)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(`Seed done. Created: ${created}.${production ? ' (NODE_ENV=production: no demo users)' : ''}`);
  } finally {
    await stopStrapi(strapi);
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
