import { compileRoutePath } from '../../plugins/gov-disclosure/server/src/utils/route-path';

describe('compileRoutePath', () => {
  it('matches a whole path and decodes its parameters as the router does', () => {
    const match = compileRoutePath('/api/gov-disclosure/columns/:slug/entries');
    expect(match('/api/gov-disclosure/columns/tong-zhi/entries')).toEqual({ slug: 'tong-zhi' });
    expect(match('/api/gov-disclosure/columns/%E9%80%9A%E7%9F%A5/entries')).toEqual({ slug: '通知' });
    expect(compileRoutePath('/portal/annual-reports/:organization/:year')('/portal/annual-reports/wzzl/2018')).toEqual({ organization: 'wzzl', year: '2018' });
  });

  it('leaves to the router what it might read differently: trailing slash, letter case, extra segments, bad escapes', () => {
    const match = compileRoutePath('/portal/entries/:key');
    expect(match('/portal/entries/a/')).toBeNull();
    expect(match('/Portal/entries/a')).toBeNull();
    expect(match('/portal/entries/a/b')).toBeNull();
    expect(match('/portal/entries/')).toBeNull();
    expect(match('/portal/entries/%E0%A4%A')).toBeNull();
  });

  it('takes dots in a path literally', () => {
    const match = compileRoutePath('/sitemap.xml');
    expect(match('/sitemap.xml')).toEqual({});
    expect(match('/sitemapxxml')).toBeNull();
  });
});
