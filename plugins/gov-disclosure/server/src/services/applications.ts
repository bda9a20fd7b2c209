/**
 * The 依申请公开 register: applications registered from every channel, worked to an answer within
 * the statutory period, each change one transaction with its event (compare-and-swap on the
 * case's version: of two handlers acting at once, one wins and the other gets a 409). The
 * applicant's identity is kept apart: never in a case view, sealed at rest, and every look at it
 * is written to the case's history.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  ApplicantIdentityView,
  ApplicationEventView,
  ApplicationListQuery,
  ApplicationListResponse,
  ApplicationStatusView,
  ApplicationView,
  RegisteredApplication,
} from '../../../shared/application-types';
import { DEFAULT_LOCALE, UID } from '../../../shared/constants';
import { amendmentRequestDeadline, clockOf, deadlineOf, pauseLength, paymentDeadline } from '../../../shared/domain/application-deadline';
import { checkApplicationInput, type ApplicationInput, type IdType } from '../../../shared/domain/application-input';
import { dayIn } from '../../../shared/domain/calendar-day';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATES,
  APPLICATION_TRANSITIONS,
  DECIDED,
  type ApplicantType,
  type ApplicationAction,
  type ApplicationEventAction,
  type ApplicationState,
  type Channel,
  type Delivery,
  type Outcome,
  type ProvisionForm,
  type ReplyKind,
} from '../../../shared/domain/disclosure-application';
import type { FeeMethod } from '../../../shared/domain/information-fee';
import { addWorkingDays, type WorkingCalendar } from '../../../shared/domain/working-days';
import { allowedApplicationActions, decideApplicationAction, worksOn, type CaseFacts, type RegisterActor } from '../domain/application-policy';
import { actionDataOf, type ActionInput } from '../domain/application-action-input';
import { throwIfIssues } from './write-guard';
import { noticeDocx } from '../exports/notice-docx';
import { availableNotices, NOTICE_TITLES, renderNotice, type NoticeFacts, type NoticeKind } from '../../../shared/domain/reply-notices';
import { getService } from '../utils/get-service';
import { rowsOf } from '../utils/query';
import { lockUntilCommit } from '../utils/sql';
import { displayName, type Actor } from './actors';
import { allowOnRegister, mayOnRegister, registerPermission } from './permissions';

export interface ApplicationRow {
  id: number;
  documentId: string;
  trackingNumber: string;
  queryCodeHash: string | null;
  organizationDocumentId: string;
  channel: Channel;
  receivedOn: string;
  applicantType: ApplicantType;
  applicantName: string;
  contactPerson: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  idType: IdType | null;
  idNumberSealed: string | null;
  description: string;
  documentNumbers: string | null;
  provisionForm: ProvisionForm;
  delivery: Delivery;
  source: 'portal' | 'office';
  handler?: { id: number; firstname: string | null; lastname: string | null; username: string | null; email: string } | null;
  state: ApplicationState;
  startedOn: string;
  pausedWorkingDays: number | null;
  pausedSince: string | null;
  dueOn: string | null;
  extensionDays: number | null;
  extensionApprover: string | null;
  extensionReason: string | null;
  amendmentRequestedOn: string | null;
  amendmentDueOn: string | null;
  amendmentNote: string | null;
  feeMethod: FeeMethod | null;
  feeYuan: number | null;
  feeNotifiedOn: string | null;
  paymentDueOn: string | null;
  paidOn: string | null;
  outcome: Outcome | null;
  replyKind: ReplyKind | null;
  replyText: string | null;
  decidedOn: string | null;
  concludedOn: string | null;
  version: number;
}

interface EventRow {
  id: number;
  action: ApplicationEventAction;
  fromState: ApplicationState | null;
  toState: ApplicationState | null;
  day: string;
  actorName: string | null;
  comment: string | null;
  createdAt: string;
}

/** 409: the case moved on (another handler acted first) or the action does not fit it now. */
export class ApplicationConflictError extends errors.ApplicationError<'ConflictError'> {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

const QUERY_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const queryCode = () => Array.from({ length: 10 }, () => QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)]).join('');
/** Whether `code` is the one whose hash is stored (constant time: no hint from how long it took). */
export const queryCodeMatches = (stored: string | null, code: string): boolean => {
  if (!stored || !stored.includes(':')) return false;
  const expected = Buffer.from(stored);
  const given = Buffer.from(hashQueryCode(stored.slice(0, stored.indexOf(':')), code));
  return expected.length === given.length && timingSafeEqual(expected, given);
};
export const hashQueryCode = (salt: string, code: string) => `${salt}:${createHash('sha256').update(`${salt}:${code.trim().toUpperCase()}`).digest('hex')}`;

/** Compared against when no case has the number (no code matches it). */
const UNKNOWN_CASE_HASH = hashQueryCode('0000000000000000', randomBytes(16).toString('hex'));

const HANDLER_POPULATE = { handler: { select: ['id', 'firstname', 'lastname', 'username', 'email'] } };
const RUNNING: ApplicationState[] = ['received'];

const applications = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => rowsOf<ApplicationRow>(strapi, UID.application);
  const events = () => rowsOf<EventRow>(strapi, UID.applicationEvent);
  const today = () => dayIn(strapi.plugin('gov-disclosure').config('timeZone') as string);
  const calendar = () => getService(strapi, 'working-calendar').calendar();
  const seal = () => getService(strapi, 'applicant-key').seal();

  const registerActor = (actor: Actor): RegisterActor => ({
    id: actor.id,
    isSuperAdmin: actor.isSuperAdmin,
    handles: actor.ability.can(registerPermission('handle')),
    assigns: actor.ability.can(registerPermission('assign')),
    approvesExtensions: actor.ability.can(registerPermission('approve-extension')),
  });

  const factsOf = (row: ApplicationRow, cal: WorkingCalendar): CaseFacts => ({
    state: row.state,
    handlerId: row.handler?.id ?? null,
    amendmentRequested: row.amendmentRequestedOn !== null,
    extended: (row.extensionDays ?? 0) > 0,
    amendmentRequestDeadline: amendmentRequestDeadline(cal, row.receivedOn).day,
    amendmentDueOn: row.amendmentDueOn,
    paymentDueOn: row.paymentDueOn,
  });

  const organizationNames = async (documentIds: string[]) => {
    const orgs = (await rowsOf<{ documentId: string; name: string }>(strapi, UID.organization).findMany({
      where: { documentId: { $in: [...new Set(documentIds)] }, locale: DEFAULT_LOCALE },
      select: ['documentId', 'name'],
    })) as Array<{ documentId: string; name: string }>;
    return new Map(orgs.map((o) => [o.documentId, o.name]));
  };

  const view = (row: ApplicationRow, cal: WorkingCalendar, day: string, actor: Actor | null, orgs: Map<string, string>): ApplicationView => {
    const decided = DECIDED.has(row.state) || row.decidedOn !== null;
    const deadline = decided ? null : deadlineOf(cal, clockOf(row), day);
    return {
      documentId: row.documentId,
      trackingNumber: row.trackingNumber,
      organization: { documentId: row.organizationDocumentId, name: orgs.get(row.organizationDocumentId) ?? null },
      channel: row.channel,
      receivedOn: row.receivedOn,
      applicantType: row.applicantType,
      description: row.description,
      documentNumbers: row.documentNumbers,
      provisionForm: row.provisionForm,
      delivery: row.delivery,
      source: row.source,
      handler: row.handler ? { id: row.handler.id, name: displayName(row.handler) } : null,
      state: row.state,
      startedOn: row.startedOn,
      dueOn: deadline?.dueOn ?? row.dueOn,
      workingDaysLeft: deadline?.workingDaysLeft ?? null,
      paused: deadline?.paused ?? false,
      calendarWarnings: deadline?.missingYears ?? [],
      extension: (row.extensionDays ?? 0) > 0 ? { days: row.extensionDays!, approver: row.extensionApprover, reason: row.extensionReason } : null,
      amendment: row.amendmentRequestedOn ? { requestedOn: row.amendmentRequestedOn, dueOn: row.amendmentDueOn, note: row.amendmentNote } : null,
      fee: row.feeNotifiedOn
        ? { method: row.feeMethod, yuan: row.feeYuan ?? 0, notifiedOn: row.feeNotifiedOn, paymentDueOn: row.paymentDueOn, paidOn: row.paidOn }
        : null,
      outcome: row.outcome,
      replyKind: row.replyKind,
      replyText: row.replyText,
      decidedOn: row.decidedOn,
      concludedOn: row.concludedOn,
      onTime: row.decidedOn && row.dueOn ? row.decidedOn <= row.dueOn : null,
      allowedActions: actor ? allowedApplicationActions(registerActor(actor), factsOf(row, cal), day, APPLICATION_ACTIONS) : [],
      version: row.version,
    };
  };

  const findRow = async (documentId: string) => {
    const row = await rows().findOne({ where: { documentId }, populate: HANDLER_POPULATE });
    if (!row) throw new errors.NotFoundError(`No application ${documentId} (申请不存在)`);
    return row;
  };

  const record = (
    documentId: string,
    action: ApplicationEventAction,
    from: ApplicationState | null,
    to: ApplicationState | null,
    day: string,
    actor: Actor | null,
    comment: string | null
  ) =>
    events().create({
      data: {
        applicationDocumentId: documentId,
        action,
        fromState: from,
        toState: to,
        day,
        actor: actor?.id ?? null,
        actorName: actor?.name ?? '申请人（网上申请）',
        comment,
      },
    });

  /** The next 依申请 number of the year: YSQ-2026-00001. */
  const nextTrackingNumber = async (year: string) => {
    const prefix = `YSQ-${year}-`;
    const last = await rows().findOne({ where: { trackingNumber: { $startsWith: prefix } }, orderBy: { trackingNumber: 'desc' }, select: ['trackingNumber'] });
    const n = last ? Number(last.trackingNumber.slice(prefix.length)) + 1 : 1;
    return `${prefix}${String(n).padStart(5, '0')}`;
  };

  return {
    /** Registers an application from any channel (the portal passes actor null and source 'portal'). */
    async register(
      raw: Record<string, unknown>,
      actor: Actor | null,
      source: 'portal' | 'office' = 'office',
      options: { alongside?: (documentId: string, trx: Core.Strapi['db']['connection']) => Promise<void> } = {}
    ): Promise<RegisteredApplication> {
      if (source === 'office') allowOnRegister(actor, 'register', 'Only the disclosure office registers applications (仅信息公开工作机构可以登记申请)');
      const day = today();
      const checked = checkApplicationInput(raw, day);
      if (!checked.ok) throwIfIssues(checked.issues);
      const input = (checked as { value: ApplicationInput }).value;
      const orgs = await organizationNames([input.organization]);
      if (!orgs.has(input.organization)) throwIfIssues([{ path: ['organization'], message: '受理机关不存在 (no such organization)' }]);
      const handlerId = source === 'portal' || raw.handler === undefined || raw.handler === null ? null : Number(raw.handler);
      // naming the handler is assigning the case: the office's permission, as after registration
      if (handlerId !== null && !mayOnRegister(actor!, 'assign')) {
        throw new errors.ForbiddenError('Only the office assigns handlers (仅信息公开工作机构可以指定承办人)');
      }
      if (
        handlerId !== null &&
        !(Number.isInteger(handlerId) && (await strapi.db.query('admin::user').count({ where: { id: handlerId, isActive: true } })) === 1)
      ) {
        throwIfIssues([{ path: ['handler'], message: '承办人不存在 (no such active admin user)' }]);
      }
      const cal = await calendar();
      const code = queryCode();
      const clock = { state: 'received' as const, startedOn: input.receivedOn, pausedWorkingDays: 0, pausedSince: null, extensionDays: 0 };
      const created = await strapi.db.transaction(async ({ trx }) => {
        // registrations at once take turns for the next number of the year (the unique index is the guarantee)
        await lockUntilCommit(strapi, trx, `gov-disclosure:tracking-number:${input.receivedOn.slice(0, 4)}`);
        const row = await rows().create({
          data: {
            trackingNumber: await nextTrackingNumber(input.receivedOn.slice(0, 4)),
            queryCodeHash: hashQueryCode(randomBytes(8).toString('hex'), code),
            organizationDocumentId: input.organization,
            channel: source === 'portal' ? 'online' : input.channel,
            receivedOn: input.receivedOn,
            applicantType: input.applicantType,
            applicantName: input.applicantName,
            contactPerson: input.contactPerson,
            phone: input.phone,
            email: input.email,
            address: input.address,
            postcode: input.postcode,
            idType: input.idType,
            idNumberSealed: seal().sealText(input.idNumber),
            description: input.description,
            documentNumbers: input.documentNumbers,
            provisionForm: input.provisionForm,
            delivery: input.delivery,
            source,
            handler: handlerId,
            ...clock,
            dueOn: deadlineOf(cal, clock, day).dueOn,
            version: 0,
          },
        });
        await record(row.documentId, 'register', null, 'received', input.receivedOn, actor, null);
        // what arrives with the application (its files) is stored in the same transaction: all or nothing
        await options.alongside?.(row.documentId, trx);
        return row;
      });
      const row = await findRow(created.documentId);
      return { data: view(row, cal, day, actor, orgs), queryCode: code };
    },

    async list(filters: ApplicationListQuery, actor: Actor | null): Promise<ApplicationListResponse> {
      const reader = allowOnRegister(actor, 'read', 'Viewing the register needs its permission (无权查看依申请公开登记)');
      const day = today();
      const cal = await calendar();
      const where: Record<string, unknown>[] = [];
      if (filters.state) where.push({ state: filters.state });
      if (filters.channel) where.push({ channel: filters.channel });
      if (filters.applicantType) where.push({ applicantType: filters.applicantType });
      if (filters.year) where.push({ receivedOn: { $gte: `${filters.year}-01-01`, $lte: `${filters.year}-12-31` } });
      if (filters.overdue) where.push({ state: { $in: RUNNING }, dueOn: { $lt: day } });
      if (filters.dueWithin !== undefined) where.push({ state: { $in: RUNNING }, dueOn: { $lte: addWorkingDays(cal, day, filters.dueWithin).day } });
      if (filters.mine) where.push({ handler: { id: reader.id } });
      if (filters.q) where.push({ trackingNumber: { $containsi: filters.q.trim() } });
      const whereAll = where.length > 0 ? { $and: where } : {};
      const [found, total, counts] = await Promise.all([
        rows().findMany({
          where: whereAll,
          populate: HANDLER_POPULATE,
          orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
          limit: filters.pageSize,
          offset: (filters.page - 1) * filters.pageSize,
        }),
        rows().count({ where: whereAll }),
        Promise.all(APPLICATION_STATES.map(async (state) => [state, await rows().count({ where: { state } })] as const)),
      ]);
      const orgs = await organizationNames(found.map((r) => r.organizationDocumentId));
      return {
        data: found.map((r) => view(r, cal, day, reader, orgs)),
        meta: {
          page: filters.page,
          pageSize: filters.pageSize,
          total,
          countsByState: Object.fromEntries(counts) as Record<ApplicationState, number>,
          today: day,
        },
      };
    },

    async findOne(documentId: string, actor: Actor | null): Promise<ApplicationView> {
      const reader = allowOnRegister(actor, 'read', 'Viewing the register needs its permission (无权查看依申请公开登记)');
      const row = await findRow(documentId);
      return view(row, await calendar(), today(), reader, await organizationNames([row.organizationDocumentId]));
    },

    async history(documentId: string, actor: Actor | null): Promise<ApplicationEventView[]> {
      allowOnRegister(actor, 'read', 'Viewing the register needs its permission (无权查看依申请公开登记)');
      await findRow(documentId);
      const found = await events().findMany({ where: { applicationDocumentId: documentId }, orderBy: [{ id: 'asc' }] });
      return found.map((e) => ({
        id: e.id,
        action: e.action,
        fromState: e.fromState,
        toState: e.toState,
        day: e.day,
        actorName: e.actorName,
        comment: e.comment,
        createdAt: e.createdAt,
      }));
    },

    /**
     * A letter to the applicant (受理回执, 补正告知书, 延期答复告知书, 答复书) as DOCX. It carries the
     * applicant's name, so it needs the identity permission and is written to the history like any look.
     */
    async notice(documentId: string, kind: NoticeKind, actor: Actor | null): Promise<{ fileName: string; docx: Buffer }> {
      const viewer = allowOnRegister(
        actor,
        'view-identity',
        'Letters to the applicant carry their name: they need the “view applicant identity” permission (无权查看申请人身份信息)'
      );
      const row = await findRow(documentId);
      const history = await events().findMany({ where: { applicationDocumentId: documentId, action: 'extend' }, orderBy: [{ id: 'desc' }], limit: 1 });
      const day = today();
      const orgs = await organizationNames([row.organizationDocumentId]);
      const facts: NoticeFacts = {
        organizationName: orgs.get(row.organizationDocumentId) ?? '',
        applicantName: row.applicantName,
        trackingNumber: row.trackingNumber,
        receivedOn: row.receivedOn,
        description: row.description,
        amendment: row.amendmentRequestedOn ? { requestedOn: row.amendmentRequestedOn, dueOn: row.amendmentDueOn, note: row.amendmentNote } : null,
        extension: (row.extensionDays ?? 0) > 0 ? { days: row.extensionDays!, reason: row.extensionReason, decidedOn: history[0]?.day ?? day } : null,
        dueOn: row.dueOn,
        answer: row.decidedOn && row.replyText ? { decidedOn: row.decidedOn, outcome: row.outcome, replyText: row.replyText } : null,
        today: day,
      };
      if (!availableNotices(facts).includes(kind)) {
        throw new ApplicationConflictError(
          `此申请尚无可出具的${NOTICE_TITLES[kind].zh} (the case has no ${NOTICE_TITLES[kind].en.toLowerCase()} to issue yet)`
        );
      }
      const docx = await noticeDocx(renderNotice(kind, facts));
      await record(documentId, 'view_identity', row.state, row.state, day, viewer, `生成${NOTICE_TITLES[kind].zh}`);
      return { fileName: `${row.trackingNumber}-${NOTICE_TITLES[kind].zh}.docx`, docx };
    },

    /** The applicant's identity, opened for one user with the permission, and the look written to the case. */
    async identity(documentId: string, actor: Actor | null): Promise<ApplicantIdentityView> {
      const viewer = allowOnRegister(actor, 'view-identity', 'Seeing who applied needs the “view applicant identity” permission (无权查看申请人身份信息)');
      const row = await findRow(documentId);
      await record(documentId, 'view_identity', row.state, row.state, today(), viewer, null);
      return {
        applicantName: row.applicantName,
        contactPerson: row.contactPerson,
        phone: row.phone,
        email: row.email,
        address: row.address,
        postcode: row.postcode,
        idType: row.idType,
        idNumber: row.idNumberSealed ? seal().openText(row.idNumberSealed) : null,
      };
    },

    async assign(documentId: string, handlerId: number, actor: Actor | null): Promise<ApplicationView> {
      const office = allowOnRegister(actor, 'assign', 'Only the office assigns handlers (仅信息公开工作机构可以分派承办人)');
      const handler = (await strapi.db.query('admin::user').findOne({ where: { id: handlerId, isActive: true } })) as Parameters<typeof displayName>[0] | null;
      if (!handler) throwIfIssues([{ path: ['handler'], message: '承办人不存在 (no such active admin user)' }]);
      const row = await findRow(documentId);
      await strapi.db.transaction(async () => {
        const swapped = await rows().updateMany({ where: { documentId, version: row.version }, data: { version: row.version + 1 } });
        if (swapped.count !== 1)
          throw new ApplicationConflictError('申请已被他人更新，请刷新后重试 (someone else changed this application first; reload and try again)');
        // a relation is set by update, not updateMany: after the swap, in the same transaction
        await rows().update({ where: { id: row.id }, data: { handler: handlerId } });
        await record(documentId, 'assign', row.state, row.state, today(), office, displayName(handler!));
      });
      return this.findOne(documentId, office);
    },

    /** One step of the case: the decision, then the change and its event in one transaction. */
    async act(documentId: string, action: ApplicationAction, raw: Record<string, unknown>, actor: Actor | null): Promise<ApplicationView> {
      if (!actor) throw new errors.UnauthorizedError('Log in to the admin panel');
      const row = await findRow(documentId);
      const cal = await calendar();
      const day = today();
      const decision = decideApplicationAction(registerActor(actor), factsOf(row, cal), action, day);
      if (!decision.ok) {
        if (decision.status === 403) throw new errors.ForbiddenError(decision.message);
        throw new ApplicationConflictError(decision.message);
      }
      const input = actionDataOf(action, raw, {
        today: day,
        lastDay: row.startedOn > row.receivedOn ? row.startedOn : row.receivedOn,
        pausedSince: row.pausedSince,
      });
      if (!input.ok) throwIfIssues(input.issues);
      const change = changeOf(action, row, (input as { value: ActionInput }).value, cal, day);
      const to = APPLICATION_TRANSITIONS[action].to ?? row.state;
      const next = { ...row, ...change, state: to };
      const deadline = DECIDED.has(to) ? null : deadlineOf(cal, clockOf(next), day);
      const data = { ...change, state: to, version: row.version + 1, ...(deadline ? { dueOn: deadline.dueOn } : {}) };
      await strapi.db.transaction(async () => {
        const swapped = await rows().updateMany({ where: { documentId, state: row.state, version: row.version }, data });
        if (swapped.count !== 1)
          throw new ApplicationConflictError('申请已被他人办理，请刷新后重试 (someone else acted on this application first; reload and try again)');
        const value = (input as { value: ActionInput }).value;
        await record(documentId, action, row.state, to, value.day ?? day, actor, value.comment);
      });
      return this.findOne(documentId, actor);
    },

    /**
     * The portal's status page: the case for whoever holds both its tracking number and its query
     * code, and null otherwise — the same null for a wrong number as for a wrong code.
     */
    /** The case for whoever holds its number and code: what the portal shows, and the case's id for its reply files. */
    async statusFor(trackingNumber: string, code: string): Promise<{ status: ApplicationStatusView; documentId: string } | null> {
      const row = await rows().findOne({ where: { trackingNumber: trackingNumber.trim().toUpperCase() } });
      // a number that does not exist costs the same hash as a wrong code: the timing tells nothing
      if (!queryCodeMatches(row?.queryCodeHash ?? UNKNOWN_CASE_HASH, code) || !row) return null;
      const decided = DECIDED.has(row.state);
      const deadline = decided ? null : deadlineOf(await calendar(), clockOf(row), today());
      const status: ApplicationStatusView = {
        trackingNumber: row.trackingNumber,
        receivedOn: row.receivedOn,
        state: row.state,
        dueOn: deadline?.dueOn ?? row.dueOn,
        paused: deadline?.paused ?? false,
        amendment: row.amendmentRequestedOn ? { requestedOn: row.amendmentRequestedOn, dueOn: row.amendmentDueOn, note: row.amendmentNote } : null,
        fee: row.feeNotifiedOn ? { yuan: row.feeYuan ?? 0, paymentDueOn: row.paymentDueOn, paidOn: row.paidOn } : null,
        answer: row.decidedOn ? { decidedOn: row.decidedOn, replyKind: row.replyKind, replyText: row.replyText } : null,
      };
      return { status, documentId: row.documentId };
    },

    /** Organizations an application may be addressed to (the register's own door: no Content Manager permission needed). */
    async organizations(actor: Actor | null): Promise<Array<{ documentId: string; name: string }>> {
      allowOnRegister(actor, 'read', 'Viewing the register needs its permission (无权查看依申请公开登记)');
      const found = (await rowsOf<{ documentId: string; name: string }>(strapi, UID.organization).findMany({
        where: { locale: DEFAULT_LOCALE },
        select: ['documentId', 'name'],
        orderBy: { name: 'asc' },
      })) as Array<{ documentId: string; name: string }>;
      return found.map((o) => ({ documentId: o.documentId, name: o.name }));
    },

    /** Who may be named handler: active users whose roles may handle or assign applications. */
    async handlers(actor: Actor | null): Promise<Array<{ id: number; name: string; email: string }>> {
      allowOnRegister(actor, 'assign', 'Only the office assigns handlers (仅信息公开工作机构可以指定承办人)');
      const users = (await strapi.db.query('admin::user').findMany({
        where: { isActive: true, roles: { permissions: { action: { $in: [registerPermission('handle'), registerPermission('assign')] } } } },
        select: ['id', 'firstname', 'lastname', 'username', 'email'],
        orderBy: { id: 'asc' },
      })) as Array<Parameters<typeof displayName>[0] & { id: number }>;
      return users.map((u) => ({ id: u.id, name: displayName(u), email: u.email }));
    },

    /** After a calendar edit: the stored due dates of open cases (which the filters sort on) follow it. */
    /** The stored due dates of the open cases, counted again on the calendar as it is now (a year saved or seeded). */
    async refreshDueDates(): Promise<number> {
      const cal = await calendar();
      const day = today();
      const open = await rows().findMany({
        where: { decidedOn: null },
        select: ['id', 'state', 'startedOn', 'pausedWorkingDays', 'pausedSince', 'extensionDays', 'dueOn'],
      });
      // one write per new due date, not per case
      const moved = new Map<string, number[]>();
      for (const row of open) {
        const dueOn = deadlineOf(cal, clockOf(row), day).dueOn;
        if (dueOn !== row.dueOn) moved.set(dueOn, [...(moved.get(dueOn) ?? []), row.id]);
      }
      for (const [dueOn, ids] of moved) {
        // eslint-disable-next-line no-await-in-loop -- a few distinct dates
        await rows().updateMany({ where: { id: { $in: ids } }, data: { dueOn } });
      }
      return [...moved.values()].reduce((n, ids) => n + ids.length, 0);
    },

    /** For the case's files: the case's state and handler (404 when there is none). */
    async caseFacts(documentId: string): Promise<{ state: ApplicationState; handlerId: number | null; trackingNumber: string }> {
      const row = await findRow(documentId);
      return { state: row.state, handlerId: row.handler?.id ?? null, trackingNumber: row.trackingNumber };
    },

    /** Writes a look at the applicant's own data (a file they sent) into the case's history. */
    async recordLook(documentId: string, actor: Actor, comment: string): Promise<void> {
      const row = await findRow(documentId);
      await record(documentId, 'view_identity', row.state, row.state, today(), actor, comment);
    },

    worksOn: (actor: Actor, handlerId: number | null) => worksOn(registerActor(actor), handlerId),
  };
};

/** The fields an action changes on the case (its state and version are set by act()). */
const changeOf = (action: ApplicationAction, row: ApplicationRow, input: ActionInput, cal: WorkingCalendar, today: string): Partial<ApplicationRow> => {
  const day = input.day ?? today;
  switch (action) {
    case 'request_amendment':
      return { amendmentRequestedOn: today, amendmentDueOn: input.dueOn!, amendmentNote: input.note!, pausedSince: today };
    case 'amend':
      // art. 30: the period runs again, whole, from the amended application
      return { startedOn: day, pausedWorkingDays: 0, pausedSince: null };
    case 'start_consultation':
      return { pausedSince: today };
    case 'end_consultation':
    case 'confirm_payment':
      return {
        pausedWorkingDays: (row.pausedWorkingDays ?? 0) + Math.max(0, pauseLength(cal, row.pausedSince ?? day, day).days),
        pausedSince: null,
        ...(action === 'confirm_payment' ? { paidOn: day } : {}),
      };
    case 'extend':
      return { extensionDays: input.extensionDays!, extensionApprover: input.approver!, extensionReason: input.note! };
    case 'notify_fee':
      return { feeMethod: input.fee!.method, feeYuan: input.fee!.yuan, feeNotifiedOn: day, paymentDueOn: paymentDeadline(cal, day).day, pausedSince: day };
    case 'lapse_amendment':
      return { outcome: 'other_no_amendment', decidedOn: today, concludedOn: today };
    case 'lapse_payment':
      return { outcome: 'other_no_payment', decidedOn: today, concludedOn: today };
    case 'answer':
      return { outcome: input.outcome!, replyKind: input.replyKind!, replyText: input.replyText!, decidedOn: day };
    case 'conclude':
      return { concludedOn: today };
    default:
      return {};
  }
};

export default applications;
