import type { Core } from '@strapi/strapi';
import type { TestApp } from './strapi';
import { rowsOf, documentsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled seed is what `npm run seed` runs
const { seedDemo } = require('../../dist/src/seed/seed-demo') as typeof import('../../src/seed/seed-demo');

export const ENTRY = 'plugin::gov-disclosure.catalog-entry';
export const COLUMN = 'plugin::gov-disclosure.column';
export const EVENT = 'plugin::gov-disclosure.workflow-event';
export const PASSWORD = 'Disclosure2018';

/** Who can be at the door: the demo users, users of the same roles outside the column, nobody. */
export const PEOPLE = ['drafterIn', 'drafterOut', 'reviewerIn', 'reviewerOut', 'publisher', 'superAdmin', 'anonymous'] as const;
export type Person = (typeof PEOPLE)[number];

export const STATES = ['draft', 'pending_review', 'pending_publish', 'published', 'returned', 'withdrawn'] as const;
export type State = (typeof STATES)[number];
export type Action = 'submit' | 'approve' | 'return' | 'publish' | 'withdraw';

interface Actor {
  id: number;
}
interface WorkflowService {
  transition(input: { uid: string; documentId: string; locale: string; action: Action; comment?: string }, actor: Actor): Promise<{ state: State }>;
  publishAsSystem(uid: string, documentId: string, locale: string, comment: string): Promise<void>;
}

export interface WorkflowFixture {
  strapi: Core.Strapi;
  tokens: Record<Exclude<Person, 'anonymous'>, string>;
  ids: Record<Exclude<Person, 'anonymous'>, number> & { reviewer2: number };
  reviewer2Token: string;
  columnDocumentId: string;
  createEntry(title?: string): Promise<string>;
  /** An entry brought to `state` by the real chain (submit, approve, return, publish, withdraw). */
  entryIn(state: State | 'revision', title?: string): Promise<string>;
  transitionAs(person: Exclude<Person, 'anonymous'> | 'reviewer2', documentId: string, action: Action, comment?: string): Promise<{ state: State }>;
  stateOf(documentId: string, locale?: string): Promise<State | null>;
  eventCount(documentId: string): Promise<number>;
  publishedTitle(documentId: string): Promise<string | null>;
}

let counter = 0;

export const setupWorkflowFixture = async (app: TestApp): Promise<WorkflowFixture> => {
  const { strapi } = app;
  await seedDemo(strapi, { users: { password: PASSWORD } });
  const roleIds = (await strapi.plugin('gov-disclosure').service('roles').ensureRoles()) as Record<'drafter' | 'reviewer' | 'publisher', number>;
  const userId = async (email: string) => ((await rowsOf(strapi, 'admin::user').findOne({ where: { email } })) as { id: number }).id;
  const createUser = async (email: string, role: number) =>
    (
      (await strapi
        .service('admin::user')
        .create({ email, firstname: email.split('@')[0], lastname: 'Test', password: PASSWORD, isActive: true, registrationToken: null, roles: [role] })) as {
        id: number;
      }
    ).id;

  const ids = {
    drafterIn: await userId('drafter@demo.gov.cn'),
    reviewerIn: await userId('reviewer@demo.gov.cn'),
    publisher: await userId('publisher@demo.gov.cn'),
    superAdmin: await userId('admin@demo.gov.cn'),
    drafterOut: await createUser('drafter-out@test.gov.cn', roleIds.drafter),
    reviewerOut: await createUser('reviewer-out@test.gov.cn', roleIds.reviewer),
    reviewer2: await createUser('reviewer-2@test.gov.cn', roleIds.reviewer),
  };

  const column = (await rowsOf(strapi, COLUMN).findOne({ where: { slug: 'tong-zhi', locale: 'zh-Hans' }, populate: { reviewers: true } })) as {
    documentId: string;
  };
  await documentsOf(strapi, COLUMN).update({ documentId: column.documentId, locale: 'zh-Hans', data: { reviewers: [ids.reviewerIn, ids.reviewer2] } });

  const login = async (email: string) => {
    const res = await app.http().post('/admin/login').send({ email, password: PASSWORD });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
    return res.body.data.token as string;
  };
  const tokens = {
    drafterIn: await login('drafter@demo.gov.cn'),
    reviewerIn: await login('reviewer@demo.gov.cn'),
    publisher: await login('publisher@demo.gov.cn'),
    superAdmin: await login('admin@demo.gov.cn'),
    drafterOut: await login('drafter-out@test.gov.cn'),
    reviewerOut: await login('reviewer-out@test.gov.cn'),
  };
  const reviewer2Token = await login('reviewer-2@test.gov.cn');

  const workflow = () => strapi.plugin('gov-disclosure').service('workflow') as WorkflowService;
  const actors = () => strapi.plugin('gov-disclosure').service('actors') as { byId(id: number): Promise<Actor> };

  const createEntry = async (title?: string) => {
    counter += 1;
    const doc = (await documentsOf(strapi, ENTRY).create({
      locale: 'zh-Hans',
      data: {
        title: title ?? `测试通知 ${counter}`,
        slug: `ce-shi-tong-zhi-${process.pid}-${counter}`,
        columns: [column.documentId],
        genre: 'notice',
        channels: ['website'],
      },
    })) as { documentId: string };
    return doc.documentId;
  };

  const transitionAs: WorkflowFixture['transitionAs'] = async (person, documentId, action, comment) =>
    workflow().transition({ uid: ENTRY, documentId, locale: 'zh-Hans', action, comment }, await actors().byId(ids[person]));

  const entryIn: WorkflowFixture['entryIn'] = async (state, title) => {
    const id = await createEntry(title);
    const steps: Record<State | 'revision', Array<[Exclude<Person, 'anonymous'>, Action, string?]>> = {
      draft: [],
      pending_review: [['drafterIn', 'submit']],
      pending_publish: [
        ['drafterIn', 'submit'],
        ['reviewerIn', 'approve'],
      ],
      returned: [
        ['drafterIn', 'submit'],
        ['reviewerIn', 'return', '请补充附件'],
      ],
      published: [
        ['drafterIn', 'submit'],
        ['reviewerIn', 'approve'],
        ['publisher', 'publish'],
      ],
      withdrawn: [
        ['drafterIn', 'submit'],
        ['reviewerIn', 'approve'],
        ['publisher', 'publish'],
        ['publisher', 'withdraw', '内容已过时'],
      ],
      revision: [
        ['drafterIn', 'submit'],
        ['reviewerIn', 'approve'],
        ['publisher', 'publish'],
      ],
    };
    for (const [person, action, comment] of steps[state]) {
      // the chain is sequential
      await transitionAs(person, id, action, comment);
    }
    if (state === 'revision') {
      await documentsOf(strapi, ENTRY).update({ documentId: id, locale: 'zh-Hans', data: { summary: '修订稿' } });
    }
    return id;
  };

  return {
    strapi,
    tokens,
    ids,
    reviewer2Token,
    columnDocumentId: column.documentId,
    createEntry,
    entryIn,
    transitionAs,
    async stateOf(documentId, locale = 'zh-Hans') {
      const row = (await rowsOf(strapi, ENTRY).findOne({ where: { documentId, locale, publishedAt: null } })) as { workflowState: State } | null;
      return row?.workflowState ?? null;
    },
    eventCount: (documentId) => rowsOf(strapi, EVENT).count({ where: { targetDocumentId: documentId } }),
    async publishedTitle(documentId) {
      const row = (await rowsOf(strapi, ENTRY).findOne({ where: { documentId, locale: 'zh-Hans', publishedAt: { $notNull: true } } })) as {
        title: string;
      } | null;
      return row?.title ?? null;
    },
  };
};
