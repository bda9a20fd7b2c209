'use strict';

/**
 * npm run catalog:export -- --organization <slug> [--format csv|xlsx] [--out <file>]
 *
 * Writes the organization's published catalog with the import's columns (索引号, 名称, 发布机构 …),
 * so the file imports back into the same catalog. Default: CSV to catalog-<slug>.csv.
 */
const fs = require('node:fs');
const path = require('node:path');
const { loadStrapi, stopStrapi } = require('./lib/strapi-app');

const USAGE = 'usage: npm run catalog:export -- --organization <slug> [--format csv|xlsx] [--out <file>]';

const main = async () => {
  const args = { organization: null, format: null, out: null };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 1) {
    const [name, inline] = argv[i].split('=');
    const value = inline ?? argv[(i += 1)];
    if (name === '--organization') args.organization = value;
    else if (name === '--format') args.format = value;
    else if (name === '--out') args.out = value;
    else {
      console.error(`unknown argument ${argv[i]}\n${USAGE}`);
      return 2;
    }
  }
  if (!args.organization) {
    console.error(`--organization is required\n${USAGE}`);
    return 2;
  }
  const format = args.format ?? (args.out && args.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
  if (!['csv', 'xlsx'].includes(format)) {
    console.error(`--format must be csv or xlsx\n${USAGE}`);
    return 2;
  }
  const out = path.resolve(args.out ?? `catalog-${args.organization}.${format}`);
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'error';
  const strapi = await loadStrapi();
  try {
    const org = await strapi.db.query('plugin::gov-disclosure.organization').findOne({ where: { slug: args.organization } });
    if (!org) {
      console.error(`no organization with slug "${args.organization}"`);
      return 2;
    }
    const started = Date.now();
    const count = await strapi.plugin('gov-disclosure').service('catalog-export').write(fs.createWriteStream(out), format, args.organization);
    console.log(`exported ${count} published entries to ${path.relative(process.cwd(), out)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return 0;
  } finally {
    await stopStrapi(strapi);
  }
};

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
