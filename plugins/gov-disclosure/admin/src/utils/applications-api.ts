/**
 * The 依申请公开 register's admin routes as typed hooks: the list, one case with its history, its
 * steps, the handler, the applicant's identity (each look recorded on the server), the working
 * calendar, and the lists the forms choose from (organizations, handlers).
 */
import { useCallback } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../../../shared/constants';
import type {
  AdminUserOption,
  ApplicantIdentityView,
  ApplicationEventView,
  ApplicationListQuery,
  ApplicationListResponse,
  ApplicationView,
  CalendarYearView,
  OrganizationOption,
  RegisteredApplication,
} from '../../../shared/application-types';
import { REGISTER_PERMISSION_ACTIONS, registerPermission } from '../../../shared/application-types';
import type { ApplicationInput } from '../../../shared/domain/application-input';
import type { ApplicationAction, Outcome, ReplyKind } from '../../../shared/domain/disclosure-application';
import type { FeeMethod } from '../../../shared/domain/information-fee';
import { useFetched } from './use-fetched';

const BASE = `/${PLUGIN_ID}/applications`;

/** The register's RBAC actions; usePermissions (utils/use-permissions) names them canRead, canRegister, canHandle, canAssign, canApproveExtension, canViewIdentity, canCalendar. */
export const REGISTER_PERMISSIONS = REGISTER_PERMISSION_ACTIONS.map((action) => ({ action: registerPermission(action), subject: null }));

export type ApplicationFilters = Omit<ApplicationListQuery, 'q'>;

export const useApplications = (filters: ApplicationFilters) => {
  // only the filters set go in the query string (the server rejects empty values)
  const params = Object.fromEntries(Object.entries(filters as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== false && v !== ''));
  return useFetched(BASE, (response: ApplicationListResponse) => response, params);
};

export const useApplication = (documentId: string | undefined) =>
  useFetched(documentId ? `${BASE}/${documentId}` : null, (response: { data: ApplicationView }) => response.data);

export const useApplicationHistory = (documentId: string | undefined) =>
  useFetched(documentId ? `${BASE}/${documentId}/history` : null, (response: { data: ApplicationEventView[] }) => response.data);

/** What each step sends (server/src/domain/application-action-input.ts); every step takes an optional comment. */
export interface ActionBodies {
  request_amendment: { note: string; dueOn: string };
  amend: { day?: string };
  lapse_amendment: Record<string, never>;
  start_consultation: { note: string };
  end_consultation: { day?: string };
  extend: { approver: string; note: string; extensionDays?: number };
  notify_fee: { fee: { method: FeeMethod; items?: number; earlierItemsThisMonth?: number; pages?: number }; day?: string };
  confirm_payment: { day?: string };
  lapse_payment: Record<string, never>;
  answer: { outcome: Outcome; replyKind: ReplyKind; replyText: string; day?: string };
  conclude: Record<string, never>;
}
export type ActionBody<A extends ApplicationAction> = ActionBodies[A] & { comment?: string };

/** The registration form: every field of ApplicationInput, and the handler to assign at once. */
export type RegistrationBody = ApplicationInput & { handler?: number | null };

export const useApplicationCommands = () => {
  const { get, post, put } = useFetchClient();
  const register = useCallback(async (body: RegistrationBody) => (await post<RegisteredApplication>(BASE, body)).data, [post]);
  const act = useCallback(
    async <A extends ApplicationAction>(documentId: string, action: A, body: ActionBody<A>) =>
      (await post<{ data: ApplicationView }>(`${BASE}/${documentId}/actions/${action}`, body)).data.data,
    [post]
  );
  const assign = useCallback(
    async (documentId: string, handler: number) => (await put<{ data: ApplicationView }>(`${BASE}/${documentId}/handler`, { handler })).data.data,
    [put]
  );
  /** Opens the applicant's identity: the server writes the look into the case's history. */
  const identity = useCallback(async (documentId: string) => (await get<{ data: ApplicantIdentityView }>(`${BASE}/${documentId}/identity`)).data.data, [get]);
  return { register, act, assign, identity };
};

export const useWorkingCalendar = () => useFetched(`/${PLUGIN_ID}/working-calendar`, (response: { data: CalendarYearView[] }) => response.data);

export const useSaveCalendarYear = () => {
  const { put } = useFetchClient();
  return useCallback(
    async (year: number, body: { holidays: string[]; workdays: string[] }) =>
      (await put<{ data: CalendarYearView }>(`/${PLUGIN_ID}/working-calendar/${year}`, body)).data.data,
    [put]
  );
};

/** The organizations a case is received by (the register's own route: no Content Manager permission needed). */
export const useOrganizationOptions = () =>
  useFetched(`/${PLUGIN_ID}/applications/organizations`, (response: { data: OrganizationOption[] }) => response.data).result;

/** Users who may be named handler (roles that handle or assign applications); null path = not asked. */
export const useAdminUserOptions = (enabled: boolean) =>
  useFetched(enabled ? `/${PLUGIN_ID}/applications/handlers` : null, (response: { data: AdminUserOption[] }) => response.data).result;
