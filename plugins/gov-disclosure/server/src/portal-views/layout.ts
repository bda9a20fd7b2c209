import { ICP_RECORD_URL, publicSecurityRecordUrl, type SiteIdentity } from '../../../shared/domain/site-identity';
import type { PublicColumn } from '../../../shared/public-types';
import { html, trusted, type SafeHtml } from './html';
import { t } from './i18n';

/** A portal URL that keeps the reader's language. */
/** The portal needs no script at all; this policy forbids any, whatever a body might contain. Every portal page sends it. */
export const PORTAL_CSP =
  "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'";
export const HTML_TYPE = 'text/html; charset=utf-8';

/**
 * 适老化 (care) mode: larger text and high contrast, chosen by a link and kept in a cookie. The
 * pages stay the same for every reader (so the public cache and ETags hold); only /portal/mode.css
 * differs, and it also swaps which of the two mode links shows.
 */
export const MODE_COOKIE = 'gd_mode';
export const CARE_STYLE = `
html{font-size:125%}body{color:#000;background:#fff;line-height:1.9}
a{color:#0000b3;text-decoration:underline}main,nav.columns{border:2px solid #000}
header.site{background:#000}header.site a{color:#ffeb3b}
nav.columns a{color:#000;font-size:1.15rem}ul.entries time,.crumbs,footer,.hint{color:#1a1a1a}
:focus-visible{outline:4px solid #000;outline-offset:3px;box-shadow:0 0 0 7px #ffeb3b}
.mode-care{display:none}.mode-standard{display:inline}
`;

export const href = (path: string, locale: string, params: Record<string, string | number | undefined> = {}) => {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, String(v));
  if (locale === 'en') query.set('locale', 'en');
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
};

const STYLE = `
:root{--ink:#1f2329;--muted:#5b6270;--line:#d7dbe0;--brand:#b4232a;--link:#0b57a4;--bg:#f6f7f9}
*{box-sizing:border-box}body{margin:0;font:16px/1.7 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--link)}a:hover{text-decoration:none}
:focus-visible{outline:3px solid #f0a30a;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}.skip:focus{left:.5rem}
header.site{background:var(--brand);color:#fff;padding:1rem}header.site a{color:#fff}
header.site .bar{max-width:72rem;margin:0 auto;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline;justify-content:space-between}
header.site .name{font-size:1.35rem;font-weight:700;text-decoration:none}
nav.columns{background:#fff;border-bottom:1px solid var(--line)}nav.columns ul{list-style:none;margin:0 auto;padding:0 1rem;max-width:72rem;display:flex;flex-wrap:wrap;gap:0 1.25rem}
nav.columns a{display:inline-block;padding:.6rem 0;color:var(--ink);text-decoration:none;font-weight:600}nav.columns a:hover{color:var(--brand)}
main{max-width:72rem;margin:1rem auto;padding:1rem;background:#fff;border:1px solid var(--line)}
h1{font-size:1.6rem;line-height:1.35;margin:.25rem 0 1rem}h2{font-size:1.25rem;margin:1.5rem 0 .75rem}
.crumbs{font-size:.9rem;color:var(--muted)}.crumbs ol{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.25rem}.crumbs li+li::before{content:"›";margin-right:.25rem}
ul.entries{list-style:none;padding:0;margin:0}ul.entries li{display:flex;justify-content:space-between;gap:1rem;padding:.55rem 0;border-bottom:1px dashed var(--line)}
ul.entries time{color:var(--muted);white-space:nowrap;font-variant-numeric:tabular-nums}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid var(--line);padding:.4rem .6rem;text-align:left;vertical-align:top}
thead th,table.meta th{background:#eef1f5}table.meta th{width:8rem;white-space:nowrap}
table.form td.num,table.form th.num{text-align:right;font-variant-numeric:tabular-nums}table.form td.unit{text-align:center;white-space:nowrap}
table.form thead th,table.form th.block,table.form td.corner{text-align:center;vertical-align:middle}table.form th[scope=rowgroup]{vertical-align:middle}table.form td.corner{font-size:.85rem}
.body{overflow-wrap:anywhere}.body img{max-width:100%}
.notice{padding:.75rem 1rem;border-left:4px solid var(--brand);background:#fbf3f3}
form.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.75rem;align-items:end;margin-bottom:1rem}
form.filters label{display:block;font-size:.9rem;color:var(--muted)}form.filters select,form.filters input{width:100%;padding:.4rem;font:inherit;border:1px solid #8a919c;border-radius:3px}
button{font:inherit;padding:.45rem 1.2rem;border:0;border-radius:3px;background:var(--brand);color:#fff;cursor:pointer}
nav.pages ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}nav.pages a,nav.pages span{display:inline-block;padding:.2rem .6rem;border:1px solid var(--line)}
footer{max-width:72rem;margin:0 auto 2rem;padding:0 1rem;color:var(--muted);font-size:.9rem}footer p{margin:.35rem 0}
footer .identity{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}footer .dzjg{display:inline-block;border:2px solid #b4232a;color:#b4232a;font-weight:700;padding:0 .4rem;border-radius:3px;text-decoration:none}
form.site-search{display:flex;gap:.4rem;align-items:center}form.site-search input{padding:.3rem .5rem;font:inherit;border:1px solid #fff;border-radius:3px;min-width:10rem}
form.site-search button{background:#fff;color:var(--brand);padding:.3rem .9rem}header.site .tools{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;align-items:center}
.mode-standard{display:none}
ol.disclosure{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}ol.disclosure>li{border:1px solid var(--line);padding:.75rem 1rem}ol.disclosure h2{margin-top:.25rem}
.table-scroll{overflow-x:auto}.lvl-1{padding-left:1.5em}.lvl-2{padding-left:3em}.lvl-3{padding-left:4.5em}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}caption{text-align:left;font-weight:700;padding:.25rem 0}
form.apply fieldset{border:1px solid var(--line);margin:0 0 1.25rem;padding:.5rem 1rem 1rem}form.apply legend{font-weight:700;padding:0 .25rem}form.apply fieldset.subgroup{border:0;padding:0 0 0 .5rem;margin:.25rem 0}form.apply fieldset.subgroup legend{font-weight:600;color:var(--muted)}
form.apply .field{margin:.75rem 0}form.apply label{display:block;font-weight:600}form.apply .choice{display:flex;gap:.5rem;align-items:center;margin:.2rem 0}form.apply .choice label{font-weight:400}
form.apply input[type=text],form.apply input[type=tel],form.apply input[type=email],form.apply select,form.apply textarea{width:100%;max-width:40rem;padding:.45rem;font:inherit;border:1px solid #6b7280;border-radius:3px}form.apply input[type=radio]{width:1.2rem;height:1.2rem}
.hint{color:var(--muted);font-size:.92rem;margin:.15rem 0}.req{color:var(--brand);font-weight:400}.field-error{color:#a4161a;font-weight:700;margin:.2rem 0}.has-error input,.has-error select,.has-error textarea{border:2px solid #a4161a}
.has-error{border-left:4px solid #a4161a;padding-left:.75rem}.error-summary{border:3px solid #a4161a;padding:.5rem 1rem;margin:0 0 1rem}.error-summary h2{margin-top:.25rem}.error-summary a{color:#a4161a;font-weight:600}
.trap{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}.code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1.25rem;letter-spacing:.08em}.reply-text{white-space:pre-wrap;overflow-wrap:anywhere}
ul.downloads{list-style:none;padding:0}button.link{background:none;color:var(--link);padding:0;text-decoration:underline}a.button{display:inline-block;padding:.45rem 1.2rem;border-radius:3px;background:var(--brand);color:#fff;text-decoration:none;margin-right:1rem}
@media (max-width:40rem){ul.entries li{flex-direction:column;gap:0}table.meta th{width:auto}main{margin:0;border:0}}
`;

export interface LayoutInput {
  locale: string;
  title: string;
  siteName: string;
  /** The footer's 主办单位, 承办单位, contact and record numbers (the first organization's). */
  identity: SiteIdentity;
  columns: PublicColumn[];
  path: string;
  body: SafeHtml;
  feed?: string;
}

/** Where the mode links send the reader back to: this page, never another site. */
const modeHref = (mode: 'care' | 'standard', path: string) => `/portal/mode?${new URLSearchParams({ set: mode, back: path }).toString()}`;

/** The footer a government site must carry, from what the organization configured. */
const footerIdentity = (locale: string, id: SiteIdentity) => {
  const security = id.publicSecurityNumber ? publicSecurityRecordUrl(id.publicSecurityNumber) : null;
  return html`<p class="identity">
${id.sponsor ? html`<span>${t(locale, 'sponsor')}：${id.sponsor}</span>` : ''}
${id.operator ? html`<span>${t(locale, 'operator')}：${id.operator}</span>` : ''}
${id.contact ? html`<span>${t(locale, 'contact')}：${id.contact}</span>` : ''}
</p>
<p class="identity">
${id.websiteCode ? html`<span>${t(locale, 'websiteCode')}：${id.websiteCode}</span>` : ''}
${id.icpNumber ? html`<a href="${ICP_RECORD_URL}" rel="noopener">${id.icpNumber}</a>` : ''}
${id.publicSecurityNumber ? (security ? html`<a href="${security}" rel="noopener">${id.publicSecurityNumber}</a>` : html`<span>${id.publicSecurityNumber}</span>`) : ''}
${id.partyGovernmentUrl ? html`<a class="dzjg" href="${id.partyGovernmentUrl}" rel="noopener" aria-label="${t(locale, 'partyGovernmentLabel')}">${t(locale, 'partyGovernment')}</a>` : ''}
</p>`;
};

export const layout = ({ locale, title, siteName, identity, columns, path, body, feed }: LayoutInput): string => {
  const other = locale === 'en' ? path.replace(/([?&])locale=en&?/, '$1').replace(/[?&]$/, '') : `${path}${path.includes('?') ? '&' : '?'}locale=en`;
  return `<!doctype html>${html`<html lang="${locale === 'en' ? 'en' : 'zh-Hans'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - ${siteName}</title>
${feed ? html`<link rel="alternate" type="application/rss+xml" title="RSS" href="${feed}">` : ''}
<style>${trusted(STYLE)}</style>
<link rel="stylesheet" href="/portal/mode.css">
</head>
<body>
<a class="skip" href="#content">${t(locale, 'skip')}</a>
<header class="site"><div class="bar">
<a class="name" href="${href('/portal', locale)}">${siteName}</a>
<div class="tools">
<form class="site-search" role="search" action="/portal/catalog" method="get">
<label for="site-q"><span class="visually-hidden">${t(locale, 'siteSearch')}</span></label>
<input id="site-q" name="q" type="search" maxlength="100" placeholder="${t(locale, 'siteSearch')}">
${locale === 'en' ? html`<input type="hidden" name="locale" value="en">` : ''}
<button type="submit">${t(locale, 'siteSearchButton')}</button>
</form>
<a class="mode-care" href="${modeHref('care', path)}">${t(locale, 'careMode')}</a>
<a class="mode-standard" href="${modeHref('standard', path)}">${t(locale, 'standardMode')}</a>
<a href="${other}" lang="${locale === 'en' ? 'zh-Hans' : 'en'}">${t(locale, 'language')}</a>
</div>
</div></header>
<nav class="columns" aria-label="${t(locale, 'nav')}"><ul>
${columns.filter((c) => c.kind !== 'link').map((c) => html`<li><a href="${href(`/portal/columns/${c.slug}`, locale)}">${c.name}</a></li>`)}
<li><a href="${href('/portal/catalog', locale)}">${t(locale, 'catalog')}</a></li>
<li><a href="${href('/portal/annual-reports', locale)}">${t(locale, 'reports')}</a></li>
<li><a href="${href('/portal/guide', locale)}">${t(locale, 'guide')}</a></li>
<li><a href="${href('/portal/apply', locale)}">${t(locale, 'applyNav')}</a></li>
</ul></nav>
<main id="content" tabindex="-1">
${body}
</main>
<footer><p>${siteName}</p>
<p><a href="${href('/portal/disclosure', locale)}">${t(locale, 'disclosure')}</a> · <a href="${href('/portal/guide', locale)}">${t(locale, 'guide')}</a> · <a href="${href('/portal/apply', locale)}">${t(locale, 'applyForm')}</a> · <a href="${href('/portal/apply/status', locale)}">${t(locale, 'applyStatus')}</a></p>
${footerIdentity(locale, identity)}</footer>
</body>
</html>`}`;
};
