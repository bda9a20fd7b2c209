/**
 * The plugin's actions are checked by Strapi's permission engine, so what an administrator sets
 * in Settings → Roles is what the server does: a condition narrows a role ("is creator" on
 * 提交 limits drafters to their own entries; on 编制年度报告 the office to its own reports), and a
 * permission taken away is refused at once. Roles are changed through Strapi's own admin API, as
 * the Settings page does.
 */
import { ENTRY, setupWorkflowFixture, type WorkflowFixture } from '../helpers/workflow-fixture';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

const REPORT = 'plugin::gov-disclosure.annual-report';

interface Permission {
  action: string;
  subject: string | null;
  properties: Record<string, unknown>;
  conditions: string[];
}

describe('conditions and permissions set in Settings → Roles', () => {
  let app: TestApp;
  let fx: WorkflowFixture;
  let roles: Record<'drafter' | 'reviewer' | 'publisher', number>;
  const as = (token: string) => ({
    get: (url: string) => app.http().get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) => app.http().post(url).set('Authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object = {}) => app.http().put(url).set('Authorization', `Bearer ${token}`).send(body),
  });

  /** Changes one permission of a role the way the Settings page does: the role's whole list, saved. */
  const editRole = async (roleId: number, change: (permissions: Permission[]) => Permission[]) => {
    const current = await as(fx.tokens.superAdmin).get(`/admin/roles/${roleId}/permissions`);
    expect(current.status).toBe(200);
    const permissions = (current.body.data as Permission[]).map(({ action, subject, properties, conditions }) => ({ action, subject, properties, conditions }));
    const saved = await as(fx.tokens.superAdmin).put(`/admin/roles/${roleId}/permissions`, { permissions: change(permissions) });
    expect(saved.status).toBe(200);
  };
  const withConditions = (action: string, conditions: string[]) => (permissions: Permission[]) =>
    permissions.map((p) => (p.action === action ? { ...p, conditions } : p));

  const submit = (token: string, documentId: string) =>
    as(token).post('/gov-disclosure/workflow/transitions', { uid: ENTRY, documentId, locale: 'zh-Hans', action: 'submit' });

  /** A draft in the demo column, created through the Content Manager by this person (its creator). */
  const draftBy = async (token: string, title: string) => {
    const res = await as(token).post(`/content-manager/collection-types/${ENTRY}?locale=zh-Hans`, { title, columns: [fx.columnDocumentId], genre: 'notice' });
    expect(res.status).toBe(201);
    return res.body.data.documentId as string;
  };

  beforeAll(async () => {
    app = await startTestApp();
    fx = await setupWorkflowFixture(app);
    roles = (await app.strapi.plugin('gov-disclosure').service('roles').ensureRoles()) as typeof roles;
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('"is creator" on 提交: the drafter still submits an entry of their own, no longer one someone else drafted', async () => {
    const someoneElses = await draftBy(fx.tokens.superAdmin, '他人起草的通知');
    const own = await draftBy(fx.tokens.drafterIn, '本人起草的通知');
    // without the condition the column's administrator may submit either
    const before = await as(fx.tokens.drafterIn).get(`/gov-disclosure/workflow/status?uid=${ENTRY}&documentId=${someoneElses}&locale=zh-Hans`);
    expect(before.body.data.allowedActions).toContain('submit');

    await editRole(roles.drafter, withConditions('plugin::gov-disclosure.workflow.submit', ['admin::is-creator']));

    const refused = await submit(fx.tokens.drafterIn, someoneElses);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/may not submit/);
    expect(await fx.stateOf(someoneElses)).toBe('draft');
    const status = await as(fx.tokens.drafterIn).get(`/gov-disclosure/workflow/status?uid=${ENTRY}&documentId=${someoneElses}&locale=zh-Hans`);
    expect(status.body.data.allowedActions).not.toContain('submit');
    expect((await submit(fx.tokens.drafterIn, own)).status).toBe(200);
    // editing another's draft (the drafter's move) is narrowed the same way
    const edit = await as(fx.tokens.drafterIn).put(`/content-manager/collection-types/${ENTRY}/${someoneElses}?locale=zh-Hans`, {
      title: '他人起草的通知（改）',
    });
    expect(edit.status).toBe(403);

    await editRole(roles.drafter, withConditions('plugin::gov-disclosure.workflow.submit', []));
  });

  it('"is creator" on 编制年度报告: the office computes and exports only the reports it created', async () => {
    const org = (await rowsOf(app.strapi, 'plugin::gov-disclosure.organization').findOne({ where: { slug: 'wzzl', locale: 'zh-Hans' } })) as {
      documentId: string;
    };
    const create = async (token: string, year: number) =>
      (
        await as(token).post(`/content-manager/collection-types/${REPORT}?locale=zh-Hans`, {
          title: `${year}年报告`,
          year,
          template: '2021',
          organization: org.documentId,
        })
      ).body.data.documentId as string;
    const theirs = await create(fx.tokens.superAdmin, 2022);
    const ours = await create(fx.tokens.publisher, 2023);
    const compute = (documentId: string) => as(fx.tokens.publisher).post(`/gov-disclosure/annual-reports/${documentId}/compute?locale=zh-Hans`);
    expect((await compute(theirs)).status).toBe(200);

    await editRole(roles.publisher, withConditions('plugin::gov-disclosure.report.compile', ['admin::is-creator']));

    expect((await compute(theirs)).status).toBe(403);
    expect((await as(fx.tokens.publisher).get(`/gov-disclosure/annual-reports/${theirs}/export?format=csv&locale=zh-Hans`)).status).toBe(403);
    expect((await compute(ours)).status).toBe(200);

    await editRole(roles.publisher, withConditions('plugin::gov-disclosure.report.compile', []));
  });

  it('an upgrade grants 编制年度报告 once, to the roles that publish; a later removal in Settings stays', async () => {
    const compilers = async () =>
      (
        (await rowsOf(app.strapi, 'admin::permission').findMany({
          where: { action: 'plugin::gov-disclosure.report.compile' },
          populate: { role: { select: ['id'] } },
        })) as Array<{ role: { id: number } }>
      )
        .map((p) => p.role.id)
        .filter((id) => id !== undefined);
    // a database from before the action existed: no grant, no record of one
    await rowsOf(app.strapi, 'admin::permission').deleteMany({ where: { action: 'plugin::gov-disclosure.report.compile', role: { id: roles.publisher } } });
    await app.strapi.store({ type: 'plugin', name: 'gov-disclosure' }).set({ key: 'introduced-actions', value: [] });
    await app.strapi.plugin('gov-disclosure').service('roles').ensureRoles();
    expect(await compilers()).toContain(roles.publisher);
    expect(await compilers()).not.toContain(roles.drafter);
    // the administrator takes it away: the next start does not give it back
    await editRole(roles.publisher, (permissions) => permissions.filter((p) => p.action !== 'plugin::gov-disclosure.report.compile'));
    await app.strapi.plugin('gov-disclosure').service('roles').ensureRoles();
    expect(await compilers()).not.toContain(roles.publisher);
  });

  it('a permission taken away is refused on the next request', async () => {
    const id = await fx.entryIn('pending_publish');
    await editRole(roles.publisher, (permissions) => permissions.filter((p) => p.action !== 'plugin::gov-disclosure.workflow.publish'));
    const refused = await as(fx.tokens.publisher).post('/gov-disclosure/workflow/transitions', {
      uid: ENTRY,
      documentId: id,
      locale: 'zh-Hans',
      action: 'publish',
    });
    expect(refused.status).toBe(403);
    expect(await fx.stateOf(id)).toBe('pending_publish');
  });
});
