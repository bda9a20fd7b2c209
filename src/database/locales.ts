import type { Core } from '@strapi/strapi';

/** The content locales this product ships with: Simplified Chinese (default) and English. */
const LOCALES = [
  { code: 'zh-Hans', name: '简体中文 (zh-Hans)', was: 'Chinese (Simplified) (zh-Hans)' },
  { code: 'en', name: '英文 English (en)', was: 'English (en)' },
];
const DEFAULT_LOCALE = 'zh-Hans';

interface LocalesService {
  findByCode(code: string): Promise<{ code: string } | null>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  getDefaultLocale(): Promise<string>;
  setDefaultLocale(params: { code: string }): Promise<void>;
}

export const ensureLocales = async (strapi: Core.Strapi): Promise<void> => {
  const locales = strapi.plugin('i18n').service('locales') as LocalesService;
  for (const { code, name, was } of LOCALES) {
    // eslint-disable-next-line no-await-in-loop -- two rows, order matters for the default below
    if (!(await locales.findByCode(code))) await locales.create({ code, name });
    // the names clerks pick from, in Chinese first: renamed where an earlier version stored Strapi's English
    // eslint-disable-next-line no-await-in-loop
    else await strapi.db.query('plugin::i18n.locale').updateMany({ where: { code, name: was }, data: { name } });
  }
  // Only on a fresh install: an administrator who later picks another default keeps it.
  const store = strapi.store({ type: 'app', name: 'gov-disclosure-portal' });
  if (!(await store.get({ key: 'default-locale-set' }))) {
    if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
    await store.set({ key: 'default-locale-set', value: true });
  }
};
