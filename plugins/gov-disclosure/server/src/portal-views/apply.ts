/**
 * The portal's pages for applications for disclosure (依申请公开): the application form, the
 * receipt, the status look-up and the 政府信息公开指南. Plain HTML forms that work without
 * JavaScript, with the keyboard alone and with a screen reader: every control has a label, groups
 * have a fieldset and legend, required fields say so in words, and after an error each message sits
 * beside its field (aria-describedby, aria-invalid) and in a summary at the top linking to it.
 */
import type { ApplicationStatusView } from '../../../shared/application-types';
import { acceptAttribute, MAX_APPLICATION_FILES } from '../../../shared/domain/application-files';
import { ID_TYPE_LABELS, APPLICATION_FIELD_LIMITS, type IdType } from '../../../shared/domain/application-input';
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  APPLICATION_STATE_LABELS,
  DELIVERIES,
  DELIVERY_LABELS,
  PROVISION_FORM_LABELS,
  PROVISION_FORMS,
  REPLY_KINDS,
} from '../../../shared/domain/disclosure-application';
import { html, type SafeHtml } from './html';
import { t, type Word } from './i18n';
import { href } from './layout';

/** A field's problems, by field name (the service's issue paths, plus the two file inputs). */
export type FieldErrors = Record<string, string[]>;
export type FormValues = Record<string, string>;

const en = (locale: string) => locale === 'en';
const label = (labels: { zh: string; en: string }, locale: string) => (en(locale) ? labels.en : labels.zh);

/** The service's messages are "中文 (English)": the reader's half of it. */
export const localMessage = (message: string, locale: string): string => {
  const m = /^(.*\S)\s*\(([^()]+)\)\s*$/s.exec(message);
  if (!m) return message;
  return en(locale) ? m[2] : m[1];
};

const crumbs = (locale: string, trail: Array<[string, string?]>) => html`<nav class="crumbs" aria-label="${t(locale, 'breadcrumb')}"><ol>
<li><a href="${href('/portal', locale)}">${t(locale, 'home')}</a></li>
${trail.map(([text, url]) => (url ? html`<li><a href="${url}">${text}</a></li>` : html`<li aria-current="page">${text}</li>`))}
</ol></nav>`;

const date = (d: string | null | undefined) => (d ? html`<time datetime="${d}">${d}</time>` : '');

const fieldId = (name: string) => `f-${name}`;
const errorId = (name: string) => `f-${name}-error`;
const hintId = (name: string) => `f-${name}-hint`;

/** The element a summary link jumps to: the field, or the first choice of a group. */
const FIRST_OF_GROUP: Record<string, string> = {
  applicantType: `${fieldId('applicantType')}-${APPLICANT_TYPES[0]}`,
  idType: `${fieldId('idType')}-resident_id`,
  provisionForm: `${fieldId('provisionForm')}-${PROVISION_FORMS[0]}`,
  delivery: `${fieldId('delivery')}-${DELIVERIES[0]}`,
};
const anchorOf = (name: string) => FIRST_OF_GROUP[name] ?? fieldId(name);

/** The order fields appear in, for the summary. */
const FIELD_ORDER = [
  'organization',
  'applicantType',
  'applicantName',
  'contactPerson',
  'idType',
  'idNumber',
  'identityFiles',
  'phone',
  'email',
  'address',
  'postcode',
  'description',
  'documentNumbers',
  'attachments',
  'provisionForm',
  'delivery',
];

const errorText = (locale: string, name: string, errors: FieldErrors) => {
  const list = errors[name];
  if (!list?.length) return '';
  return html`<p class="field-error" id="${errorId(name)}"><span class="visually-hidden">${t(locale, 'errorPrefix')}</span>${list.join(' ')}</p>`;
};

const describedBy = (name: string, errors: FieldErrors, hint: boolean, more: string[] = []) => {
  const ids = [hint ? hintId(name) : '', errors[name]?.length ? errorId(name) : '', ...more].filter(Boolean).join(' ');
  return ids ? html` aria-describedby="${ids}"` : '';
};
const invalid = (name: string, errors: FieldErrors) => (errors[name]?.length ? html` aria-invalid="true"` : '');
const needed = (locale: string, required: boolean | Word) =>
  required === false ? '' : html`<span class="req">${t(locale, required === true ? 'requiredMark' : required)}</span>`;

interface InputSpec {
  name: string;
  text: string;
  required?: boolean | Word;
  hint?: string;
  type?: string;
  autocomplete?: string;
  maxlength?: number;
  extra?: SafeHtml;
  /** Further elements that describe the field (a message about the whole form). */
  describedBy?: string[];
}

const input = (
  locale: string,
  spec: InputSpec,
  values: FormValues,
  errors: FieldErrors
) => html`<div class="field${errors[spec.name]?.length ? ' has-error' : ''}">
<label for="${fieldId(spec.name)}">${spec.text}${needed(locale, spec.required ?? false)}</label>
${spec.hint ? html`<p class="hint" id="${hintId(spec.name)}">${spec.hint}</p>` : ''}
${errorText(locale, spec.name, errors)}
<input id="${fieldId(spec.name)}" name="${spec.name}" type="${spec.type ?? 'text'}" value="${values[spec.name] ?? ''}"${
  spec.maxlength ? html` maxlength="${spec.maxlength}"` : ''
}${spec.autocomplete ? html` autocomplete="${spec.autocomplete}"` : ''}${spec.required === true ? html` required` : ''}${describedBy(
  spec.name,
  errors,
  Boolean(spec.hint),
  spec.describedBy
)}${invalid(spec.name, errors)}${spec.extra ?? ''}>
</div>`;

const radios = (
  locale: string,
  name: string,
  legend: string,
  choices: Array<[string, string]>,
  values: FormValues,
  errors: FieldErrors,
  hint?: string
) => html`<fieldset class="choices${errors[name]?.length ? ' has-error' : ''}"${describedBy(name, errors, Boolean(hint))}>
<legend>${legend}${needed(locale, true)}</legend>
${hint ? html`<p class="hint" id="${hintId(name)}">${hint}</p>` : ''}
${errorText(locale, name, errors)}
${choices.map(
  ([value, text]) =>
    html`<div class="choice"><input type="radio" id="${fieldId(name)}-${value}" name="${name}" value="${value}"${values[name] === value ? html` checked` : ''}${
      errors[name]?.length ? html` aria-invalid="true"` : ''
    }><label for="${fieldId(name)}-${value}">${text}</label></div>`
)}
</fieldset>`;

const idChoices = (ids: IdType[], locale: string, values: FormValues, errors: FieldErrors) =>
  ids.map(
    (id) =>
      html`<div class="choice"><input type="radio" id="${fieldId('idType')}-${id}" name="idType" value="${id}"${values.idType === id ? html` checked` : ''}${
        errors.idType?.length ? html` aria-invalid="true"` : ''
      }><label for="${fieldId('idType')}-${id}">${label(ID_TYPE_LABELS[id], locale)}</label></div>`
  );

const fileInput = (
  locale: string,
  name: 'identityFiles' | 'attachments',
  text: string,
  required: boolean,
  hint: string,
  errors: FieldErrors
) => html`<div class="field${errors[name]?.length ? ' has-error' : ''}">
<label for="${fieldId(name)}">${text}${needed(locale, required)}</label>
<p class="hint" id="${hintId(name)}">${hint}</p>
${errorText(locale, name, errors)}
<input id="${fieldId(name)}" name="${name}" type="file" multiple accept="${acceptAttribute(name === 'identityFiles' ? 'identity' : 'attachment')}"${
  required ? html` required` : ''
}${describedBy(name, errors, true)}${invalid(name, errors)}>
</div>`;

/** The error summary: a heading, then one link per problem to its field. */
const summary = (locale: string, errors: FieldErrors, general: string[]) => {
  const fields = Object.keys(errors).sort((a, b) => {
    const ia = FIELD_ORDER.indexOf(a);
    const ib = FIELD_ORDER.indexOf(b);
    return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
  });
  const count = fields.reduce((n, f) => n + errors[f].length, 0) + general.length;
  if (count === 0) return '';
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">${t(locale, 'errorSummary', { n: count })}</h2>
<ul>
${general.map((m) => html`<li>${m}</li>`)}
${fields.flatMap((f) =>
  errors[f].map((m) => (FIELD_ORDER.includes(f) ? html`<li><a href="#${anchorOf(f)}">${m}</a></li>` : html`<li><a href="#application-form">${m}</a></li>`))
)}
</ul>
<p>${t(locale, 'filesNotKept')}</p>
</div>`;
};

export interface ApplyFormInput {
  locale: string;
  organizations: Array<{ documentId: string; name: string }>;
  values: FormValues;
  errors: FieldErrors;
  /** Problems not of one field (the form timed out, the spam trap). */
  general?: string[];
  csrf: string;
  stamp: string;
}

export const applyFormPage = ({ locale, organizations, values, errors, general = [], csrf, stamp }: ApplyFormInput) => {
  const single = organizations.length === 1 ? organizations[0].documentId : undefined;
  const organization = values.organization ?? single ?? '';
  const orgError = errors.organization?.length;
  return html`
${crumbs(locale, [[t(locale, 'guide'), href('/portal/guide', locale)], [t(locale, 'applyForm')]])}
<h1>${t(locale, 'applyForm')}</h1>
${summary(locale, errors, general)}
<p>${t(locale, 'applyIntro')} <a href="${href('/portal/guide', locale)}">${t(locale, 'readGuide')}</a></p>
<p>${t(locale, 'requiredNote')}</p>
<form class="apply" id="application-form" method="post" action="${href('/portal/apply', locale)}" enctype="multipart/form-data" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="_stamp" value="${stamp}">

<fieldset class="group"><legend>${t(locale, 'groupOrganization')}</legend>
<div class="field${orgError ? ' has-error' : ''}">
<label for="${fieldId('organization')}">${t(locale, 'organizationApplied')}${needed(locale, true)}</label>
${errorText(locale, 'organization', errors)}
<select id="${fieldId('organization')}" name="organization" required${describedBy('organization', errors, false)}${invalid('organization', errors)}>
<option value="">${t(locale, 'choose')}</option>
${organizations.map((o) => html`<option value="${o.documentId}"${organization === o.documentId ? html` selected` : ''}>${o.name}</option>`)}
</select>
</div>
</fieldset>

<fieldset class="group"><legend>${t(locale, 'groupApplicant')}</legend>
${radios(
  locale,
  'applicantType',
  t(locale, 'applicantType'),
  APPLICANT_TYPES.map((k) => [k, label(APPLICANT_TYPE_LABELS[k], locale)]),
  values,
  errors,
  t(locale, 'applicantTypeHint')
)}
${input(
  locale,
  { name: 'applicantName', text: t(locale, 'applicantName'), required: true, autocomplete: 'name', maxlength: APPLICATION_FIELD_LIMITS.applicantName },
  values,
  errors
)}
${input(
  locale,
  {
    name: 'contactPerson',
    text: t(locale, 'contactPerson'),
    required: 'requiredForOrganisations',
    autocomplete: 'name',
    maxlength: APPLICATION_FIELD_LIMITS.contactPerson,
  },
  values,
  errors
)}
<fieldset class="choices${errors.idType?.length ? ' has-error' : ''}"${describedBy('idType', errors, true)}>
<legend>${t(locale, 'idType')}${needed(locale, true)}</legend>
<p class="hint" id="${hintId('idType')}">${t(locale, 'idTypeHint')}</p>
${errorText(locale, 'idType', errors)}
<fieldset class="subgroup"><legend>${t(locale, 'personIds')}</legend>
${idChoices(['resident_id', 'passport', 'other_id'], locale, values, errors)}
</fieldset>
<fieldset class="subgroup"><legend>${t(locale, 'organisationIds')}</legend>
${idChoices(['credit_code', 'other_org'], locale, values, errors)}
</fieldset>
</fieldset>
${input(
  locale,
  {
    name: 'idNumber',
    text: t(locale, 'idNumber'),
    required: true,
    autocomplete: 'off',
    maxlength: APPLICATION_FIELD_LIMITS.idNumber,
    extra: html` spellcheck="false"`,
  },
  values,
  errors
)}
${fileInput(locale, 'identityFiles', t(locale, 'identityFiles'), true, t(locale, 'identityFilesHint', { n: MAX_APPLICATION_FILES.identity }), errors)}
</fieldset>

<fieldset class="group" aria-describedby="${hintId('contact')}"><legend>${t(locale, 'groupContact')}</legend>
<p class="hint" id="${hintId('contact')}">${t(locale, 'contactHint')}</p>
${input(locale, { name: 'phone', text: t(locale, 'phone'), type: 'tel', autocomplete: 'tel', maxlength: APPLICATION_FIELD_LIMITS.phone }, values, errors)}
${input(locale, { name: 'email', text: t(locale, 'email'), type: 'email', autocomplete: 'email', maxlength: APPLICATION_FIELD_LIMITS.email }, values, errors)}
${input(locale, { name: 'address', text: t(locale, 'address'), autocomplete: 'street-address', maxlength: APPLICATION_FIELD_LIMITS.address }, values, errors)}
${input(
  locale,
  {
    name: 'postcode',
    text: t(locale, 'postcode'),
    autocomplete: 'postal-code',
    maxlength: APPLICATION_FIELD_LIMITS.postcode,
    extra: html` inputmode="numeric"`,
  },
  values,
  errors
)}
</fieldset>

<fieldset class="group"><legend>${t(locale, 'groupInformation')}</legend>
<div class="field${errors.description?.length ? ' has-error' : ''}">
<label for="${fieldId('description')}">${t(locale, 'description')}${needed(locale, true)}</label>
<p class="hint" id="${hintId('description')}">${t(locale, 'descriptionHint')}</p>
${errorText(locale, 'description', errors)}
<textarea id="${fieldId('description')}" name="description" rows="6" maxlength="${APPLICATION_FIELD_LIMITS.description}" required${describedBy(
    'description',
    errors,
    true
  )}${invalid('description', errors)}>${values.description ?? ''}</textarea>
</div>
${input(locale, { name: 'documentNumbers', text: t(locale, 'documentNumbers'), maxlength: APPLICATION_FIELD_LIMITS.documentNumbers }, values, errors)}
${fileInput(locale, 'attachments', t(locale, 'attachmentFiles'), false, t(locale, 'attachmentFilesHint', { n: MAX_APPLICATION_FILES.attachment }), errors)}
</fieldset>

${radios(
  locale,
  'provisionForm',
  t(locale, 'provisionForm'),
  PROVISION_FORMS.map((k) => [k, label(PROVISION_FORM_LABELS[k], locale)]),
  values,
  errors
)}
${radios(
  locale,
  'delivery',
  t(locale, 'delivery'),
  DELIVERIES.map((k) => [k, label(DELIVERY_LABELS[k], locale)]),
  values,
  errors
)}

<div class="trap"><label for="f-website">${t(locale, 'trapLabel')}</label><input id="f-website" name="website" type="text" value="" tabindex="-1" autocomplete="off"></div>
<p>${t(locale, 'beforeSubmit')}</p>
<p><button type="submit">${t(locale, 'submitApplication')}</button></p>
</form>`;
};

export interface ReceiptInput {
  locale: string;
  trackingNumber: string;
  queryCode: string;
  organizationName: string | null;
  receivedOn: string;
  dueOn: string | null;
  files: number;
}

export const receiptPage = (r: ReceiptInput) => {
  const { locale } = r;
  return html`
${crumbs(locale, [[t(locale, 'applyForm'), href('/portal/apply', locale)], [t(locale, 'receiptTitle')]])}
<h1>${t(locale, 'receiptTitle')}</h1>
<div class="notice" role="status"><p>${t(locale, 'receiptLead', { day: r.receivedOn })}</p></div>
<table class="meta receipt">
<tbody>
<tr><th scope="row">${t(locale, 'trackingNumber')}</th><td><strong class="code">${r.trackingNumber}</strong></td></tr>
<tr><th scope="row">${t(locale, 'queryCode')}</th><td><strong class="code">${r.queryCode}</strong></td></tr>
<tr><th scope="row">${t(locale, 'organizationApplied')}</th><td>${r.organizationName ?? ''}</td></tr>
<tr><th scope="row">${t(locale, 'receivedOn')}</th><td>${date(r.receivedOn)}</td></tr>
<tr><th scope="row">${t(locale, 'dueOn')}</th><td>${date(r.dueOn)}</td></tr>
<tr><th scope="row">${t(locale, 'filesReceived')}</th><td>${String(r.files)}</td></tr>
</tbody>
</table>
<h2>${t(locale, 'keepCodeTitle')}</h2>
<p>${t(locale, 'keepCode')}</p>
<h2>${t(locale, 'periodTitle')}</h2>
<p>${t(locale, 'periodText')}</p>
<p>${t(locale, 'amendmentText')}</p>
<p><a href="${href('/portal/apply/status', locale)}">${t(locale, 'applyStatus')}</a></p>`;
};

export interface StatusFormInput {
  locale: string;
  csrf: string;
  values?: FormValues;
  errors?: FieldErrors;
  notFound?: boolean;
}

export const statusFormPage = ({ locale, csrf, values = {}, errors = {}, notFound = false }: StatusFormInput) => {
  const errorCount = Object.values(errors).reduce((n, l) => n + l.length, 0);
  const both = notFound ? ['status-not-found'] : [];
  return html`
${crumbs(locale, [[t(locale, 'applyForm'), href('/portal/apply', locale)], [t(locale, 'applyStatus')]])}
<h1>${t(locale, 'applyStatus')}</h1>
${
  notFound
    ? html`<div class="error-summary" role="alert" tabindex="-1" autofocus><p id="status-not-found">${t(locale, 'statusNotFound')}</p></div>`
    : errorCount > 0
      ? html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">${t(locale, 'errorSummary', { n: errorCount })}</h2>
<ul>${Object.entries(errors).flatMap(([f, list]) => list.map((m) => html`<li><a href="#${fieldId(f)}">${m}</a></li>`))}</ul></div>`
      : ''
}
<p>${t(locale, 'statusIntro')}</p>
<form class="apply" method="post" action="${href('/portal/apply/status', locale)}" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
${input(
  locale,
  {
    name: 'trackingNumber',
    text: t(locale, 'trackingNumber'),
    required: true,
    hint: t(locale, 'trackingNumberHint'),
    autocomplete: 'off',
    maxlength: 40,
    describedBy: both,
    extra: html` spellcheck="false"`,
  },
  values,
  errors
)}
${input(
  locale,
  {
    name: 'queryCode',
    text: t(locale, 'queryCode'),
    required: true,
    hint: t(locale, 'queryCodeHint'),
    autocomplete: 'off',
    maxlength: 40,
    describedBy: both,
    extra: html` spellcheck="false" autocapitalize="characters"`,
  },
  {},
  errors
)}
<p><button type="submit">${t(locale, 'lookUp')}</button></p>
</form>
<p><a href="${href('/portal/apply', locale)}">${t(locale, 'applyForm')}</a> · <a href="${href('/portal/guide', locale)}">${t(locale, 'guide')}</a></p>`;
};

export interface StatusPageInput {
  locale: string;
  status: ApplicationStatusView;
  csrf: string;
  replyFiles: Array<{ id: number; name: string; size: number; grant: string }>;
}

const kb = (size: number) => (size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(size / 1024))} KB`);

export const statusPage = ({ locale, status: s, csrf, replyFiles }: StatusPageInput) => {
  const waitingForAmendment = s.state === 'amendment_requested';
  const waitingForPayment = s.state === 'fee_notified';
  return html`
${crumbs(locale, [[t(locale, 'applyStatus'), href('/portal/apply/status', locale)], [s.trackingNumber]])}
<h1>${t(locale, 'statusTitle')}</h1>
<table class="meta">
<tbody>
<tr><th scope="row">${t(locale, 'trackingNumber')}</th><td>${s.trackingNumber}</td></tr>
<tr><th scope="row">${t(locale, 'receivedOn')}</th><td>${date(s.receivedOn)}</td></tr>
<tr><th scope="row">${t(locale, 'state')}</th><td><strong>${label(APPLICATION_STATE_LABELS[s.state], locale)}</strong></td></tr>
${
  s.answer
    ? html`<tr><th scope="row">${t(locale, 'decidedOn')}</th><td>${date(s.answer.decidedOn)}</td></tr>`
    : html`<tr><th scope="row">${t(locale, 'dueOn')}</th><td>${s.paused ? html`${t(locale, 'paused')}${s.dueOn ? html` <span class="hint">${t(locale, 'pausedNote')}</span>` : ''}` : date(s.dueOn)}</td></tr>`
}
</tbody>
</table>
${
  s.amendment
    ? html`<section aria-labelledby="h-amendment"><h2 id="h-amendment">${t(locale, 'amendmentTitle')}</h2>
<p>${t(locale, 'amendmentRequested', { day: s.amendment.requestedOn })}</p>
${s.amendment.note ? html`<p class="reply-text">${s.amendment.note}</p>` : ''}
${s.amendment.dueOn ? html`<p>${t(locale, waitingForAmendment ? 'amendBy' : 'amendByWas', { day: s.amendment.dueOn })}</p>` : ''}
${waitingForAmendment ? html`<p>${t(locale, 'amendHow')}</p>` : ''}
</section>`
    : ''
}
${
  s.fee
    ? html`<section aria-labelledby="h-fee"><h2 id="h-fee">${t(locale, 'feeTitle')}</h2>
<table class="meta"><tbody>
<tr><th scope="row">${t(locale, 'feeAmount')}</th><td>¥${s.fee.yuan.toFixed(2)}</td></tr>
${s.fee.paymentDueOn ? html`<tr><th scope="row">${t(locale, 'payBy')}</th><td>${date(s.fee.paymentDueOn)}</td></tr>` : ''}
${s.fee.paidOn ? html`<tr><th scope="row">${t(locale, 'paidOn')}</th><td>${date(s.fee.paidOn)}</td></tr>` : ''}
</tbody></table>
${waitingForPayment ? html`<p>${t(locale, 'payHow')}</p>` : ''}
</section>`
    : ''
}
${
  s.answer
    ? html`<section aria-labelledby="h-answer"><h2 id="h-answer">${t(locale, 'answerTitle')}</h2>
<table class="meta"><tbody>
<tr><th scope="row">${t(locale, 'decidedOn')}</th><td>${date(s.answer.decidedOn)}</td></tr>
${s.answer.replyKind ? html`<tr><th scope="row">${t(locale, 'replyKind')}</th><td>${label(REPLY_KINDS[s.answer.replyKind], locale)}</td></tr>` : ''}
</tbody></table>
${s.answer.replyText ? html`<h3>${t(locale, 'replyText')}</h3><p class="reply-text">${s.answer.replyText}</p>` : ''}
${
  replyFiles.length > 0
    ? html`<h3>${t(locale, 'replyFiles')}</h3>
<p class="hint">${t(locale, 'replyFilesHint')}</p>
<ul class="downloads">${replyFiles.map(
        (f) => html`<li><form method="post" action="${href(`/portal/apply/status/files/${f.id}`, locale)}">
<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="grant" value="${f.grant}">
<button type="submit" class="link">${t(locale, 'download')} <span>${f.name}</span></button> <span class="hint">(${kb(f.size)})</span>
</form></li>`
      )}</ul>`
    : ''
}
<p>${t(locale, 'remedies')}</p>
</section>`
    : ''
}
<p><a href="${href('/portal/apply/status', locale)}">${t(locale, 'lookUpAnother')}</a> · <a href="${href('/portal/guide', locale)}">${t(locale, 'guide')}</a></p>`;
};

/** 400, 403, 429 and 500 pages: what happened, what to do, and the way back. */
export const messagePage = (locale: string, title: string, paragraphs: string[], back: { text: string; url: string }) => html`
<h1>${title}</h1>
${paragraphs.map((p) => html`<p>${p}</p>`)}
<p><a href="${back.url}">${back.text}</a></p>
<p><a href="${href('/portal/guide', locale)}">${t(locale, 'guide')}</a></p>`;

const list = (locale: string, words: Word[]) => html`<ul>${words.map((w) => html`<li>${t(locale, w)}</li>`)}</ul>`;

export const guidePage = (locale: string, organizations: Array<{ name: string }>) => html`
${crumbs(locale, [[t(locale, 'guide')]])}
<h1>${t(locale, 'guide')}</h1>
<p>${t(locale, 'guideIntro')}</p>
<p><a class="button" href="${href('/portal/apply', locale)}">${t(locale, 'applyOnline')}</a> <a href="${href('/portal/apply/status', locale)}">${t(locale, 'applyStatus')}</a></p>
<nav aria-labelledby="guide-toc"><h2 id="guide-toc">${t(locale, 'guideContents')}</h2>
<ol>
<li><a href="#g-public">${t(locale, 'guidePublicTitle')}</a></li>
<li><a href="#g-channels">${t(locale, 'guideChannelsTitle')}</a></li>
<li><a href="#g-content">${t(locale, 'guideContentTitle')}</a></li>
<li><a href="#g-period">${t(locale, 'guidePeriodTitle')}</a></li>
<li><a href="#g-answer">${t(locale, 'guideAnswerTitle')}</a></li>
<li><a href="#g-fees">${t(locale, 'guideFeesTitle')}</a></li>
<li><a href="#g-remedies">${t(locale, 'guideRemediesTitle')}</a></li>
</ol></nav>
<section aria-labelledby="g-public"><h2 id="g-public">${t(locale, 'guidePublicTitle')}</h2>
<p>${t(locale, 'guidePublic')} <a href="${href('/portal/catalog', locale)}">${t(locale, 'catalog')}</a></p>
</section>
<section aria-labelledby="g-channels"><h2 id="g-channels">${t(locale, 'guideChannelsTitle')}</h2>
${organizations.length > 0 ? html`<p>${t(locale, 'guideOrganizations')}${organizations.map((o) => o.name).join(en(locale) ? ', ' : '、')}</p>` : ''}
<ul>
<li>${t(locale, 'guideOnline')} <a href="${href('/portal/apply', locale)}">${t(locale, 'applyForm')}</a></li>
<li>${t(locale, 'guideInPerson')}</li>
<li>${t(locale, 'guideLetter')}</li>
<li>${t(locale, 'guideFax')}</li>
<li>${t(locale, 'guideEmail')}</li>
</ul>
<p>${t(locale, 'guideNeverRefused')}</p>
<p>${t(locale, 'guideContactDetails')}</p>
</section>
<section aria-labelledby="g-content"><h2 id="g-content">${t(locale, 'guideContentTitle')}</h2>
<p>${t(locale, 'guideContentLead')}</p>
<ol>
<li>${t(locale, 'guideContent1')}</li>
<li>${t(locale, 'guideContent2')}</li>
<li>${t(locale, 'guideContent3')}</li>
</ol>
<p>${t(locale, 'guideReceipt')}</p>
</section>
<section aria-labelledby="g-period"><h2 id="g-period">${t(locale, 'guidePeriodTitle')}</h2>
<p>${t(locale, 'periodText')}</p>
<p>${t(locale, 'amendmentText')}</p>
<p>${t(locale, 'guideWorkingDays')}</p>
</section>
<section aria-labelledby="g-answer"><h2 id="g-answer">${t(locale, 'guideAnswerTitle')}</h2>
<p>${t(locale, 'guideAnswerLead')}</p>
${list(locale, ['guideAnswer1', 'guideAnswer2', 'guideAnswer3', 'guideAnswer4', 'guideAnswer5', 'guideAnswer6', 'guideAnswer7'])}
<p>${t(locale, 'guideStatus')} <a href="${href('/portal/apply/status', locale)}">${t(locale, 'applyStatus')}</a></p>
</section>
<section aria-labelledby="g-fees"><h2 id="g-fees">${t(locale, 'guideFeesTitle')}</h2>
<p>${t(locale, 'guideFeesLead')}</p>
<ul>
<li>${t(locale, 'guideFeesByItem')}</li>
<li>${t(locale, 'guideFeesByVolume')}</li>
</ul>
<p>${t(locale, 'guideFeesNotice')}</p>
</section>
<section aria-labelledby="g-remedies"><h2 id="g-remedies">${t(locale, 'guideRemediesTitle')}</h2>
<p>${t(locale, 'guideRemedies')}</p>
</section>`;
