import en from '../../plugins/gov-disclosure/admin/src/translations/en.json';
import zh from '../../plugins/gov-disclosure/admin/src/translations/zh-Hans.json';

describe('admin translations', () => {
  it('zh-Hans and en have the same keys, none empty', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const value of [...Object.values(zh), ...Object.values(en)]) expect(String(value).trim()).not.toBe('');
  });
});
