'use strict';

/**
 * npm run demo: builds the plugin and the admin panel, creates the SQLite database with the demo
 * data, and starts Strapi on http://localhost:1337 (admin at /admin, health at /_health).
 */
const { spawn } = require('node:child_process');
const { ROOT } = require('./lib/strapi-app');
const { run } = require('./lib/run');

const buildSeconds = run('npm', ['run', '--silent', 'build']);
const seedSeconds = run('node', ['scripts/seed.js']);
console.log(`\nBuilt in ${buildSeconds.toFixed(0)} s, seeded in ${seedSeconds.toFixed(0)} s. Starting Strapi…`);
console.log('Demo logins (password Disclosure2018 unless DEMO_PASSWORD is set):');
console.log('  admin@demo.gov.cn (super admin), drafter@demo.gov.cn, reviewer@demo.gov.cn, publisher@demo.gov.cn\n');

const server = spawn('npx', ['strapi', 'start'], { cwd: ROOT, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
