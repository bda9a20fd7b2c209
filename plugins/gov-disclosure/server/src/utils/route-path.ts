/**
 * A route path as Strapi's router writes it (`/columns/:slug/entries`), matched exactly: the
 * front door (services/front-door.ts) serves a request only when it is certain which route the
 * router would have chosen, so it matches whole, case-sensitive paths without a trailing slash,
 * and leaves everything else to the router.
 */
export type PathMatcher = (pathname: string) => Record<string, string> | null;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const compileRoutePath = (path: string): PathMatcher => {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      const param = /^:([A-Za-z_]\w*)$/.exec(segment);
      if (!param) return escape(segment);
      names.push(param[1]);
      return '([^/]+)';
    })
    .join('/');
  const pattern = new RegExp(`^${source}$`);
  return (pathname) => {
    const m = pattern.exec(pathname);
    if (!m) return null;
    const params: Record<string, string> = {};
    for (let i = 0; i < names.length; i += 1) {
      // as the router decodes them; a malformed escape is not ours to answer
      try {
        params[names[i]] = decodeURIComponent(m[i + 1]);
      } catch {
        return null;
      }
    }
    return params;
  };
};
