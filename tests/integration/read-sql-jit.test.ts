/**
 * The public reads in an app whose PostgreSQL connections compile plans (jit on, PostgreSQL's
 * default; this app's own config turns it off, another app's may not): a statement marked
 * `withoutJit` runs with compiling off for itself alone, the connection keeps its setting, a failed
 * statement leaves no transaction open, and the catalog search answers. On SQLite the option
 * changes nothing.
 */
import { startTestApp, type TestApp } from '../helpers/strapi';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled seed is what `npm run seed` runs
const { seedDemo } = require('../../dist/src/seed/seed-demo') as typeof import('../../src/seed/seed-demo');

const postgres = Boolean(process.env.DATABASE_URL);
// the connections' jit setting is PostgreSQL's: those tests run in CI's PostgreSQL pass
const onPostgres = postgres ? it : () => undefined;

interface ReadSql {
  all<T>(sql: string, bindings?: ReadonlyArray<string | number | null>, options?: { planEach?: boolean; withoutJit?: boolean }): Promise<T[]>;
}

describe('public reads where the connections compile plans', () => {
  let app: TestApp;
  const sql = () => app.strapi.plugin('gov-disclosure').service('read-sql') as ReadSql;
  const jit = async (options: { planEach?: boolean; withoutJit?: boolean } = {}) =>
    (await sql().all<{ jit: string }>("SELECT current_setting('jit') AS jit", [], options))[0].jit;

  beforeAll(async () => {
    const before = process.env.DATABASE_OPTIONS;
    process.env.DATABASE_OPTIONS = '-c jit=on';
    try {
      app = await startTestApp();
    } finally {
      if (before === undefined) delete process.env.DATABASE_OPTIONS;
      else process.env.DATABASE_OPTIONS = before;
    }
    await seedDemo(app.strapi, {});
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('answers a statement marked withoutJit like any other', async () => {
    expect(await sql().all<{ one: number }>('SELECT 1 AS one', [], { planEach: true, withoutJit: true })).toEqual([{ one: 1 }]);
  });

  onPostgres('turns compiling off for that statement alone', async () => {
    expect(await jit()).toBe('on');
    expect(await jit({ withoutJit: true })).toBe('off');
    expect(await jit({ planEach: true, withoutJit: true })).toBe('off');
    // the pool's connections keep their own setting
    expect(await Promise.all([jit(), jit(), jit(), jit(), jit()])).toEqual(['on', 'on', 'on', 'on', 'on']);
  });

  onPostgres('leaves no transaction open when the statement fails', async () => {
    // a mark of this run alone: other runs may share the PostgreSQL server
    const mark = `read-sql-jit ${process.pid} ${Date.now()}`;
    const failing = `SELECT 1 / (0 * ?::int) AS x /* ${mark} */`;
    await expect(sql().all(failing, [1], { planEach: true, withoutJit: true })).rejects.toThrow(/division by zero/);
    // without the COMMIT its connection would sit in the aborted transaction, that statement its last
    const left = await sql().all<{ n: number | string }>(
      "SELECT count(*) AS n FROM pg_stat_activity WHERE state LIKE 'idle in transaction%' AND strpos(query, ?) > 0",
      [mark]
    );
    expect(Number(left[0].n)).toBe(0);
    expect(await Promise.all(Array.from({ length: 6 }, () => jit()))).toEqual(Array(6).fill('on'));
  });

  it('searches the catalog', async () => {
    const all = await app.http().get('/api/gov-disclosure/catalog');
    const title = (all.body.data as Array<{ title: string }>)[0].title;
    const q = /[\u4e00-\u9fff]{2}/.exec(title)![0];
    const res = await app.http().get(`/api/gov-disclosure/catalog?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.total).toBeGreaterThan(0);
    // title, keywords and 文号 are searched: some title holds the term
    expect((res.body.data as Array<{ title: string }>).some((entry) => entry.title.includes(q))).toBe(true);
  });
});
