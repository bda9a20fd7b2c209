import { useEffect, useMemo, useState } from 'react';
import { useAuth, type Permission } from '@strapi/strapi/admin';

type Wanted = Array<Pick<Permission, 'action'> & Partial<Omit<Permission, 'action'>>>;

/** `plugin::gov-disclosure.applications.view-identity` → `canViewIdentity`, as useRBAC names them. */
const allowedName = (action: string) =>
  `can${(action.split('.').pop() ?? '')
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')}`;

/**
 * What the signed-in user may do of `wanted`, in useRBAC's shape (`allowedActions.canRead`…).
 *
 * Strapi's useRBAC (5.54) asks once, when the component mounts. On a page opened directly (a reload,
 * a bookmarked case) that can be before the admin has fetched the user's permissions: the answer is
 * "nothing allowed" and it is never asked again, so the register's 待办 and a case's buttons stayed
 * hidden until the clerk went to another page and back. This asks again whenever the admin's
 * permission check changes (it changes when the permissions arrive or are refetched), and only once
 * they have arrived. The check is still Strapi's own: checkUserHasPermissions runs the RBAC
 * middlewares and asks the server about conditional permissions.
 */
export const usePermissions = (wanted: Wanted) => {
  const authLoading = useAuth('usePermissions', (state) => state.isLoading);
  const check = useAuth('usePermissions', (state) => state.checkUserHasPermissions);
  const key = JSON.stringify(wanted);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is the list's content; callers may pass a new array each render
  const stable = useMemo(() => wanted, [key]);
  // each answer names the list it answers, so a changed list is loading, never the old list's answer
  const [checked, setChecked] = useState<{ of: Wanted; allowed: Set<string>; error?: unknown } | null>(null);

  useEffect(() => {
    if (authLoading) return;
    let current = true;
    check(stable).then(
      (granted) => current && setChecked({ of: stable, allowed: new Set(granted.map((permission) => permission.action)) }),
      (error: unknown) => current && setChecked({ of: stable, allowed: new Set(), error })
    );
    return () => {
      current = false;
    };
  }, [authLoading, check, stable]);

  const answer = checked?.of === stable ? checked : null;
  const allowedActions = Object.fromEntries(stable.map(({ action }) => [allowedName(action), answer?.allowed.has(action) ?? false]));
  return { isLoading: answer === null, allowedActions: allowedActions as Record<string, boolean>, error: answer?.error };
};
