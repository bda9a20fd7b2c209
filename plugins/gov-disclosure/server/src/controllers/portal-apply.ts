/**
 * The public side of 依申请公开 on the server-rendered portal: the application form and its
 * receipt, the status look-up with the reply documents, and the 政府信息公开指南.
 *
 * Nothing here passes through the public response cache (services/public-cache.ts) and every
 * response says Cache-Control: no-store: the pages carry a visitor's CSRF token, a query code or
 * an applicant's case, which no proxy, browser history or other visitor may get. The query code is
 * never in a URL (look-ups are POSTs), so it reaches neither access logs nor Referer headers, and
 * nothing an applicant types is ever logged.
 *
 * Protection (services/portal-guard.ts): a double-submit CSRF token (random, in an HttpOnly
 * SameSite=Strict cookie and a hidden field, compared in constant time) plus a refusal of requests
 * the browser marks cross-site; per-address limits (ctx.ip, which honours server.proxy); a spam
 * trap (a field people leave empty, and a signed form time: no human fills the form in 3 s).
 */
import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, UID } from '../../../shared/constants';
import {
  checkApplicationFile,
  MAX_APPLICATION_FILES,
  MAX_APPLICATION_FILE_BYTES,
  sanitizeApplicationFileName,
  type ApplicationFileKind,
} from '../../../shared/domain/application-files';
import { checkApplicationInput } from '../../../shared/domain/application-input';
import { dayIn } from '../../../shared/domain/calendar-day';
import {
  applyFormPage,
  guidePage,
  localMessage,
  messagePage,
  receiptPage,
  statusFormPage,
  statusPage,
  type FieldErrors,
  type FormValues,
} from '../portal-views/apply';
import type { SafeHtml } from '../portal-views/html';
import { t } from '../portal-views/i18n';
import { href, HTML_TYPE, layout, PORTAL_CSP } from '../portal-views/layout';
import { CSRF_COOKIE, type RateBucket } from '../services/portal-guard';
import { getService } from '../utils/get-service';
import type { UploadedFile, UploadedFiles } from '../utils/uploads';
import { rowsOf } from '../utils/query';

interface Ctx {
  url: string;
  ip: string;
  secure: boolean;
  query: Record<string, unknown>;
  params: Record<string, string>;
  request: { body?: unknown; files?: UploadedFiles };
  cookies: {
    get(name: string, options?: { signed?: boolean }): string | undefined;
    set(name: string, value: string, options: Record<string, unknown>): void;
  };
  get(header: string): string;
  set(name: string, value: string): void;
  status: number;
  type: string;
  body: unknown;
}

/** The form's fields that become the application (channel and date of receipt are the portal's). */
const FORM_FIELDS = [
  'organization',
  'applicantType',
  'applicantName',
  'contactPerson',
  'phone',
  'email',
  'address',
  'postcode',
  'idType',
  'idNumber',
  'description',
  'documentNumbers',
  'provisionForm',
  'delivery',
] as const;

const FILE_FIELDS: Array<{ field: 'identityFiles' | 'attachments'; kind: ApplicationFileKind }> = [
  { field: 'identityFiles', kind: 'identity' },
  { field: 'attachments', kind: 'attachment' },
];

const localeOf = (ctx: Ctx) => (ctx.query.locale === 'en' ? 'en' : DEFAULT_LOCALE);

/** A multipart or urlencoded field as one string (a repeated field counts by its first value). */
const fieldOf = (body: unknown, name: string): string => {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
};

/** The files a person chose in one input: a file input left empty arrives as a nameless empty part. */
const uploadsOf = (ctx: Ctx, field: string): UploadedFile[] => {
  const given = ctx.request.files?.[field];
  return (Array.isArray(given) ? given : given ? [given] : []).filter((f) => f && !(f.size === 0 && !f.originalFilename));
};

const portalApply = ({ strapi }: { strapi: Core.Strapi }) => {
  const portal = () => getService(strapi, 'portal');
  const guard = () => getService(strapi, 'portal-guard');
  const today = () => dayIn(strapi.plugin('gov-disclosure').config('timeZone') as string);

  const send = async (ctx: Ctx, locale: string, status: number, title: string, body: SafeHtml) => {
    const [columns, site] = await Promise.all([portal().columns(locale), portal().site(locale)]);
    ctx.set('Content-Security-Policy', PORTAL_CSP);
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Referrer-Policy', 'same-origin');
    ctx.status = status;
    ctx.type = HTML_TYPE;
    ctx.body = layout({ locale, title, siteName: site.name ?? t(locale, 'catalog'), identity: site.identity, columns, path: ctx.url, body });
  };

  /** The visitor's CSRF token: the cookie's if it has one, else a new one set now. */
  const csrfCookie = (ctx: Ctx): string | undefined => {
    const value = ctx.cookies.get(CSRF_COOKIE, { signed: false });
    return value && /^[\w-]{43}$/.test(value) ? value : undefined;
  };
  const issueCsrf = (ctx: Ctx): string => {
    const token = guard().newCsrfToken();
    ctx.cookies.set(CSRF_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/portal/apply', secure: ctx.secure, signed: false, overwrite: true });
    return token;
  };
  const csrfOf = (ctx: Ctx) => csrfCookie(ctx) ?? issueCsrf(ctx);

  /** The token of a POST, when it is genuine: the cookie and the field agree and the browser does not call it cross-site. */
  const verifiedCsrf = (ctx: Ctx): string | null => {
    if (ctx.get('Sec-Fetch-Site') === 'cross-site') return null;
    const cookie = csrfCookie(ctx);
    return cookie && guard().csrfMatches(cookie, fieldOf(ctx.request.body, '_csrf')) ? cookie : null;
  };

  const organizations = async (locale: string) => {
    const of = async (l: string) =>
      (await rowsOf(strapi, UID.organization).findMany({ where: { locale: l }, select: ['documentId', 'name'], orderBy: { id: 'asc' } })) as Array<{
        documentId: string;
        name: string;
      }>;
    const zh = await of(DEFAULT_LOCALE);
    if (locale !== 'en') return zh;
    const names = new Map((await of('en')).map((o) => [o.documentId, o.name]));
    return zh.map((o) => ({ documentId: o.documentId, name: names.get(o.documentId) ?? o.name }));
  };

  const forbidden = (ctx: Ctx, locale: string, back: 'apply' | 'status') =>
    send(
      ctx,
      locale,
      403,
      t(locale, 'forbiddenTitle'),
      messagePage(
        locale,
        t(locale, 'forbiddenTitle'),
        back === 'apply' ? [t(locale, 'forbiddenText'), t(locale, 'forbiddenResubmit')] : [t(locale, 'forbiddenText')],
        back === 'apply'
          ? { text: t(locale, 'backToForm'), url: href('/portal/apply', locale) }
          : { text: t(locale, 'backToStatus'), url: href('/portal/apply/status', locale) }
      )
    );

  const tooMany = (ctx: Ctx, locale: string, retryAfterSeconds: number, back: 'apply' | 'status') => {
    ctx.set('Retry-After', String(retryAfterSeconds));
    return send(
      ctx,
      locale,
      429,
      t(locale, 'tooManyTitle'),
      messagePage(
        locale,
        t(locale, 'tooManyTitle'),
        [t(locale, 'tooManyText', { minutes: Math.ceil(retryAfterSeconds / 60) })],
        back === 'apply'
          ? { text: t(locale, 'applyForm'), url: href('/portal/apply', locale) }
          : { text: t(locale, 'applyStatus'), url: href('/portal/apply/status', locale) }
      )
    );
  };

  /** Counts the hit; false (and the 429 page sent) when the address is over its limit. */
  const withinLimit = async (ctx: Ctx, locale: string, bucket: RateBucket, back: 'apply' | 'status') => {
    const hit = guard().hit(bucket, ctx.ip);
    if (!hit.allowed) await tooMany(ctx, locale, hit.retryAfterSeconds, back);
    return hit.allowed;
  };

  const formPage = async (ctx: Ctx, locale: string, status: number, csrf: string, values: FormValues, errs: FieldErrors, general: string[] = []) => {
    const failed = general.length > 0 || Object.keys(errs).length > 0;
    const title = `${failed ? t(locale, 'errorPrefix') : ''}${t(locale, 'applyForm')}`;
    await send(
      ctx,
      locale,
      status,
      title,
      applyFormPage({ locale, organizations: await organizations(locale), values, errors: errs, general, csrf, stamp: guard().formStamp(csrf) })
    );
  };

  const addError = (errs: FieldErrors, field: string, message: string) => {
    (errs[field] ??= []).push(message);
  };

  /** Reads and checks the uploaded files of each input: the checked files, and a message per problem. */
  const checkUploads = async (ctx: Ctx, locale: string, errs: FieldErrors) => {
    const checked: Array<{ kind: ApplicationFileKind; name: string; mime: string; bytes: Buffer }> = [];
    for (const { field, kind } of FILE_FIELDS) {
      const uploads = uploadsOf(ctx, field);
      if (kind === 'identity' && uploads.length === 0) addError(errs, field, t(locale, 'identityRequired'));
      if (uploads.length > MAX_APPLICATION_FILES[kind]) {
        addError(errs, field, t(locale, 'tooManyFiles', { n: MAX_APPLICATION_FILES[kind] }));
        continue;
      }
      for (const upload of uploads) {
        const name = upload.originalFilename ?? '';
        // a file over the limit is refused before it is read
        // eslint-disable-next-line no-await-in-loop -- at most 8 small files, one after another
        const bytes = upload.size > MAX_APPLICATION_FILE_BYTES ? Buffer.alloc(0) : await fs.readFile(upload.filepath);
        const result = checkApplicationFile(kind, { name, size: upload.size, bytes });
        if (result.ok) checked.push({ kind, name: result.file.name, mime: result.file.mime, bytes });
        else addError(errs, field, localMessage(result.message, locale));
      }
    }
    return checked;
  };

  const issuesOf = (error: unknown): Array<{ path: string[]; message: string }> | null => {
    if (!(error instanceof errors.ValidationError)) return null;
    const list = (error.details as { errors?: Array<{ path?: unknown; message?: unknown }> } | undefined)?.errors;
    return Array.isArray(list)
      ? list.map((i) => ({ path: Array.isArray(i.path) ? i.path.map(String) : [String(i.path ?? '')], message: String(i.message ?? '') }))
      : [{ path: [''], message: error.message }];
  };

  return {
    async form(ctx: Ctx) {
      const locale = localeOf(ctx);
      await formPage(ctx, locale, 200, csrfOf(ctx), {}, {});
    },

    async submit(ctx: Ctx) {
      const locale = localeOf(ctx);
      if (!(await withinLimit(ctx, locale, 'applyAttempts', 'apply'))) return;
      const csrf = verifiedCsrf(ctx);
      if (!csrf) return await forbidden(ctx, locale, 'apply');
      const body = ctx.request.body;
      const values: FormValues = Object.fromEntries(FORM_FIELDS.map((f) => [f, fieldOf(body, f)]));

      // Spam trap: a robot fills every field, and posts at once. Answered with the form again
      // (400) rather than a fake receipt: a person caught by mistake must not believe they applied.
      const stamp = guard().checkFormStamp(fieldOf(body, '_stamp'), csrf);
      if (fieldOf(body, 'website') !== '' || stamp === 'too-fast' || stamp === 'invalid') {
        return await formPage(ctx, locale, 400, csrf, values, {}, [t(locale, 'trapped')]);
      }
      if (stamp === 'expired') return await formPage(ctx, locale, 400, csrf, values, {}, [t(locale, 'formExpired')]);

      // Every problem at once: the fields (the register's own rules) and the files.
      const day = today();
      const raw = { ...values, channel: 'online', receivedOn: day };
      const errs: FieldErrors = {};
      const checkedInput = checkApplicationInput(raw, day);
      if (!checkedInput.ok) for (const i of checkedInput.issues) addError(errs, i.path[0] ?? '', localMessage(i.message, locale));
      const files = await checkUploads(ctx, locale, errs);
      if (Object.keys(errs).length > 0) return await formPage(ctx, locale, 400, csrf, values, errs);

      if (!(await withinLimit(ctx, locale, 'applications', 'apply'))) return;
      let registered;
      try {
        // sealed before the registration's transaction, which holds the year's tracking-number turn
        const sealed = files.map((file) => getService(strapi, 'application-files').sealFile(file.kind, file));
        registered = await getService(strapi, 'applications').register(raw, null, 'portal', {
          // the files go into the registration's transaction: all of it is stored, or nothing
          alongside: async (documentId, trx) => {
            for (const file of sealed) {
              // eslint-disable-next-line no-await-in-loop -- one transaction, one insert after another
              await getService(strapi, 'application-files').insert(trx, documentId, file);
            }
          },
        });
      } catch (error) {
        guard().refund('applications', ctx.ip);
        const issues = issuesOf(error);
        if (issues) {
          for (const i of issues) addError(errs, i.path[0] ?? '', localMessage(i.message, locale));
          return await formPage(ctx, locale, 400, csrf, values, errs);
        }
        // Only the error's kind: a database error's message can quote the row, i.e. the applicant's data.
        const { name, code } = error as { name?: string; code?: string };
        strapi.log.error(`[gov-disclosure] an application from the portal could not be saved: ${name ?? 'Error'}${code ? ` (${code})` : ''}`);
        return await send(
          ctx,
          locale,
          500,
          t(locale, 'serverErrorTitle'),
          messagePage(locale, t(locale, 'serverErrorTitle'), [t(locale, 'serverErrorText')], {
            text: t(locale, 'applyForm'),
            url: href('/portal/apply', locale),
          })
        );
      }

      // A new CSRF token: reloading the receipt re-posts the old form, which no longer matches
      // (403, with a word that the application was sent) instead of registering it twice.
      issueCsrf(ctx);
      // The receipt is this POST's own response, not a redirect to a page that shows it: the query
      // code must not travel in a URL (access logs, history, Referer) nor be stored to be shown later.
      const { data, queryCode } = registered;
      const orgName = locale === 'en' ? ((await organizations(locale)).find((o) => o.documentId === data.organization.documentId)?.name ?? null) : null;
      return await send(
        ctx,
        locale,
        200,
        t(locale, 'receiptTitle'),
        receiptPage({
          locale,
          trackingNumber: data.trackingNumber,
          queryCode,
          organizationName: orgName ?? data.organization.name,
          receivedOn: data.receivedOn,
          dueOn: data.dueOn,
          files: files.length,
        })
      );
    },

    async statusForm(ctx: Ctx) {
      const locale = localeOf(ctx);
      await send(ctx, locale, 200, t(locale, 'applyStatus'), statusFormPage({ locale, csrf: csrfOf(ctx) }));
    },

    async status(ctx: Ctx) {
      const locale = localeOf(ctx);
      if (!(await withinLimit(ctx, locale, 'statusLookups', 'status'))) return;
      const csrf = verifiedCsrf(ctx);
      if (!csrf) return await forbidden(ctx, locale, 'status');
      const trackingNumber = fieldOf(ctx.request.body, 'trackingNumber').trim();
      const code = fieldOf(ctx.request.body, 'queryCode').trim();
      if (!trackingNumber || !code) {
        const errs: FieldErrors = {};
        if (!trackingNumber) addError(errs, 'trackingNumber', t(locale, 'requiredTracking'));
        if (!code) addError(errs, 'queryCode', t(locale, 'requiredCode'));
        return await send(
          ctx,
          locale,
          400,
          `${t(locale, 'errorPrefix')}${t(locale, 'applyStatus')}`,
          statusFormPage({ locale, csrf, values: { trackingNumber }, errors: errs })
        );
      }
      const found = trackingNumber.length <= 40 && code.length <= 40 ? await getService(strapi, 'applications').statusFor(trackingNumber, code) : null;
      if (!found) {
        // a wrong number and a wrong code answer alike, byte for byte: neither says which was wrong
        return await send(ctx, locale, 404, `${t(locale, 'errorPrefix')}${t(locale, 'applyStatus')}`, statusFormPage({ locale, csrf, notFound: true }));
      }
      const { status, documentId } = found;
      const replyFiles = status.answer
        ? (await getService(strapi, 'application-files').list(documentId, 'reply')).map((f) => ({
            id: f.id,
            name: f.name,
            size: f.size,
            grant: guard().downloadGrant(f.id, documentId, csrf),
          }))
        : [];
      return await send(ctx, locale, 200, t(locale, 'statusTitle'), statusPage({ locale, status, csrf, replyFiles }));
    },

    /**
     * A reply document, for the holder of a grant from a status page: the grant is signed, lasts
     * 30 minutes, names this file and its application, and is bound to the visitor's CSRF cookie,
     * so the query code need not be embedded in the page or sent again per file.
     */
    async download(ctx: Ctx) {
      const locale = localeOf(ctx);
      const csrf = verifiedCsrf(ctx);
      if (!csrf) return await forbidden(ctx, locale, 'status');
      const id = /^\d{1,12}$/.test(ctx.params.id ?? '') ? Number(ctx.params.id) : NaN;
      const documentId = Number.isNaN(id) ? null : guard().checkDownloadGrant(fieldOf(ctx.request.body, 'grant'), id, csrf);
      const file = documentId ? await getService(strapi, 'application-files').open(id) : null;
      if (!file || file.applicationDocumentId !== documentId || file.kind !== 'reply') {
        return await send(
          ctx,
          locale,
          403,
          t(locale, 'downloadExpiredTitle'),
          messagePage(locale, t(locale, 'downloadExpiredTitle'), [t(locale, 'downloadExpired')], {
            text: t(locale, 'backToStatus'),
            url: href('/portal/apply/status', locale),
          })
        );
      }
      const name = sanitizeApplicationFileName(file.name, 'bin');
      const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      ctx.set('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      ctx.set('Cache-Control', 'no-store');
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
      ctx.status = 200;
      ctx.type = file.mime;
      ctx.body = file.bytes;
    },

    async guide(ctx: Ctx) {
      const locale = localeOf(ctx);
      await send(ctx, locale, 200, t(locale, 'guide'), guidePage(locale, await organizations(locale)));
    },
  };
};

export default portalApply;
