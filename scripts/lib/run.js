'use strict';

const { spawnSync } = require('node:child_process');
const { ROOT } = require('./strapi-app');

/** Runs a command in the repo root with inherited output; stops the script if it fails. */
const run = (command, args, env = {}) => {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  return (Date.now() - started) / 1000;
};

module.exports = { run };
