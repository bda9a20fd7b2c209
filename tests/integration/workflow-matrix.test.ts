/**
 * The permission matrix of the approval chain, generated from one table: every person × every
 * operation × every state × each door (plugin route, Content Manager routes, Document Service).
 * Allowed cells must succeed with their effect; every other cell is refused with the right status
 * and changes nothing (state, content, audit trail).
 */
import { ENTRY, PEOPLE, setupWorkflowFixture, type Action, type Person, type State, type WorkflowFixture } from '../helpers/workflow-fixture';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { rowsOf, documentsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

type MatrixState = State | 'revision'; // revision: a published entry with an unpublished edit
const ALL_STATES: MatrixState[] = ['draft', 'pending_review', 'pending_publish', 'published', 'returned', 'withdrawn', 'revision'];

// ---- the table (written from the issue, independent of the implementation) ----
const MAY: Record<Person, Action[]> = {
  drafterIn: ['submit'],
  drafterOut: [],
  reviewerIn: ['approve', 'return'],
  reviewerOut: [],
  publisher: ['return', 'publish', 'withdraw'],
  superAdmin: ['submit', 'approve', 'return', 'publish', 'withdraw'],
  anonymous: [],
};
const FROM: Record<Action, MatrixState[]> = {
  submit: ['draft', 'returned', 'withdrawn', 'revision'],
  approve: ['pending_review'],
  return: ['pending_review', 'pending_publish'],
  publish: ['pending_publish'],
  withdraw: ['published'],
};
const TO: Record<Action, State> = { submit: 'pending_review', approve: 'pending_publish', return: 'returned', publish: 'published', withdraw: 'withdrawn' };
/** Whose turn it is to edit in each state. */
const EDITORS: Record<MatrixState, Person[]> = {
  draft: ['drafterIn', 'superAdmin'],
  revision: ['drafterIn', 'superAdmin'],
  returned: ['drafterIn', 'superAdmin'],
  withdrawn: ['drafterIn', 'superAdmin'],
  published: ['drafterIn', 'superAdmin'],
  pending_review: ['reviewerIn', 'superAdmin'],
  pending_publish: ['publisher', 'superAdmin'],
};

const transitionStatus = (person: Person, action: Action, state: MatrixState): number => {
  if (person === 'anonymous') return 401;
  if (!MAY[person].includes(action)) return 403;
  if (!FROM[action].includes(state)) return 409;
  if (person === 'reviewerIn' && action === 'return' && state === 'pending_publish') return 403;
  return 200;
};

type CmOp = 'publish' | 'unpublish' | 'update' | 'discard';
const CM_OPS: CmOp[] = ['publish', 'unpublish', 'update', 'discard'];

const LIVE: MatrixState[] = ['published', 'revision'];
const OUT_OF_SCOPE: Array<Person | 'server'> = ['drafterOut', 'reviewerOut'];

/**
 * Content Manager and Document Service: publishing and unpublishing never bypass the chain;
 * editing is for whoever's turn it is; discard drops an unpublished edit of a live item.
 * The Content Manager answers 404 where there is nothing to act on (no live version to unpublish
 * or go back to) and where the item is outside the user's columns (no existence oracle); a
 * role without the Content Manager's publish permission gets its 403 first.
 */
const editStatus = (door: Case['door'], person: Person | 'server', op: CmOp, state: MatrixState): number => {
  if (person === 'anonymous') return 401;
  const cm = door === 'Content Manager';
  const editor = person === 'server' || EDITORS[state].includes(person);
  switch (op) {
    case 'publish':
      return 403;
    case 'unpublish':
      return cm && person === 'superAdmin' && !LIVE.includes(state) ? 404 : 403;
    case 'update':
      return editor ? 200 : 403;
    default:
      if (cm && (OUT_OF_SCOPE.includes(person) || !LIVE.includes(state))) return 404;
      return editor && state === 'revision' ? 200 : 403;
  }
};

interface Case {
  door: 'plugin route' | 'Content Manager' | 'Document Service';
  person: Person | 'server';
  op: Action | CmOp;
  state: MatrixState;
  expected: number;
}

const CASES: Case[] = [
  ...PEOPLE.flatMap((person) =>
    (['submit', 'approve', 'return', 'publish', 'withdraw'] as Action[]).flatMap((op) =>
      ALL_STATES.map((state) => ({ door: 'plugin route' as const, person, op, state, expected: transitionStatus(person, op, state) }))
    )
  ),
  ...PEOPLE.flatMap((person) =>
    CM_OPS.flatMap((op) =>
      ALL_STATES.map((state) => ({ door: 'Content Manager' as const, person, op, state, expected: editStatus('Content Manager', person, op, state) }))
    )
  ),
  ...[...PEOPLE.filter((p) => p !== 'anonymous'), 'server' as const].flatMap((person) =>
    CM_OPS.flatMap((op) =>
      ALL_STATES.map((state) => ({ door: 'Document Service' as const, person, op, state, expected: editStatus('Document Service', person, op, state) }))
    )
  ),
];

describe(`approval chain permission matrix (${CASES.length} cases)`, () => {
  let app: TestApp;
  let fx: WorkflowFixture;
  const shared = {} as Record<MatrixState, string>;

  beforeAll(async () => {
    app = await startTestApp();
    fx = await setupWorkflowFixture(app);
    for (const state of ALL_STATES) {
      // one entry per state, refused cases share it
      shared[state] = await fx.entryIn(state, `共享条目 ${state}`);
    }
  });
  afterAll(async () => {
    await app?.stop();
  });

  const snapshot = async (documentId: string) => {
    const draft = await rowsOf(app.strapi, ENTRY).findOne({ where: { documentId, locale: 'zh-Hans', publishedAt: null } });
    return {
      state: draft?.workflowState,
      title: draft?.title,
      summary: draft?.summary,
      updatedAt: String(draft?.updatedAt),
      published: await fx.publishedTitle(documentId),
      events: await fx.eventCount(documentId),
    };
  };

  const perform = async (c: Case, documentId: string): Promise<number> => {
    const token = c.person === 'anonymous' || c.person === 'server' ? null : fx.tokens[c.person];
    const auth = <T extends { set(k: string, v: string): T }>(req: T) => (token ? req.set('Authorization', `Bearer ${token}`) : req);
    if (c.door === 'plugin route') {
      const comment = c.op === 'return' || c.op === 'withdraw' ? '矩阵测试意见' : undefined;
      const res = await auth(app.http().post('/gov-disclosure/workflow/transitions')).send({
        uid: ENTRY,
        documentId,
        locale: 'zh-Hans',
        action: c.op,
        ...(comment ? { comment } : {}),
      });
      return res.status;
    }
    if (c.door === 'Content Manager') {
      const base = `/content-manager/collection-types/${ENTRY}/${documentId}`;
      const res =
        c.op === 'update'
          ? await auth(app.http().put(`${base}?locale=zh-Hans`)).send({ title: `修改 ${c.person} ${c.state}` })
          : await auth(app.http().post(`${base}/actions/${c.op}?locale=zh-Hans`)).send({});
      return res.status;
    }
    const call = () => {
      const docs = documentsOf(app.strapi, ENTRY);
      const target = { documentId, locale: 'zh-Hans' };
      if (c.op === 'update') return docs.update({ ...target, data: { title: `改 ${c.person} ${c.state}` } });
      if (c.op === 'discard') return docs.discardDraft(target);
      return (docs as unknown as Record<string, (p: unknown) => Promise<unknown>>)[c.op](target);
    };
    const run =
      c.person === 'server'
        ? call
        : () =>
            app.strapi.requestContext.run(
              { state: { user: { id: fx.ids[c.person as Exclude<Person, 'anonymous'>] }, auth: { strategy: { name: 'admin' } } } } as never,
              call
            );
    try {
      await run();
      return 200;
    } catch (error) {
      return ['ForbiddenError', 'PolicyError'].includes((error as { name?: string }).name ?? '') ? 403 : 500;
    }
  };

  const expectedState = (c: Case): MatrixState | State => {
    if (c.door === 'plugin route') return TO[c.op as Action];
    if (c.op === 'discard') return 'published';
    return c.state === 'published' || c.state === 'revision' ? 'draft' : c.state;
  };

  test.each(CASES)('$door: $person $op when $state → $expected', async (c) => {
    const allowed = c.expected === 200;
    const documentId = allowed ? await fx.entryIn(c.state as State) : shared[c.state];
    const before = await snapshot(documentId);
    const status = await perform(c, documentId);
    expect(status).toBe(c.expected);
    const after = await snapshot(documentId);
    if (!allowed) {
      expect(after).toEqual(before);
      return;
    }
    expect(after.state).toBe(expectedState(c));
    if (c.door === 'plugin route') {
      expect(after.events).toBe(before.events + 1);
      if (c.op === 'publish') expect(after.published).toBe(after.title);
      if (c.op === 'withdraw') expect(after.published).toBeNull();
    } else {
      expect(after.events).toBe(before.events);
      // the live version never changes by an edit or a discard
      expect(after.published).toBe(before.published);
    }
  });
});
