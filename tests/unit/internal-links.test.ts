import { internalLinksOf, internalTarget } from '../../plugins/gov-disclosure/server/src/domain/internal-links';

describe('internal links of a published body', () => {
  it('finds entry and column links in Markdown links, images, autolinks, raw HTML and nested lists, once each', () => {
    const body = [
      '见[上季度公告](/portal/entries/2018-san-ji-du)和[栏目](/portal/columns/tong-zhi "通知")。',
      '',
      '- 列表里的[RSS](/portal/columns/tong-zhi/rss.xml)',
      '- 再次链接[同一公告](/portal/entries/2018-san-ji-du)',
      '',
      '<p>原文见<a href="/portal/entries/abc123def456ghi789jkl012">此处</a></p>',
      '',
      '外部链接[国务院](https://www.gov.cn/)、本站[目录](/portal/catalog?q=x)、<https://wzzl.example.gov.cn/portal/entries/ming-pai>',
      '![图](/portal/entries/tu-pian)',
    ].join('\n');
    expect(internalLinksOf(body, ['https://wzzl.example.gov.cn']).map((l) => `${l.kind}:${l.key}`)).toEqual([
      'entry:2018-san-ji-du',
      'column:tong-zhi',
      'entry:abc123def456ghi789jkl012',
      'entry:ming-pai',
      'entry:tu-pian',
    ]);
  });

  it('reads a path or an absolute URL on the site’s own origin, decodes keys, and ignores everything else', () => {
    expect(internalTarget('/portal/entries/%E9%80%9A%E7%9F%A5?locale=en')).toEqual({ kind: 'entry', key: '通知' });
    expect(internalTarget('https://other.example/portal/entries/x')).toBeNull();
    expect(internalTarget('https://site.example/portal/columns/a/', ['https://site.example'])).toEqual({ kind: 'column', key: 'a' });
    for (const href of ['/portal', '/portal/annual-reports/wzzl/2018', 'mailto:a@b.cn', 'javascript:alert(1)', '#top', '/portal/entries/a/b']) {
      expect([href, internalTarget(href)]).toEqual([href, null]);
    }
    expect(internalLinksOf(null)).toEqual([]);
  });
});
