'use strict';

/**
 * node scripts/update-working-calendar.js [--from <chinese-days .tgz | package dir>] [--out <file>] [--date YYYY-MM-DD]
 *
 * Regenerates plugins/gov-disclosure/shared/calendar/cn-working-calendar.json (statutory holidays
 * and 调休 working weekend days, 2008 onward) from the open data of the npm package chinese-days
 * (MIT). The package is a dev-time source only, never a dependency of the plugin:
 *
 *   cd /tmp && npm pack chinese-days        # writes chinese-days-<version>.tgz
 *   node scripts/update-working-calendar.js --from /tmp/chinese-days-<version>.tgz
 *
 * Without --from, an installed copy (require.resolve('chinese-days')) is used if there is one.
 * The script refuses to write data that breaks the rules the deadline counter relies on.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const USAGE = 'usage: node scripts/update-working-calendar.js [--from <chinese-days .tgz | package dir>] [--out <file>] [--date YYYY-MM-DD]';
// 2008: the first year of today's holiday system (清明, 端午, 中秋 added; 劳动节 cut to one day).
const FIRST_YEAR = 2008;
const DEFAULT_OUT = path.join(__dirname, '..', 'plugins', 'gov-disclosure', 'shared', 'calendar', 'cn-working-calendar.json');

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const weekday = (day) => {
  const [, y, m, d] = DAY.exec(day).map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
};
const isDay = (value) => {
  const match = typeof value === 'string' && DAY.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** The package directory: a tarball is unpacked into a temporary folder first. */
const packageDir = (from) => {
  if (!from) {
    try {
      return path.dirname(require.resolve('chinese-days/package.json'));
    } catch {
      throw new Error(`no --from given and chinese-days is not installed here\n${USAGE}`);
    }
  }
  const resolved = path.resolve(from);
  if (fs.statSync(resolved).isDirectory()) {
    // accept both the unpacked tarball's parent and the package folder itself
    return fs.existsSync(path.join(resolved, 'package', 'package.json')) ? path.join(resolved, 'package') : resolved;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chinese-days-'));
  execFileSync('tar', ['-xzf', resolved, '-C', tmp]);
  return path.join(tmp, 'package');
};

const readSource = (dir) => {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (pkg.name !== 'chinese-days') throw new Error(`${dir} holds ${pkg.name}, not chinese-days`);
  const licenceFile = ['LICENSE', 'LICENSE.md', 'LICENCE'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  if (!licenceFile) throw new Error(`${dir} has no LICENSE file`);
  const yearsDir = path.join(dir, 'dist', 'years');
  const files = fs.readdirSync(yearsDir).filter((f) => /^\d{4}\.json$/.test(f));
  const years = {};
  for (const file of files) {
    const year = Number(file.slice(0, 4));
    const data = JSON.parse(fs.readFileSync(path.join(yearsDir, file), 'utf8'));
    // only the off days and the make-up working days matter; inLieuDays is a subset of the off days
    years[year] = { holidays: Object.keys(data.holidays || {}), workdays: Object.keys(data.workdays || {}) };
  }
  return { pkg, licenceText: fs.readFileSync(licenceFile, 'utf8').trim(), years };
};

/**
 * Each date goes to the year it falls in (a source may file 30 December under the next year's
 * holiday); the deadline counter looks a day up by its own year only.
 */
const byYear = (sourceYears) => {
  const out = {};
  const add = (kind, day) => {
    if (!isDay(day)) throw new Error(`the source lists ${JSON.stringify(day)}, not a date`);
    const year = Number(day.slice(0, 4));
    out[year] ??= { holidays: new Set(), workdays: new Set() };
    out[year][kind].add(day);
  };
  for (const entry of Object.values(sourceYears)) {
    entry.holidays.forEach((day) => add('holidays', day));
    entry.workdays.forEach((day) => add('workdays', day));
  }
  // a year is announced only when the source has its own file: stray dates filed under a
  // neighbouring year must not make an unannounced year look complete
  const result = {};
  for (const year of Object.keys(sourceYears)
    .map(Number)
    .sort((a, b) => a - b)) {
    if (year < FIRST_YEAR) continue;
    const entry = out[year] ?? { holidays: new Set(), workdays: new Set() };
    result[year] = { holidays: [...entry.holidays].sort(), workdays: [...entry.workdays].sort() };
  }
  return result;
};

const check = (years) => {
  const problems = [];
  const list = Object.keys(years).map(Number);
  const last = Math.max(...list);
  for (let year = FIRST_YEAR; year <= last; year += 1) if (!years[year]) problems.push(`${year}: missing`);
  for (const [year, { holidays, workdays }] of Object.entries(years)) {
    if (holidays.length === 0) problems.push(`${year}: no holidays at all`);
    const off = new Set(holidays);
    for (const day of workdays) {
      if (off.has(day)) problems.push(`${day}: both a holiday and a working day`);
      if (![0, 6].includes(weekday(day))) problems.push(`${day}: a make-up working day that is not a weekend day`);
    }
  }
  // facts from the State Council's notice for 2025 (国办发明电〔2024〕12号)
  const y2025 = years[2025];
  if (y2025) {
    for (const day of ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'])
      if (!y2025.workdays.includes(day)) problems.push(`2025: ${day} should be a working day`);
    for (let d = 28; d <= 35; d += 1) {
      const day = d <= 31 ? `2025-01-${d}` : `2025-02-0${d - 31}`;
      if (!y2025.holidays.includes(day)) problems.push(`2025: ${day} should be a Spring Festival holiday`);
    }
  }
  return problems;
};

/** The project's Prettier style when Prettier is installed, so `npm run lint` stays clean. */
const formatted = async (json, file) => {
  let prettier;
  try {
    prettier = require('prettier');
  } catch {
    return `${json}\n`;
  }
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(json, { ...options, filepath: file });
};

const main = async () => {
  const args = { from: null, out: DEFAULT_OUT, date: new Date().toISOString().slice(0, 10) };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [name, inline] = arg.split('=');
    const value = inline ?? argv[(i += 1)];
    if (name === '--from') args.from = value;
    else if (name === '--out') args.out = path.resolve(value);
    else if (name === '--date') args.date = value;
    else {
      console.error(`unknown argument ${arg}\n${USAGE}`);
      return 2;
    }
  }
  if (!isDay(args.date)) {
    console.error(`--date must be YYYY-MM-DD\n${USAGE}`);
    return 2;
  }
  const source = readSource(packageDir(args.from));
  const years = byYear(source.years);
  const problems = check(years);
  if (problems.length) {
    console.error(`refusing to write ${args.out}:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  if (fs.existsSync(args.out)) {
    const before = Object.keys(JSON.parse(fs.readFileSync(args.out, 'utf8')).years || {});
    const dropped = before.filter((year) => !years[year]);
    // the office may have been told to expect a year: say so loudly instead of losing it quietly
    if (dropped.length) console.warn(`warning: the source has no data for ${dropped.join(', ')}; those years are no longer in ${args.out}`);
  }
  const licence = source.pkg.license || 'MIT';
  const output = {
    source: `npm package chinese-days@${source.pkg.version} (https://github.com/vsme/chinese-days), compiled from the State Council's annual holiday notices (国务院办公厅关于部分节假日安排的通知)`,
    licence,
    licenceText: source.licenceText,
    generated: args.date,
    years,
  };
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, await formatted(JSON.stringify(output, null, 2), args.out));
  const list = Object.keys(years);
  console.log(`wrote ${args.out}: ${list[0]}–${list[list.length - 1]} (${list.length} years) from chinese-days@${source.pkg.version}`);
  return 0;
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error.message);
    process.exitCode = 1;
  }
);
