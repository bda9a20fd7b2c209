/**
 * The portal pages a published body links to: Markdown links and images, autolinks and the href
 * of raw HTML anchors, read with marked's lexer (the parser the portal renders bodies with), kept
 * when they point at an entry or a column of this portal — by path, or by an absolute URL on one
 * of the site's own origins.
 */
import { Lexer, type Token } from 'marked';

export interface InternalLink {
  href: string;
  kind: 'entry' | 'column';
  key: string;
}

const RAW_HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const ENTRY_PATH = /^\/portal\/entries\/([^/?#]+)\/?$/;
const COLUMN_PATH = /^\/portal\/columns\/([^/?#]+)(?:\/rss\.xml)?\/?$/;
const BASE = 'http://portal.invalid';

/** The entry or column a link points at on this portal, or null for anything else. */
export const internalTarget = (href: string, siteOrigins: string[] = []): Omit<InternalLink, 'href'> | null => {
  let url: URL;
  try {
    url = new URL(href.trim(), BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE && !siteOrigins.includes(url.origin)) return null;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const entry = ENTRY_PATH.exec(url.pathname);
  if (entry) return { kind: 'entry', key: decode(entry[1]) };
  const column = COLUMN_PATH.exec(url.pathname);
  if (column) return { kind: 'column', key: decode(column[1]) };
  return null;
};

const hrefsOf = (tokens: Token[], out: string[]) => {
  for (const token of tokens) {
    if ((token.type === 'link' || token.type === 'image') && 'href' in token) out.push(String(token.href));
    if (token.type === 'html' && 'text' in token) for (const m of String(token.text).matchAll(RAW_HREF)) out.push(m[1] ?? m[2] ?? '');
    const nested = (token as { tokens?: Token[]; items?: Array<{ tokens?: Token[] }> }).tokens;
    if (nested) hrefsOf(nested, out);
    for (const item of (token as { items?: Array<{ tokens?: Token[] }> }).items ?? []) hrefsOf(item.tokens ?? [], out);
  }
  return out;
};

/** Each internal link of a Markdown body once, in the order it appears. */
export const internalLinksOf = (markdown: string | null | undefined, siteOrigins: string[] = []): InternalLink[] => {
  if (!markdown) return [];
  const seen = new Set<string>();
  const links: InternalLink[] = [];
  for (const href of hrefsOf(new Lexer().lex(markdown), [])) {
    const target = internalTarget(href, siteOrigins);
    const id = target ? `${target.kind}:${target.key}` : '';
    if (target && !seen.has(id)) {
      seen.add(id);
      links.push({ href, ...target });
    }
  }
  return links;
};
