'use strict';

/**
 * npm test: lints (ESLint, Prettier), builds the plugin and the app's TypeScript, then runs every
 * jest suite (unit, integration against real Strapi instances, browser, and the plugin installed
 * into a bare Strapi app). Integration suites use a temporary SQLite file, or
 * PostgreSQL when DATABASE_URL is set. Extra arguments go to jest.
 * Ends with one line "tests: N passed, N failed, N skipped".
 */
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./lib/strapi-app');
const { run } = require('./lib/run');

const resultsFile = path.join(ROOT, '.tmp', `jest-results-${process.pid}.json`);
fs.mkdirSync(path.dirname(resultsFile), { recursive: true });

const args = process.argv.slice(2);
// Lint and formatting first, on the whole tree (a pass that only repeats suites skips it).
if (!args.includes('--selectProjects')) console.log(`lint: ${run('npm', ['run', '--silent', 'lint']).toFixed(1)} s`);
const onlyUnitOrIntegration = args.includes('--selectProjects') && !args.includes('browser');
// The browser suites need the admin panel built and Debian's Chromium; the others only dist/.
const build = onlyUnitOrIntegration
  ? run('npm', ['run', '--silent', 'build:plugin']) + run('npx', ['tsc', '-p', 'tsconfig.json'])
  : run('bash', ['scripts/ensure-browser.sh']) + run('npm', ['run', '--silent', 'build']);
console.log(`build: ${build.toFixed(1)} s`);

const { spawnSync } = require('node:child_process');
// One jest worker per core: every suite starts its own Strapi on its own SQLite file or PostgreSQL
// schema, on ports of its own, so suites run side by side (TEST_WORKERS=1 runs them in band).
const workers = Number(process.env.TEST_WORKERS || require('node:os').availableParallelism());
const jest = spawnSync('npx', ['jest', workers > 1 ? `--maxWorkers=${workers}` : '--runInBand', '--json', `--outputFile=${resultsFile}`, ...args], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { LOG_LEVEL: 'error', ...process.env },
});

let summary = 'tests: no results (jest did not finish)';
if (fs.existsSync(resultsFile)) {
  const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  fs.rmSync(resultsFile);
  const database = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';
  console.log(`\n${r.numTotalTestSuites} suites, ${r.numTotalTests} tests, integration database: ${database}`);
  summary = `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
  // .ci/run adds up its passes from this file
  if (process.env.TEST_SUMMARY_FILE) {
    fs.appendFileSync(process.env.TEST_SUMMARY_FILE, `${r.numPassedTests} ${r.numFailedTests} ${r.numPendingTests + r.numTodoTests}\n`);
  }
  if (r.numTotalTests === 0) {
    console.log(summary);
    console.error('No test ran.');
    process.exit(1);
  }
}
console.log(summary);
process.exit(jest.status ?? 1);
