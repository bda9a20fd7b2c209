import { ADMIN_LANGUAGE_KEY, chooseDefaultLanguage } from '../../plugins/gov-disclosure/admin/src/utils/default-language';

const store = (initial: Record<string, string> = {}) => {
  const items = new Map(Object.entries(initial));
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
};

describe('the admin panel’s first language', () => {
  it('is Chinese on a first visit from a Chinese (or any non-English) browser', () => {
    for (const languages of [['zh-CN', 'zh'], ['zh-TW'], ['ja'], []]) {
      const s = store();
      expect(chooseDefaultLanguage(['en', 'zh-Hans'], s, languages)).toBe('zh-Hans');
      expect(s.items.get(ADMIN_LANGUAGE_KEY)).toBe('zh-Hans');
    }
  });

  it('stays English for a browser that asks for English first, and when the app offers no Chinese', () => {
    const english = store();
    expect(chooseDefaultLanguage(['en', 'zh-Hans'], english, ['en-US', 'zh-CN'])).toBeNull();
    expect(english.items.size).toBe(0);
    expect(chooseDefaultLanguage(['en'], store(), ['zh-CN'])).toBeNull();
  });

  it('never overrides a language chosen before', () => {
    const chosen = store({ [ADMIN_LANGUAGE_KEY]: 'en' });
    expect(chooseDefaultLanguage(['en', 'zh-Hans'], chosen, ['zh-CN'])).toBeNull();
    expect(chosen.items.get(ADMIN_LANGUAGE_KEY)).toBe('en');
  });
});
