import type { Pagination, PublicEntry, PublicEntrySummary, PublicReport, PublicReportSummary } from '../../../shared/public-types';
import { DOCUMENT_KIND_LABELS, GENRE_LABELS, VALIDITY_LABELS } from '../../../shared/constants';
import { SUBJECT_CATEGORIES } from '../../../shared/domain/subject-categories';
import type { PublicParams } from '../domain/public-params';
import { html, trusted, type SafeHtml } from './html';
import { t } from './i18n';
import { href } from './layout';
import { reportTables } from './report-table';

const date = (d: string | null) => (d ? html`<time datetime="${d}">${d}</time>` : '');

export const entryList = (entries: PublicEntrySummary[], locale: string): SafeHtml =>
  entries.length === 0
    ? html`<p>${t(locale, 'noEntries')}</p>`
    : html`<ul class="entries">${entries.map((e) => html`<li><a href="${href(`/portal/entries/${e.slug || e.documentId}`, locale)}">${e.title}</a>${date(e.publishedDate)}</li>`)}</ul>`;

export const pager = (pagination: Pagination, locale: string, path: string, params: Record<string, string | number | undefined>): SafeHtml => {
  const { page, pageCount, total } = pagination;
  const count = t(locale, pagination.totalCapped ? 'resultsCapped' : 'results', { n: total });
  if (pageCount <= 1) return html`<p>${count}</p>`;
  const link = (p: number, label: string, rel?: string) =>
    html`<li><a href="${href(path, locale, { ...params, page: p })}"${rel ? html` rel="${rel}"` : ''}>${label}</a></li>`;
  const around = [page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pageCount);
  return html`<p>${count}</p>
<nav class="pages" aria-label="${t(locale, 'pagination')}"><ul>
${page > 1 ? link(page - 1, t(locale, 'previous'), 'prev') : ''}
${around.map((p) => (p === page ? html`<li><span aria-current="page">${t(locale, 'page', { n: p })}</span></li>` : link(p, String(p))))}
${page < pageCount ? link(page + 1, t(locale, 'next'), 'next') : ''}
</ul></nav>`;
};

const crumbs = (locale: string, trail: Array<[string, string?]>) => html`<nav class="crumbs" aria-label="${t(locale, 'breadcrumb')}"><ol>
<li><a href="${href('/portal', locale)}">${t(locale, 'home')}</a></li>
${trail.map(([label, url]) => (url ? html`<li><a href="${url}">${label}</a></li>` : html`<li aria-current="page">${label}</li>`))}
</ol></nav>`;

export const homePage = (locale: string, latest: PublicEntrySummary[], reports: PublicReportSummary[]) => html`
<h1>${t(locale, 'latest')}</h1>
${entryList(latest, locale)}
<p><a href="${href('/portal/catalog', locale)}">${t(locale, 'catalog')}</a> · <a href="${href('/portal/disclosure', locale)}">${t(locale, 'disclosure')}</a></p>
<h2>${t(locale, 'reports')}</h2>
<ul>${reports.map((r) => html`<li><a href="${href(`/portal/annual-reports/${r.organization.slug}/${r.year}`, locale)}">${r.title}</a></li>`)}</ul>`;

export const columnPage = (locale: string, name: string, entries: PublicEntrySummary[], pagination: Pagination, slug: string, feed: string) => html`
${crumbs(locale, [[name]])}
<h1>${name}</h1>
${entryList(entries, locale)}
${pager(pagination, locale, `/portal/columns/${slug}`, {})}
<p><a href="${feed}">${t(locale, 'rss')}</a></p>`;

export const entryPage = (locale: string, e: PublicEntry) => {
  const column = e.columns[0];
  return html`
${crumbs(locale, [...(column ? ([[column.name, href(`/portal/columns/${column.slug}`, locale)]] as Array<[string, string]>) : []), [e.title]])}
<article>
<h1>${e.title}</h1>
<table class="meta">
<tbody>
<tr><th scope="row">${t(locale, 'indexNumber')}</th><td>${e.indexNumber ?? ''}</td><th scope="row">${t(locale, 'organization')}</th><td>${e.organization?.name ?? ''}</td></tr>
<tr><th scope="row">${t(locale, 'documentNumber')}</th><td>${e.documentNumber ?? ''}</td><th scope="row">${t(locale, 'subject')}</th><td>${e.subjectCategory?.name ?? ''}</td></tr>
<tr><th scope="row">${t(locale, 'writtenDate')}</th><td>${date(e.writtenDate)}</td><th scope="row">${t(locale, 'publishedDate')}</th><td>${date(e.publishedDate)}</td></tr>
<tr><th scope="row">${t(locale, 'validity')}</th><td>${e.validity.label}</td><th scope="row">${t(locale, 'genre')}</th><td>${e.genre.label}</td></tr>
<tr><th scope="row">${t(locale, 'disclosureMode')}</th><td colspan="3">${e.disclosureMode.label}</td></tr>
</tbody>
</table>
${e.disclosureMode.key === 'on_request' ? html`<p class="notice">${t(locale, 'onRequest')}</p>` : html`<div class="body">${trusted(e.bodyHtml)}</div>`}
${e.attachments.length > 0 ? html`<h2>${t(locale, 'attachments')}</h2><ul>${e.attachments.map((a) => html`<li><a href="${a.url}">${a.name}</a></li>`)}</ul>` : ''}
${e.interpretations.length > 0 ? html`<h2>${t(locale, 'interpretations')}</h2>${entryList(e.interpretations, locale)}` : ''}
${e.interprets.length > 0 ? html`<h2>${t(locale, 'interprets')}</h2>${entryList(e.interprets, locale)}` : ''}
</article>`;
};

/** Every catalog parameter but the page: the form shows some, the page links keep them all. */
export type CatalogFilters = Omit<PublicParams, 'page' | 'locale'>;

const options = (selected: string | undefined, list: Array<[string, string]>, locale: string) =>
  html`<option value="">${t(locale, 'all')}</option>${list.map(([v, label]) => html`<option value="${v}"${selected === v ? html` selected` : ''}>${label}</option>`)}`;

export const catalogPage = (locale: string, filters: CatalogFilters, entries: PublicEntrySummary[], pagination: Pagination) => {
  const en = locale === 'en';
  const subjects: Array<[string, string]> = SUBJECT_CATEGORIES.flatMap((top) => [
    [top.code, en ? top.nameEn : top.name] as [string, string],
    ...(top.children ?? []).map((c) => [c.code, `　${en ? c.nameEn : c.name}`] as [string, string]),
  ]);
  const label = (labels: Record<string, { zh: string; en: string }>): Array<[string, string]> => Object.entries(labels).map(([k, v]) => [k, en ? v.en : v.zh]);
  const thisYear = new Date().getUTCFullYear();
  const years: Array<[string, string]> = Array.from({ length: thisYear - 2007 }, (_, i) => String(thisYear - i)).map((y) => [y, y]);
  return html`
${crumbs(locale, [[t(locale, 'catalog')]])}
<h1>${t(locale, 'catalog')}</h1>
<form class="filters" method="get" action="/portal/catalog" role="search">
${en ? html`<input type="hidden" name="locale" value="en">` : ''}
<div><label for="f-q">${t(locale, 'keyword')}</label><input id="f-q" name="q" type="search" value="${filters.q ?? ''}" maxlength="100"></div>
<div><label for="f-subject">${t(locale, 'subject')}</label><select id="f-subject" name="subject">${options(filters.subject, subjects, locale)}</select></div>
<div><label for="f-genre">${t(locale, 'genre')}</label><select id="f-genre" name="genre">${options(filters.genre, label(GENRE_LABELS), locale)}</select></div>
<div><label for="f-year">${t(locale, 'year')}</label><select id="f-year" name="year">${options(filters.year ? String(filters.year) : undefined, years, locale)}</select></div>
<div><label for="f-validity">${t(locale, 'validity')}</label><select id="f-validity" name="validity">${options(filters.validity, label(VALIDITY_LABELS), locale)}</select></div>
<div><label for="f-kind">${t(locale, 'documentKind')}</label><select id="f-kind" name="documentKind">${options(filters.documentKind, label(DOCUMENT_KIND_LABELS), locale)}</select></div>
<div><button type="submit">${t(locale, 'search')}</button></div>
</form>
<div class="table-scroll"><table>
<thead><tr><th scope="col">${t(locale, 'indexNumber')}</th><th scope="col">${t(locale, 'title')}</th><th scope="col">${t(locale, 'genre')}</th><th scope="col">${t(locale, 'publishedDate')}</th></tr></thead>
<tbody>
${entries.map((e) => html`<tr><td>${e.indexNumber ?? ''}</td><td><a href="${href(`/portal/entries/${e.slug || e.documentId}`, locale)}">${e.title}</a></td><td>${e.genre.label}</td><td>${date(e.publishedDate)}</td></tr>`)}
</tbody>
</table></div>
${pager(pagination, locale, '/portal/catalog', { ...filters })}`;
};

export const reportsPage = (locale: string, reports: PublicReportSummary[]) => html`
${crumbs(locale, [[t(locale, 'reports')]])}
<h1>${t(locale, 'reports')}</h1>
${reports.length === 0 ? html`<p>${t(locale, 'noEntries')}</p>` : html`<ul>${reports.map((r) => html`<li><a href="${href(`/portal/annual-reports/${r.organization.slug}/${r.year}`, locale)}">${r.title}</a></li>`)}</ul>`}`;

export const reportPage = (locale: string, r: PublicReport) => html`
${crumbs(locale, [[t(locale, 'reports'), href('/portal/annual-reports', locale)], [String(r.year)]])}
<article>
<h1>${r.title}</h1>
<div class="body">${trusted(r.prefaceHtml)}</div>
${r.sections.map((s) => html`<section><h2>${s.title}</h2><div class="body">${trusted(s.html)}</div></section>`)}
<section><h2>${t(locale, 'statistics')}</h2>${reportTables(r, locale)}</section>
</article>`;

export const errorPage = (locale: string, status: 404 | 400, messages: string[] = []) => html`
<h1>${t(locale, status === 404 ? 'notFound' : 'badRequest')}</h1>
${messages.length > 0 ? html`<ul>${messages.map((m) => html`<li>${m}</li>`)}</ul>` : ''}
<p><a href="${href('/portal', locale)}">${t(locale, 'home')}</a></p>`;

/** 政府信息公开: the section's four usual parts, each with where it lives on the portal. */
export const disclosurePage = (locale: string, rules: Array<{ slug: string; name: string }>) => html`
${crumbs(locale, [[t(locale, 'disclosure')]])}
<h1>${t(locale, 'disclosure')}</h1>
<p>${t(locale, 'disclosureIntro')}</p>
<ol class="disclosure">
<li><h2><a href="${href('/portal/guide', locale)}">${t(locale, 'guide')}</a></h2><p>${t(locale, 'disclosureGuideIntro')}</p></li>
<li><h2>${t(locale, 'disclosureRules')}</h2>${
  rules.length === 0
    ? html`<p>${t(locale, 'disclosureRulesNone')}</p>`
    : html`<ul>${rules.map((c) => html`<li><a href="${href(`/portal/columns/${c.slug}`, locale)}">${c.name}</a></li>`)}</ul>`
}</li>
<li><h2><a href="${href('/portal/catalog', locale)}">${t(locale, 'disclosureContent')}</a></h2><p>${t(locale, 'disclosureContentIntro')}</p></li>
<li><h2><a href="${href('/portal/annual-reports', locale)}">${t(locale, 'reports')}</a></h2><p>${t(locale, 'disclosureReportsIntro')}</p></li>
</ol>`;
