import { toSlug, uniqueSlug } from '../../plugins/gov-disclosure/server/src/domain/slug';

describe('toSlug', () => {
  it.each([
    ['通知公告', 'tong-zhi-gong-gao'],
    ['政府信息公开', 'zheng-fu-xin-xi-gong-kai'],
    ['法律法规', 'fa-lv-fa-gui'],
    ['2018年第一季度产品质量监督抽查公告', '2018-nian-di-yi-ji-du-chan-pin-zhi-liang-jian-du-chou-cha-gong-gao'],
    ['Annual Report 2018', 'annual-report-2018'],
    ['“质量月”活动（2018）', 'zhi-liang-yue-huo-dong-2018'],
  ])('%s → %s', (text, slug) => {
    expect(toSlug(text)).toBe(slug);
  });

  it('never returns an empty slug', () => {
    expect(toSlug('！？')).toBe('item');
  });

  it('cuts long titles at a word boundary without a trailing hyphen', () => {
    const slug = toSlug('关于开展质量提升行动'.repeat(10), 40);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('uniqueSlug', () => {
  it('appends the first free number', async () => {
    const taken = new Set(['tong-zhi', 'tong-zhi-2']);
    await expect(uniqueSlug('tong-zhi', async (s) => taken.has(s))).resolves.toBe('tong-zhi-3');
    await expect(uniqueSlug('gong-gao', async (s) => taken.has(s))).resolves.toBe('gong-gao');
  });
});
