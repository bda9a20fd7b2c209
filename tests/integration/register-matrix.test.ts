/**
 * Who may move an application, in which state, through the admin routes: every action × person ×
 * state. The oracle is written here, independently of the code's tables: the office, a super admin
 * and the case's own handler act (not the handler on the extension, the head's); drafters,
 * reviewers and other handlers are refused (403); nobody logged out gets in (401); an action that
 * does not fit the state is a 409 for those who may act. Every allowed move runs on a fresh case,
 * so each one is seen to succeed.
 */
import { startTestApp, type TestApp } from '../helpers/strapi';
import { setupWorkflowFixture, type WorkflowFixture } from '../helpers/workflow-fixture';
import { createAdminSession, type AdminSession } from '../helpers/admin';
import { rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

const APPLICATION = 'plugin::gov-disclosure.disclosure-application';
const STATES = ['received', 'amendment_requested', 'consulting', 'fee_notified', 'answered', 'concluded'] as const;
type State = (typeof STATES)[number];
const ACTIONS = [
  'request_amendment',
  'amend',
  'lapse_amendment',
  'start_consultation',
  'end_consultation',
  'extend',
  'notify_fee',
  'confirm_payment',
  'lapse_payment',
  'answer',
  'conclude',
] as const;
type Action = (typeof ACTIONS)[number];
const PEOPLE = ['office', 'superAdmin', 'handler', 'otherHandler', 'drafter', 'reviewer', 'anonymous'] as const;
type Person = (typeof PEOPLE)[number];

/** The oracle: what each state allows, and who may act at all. */
const OPEN: Record<State, Action[]> = {
  received: ['request_amendment', 'start_consultation', 'extend', 'notify_fee', 'answer'],
  amendment_requested: ['amend', 'lapse_amendment'],
  consulting: ['end_consultation', 'extend'],
  fee_notified: ['confirm_payment', 'lapse_payment'],
  answered: ['conclude'],
  concluded: [],
};
const mayAct = (person: Person, action: Action) => person === 'office' || person === 'superAdmin' || (person === 'handler' && action !== 'extend');
const expected = (person: Person, state: State, action: Action) =>
  person === 'anonymous' ? 401 : !mayAct(person, action) ? 403 : OPEN[state].includes(action) ? 200 : 409;

const BODIES: Record<Action, object> = {
  request_amendment: { note: '请写明年份', dueOn: '2099-12-31' },
  amend: {},
  lapse_amendment: {},
  start_consultation: { note: '征求第三方意见' },
  end_consultation: {},
  extend: { approver: '办公室主任', note: '需要协调' },
  notify_fee: { fee: { method: 'by_volume', pages: 40 } },
  confirm_payment: {},
  lapse_payment: {},
  answer: { outcome: 'disclosed', replyKind: 'disclosed', replyText: '予以公开' },
  conclude: {},
};

describe('register permission matrix: every action × person × state', () => {
  let app: TestApp;
  let fx: WorkflowFixture;
  let handler: AdminSession;
  let otherHandler: AdminSession;
  let organization = '';
  let today = '';
  const tokens = {} as Record<Exclude<Person, 'anonymous'>, string>;

  const post = (person: Person, url: string, body: object) => {
    const req = app.http().post(url);
    return (person === 'anonymous' ? req : req.set('Authorization', `Bearer ${tokens[person]}`)).send(body);
  };

  /** A case brought to `state` by the office through the real routes, assigned to the handler. */
  const caseIn = async (state: State): Promise<string> => {
    const res = await post('office', '/gov-disclosure/applications', {
      organization,
      channel: 'in_person',
      receivedOn: today,
      applicantType: 'natural',
      applicantName: '矩阵测试',
      phone: '010-11112222',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      description: '矩阵测试申请的信息',
      provisionForm: 'paper',
      delivery: 'pickup',
      handler: handler.user.id,
    });
    if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
    const id = res.body.data.documentId as string;
    const step = async (action: Action) => {
      const r = await post('office', `/gov-disclosure/applications/${id}/actions/${action}`, BODIES[action]);
      if (r.status !== 200) throw new Error(`${action}: ${r.status} ${JSON.stringify(r.body)}`);
    };
    const rows = rowsOf(app.strapi, APPLICATION);
    if (state === 'amendment_requested') {
      await step('request_amendment');
      // the applicant's time limit has run out (so the lapse is open too)
      await rows.update({ where: { documentId: id }, data: { amendmentDueOn: '2020-01-01' } });
    }
    if (state === 'consulting') await step('start_consultation');
    if (state === 'fee_notified') {
      await step('notify_fee');
      await rows.update({ where: { documentId: id }, data: { paymentDueOn: '2020-01-01' } });
    }
    if (state === 'answered' || state === 'concluded') await step('answer');
    if (state === 'concluded') await step('conclude');
    return id;
  };

  beforeAll(async () => {
    app = await startTestApp();
    fx = await setupWorkflowFixture(app);
    organization = (await rowsOf<{ documentId: string }>(app.strapi, 'plugin::gov-disclosure.organization').findOne({ where: { locale: 'zh-Hans' } }))!
      .documentId;
    const role = (await app.strapi.service('admin::role').create({ name: '承办人 Handler (matrix)', description: 'test' })) as { id: number };
    await app.strapi.service('admin::role').assignPermissions(
      role.id,
      ['read', 'handle'].map((a) => ({ action: `plugin::gov-disclosure.application.${a}`, subject: null, properties: {}, conditions: [] }))
    );
    handler = await createAdminSession(app, 'matrix-handler@test.gov.cn', [role.id]);
    otherHandler = await createAdminSession(app, 'matrix-handler-2@test.gov.cn', [role.id]);
    Object.assign(tokens, {
      office: fx.tokens.publisher,
      superAdmin: fx.tokens.superAdmin,
      handler: handler.token,
      otherHandler: otherHandler.token,
      drafter: fx.tokens.drafterIn,
      reviewer: fx.tokens.reviewerIn,
    });
    today = (await app.http().get('/gov-disclosure/applications?pageSize=1').set('Authorization', `Bearer ${tokens.office}`)).body.meta.today;
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
  });

  it.each(STATES)('in state %s, every person and action gets the oracle’s answer', async (state) => {
    const shared = await caseIn(state);
    const seen: string[] = [];
    const want: string[] = [];
    for (const person of PEOPLE) {
      for (const action of ACTIONS) {
        const status = expected(person, state, action);
        // a move that succeeds changes the case: each one gets a case of its own
        const id = status === 200 ? await caseIn(state) : shared;
        const res = await post(person, `/gov-disclosure/applications/${id}/actions/${action}`, BODIES[action]);
        seen.push(`${person} ${action} → ${res.status}`);
        want.push(`${person} ${action} → ${status}`);
      }
    }
    expect(seen).toEqual(want);
    // refused attempts left the shared case as it was, with no event but its own
    const row = (await rowsOf<{ state: string }>(app.strapi, APPLICATION).findOne({ where: { documentId: shared } }))!;
    expect(row.state).toBe(state);
  });

  it('keeps the other doors of the register to their permissions', async () => {
    const id = await caseIn('received');
    const doors: Array<[string, string, object | null]> = [
      ['GET', '/gov-disclosure/applications', null],
      ['GET', `/gov-disclosure/applications/${id}`, null],
      ['GET', `/gov-disclosure/applications/${id}/history`, null],
      ['GET', `/gov-disclosure/applications/${id}/identity`, null],
      ['GET', `/gov-disclosure/applications/${id}/notices/receipt`, null],
      ['PUT', `/gov-disclosure/applications/${id}/handler`, { handler: handler.user.id }],
      ['POST', '/gov-disclosure/applications', {}],
      ['GET', '/gov-disclosure/applications/handlers', null],
      ['PUT', '/gov-disclosure/working-calendar/2041', { holidays: [], workdays: [] }],
      ['POST', '/gov-disclosure/appeals', {}],
    ];
    // read | identity | assign | register | calendar: the office holds all; a handler reads only
    const allowed: Record<Person, (door: string, method: string) => boolean> = {
      office: () => true,
      superAdmin: () => true,
      handler: (door, method) => method === 'GET' && !/identity|notices|handlers/.test(door),
      otherHandler: (door, method) => method === 'GET' && !/identity|notices|handlers/.test(door),
      drafter: () => false,
      reviewer: () => false,
      anonymous: () => false,
    };
    const seen: string[] = [];
    const want: string[] = [];
    for (const person of PEOPLE) {
      for (const [method, door, body] of doors) {
        let req = method === 'GET' ? app.http().get(door) : method === 'PUT' ? app.http().put(door) : app.http().post(door);
        if (person !== 'anonymous') req = req.set('Authorization', `Bearer ${tokens[person]}`);
        const res = await (body ? req.send(body) : req);
        // an allowed door answers (200/201, or 400 for the empty bodies), a refused one 401/403
        const outcome = res.status === 401 ? 'unauthenticated' : res.status === 403 ? 'forbidden' : 'open';
        seen.push(`${person} ${method} ${door} → ${outcome}`);
        want.push(`${person} ${method} ${door} → ${person === 'anonymous' ? 'unauthenticated' : allowed[person](door, method) ? 'open' : 'forbidden'}`);
      }
    }
    expect(seen).toEqual(want);
  });
});
