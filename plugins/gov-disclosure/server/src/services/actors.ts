/**
 * The admin user behind the current request, with the workflow actions their roles grant.
 * Resolved once per request and kept on ctx.state.
 */
import type { Core } from '@strapi/strapi';
import { WORKFLOW_ACTIONS, type WorkflowAction } from '../../../shared/domain/workflow';
import type { WorkflowActor } from '../domain/workflow-policy';

export const WORKFLOW_PERMISSION_PREFIX = 'plugin::gov-disclosure.workflow.';
const SUPER_ADMIN_CODE = 'strapi-super-admin';
const CACHE_KEY = 'govDisclosureActor';

export interface Actor extends WorkflowActor {
  name: string;
  email: string;
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
  auth?: { strategy?: { name?: string } };
  [CACHE_KEY]?: Actor | null;
}

export const displayName = (u: Pick<AdminUserRow, 'firstname' | 'lastname' | 'username' | 'email'>) =>
  u.username || [u.firstname, u.lastname].filter(Boolean).join('') || u.email;

const actors = ({ strapi }: { strapi: Core.Strapi }) => {
  const load = async (userId: number): Promise<Actor | null> => {
    const user = (await strapi.db.query('admin::user').findOne({
      where: { id: userId, isActive: true },
      populate: { roles: { select: ['id', 'code'] } },
    })) as AdminUserRow | null;
    if (!user) return null;
    const roleIds = (user.roles ?? []).map((r) => r.id);
    const permissions = roleIds.length
      ? ((await strapi.db.query('admin::permission').findMany({
          where: { role: { id: { $in: roleIds } }, action: { $startsWith: WORKFLOW_PERMISSION_PREFIX } },
          select: ['action'],
        })) as Array<{ action: string }>)
      : [];
    const actions = new Set(
      permissions
        .map((p) => p.action.slice(WORKFLOW_PERMISSION_PREFIX.length))
        .filter((a): a is WorkflowAction => (WORKFLOW_ACTIONS as readonly string[]).includes(a))
    );
    return {
      id: user.id,
      name: displayName(user),
      email: user.email,
      isSuperAdmin: (user.roles ?? []).some((r) => r.code === SUPER_ADMIN_CODE),
      actions,
    };
  };

  return {
    byId: load,

    /** The admin user of the current request, or null outside an authenticated admin request. */
    async current(): Promise<Actor | null> {
      const ctx = strapi.requestContext.get() as { state?: RequestState } | undefined;
      const state = ctx?.state;
      if (!state?.user || state.auth?.strategy?.name !== 'admin') return null;
      if (state[CACHE_KEY] === undefined) state[CACHE_KEY] = await load(state.user.id);
      return state[CACHE_KEY] ?? null;
    },

    /** Active users whose roles grant a workflow action, super admins left out. */
    async usersWith(action: WorkflowAction): Promise<Array<{ id: number; name: string; email: string }>> {
      const users = (await strapi.db.query('admin::user').findMany({
        where: { isActive: true, roles: { permissions: { action: `${WORKFLOW_PERMISSION_PREFIX}${action}` } } },
        select: ['id', 'firstname', 'lastname', 'username', 'email'],
        populate: { roles: { select: ['code'] } },
      })) as AdminUserRow[];
      // Super admins hold every permission but are not a party of the chain.
      return users
        .filter((u) => !(u.roles ?? []).some((r) => r.code === SUPER_ADMIN_CODE))
        .map((u) => ({ id: u.id, name: displayName(u), email: u.email }));
    },
  };
};

export default actors;
export type ActorsService = ReturnType<typeof actors>;
