import type { Core } from '@strapi/strapi';
import type { TestApp } from './strapi';
import { rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

export const TEST_PASSWORD = 'Test-password-2018';

/** Creates an active admin user with the given role ids (default: super admin) and logs it in. */
export const createAdminSession = async (app: TestApp, email: string, roleIds?: number[]) => {
  const { strapi } = app;
  const roles = roleIds ?? [((await strapi.service('admin::role').getSuperAdmin()) as { id: number }).id];
  const user = (await strapi.service('admin::user').create({
    email,
    firstname: email.split('@')[0],
    lastname: 'Test',
    password: TEST_PASSWORD,
    isActive: true,
    registrationToken: null,
    roles,
  })) as { id: number };
  const res = await app.http().post('/admin/login').send({ email, password: TEST_PASSWORD });
  if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  const token = res.body.data.token as string;
  const auth = (req: import('supertest').Test) => req.set('Authorization', `Bearer ${token}`);
  return {
    user,
    token,
    get: (url: string) => auth(app.http().get(url)),
    post: (url: string, body?: object) => auth(app.http().post(url)).send(body ?? {}),
    put: (url: string, body?: object) => auth(app.http().put(url)).send(body ?? {}),
    delete: (url: string) => auth(app.http().delete(url)),
  };
};

export type AdminSession = Awaited<ReturnType<typeof createAdminSession>>;

export const countRows = (strapi: Core.Strapi, uid: string, where: Record<string, unknown> = {}) => rowsOf(strapi, uid).count({ where });
