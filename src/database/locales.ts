import type { Core } from '@strapi/strapi';

/** The content locales this product ships with: Simplified Chinese (default) and English. */
const LOCALES = [
  { code: 'zh-Hans', name: 'Chinese (Simplified) (zh-Hans)' },
  { code: 'en', name: 'English (en)' },
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
  for (const locale of LOCALES) {
    // eslint-disable-next-line no-await-in-loop -- two rows, order matters for the default below
    if (!(await locales.findByCode(locale.code))) await locales.create(locale);
  }
  // Only on a fresh install: an administrator who later picks another default keeps it.
  const store = strapi.store({ type: 'app', name: 'gov-disclosure-portal' });
  if (!(await store.get({ key: 'default-locale-set' }))) {
    if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
    await store.set({ key: 'default-locale-set', value: true });
  }
};
