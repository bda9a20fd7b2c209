'use strict';

/**
 * The realistic traffic of bench:portal: thousands of distinct public URLs drawn from the generated
 * catalog, as visitors, search engines and the site-monitoring crawlers spread over a portal: list
 * pages of every list column (deep pages included), entries as JSON and as HTML pages, 2–4
 * character catalog searches cut from real titles, and the catalog's filters. Deterministic: the
 * same catalog gives the same pool, in the same order (its order is the Zipf rank).
 */
const PAGE_SIZE = 20;

// the catalog generator's seeded generator: the same seed, the same pool
const { prng } = require('./generate-catalog');

const shuffle = (list, random) => {
  for (let i = list.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
};

/** A 2–4 character search cut from a title, skipping its year and number. */
const searchTerm = (title, random) => {
  const text = Array.from(
    String(title)
      .replace(/^\d{4}年/, '')
      .replace(/（第\d+号）$/, '')
  );
  const length = 2 + Math.floor(random() * 3);
  const start = Math.floor(random() * Math.max(1, text.length - length));
  return text.slice(start, start + length).join('');
};

/**
 * Reads what the pool draws from (live list columns with their sizes, a sample of live entries,
 * subject codes, years) out of a loaded Strapi's database.
 */
const readCatalog = async (strapi, { sample = 4000, seed = 14 } = {}) => {
  const knex = strapi.db.connection;
  const columns = await knex('gov_disclosure_columns as c')
    .join('gov_disclosure_column_listings as l', 'l.column_id', 'c.id')
    .where({ 'c.locale': 'zh-Hans', 'c.kind': 'list', 'l.locale': 'zh-Hans' })
    .whereNotNull('c.published_at')
    .groupBy('c.slug')
    .select('c.slug')
    .count({ entries: '*' });
  const [{ total }] = await knex('gov_disclosure_catalog_search').where({ locale: 'zh-Hans' }).count({ total: '*' });
  // entries spread over the whole catalog: every k-th live one, from a seeded offset
  const step = Math.max(1, Math.floor(Number(total) / sample));
  const offset = Math.floor(prng(seed)() * step);
  const ids = await knex('gov_disclosure_catalog_search')
    .where({ locale: 'zh-Hans' })
    .orderBy('entry_id')
    .select('entry_id')
    .then((rows) => rows.filter((_, i) => i % step === offset).map((r) => r.entry_id));
  const entries = [];
  for (let i = 0; i < ids.length; i += 500) {
    entries.push(
      ...(await knex('gov_disclosure_catalog_entries')
        .whereIn('id', ids.slice(i, i + 500))
        .select('slug', 'document_id', 'title'))
    );
  }
  const subjects = (await knex('gov_disclosure_catalog_search').distinct('subject_code').whereNotNull('subject_code')).map((r) => r.subject_code);
  const years = (await knex('gov_disclosure_catalog_search').distinct('published_year').whereNotNull('published_year')).map((r) => r.published_year);
  return { columns: columns.map((c) => ({ slug: c.slug, entries: Number(c.entries) })), entries, subjects: subjects.sort(), years: years.sort() };
};

/**
 * The pool: `size` distinct URLs (paths), shuffled with a seed. Shares: 30 % column list pages
 * (JSON API and portal), 50 % entries (half JSON, half HTML), 12 % searches, 8 % filters.
 */
const buildPool = (catalog, { size = 6000, seed = 2018 } = {}) => {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const urls = new Set();
  const add = (url, quota) => {
    if (quota.left > 0 && !urls.has(url)) {
      urls.add(url);
      quota.left -= 1;
    }
  };
  const fill = (share, make) => {
    const quota = { left: Math.round(size * share) };
    for (let tries = 0; quota.left > 0 && tries < size * 50; tries += 1) add(make(), quota);
  };
  const enc = encodeURIComponent;

  // list pages: page 1 of each column often, deep pages as crawlers walk them (up to the last)
  fill(0.3, () => {
    const column = pick(catalog.columns);
    const pages = Math.max(1, Math.ceil(column.entries / PAGE_SIZE));
    const page = random() < 0.2 ? 1 + Math.floor(random() * Math.min(5, pages)) : 1 + Math.floor(random() * pages);
    return random() < 0.5
      ? `/api/gov-disclosure/columns/${column.slug}/entries?page=${page}&pageSize=${PAGE_SIZE}`
      : `/portal/columns/${column.slug}${page > 1 ? `?page=${page}` : ''}`;
  });
  fill(0.25, () => `/api/gov-disclosure/entries/${pick(catalog.entries).slug}`);
  fill(0.25, () => `/portal/entries/${pick(catalog.entries).slug}`);
  fill(0.12, () => {
    const q = enc(searchTerm(pick(catalog.entries).title, random));
    const page = random() < 0.8 ? 1 : 2 + Math.floor(random() * 5);
    return random() < 0.5 ? `/api/gov-disclosure/catalog?q=${q}&page=${page}` : `/portal/catalog?q=${q}${page > 1 ? `&page=${page}` : ''}`;
  });
  fill(0.08, () => {
    const filters = [];
    if (random() < 0.7) filters.push(`subject=${pick(catalog.subjects)}`);
    if (random() < 0.6) filters.push(`year=${pick(catalog.years)}`);
    if (random() < 0.3) filters.push(`validity=${pick(['effective', 'repealed'])}`);
    if (random() < 0.2) filters.push('documentKind=normative');
    if (filters.length === 0) filters.push(`year=${pick(catalog.years)}`);
    if (random() < 0.3) filters.push(`page=${2 + Math.floor(random() * 10)}`);
    return `${random() < 0.5 ? '/api/gov-disclosure/catalog' : '/portal/catalog'}?${filters.join('&')}`;
  });
  for (const path of ['/portal', '/portal/catalog', '/portal/annual-reports', '/portal/disclosure', '/api/gov-disclosure/columns']) urls.add(path);
  return shuffle([...urls], random);
};

/** Which route a URL exercises, for the per-route table. */
const routeOf = (url) => {
  if (/^\/api\/gov-disclosure\/columns\/[^/]+\/entries/.test(url)) return 'API column list';
  if (url.startsWith('/api/gov-disclosure/entries/')) return 'API entry';
  if (url.startsWith('/api/gov-disclosure/catalog')) return /[?&]q=/.test(url) ? 'API catalog search' : 'API catalog filter';
  if (url.startsWith('/portal/columns/')) return 'portal column page';
  if (url.startsWith('/portal/entries/')) return 'portal entry page';
  if (url.startsWith('/portal/catalog')) return /[?&]q=/.test(url) ? 'portal catalog search' : 'portal catalog filter';
  return 'other pages';
};

/**
 * Draws ranks 0..n-1 with P(rank k) ∝ 1/(k+1)^s (Zipf): a few URLs take most of the traffic, the
 * long tail still gets visited. Inverse-CDF by binary search over the cumulative weights.
 */
const zipfSampler = (n, random, s = 1) => {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k += 1) {
    sum += 1 / (k + 1) ** s;
    cumulative[k] = sum;
  }
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
};

module.exports = { buildPool, readCatalog, routeOf, zipfSampler, prng, PAGE_SIZE };
