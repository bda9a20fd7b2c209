/**
 * The admin user behind the current request, with what Strapi's permission engine lets them do:
 * the ability Strapi built for the request (or builds for a user by id), so the conditions an
 * administrator sets on the plugin's actions in Settings → Roles are honoured. Resolved once per
 * request and kept on ctx.state.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../shared/constants';
import { WORKFLOW_ACTIONS, type WorkflowAction } from '../../../shared/domain/workflow';
import type { WorkflowActor } from '../domain/workflow-policy';
import { REPORT_COMPILE, workflowPermission } from './permissions';

const SUPER_ADMIN_CODE = 'strapi-super-admin';
const CACHE_KEY = 'govDisclosureActor';
const REPORT_UID = UID.annualReport;

/** The CASL ability Strapi's engine builds from a user's roles, permissions and conditions. */
export interface Ability {
  can(action: string, subject?: unknown): boolean;
}

export interface Actor extends WorkflowActor {
  name: string;
  email: string;
  ability: Ability;
}

interface PermissionService {
  engine: { generateUserAbility(user: { id: number }): Promise<Ability> };
  createPermissionsManager(params: { ability: Ability; model: string }): { toSubject(target: unknown, subjectType?: string): unknown };
}

interface AdminUserRow {
  id: number;
  firstname: string | null;
  lastname: string | null;
  username: string | null;
  email: string;
  roles?: Array<{ id: number; code: string }>;
}

interface RequestState {
  user?: { id: number };
  userAbility?: Ability;
  auth?: { strategy?: { name?: string } };
  [CACHE_KEY]?: Actor | null;
}

export const displayName = (u: Pick<AdminUserRow, 'firstname' | 'lastname' | 'username' | 'email'>) =>
  u.username || [u.firstname, u.lastname].filter(Boolean).join('') || u.email;

const actors = ({ strapi }: { strapi: Core.Strapi }) => {
  const permissionService = () => strapi.service('admin::permission') as unknown as PermissionService;

  /** The actor's ability applied to one item: conditions (e.g. "is creator") are matched against it. */
  const canOn = (actor: Actor, action: string, uid: string, item: object) =>
    actor.ability.can(action, permissionService().createPermissionsManager({ ability: actor.ability, model: uid }).toSubject(item, uid));

  const load = async (userId: number, requestAbility?: Ability): Promise<Actor | null> => {
    const user = (await strapi.db.query('admin::user').findOne({
      where: { id: userId, isActive: true },
      populate: { roles: { select: ['id', 'code'] } },
    })) as AdminUserRow | null;
    if (!user) return null;
    const ability = requestAbility ?? (await permissionService().engine.generateUserAbility(user));
    return {
      id: user.id,
      name: displayName(user),
      email: user.email,
      isSuperAdmin: (user.roles ?? []).some((r) => r.code === SUPER_ADMIN_CODE),
      // granted at all, whatever conditions narrow them to: what a task list or a menu may offer
      actions: new Set(WORKFLOW_ACTIONS.filter((a) => ability.can(workflowPermission(a)))),
      compilesReports: ability.can(REPORT_COMPILE),
      ability,
    };
  };

  return {
    byId: (userId: number) => load(userId),

    /**
     * The actor as the policy sees them for one item: the workflow actions their permissions
     * allow on it, with every condition an administrator set matched against the item (its
     * row with `createdBy` for Strapi's "is creator" and "same role as creator").
     */
    onItem(actor: Actor, uid: string, item: object): WorkflowActor {
      return {
        id: actor.id,
        isSuperAdmin: actor.isSuperAdmin,
        actions: new Set(WORKFLOW_ACTIONS.filter((a) => canOn(actor, workflowPermission(a), uid, item))),
        compilesReports: uid === REPORT_UID ? canOn(actor, REPORT_COMPILE, uid, item) : actor.compilesReports,
      };
    },

    /** The general office compiles annual reports (plugin::gov-disclosure.report.compile), optionally one report. */
    mayCompileReports(actor: Actor, report?: object): boolean {
      if (actor.isSuperAdmin) return true;
      return report ? canOn(actor, REPORT_COMPILE, REPORT_UID, report) : actor.ability.can(REPORT_COMPILE);
    },

    /** The admin user of the current request, or null outside an authenticated admin request. */
    async current(): Promise<Actor | null> {
      const ctx = strapi.requestContext.get() as { state?: RequestState } | undefined;
      const state = ctx?.state;
      if (!state?.user || state.auth?.strategy?.name !== 'admin') return null;
      // the ability Strapi's admin strategy built for this request
      if (state[CACHE_KEY] === undefined) state[CACHE_KEY] = await load(state.user.id, state.userAbility);
      return state[CACHE_KEY] ?? null;
    },

    /** Active users whose roles grant a workflow action, super admins left out. */
    async usersWith(action: WorkflowAction): Promise<Array<{ id: number; name: string; email: string }>> {
      const users = (await strapi.db.query('admin::user').findMany({
        where: { isActive: true, roles: { permissions: { action: workflowPermission(action) } } },
        select: ['id', 'firstname', 'lastname', 'username', 'email'],
        populate: { roles: { select: ['code'] } },
      })) as AdminUserRow[];
      // Super admins hold every permission but are not a party of the chain.
      return users.filter((u) => !(u.roles ?? []).some((r) => r.code === SUPER_ADMIN_CODE)).map((u) => ({ id: u.id, name: displayName(u), email: u.email }));
    },
  };
};

export default actors;
export type ActorsService = ReturnType<typeof actors>;
