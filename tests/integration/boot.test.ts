import { countRows } from '../helpers/admin';
import { runMigrations } from '../../plugins/gov-disclosure/server/src/database/run-migrations';
import { MIGRATIONS } from '../../plugins/gov-disclosure/server/src/database/migrations';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { contentTypeOf, rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

describe('the app boots with the plugin', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('runs on the database the environment asks for', () => {
    expect(app.strapi.db.dialect.client).toBe(process.env.DATABASE_URL ? 'postgres' : 'sqlite');
  });

  it('answers /_health with 204', async () => {
    await app.http().get('/_health').expect(204);
  });

  it('registers the plugin content types under their contract uids', () => {
    for (const name of ['organization', 'column', 'catalog-entry', 'annual-report', 'workflow-event', 'subject-category']) {
      expect(contentTypeOf(app.strapi, `plugin::gov-disclosure.${name}`)).toBeDefined();
    }
  });

  it('has locales zh-Hans (default) and en', async () => {
    const locales = app.strapi.plugin('i18n').service('locales');
    const codes = ((await locales.find()) as Array<{ code: string }>).map((l) => l.code).sort();
    expect(codes).toEqual(['en', 'zh-Hans']);
    expect(await locales.getDefaultLocale()).toBe('zh-Hans');
  });

  it('seeds the national subject list: 22 top-level categories with their second levels', async () => {
    expect(await countRows(app.strapi, 'plugin::gov-disclosure.subject-category', { level: 1 })).toBe(22);
    const market = await rowsOf(app.strapi, 'plugin::gov-disclosure.subject-category').findOne({
      where: { code: '09' },
      populate: { children: { orderBy: { code: 'asc' } } },
    });
    expect((market.children as Array<{ name: string }>).map((c) => c.name)).toEqual(['工商', '质量监督', '标准', '食品药品监管', '安全生产监管', '其他']);
  });

  it('creates the three editorial roles next to the admin defaults, once', async () => {
    const names = ((await rowsOf(app.strapi, 'admin::role').findMany({})) as Array<{ name: string }>).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['Super Admin', '起草人 Drafter', '审核人 Reviewer', '发布人 Publisher']));
    await app.strapi.plugin('gov-disclosure').service('roles').ensureRoles();
    expect(await countRows(app.strapi, 'admin::role', { name: '起草人 Drafter' })).toBe(1);
  });

  it('the plugin ran its own migrations once each, and running them on a database that has them changes nothing', async () => {
    expect(await runMigrations(app.strapi)).toEqual([]);
    const ran = (await app.strapi.db.connection('gov_disclosure_migrations').select('name')).map((r: { name: string }) => r.name);
    expect(ran).toEqual(MIGRATIONS.map((m) => m.name));
    // a database whose tables an earlier version made (the app used to run these): each is idempotent
    await app.strapi.db.connection('gov_disclosure_migrations').del();
    expect(await runMigrations(app.strapi)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('keeps on the search table the indexes its questions read, and no other (each is written on every publish)', async () => {
    const knex = app.strapi.db.connection;
    const postgres = app.strapi.db.dialect.client === 'postgres';
    const names = postgres
      ? (
          (await knex.raw("SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'gov_disclosure_catalog_search'")) as {
            rows: Array<{ name: string }>;
          }
        ).rows
      : ((await knex.raw(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'gov_disclosure_catalog_search' AND name NOT LIKE 'sqlite_autoindex%'"
        )) as Array<{
          name: string;
        }>);
    const filters = ['organization_document_id', 'subject_code', 'subject_top_code', 'genre', 'validity', 'document_kind'];
    // SQLite asks every catalog question of its terms index; PostgreSQL asks a year as a date range
    const expected = postgres
      ? [
          'gov_disclosure_catalog_search_pkey',
          'gd_catalog_search_document_idx',
          'gd_catalog_search_order_idx',
          'gd_catalog_search_grams_idx',
          ...filters.map((f) => `gd_catalog_search_${f}_idx`),
        ]
      : ['gd_catalog_search_document_idx'];
    expect(names.map((r) => r.name).sort()).toEqual(expected.sort());
  });

  it('ran the plugin migration: 索引号 is unique in the database, not only in code', async () => {
    const knex = app.strapi.db.connection;
    const insert = (documentId: string) =>
      knex('gov_disclosure_catalog_entries').insert({
        document_id: documentId,
        title: 't',
        locale: 'zh-Hans',
        index_number: '000014349/2018-00001',
        published_at: new Date(),
        genre: 'notice',
        validity: 'effective',
        disclosure_mode: 'proactive',
        disclosure_scope: 'public',
        disclosure_term: 'long_term',
        document_kind: 'other',
      });
    await insert('doc-a');
    // errors raised inside the driver come from another realm: match their message, not their class
    await expect(insert('doc-b')).rejects.toMatchObject({ message: expect.stringMatching(/unique/i) });
  });
});
