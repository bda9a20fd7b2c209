/** Where Strapi's admin panel keeps the chosen interface language (admin/src/reducer.ts). */
export const ADMIN_LANGUAGE_KEY = 'strapi-admin-language';

interface LanguageStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Strapi opens in English until a language is stored, and a user's own language applies only
 * after login: the login page and a first visit would be English. The clerks' panel opens in
 * Chinese instead — unless the browser asks for English first, or the app does not offer Chinese.
 * A language chosen before (on the login page or in the profile) is never overridden.
 */
export const chooseDefaultLanguage = (available: readonly string[], store: LanguageStore, browserLanguages: readonly string[]): string | null => {
  if (store.getItem(ADMIN_LANGUAGE_KEY) || !available.includes('zh-Hans')) return null;
  if ((browserLanguages[0] ?? '').toLowerCase().startsWith('en')) return null;
  store.setItem(ADMIN_LANGUAGE_KEY, 'zh-Hans');
  return 'zh-Hans';
};
