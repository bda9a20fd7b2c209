/**
 * Markdown → safe HTML for the public portal. marked renders (it does not sanitize: raw HTML in
 * the Markdown passes straight through), then sanitize-html keeps only an allow-list.
 *
 * sanitize-html rather than DOMPurify: it runs on htmlparser2 without a DOM (no jsdom on the
 * server's hot path), is allow-list based, decodes entities before checking URL schemes, and is
 * actively maintained.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const EXTERNAL = /^(https?:)?\/\//i;

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'ul',
    'ol',
    'li',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'a',
    'img',
    'strong',
    'em',
    'b',
    'i',
    'del',
    's',
    'code',
    'pre',
    'blockquote',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    th: ['align', 'scope'],
    td: ['align'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Text inside removed script-capable elements is dropped too, not shown as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'svg', 'math', 'iframe', 'object', 'embed', 'template'],
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      const { rel: _ignored, ...rest } = attribs;
      return { tagName, attribs: EXTERNAL.test(href) ? { ...rest, rel: 'noopener noreferrer' } : rest };
    },
    th: (tagName, attribs) => ({ tagName, attribs: { ...attribs, scope: attribs.scope === 'row' ? 'row' : 'col' } }),
  },
};

export const sanitize = (html: string): string => sanitizeHtml(html, SANITIZE);

export const renderMarkdown = (markdown: string | null | undefined): string => (markdown ? sanitize(marked.parse(markdown) as string) : '');
