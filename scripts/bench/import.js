'use strict';

/**
 * npm run bench:import — a legacy catalog of ROWS rows (deterministic: 索引号, 文号, dates, 主题分类,
 * 体裁, 栏目, keywords and a body of a few hundred characters) imported with --publish by the real
 * command (npm run catalog:import) into a fresh database with the demo seed, on SQLite and on
 * PostgreSQL (when reachable); then the same file again (everything skipped). Prints a table and
 * JSON, writes bench-results/import.json. Target: 100,000 rows in ≤ 5 minutes on SQLite.
 *
 * Environment: BENCH_ROWS (100000), BENCH_PG_URL, BENCH_ONLY=SQLite|PostgreSQL.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { benchDatabases, buildApp, freshDatabase, reportResults, ROOT } = require('./databases');

const ROWS = Number(process.env.BENCH_ROWS || 100_000);
const CODE = '11330300002579909B';
const HEADER = ['索引号', '名称', '发布机构', '成文日期', '发布日期', '文号', '主题分类', '体裁分类', '有效性', '公开方式', '关键词', '内容', '栏目'];
const WORDS = [
  '质量',
  '监督',
  '抽查',
  '计量',
  '标准',
  '特种设备',
  '电梯',
  '食品',
  '价格',
  '执法',
  '许可',
  '锅炉',
  '气瓶',
  '广告',
  '商标',
  '认证',
  '检验',
  '安全',
];
const SUBJECTS = ['09.02', '09.03', '02', '18.01', '06.04', '17.03'];
const GENRES = ['通知', '公告', '意见', '办法', '报告', '批复'];
const COLUMNS = ['通知公告', '信息公开目录'];

const csvCell = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const writeLegacyFile = (file) => {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, `\uFEFF${HEADER.join(',')}\n`);
  let chunk = '';
  for (let k = 1; k <= ROWS; k += 1) {
    const year = 2001 + (k % 17);
    const date = `${year}-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`;
    const w = (i) => WORDS[(k * 7 + i * 13) % WORDS.length];
    const title = `关于${w(1)}${w(2)}${w(3)}工作的${GENRES[k % GENRES.length]}（${k}）`;
    const body = `## 一、${w(4)}工作安排\n\n${`各县（市、区）${w(5)}部门：为做好${w(6)}${w(7)}工作，现将有关事项通知如下。`.repeat(4)}`;
    const row = [
      `${CODE}/${year}-${String(Math.floor((k - 1) / 17) + 1).padStart(5, '0')}`,
      title,
      '温州市质量技术监督局',
      date,
      date,
      `温质监〔${year}〕${k}号`,
      SUBJECTS[k % SUBJECTS.length],
      GENRES[k % GENRES.length],
      k % 10 === 0 ? '失效' : '有效',
      '主动公开',
      `${w(1)}；${w(2)}`,
      body,
      COLUMNS[k % 2],
    ];
    chunk += `${row.map(csvCell).join(',')}\n`;
    if (k % 5000 === 0 || k === ROWS) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.closeSync(out);
};

const run = (script, args, env) => {
  const started = Date.now();
  const res = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'error' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) throw new Error(`${script} exited ${res.status}: ${res.stdout.slice(-2000)} ${res.stderr.slice(-2000)}`);
  return { seconds: (Date.now() - started) / 1000, stdout: res.stdout };
};

const main = async () => {
  buildApp();
  const file = path.join(os.tmpdir(), `legacy-catalog-${ROWS}.csv`);
  writeLegacyFile(file);
  console.log(`legacy file: ${ROWS.toLocaleString()} rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`);
  const results = { rows: ROWS, machine: `${os.cpus().length} cores, node ${process.version}`, databases: [] };
  const table = [];
  const only = process.env.BENCH_ONLY;
  for (const db of benchDatabases('import').filter((d) => !only || d.name === only)) {
    await freshDatabase(db);
    run('seed.js', [], db.env);
    const first = run('catalog-import.js', [file, '--organization', 'wzzl', '--publish'], db.env);
    const rerun = run('catalog-import.js', [file, '--organization', 'wzzl', '--publish'], db.env);
    const summary = (out) => out.stdout.trim().split('\n').pop();
    const row = {
      database: db.name,
      rows: ROWS,
      'import s': Number(first.seconds.toFixed(1)),
      'rows/s': Math.round(ROWS / first.seconds),
      'rerun s (all skipped)': Number(rerun.seconds.toFixed(1)),
      target: db.name === 'SQLite' ? (first.seconds <= 300 ? '≤ 300 s: met' : '≤ 300 s: MISSED') : '',
    };
    console.log(`${db.name}: ${summary(first)} | rerun: ${summary(rerun)}`);
    table.push(row);
    results.databases.push({ ...row, import: summary(first), rerun: summary(rerun) });
  }
  fs.rmSync(file, { force: true });
  reportResults('import', table, results);
};

// A Strapi instance loaded in this process can keep its event loop busy after destroy(): the
// script ends when its results are written (a run left spinning skewed the next benchmark).
main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
