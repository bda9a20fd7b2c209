import type { PublicEntrySummary } from '../../../shared/public-types';
import { escapeHtml } from './html';

const xml = escapeHtml;

/** RSS 2.0 for one column's latest entries. */
export const rss = (
  base: string,
  column: { slug: string; name: string },
  siteName: string,
  entries: PublicEntrySummary[],
  locale: string
) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>${xml(`${column.name} - ${siteName}`)}</title>
<link>${xml(`${base}/portal/columns/${column.slug}`)}</link>
<description>${xml(column.name)}</description>
<language>${locale === 'en' ? 'en' : 'zh-cn'}</language>
${entries
  .map(
    (e) => `<item>
<title>${xml(e.title)}</title>
<link>${xml(`${base}/portal/entries/${e.slug || e.documentId}`)}</link>
<guid isPermaLink="false">${xml(e.indexNumber ?? e.documentId)}</guid>
${e.publishedDate ? `<pubDate>${new Date(`${e.publishedDate}T00:00:00+08:00`).toUTCString()}</pubDate>` : ''}
${e.summary ? `<description>${xml(e.summary)}</description>` : ''}
</item>`
  )
  .join('\n')}
</channel>
</rss>
`;

/** sitemap.xml of the portal's published entries and pages. */
export const sitemap = (base: string, paths: Array<{ path: string; lastmod?: string | null }>) => `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${paths.map((p) => `<url><loc>${xml(`${base}${p.path}`)}</loc>${p.lastmod ? `<lastmod>${xml(p.lastmod)}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`;
