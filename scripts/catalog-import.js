'use strict';

/**
 * npm run catalog:import -- <file.csv|file.xlsx> --organization <slug> [--dry-run] [--publish]
 *
 * Checks every row of a legacy catalog and prints a report (row, column, message). --dry-run stops
 * there and writes nothing. Otherwise the good rows are imported in transactional batches, with a
 * progress bar; Ctrl-C (or SIGTERM) stops after the batch being written, and a rerun of the same
 * file skips what is already imported. --publish publishes the entries (their 索引号 kept, new ones
 * given after the highest imported serial); without it they arrive as drafts for the workflow.
 * Exit status: 0 all rows good, 1 some rows refused (the good ones imported), 2 usage, 130 stopped.
 */
const path = require('node:path');
const { SingleBar, Presets } = require('cli-progress');
const { loadStrapi, stopStrapi } = require('./lib/strapi-app');

const USAGE = 'usage: npm run catalog:import -- <file.csv|file.xlsx> --organization <slug> [--dry-run] [--publish]';

const parseArgs = (argv) => {
  const args = { file: null, organization: null, dryRun: false, publish: false };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--dry-run') args.dryRun = true;
    else if (a === '--publish') args.publish = true;
    else if (a === '--organization') args.organization = argv[(i += 1)];
    else if (a.startsWith('--organization=')) args.organization = a.slice('--organization='.length);
    else if (!a.startsWith('--') && !args.file) args.file = a;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.file || !args.organization) throw new Error('a file and --organization are required');
  return args;
};

const printReport = (report) => {
  const shown = report.issues.slice(0, 200);
  if (shown.length) {
    console.log('\nrow\tcolumn\tmessage');
    for (const i of shown) console.log(`${i.row}\t${i.column}\t${i.severity === 'warning' ? '(warning) ' : ''}${i.message}`);
    if (report.issueCount > shown.length) console.log(`… ${report.issueCount - shown.length} more (the admin panel's import lists up to 1000)`);
  }
  const c = report.counts;
  const verb = report.dryRun ? 'would import' : 'imported';
  console.log(
    `\n${report.dryRun ? 'Dry run (nothing written). ' : ''}rows ${c.rows}, ${verb} ${c.imported}${report.publish ? ' (published)' : ' (as drafts)'}, already imported ${c.skipped}, refused ${c.invalid} — ${report.seconds.toFixed(1)} s`
  );
  if (report.interrupted) console.log('Stopped between two batches: run the same command again to import the rest.');
};

const main = async () => {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  const file = path.resolve(args.file);
  const ext = path.extname(file).toLowerCase();
  const format = ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : null;
  if (!format) {
    console.error(`${args.file}: only .csv and .xlsx files can be imported\n${USAGE}`);
    return 2;
  }
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'error';
  const strapi = await loadStrapi();
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(130); // a second Ctrl-C: the open batch's transaction is rolled back
    stopping = true;
    process.stderr.write('\nStopping after the batch being written (Ctrl-C again to abandon it)…\n');
  };
  // Strapi's own handlers destroy the instance at once; this command finishes the batch first
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.removeAllListeners(signal);
    process.on(signal, stop);
  }
  const bar = new SingleBar(
    { format: 'importing [{bar}] {percentage}% | {value}/{total} rows | {duration_formatted}', stream: process.stderr, hideCursor: true },
    Presets.shades_classic
  );
  let started = false;
  const t0 = Date.now();
  try {
    const report = await strapi
      .plugin('gov-disclosure')
      .service('catalog-import')
      .run(file, format, {
        organization: args.organization,
        publish: args.publish,
        dryRun: args.dryRun,
        fileName: path.basename(file),
        actor: { id: null, name: '命令行导入 CLI import' },
        onProgress: (done, total) => {
          // a bar on a terminal; one line per batch in a log
          if (!process.stderr.isTTY) {
            process.stderr.write(`imported ${done} of ${total} rows (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
            return;
          }
          if (!started) {
            bar.start(total, 0);
            started = true;
          }
          bar.update(done);
        },
        shouldStop: () => stopping,
      });
    if (started) bar.stop();
    printReport(report);
    if (report.interrupted) return 130;
    return report.issues.some((i) => i.severity === 'error') ? 1 : 0;
  } catch (error) {
    if (started) bar.stop();
    console.error(error.details?.errors ? `${error.message}` : error);
    return 2;
  } finally {
    await stopStrapi(strapi);
  }
};

main().then((code) => process.exit(code));
