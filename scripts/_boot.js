const { createStrapi } = require('@strapi/strapi');
(async () => {
  const t = Date.now();
  const app = await createStrapi({ appDir: process.cwd(), distDir: process.cwd() + '/dist', autoReload: false, serveAdminPanel: false }).load();
  console.log('loaded in', Date.now() - t, 'ms');
  const cats = await app.db.query('plugin::gov-disclosure.subject-category').count();
  console.log('categories', cats);
  const locales = await app.plugin('i18n').service('locales').find();
  console.log(locales.map(l => l.code + (l.isDefault ? '*' : '')));
  try {
    await app.documents('plugin::gov-disclosure.organization').create({ data: { name: 'x', code: '11620622013933539A' } });
  } catch (e) { console.log('ERR', e.name, e.message, JSON.stringify(e.details)); }
  const org = await app.documents('plugin::gov-disclosure.organization').create({ data: { name: '温州市质量技术监督局', code: '000014349' } });
  console.log(org);
  const idx = await app.db.connection.raw("select name, sql from sqlite_master where type='index' and name like 'gd_%'");
  console.log(idx);
  await app.destroy();
})().catch(e => { console.error(e); process.exit(1); });
