import { Parser } from 'htmlparser2';
import { renderMarkdown } from '../../plugins/gov-disclosure/server/src/domain/markdown';
import { XSS_VECTORS } from '../fixtures/xss-vectors';

const ALLOWED_TAGS = new Set([
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
]);
const URL_ATTRIBUTES = new Set(['href', 'src']);

/** Everything script-capable that the parsed output still contains. */
const dangers = (html: string): string[] => {
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (!ALLOWED_TAGS.has(name)) found.push(`<${name}>`);
        for (const [attr, value] of Object.entries(attribs)) {
          if (/^on/i.test(attr) || attr === 'style' || attr === 'srcset' || attr === 'formaction') found.push(`${name}[${attr}]`);
          if (URL_ATTRIBUTES.has(attr)) {
            // browsers drop control characters inside a URL scheme (java\u0000script:), so the probe does too
            // eslint-disable-next-line no-control-regex
            const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u001f\s]/g, ''))?.[1]?.toLowerCase();
            if (scheme && !['http', 'https', 'mailto'].includes(scheme)) found.push(`${name}[${attr}=${scheme}:]`);
            if (name === 'img' && scheme === 'mailto') found.push('img[src=mailto:]');
            if (value.trim().startsWith('//')) found.push(`${name}[${attr}=//]`);
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true }
  );
  parser.write(html);
  parser.end();
  return found;
};

describe('Markdown rendering', () => {
  it('renders the allowed structure', () => {
    const html = renderMarkdown(
      '## 抽查结果\n\n| 产品 | 批次 |\n| --- | --- |\n| 电线 | 20 |\n\n- 一\n- 二\n\n> 引用\n\n`code` **粗** *斜*\n\n[链接](/portal/catalog) ![图](https://example.gov.cn/a.png)'
    );
    expect(html).toContain('<h2>抽查结果</h2>');
    expect(html).toContain('<th scope="col">产品</th>');
    expect(html).toContain('<td>20</td>');
    expect(html).toContain('<ul>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<a href="/portal/catalog">链接</a>');
    expect(html).toContain('<img src="https://example.gov.cn/a.png" alt="图" />');
  });

  it('marks links to other origins noopener noreferrer, not relative ones', () => {
    expect(renderMarkdown('[外](https://www.gov.cn/)')).toBe('<p><a href="https://www.gov.cn/" rel="noopener noreferrer">外</a></p>\n');
    expect(renderMarkdown('<a href="/x" rel="opener">内</a>')).toContain('<a href="/x">内</a>');
    expect(renderMarkdown('[信](mailto:xxgk@demo.gov.cn)')).toContain('href="mailto:xxgk@demo.gov.cn"');
  });

  it(`neutralises ${XSS_VECTORS.length} XSS vectors`, () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(60);
    const failures = XSS_VECTORS.map((vector) => ({ vector, html: renderMarkdown(vector) }))
      .map(({ vector, html }) => ({ vector, html, found: dangers(html) }))
      .filter((r) => r.found.length > 0 || /<script/i.test(r.html));
    expect(failures).toEqual([]);
  });
});
