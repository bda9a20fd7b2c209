import { MAX_PAGE_SIZE, parsePublicParams, ROUTE_PARAMS } from '../../plugins/gov-disclosure/server/src/domain/public-params';

const paths = (issues: Array<{ path: string[] }>) => issues.map((i) => i.path.join('.'));

describe('public query parameters', () => {
  it('reads what a route names, typed', () => {
    expect(
      parsePublicParams({ q: ' 名牌 ', page: '2', pageSize: '20', year: '2018', subject: '09.02', genre: 'notice', locale: 'en' }, ROUTE_PARAMS.catalog)
    ).toEqual({
      params: { q: '名牌', page: 2, pageSize: 20, year: 2018, subject: '09.02', genre: 'notice', locale: 'en' },
      issues: [],
    });
  });

  it('refuses anything else by name, so no client can widen what the portal shows', () => {
    const { issues } = parsePublicParams({ status: 'draft', populate: '*', 'filters[publishedAt][$null]': 'true' }, ROUTE_PARAMS.catalog);
    expect(paths(issues)).toEqual(['status', 'populate', 'filters[publishedAt][$null]']);
    expect(issues[0].message).toContain('unknown query parameter "status"');
  });

  it('names each bad value', () => {
    const { issues } = parsePublicParams(
      { page: '0', pageSize: String(MAX_PAGE_SIZE + 1), year: '18', subject: '9', genre: 'poem', organization: 'Not A Slug', q: 'x'.repeat(101), locale: 'fr' },
      ROUTE_PARAMS.catalog
    );
    expect(paths(issues).sort()).toEqual(['genre', 'locale', 'organization', 'page', 'pageSize', 'q', 'subject', 'year']);
  });

  it('a repeated parameter is refused; an empty one (a form’s “all”) is ignored', () => {
    expect(paths(parsePublicParams({ page: ['1', '2'] }, ROUTE_PARAMS.columnEntries).issues)).toEqual(['page']);
    expect(parsePublicParams({ genre: '' }, ROUTE_PARAMS.catalog)).toEqual({ params: {}, issues: [] });
  });
});
