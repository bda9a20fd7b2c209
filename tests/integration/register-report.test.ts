/**
 * From the register to the annual report: applications registered and worked through the admin
 * routes for an organization of their own, appeal cases recorded, then "fill from data" on a 2021,
 * a 2019 and a 2008-format report of 2025. The expected figures are counted by hand from the cases
 * below (an oracle independent of the SQL), the form's 勾稽 checks must all hold on tables 三 and
 * 四, each cell lists the applications it counted, and no applicant appears anywhere in it.
 */
import { startTestApp, type TestApp } from '../helpers/strapi';
import { setupWorkflowFixture, type WorkflowFixture } from '../helpers/workflow-fixture';
import { documentsOf } from '../../plugins/gov-disclosure/server/src/utils/query';
import { checkStatistics } from '../../plugins/gov-disclosure/shared/domain/report-checks';

const REPORT = 'plugin::gov-disclosure.annual-report';
const ORGANIZATION = 'plugin::gov-disclosure.organization';
const NAME = '李报表申请人';

describe('table 三 and 四 filled from the register', () => {
  let app: TestApp;
  let fx: WorkflowFixture;
  let organization = '';
  const tracking: Record<string, string> = {};
  const as = (token: string) => ({
    get: (url: string) => app.http().get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) => app.http().post(url).set('Authorization', `Bearer ${token}`).send(body),
  });
  const office = () => as(fx.tokens.publisher);

  /** Registers a case (a letter) and works it: `answer` on a day, or left open. */
  const application = async (key: string, receivedOn: string, applicantType: string, answer?: { outcome: string; day: string; extend?: boolean }) => {
    const organisation = applicantType !== 'natural';
    const res = await office().post('/gov-disclosure/applications', {
      organization,
      channel: key === 'C' ? 'in_person' : key === 'D' ? 'email' : 'letter',
      receivedOn,
      applicantType,
      applicantName: organisation ? `${NAME}单位` : NAME,
      contactPerson: organisation ? NAME : undefined,
      phone: '021-66668888',
      idType: organisation ? 'credit_code' : 'resident_id',
      idNumber: organisation ? '91110000100000000R' : '11010519491231002X',
      description: `报表测试申请 ${key}`,
      provisionForm: 'paper',
      delivery: 'post',
    });
    if (res.status !== 201) throw new Error(`register ${key}: ${res.status} ${JSON.stringify(res.body)}`);
    const id = res.body.data.documentId as string;
    tracking[key] = res.body.data.trackingNumber;
    if (answer?.extend) {
      const ext = await office().post(`/gov-disclosure/applications/${id}/actions/extend`, { approver: '办公室主任', note: '需要协调' });
      if (ext.status !== 200) throw new Error(`extend ${key}: ${JSON.stringify(ext.body)}`);
    }
    if (answer) {
      const done = await office().post(`/gov-disclosure/applications/${id}/actions/answer`, {
        outcome: answer.outcome,
        replyKind: 'other',
        replyText: '答复内容',
        day: answer.day,
      });
      if (done.status !== 200) throw new Error(`answer ${key}: ${JSON.stringify(done.body)}`);
    }
    return id;
  };

  /** The organization's report of the year (one per year): created once, switched to `template`, then computed. */
  const reports: Record<number, string> = {};
  const report = async (template: string, year = 2025) => {
    if (!reports[year]) {
      const res = await office().post(`/content-manager/collection-types/${REPORT}?locale=zh-Hans`, { title: `${year}年报表`, year, template, organization });
      if (res.status !== 201 && res.status !== 200) throw new Error(`report: ${res.status} ${JSON.stringify(res.body)}`);
      reports[year] = res.body.data.documentId as string;
    }
    const documentId = reports[year];
    const switched = await app
      .http()
      .put(`/content-manager/collection-types/${REPORT}/${documentId}?locale=zh-Hans`)
      .set('Authorization', `Bearer ${fx.tokens.publisher}`)
      .send({ template, statistics: {} });
    if (switched.status !== 200) throw new Error(`template: ${switched.status} ${JSON.stringify(switched.body)}`);
    const computed = (await office().post(`/gov-disclosure/annual-reports/${documentId}/compute?locale=zh-Hans`)).body.data.computed as Record<string, number>;
    return { documentId, computed };
  };

  beforeAll(async () => {
    app = await startTestApp();
    fx = await setupWorkflowFixture(app);
    const org = (await documentsOf(app.strapi, ORGANIZATION).create({
      locale: 'zh-Hans',
      data: { name: '报表测试局', code: '91110000100000000R', slug: 'bao-biao-ce-shi' },
    })) as { documentId: string };
    organization = org.documentId;
    // A: received late 2024, answered in January 2025 (due 2025-01-08: late) → 二 and （一）
    await application('A', '2024-12-10', 'natural', { outcome: 'disclosed', day: '2025-01-15' });
    // B: a business, answered in time → 一 and （二）
    await application('B', '2025-03-03', 'commercial', { outcome: 'partly_disclosed', day: '2025-03-20' });
    // C: in person, a repeat application → 一 and （五）2
    await application('C', '2025-05-06', 'natural', { outcome: 'not_processed_repeat', day: '2025-05-20' });
    // D: by e-mail from a law firm in December, answered after an extension in 2026 → 一 and 四
    await application('D', '2025-12-22', 'legal', { outcome: 'withheld_third_party', day: '2026-02-10', extend: true });
    // E: received in 2025, still open → 一 and 四
    await application('E', '2025-07-01', 'natural');
    // F: received in 2025, extended and answered in 2025 → 一, （四）1
    await application('F', '2025-08-04', 'natural', { outcome: 'unavailable_not_held', day: '2025-09-30', extend: true });
    // appeal cases (table 四)
    const appeal = (body: object) => office().post('/gov-disclosure/appeals', { organization, ...body });
    expect((await appeal({ kind: 'review', filedOn: '2025-04-01', outcome: 'upheld', decidedOn: '2025-06-01', caseNumber: '复2025-1' })).status).toBe(201);
    expect((await appeal({ kind: 'review', filedOn: '2025-10-01', outcome: 'pending', caseNumber: '复2025-2' })).status).toBe(201);
    expect((await appeal({ kind: 'direct', filedOn: '2024-11-01', outcome: 'corrected', decidedOn: '2025-02-01', caseNumber: '诉2024-9' })).status).toBe(201);
    expect((await appeal({ kind: 'after', filedOn: '2025-09-01', outcome: 'other', decidedOn: '2026-01-10', caseNumber: '诉2025-3' })).status).toBe(201);
    // a decided case without its decision day is refused, naming the field
    const bad = await appeal({ kind: 'review', filedOn: '2025-04-01', outcome: 'upheld' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['decidedOn']);
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('computes every cell of table 三 (2021 form), counted by hand, and the form’s checks all hold', async () => {
    const { computed } = await report('2021');
    const expected: Record<string, number> = {
      // 一: B, C, D, E, F received in 2025; 二: A open on 1 January
      't3.new:natural': 3,
      't3.new:commercial': 1,
      't3.new:legal': 1,
      't3.new:total': 5,
      't3.carried:natural': 1,
      't3.carried:total': 1,
      // decided in 2025: A (一), B (二), C (五)2, F (四)1
      't3.r1:natural': 1,
      't3.r2:commercial': 1,
      't3.r5.2:natural': 1,
      't3.r4.1:natural': 1,
      't3.r7:natural': 3,
      't3.r7:commercial': 1,
      't3.r7:total': 4,
      // open on 31 December: D, E
      't3.next:natural': 1,
      't3.next:legal': 1,
      't3.next:total': 2,
      't3.r3.4:legal': 0,
      't3.r6.3:total': 0,
    };
    for (const [cell, value] of Object.entries(expected)) expect([cell, computed[cell]]).toEqual([cell, value]);
    const t3cells = Object.keys(computed).filter((c) => c.startsWith('t3.'));
    expect(t3cells).toHaveLength(25 * 7); // every row and column of table 三: the form's 175 cells
    // 勾稽: the form's own checks on the computed tables
    const only34 = Object.fromEntries(Object.entries(computed).filter(([c]) => c.startsWith('t3.') || c.startsWith('t4.')));
    const { errors, warnings } = checkStatistics('2021', only34);
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => w.cell.startsWith('t3.') || w.cell.startsWith('t4.'))).toEqual([]);
  });

  it('computes table 四 from the appeal cases: results decided in the year, pending at its end, totals', async () => {
    const { computed } = await report('2021');
    expect(computed).toMatchObject({
      't4.cases:review.upheld': 1,
      't4.cases:review.pending': 1,
      't4.cases:review.total': 2,
      't4.cases:direct.corrected': 1,
      't4.cases:direct.total': 1,
      // decided in 2026: pending at the end of 2025
      't4.cases:after.other': 0,
      't4.cases:after.pending': 1,
      't4.cases:after.total': 1,
    });
  });

  it('fills the 2019 trial form’s single （六） row from the three lapse/other outcomes', async () => {
    const { computed } = await report('2019');
    expect(computed['t3.r6:total']).toBe(0);
    expect(computed['t3.r6.1:total']).toBeUndefined();
    expect(computed['t3.r7:total']).toBe(4);
  });

  it('fills only the 2008 rows the register answers, and its check shows the late answer', async () => {
    const { computed } = await report('2008');
    expect(computed).toMatchObject({
      '3.1': 5,
      '3.1.1': 1, // C in person
      '3.1.2': 0,
      '3.1.3': 1, // D by e-mail counts as online
      '3.1.4': 3,
      '3.2': 4,
      '3.2.1': 2, // B and C; A was answered after its due date
      '3.2.2': 1, // F
    });
    expect(computed['3.3.1']).toBeUndefined();
    const { warnings } = checkStatistics('2008', computed);
    expect(warnings.map((w) => w.cell)).toContain('3.2');
  });

  it('lists the applications behind a cell — tracking numbers, never the applicant', async () => {
    const { documentId } = await report('2021');
    const records = await office().get(`/gov-disclosure/annual-reports/${documentId}/cells/${encodeURIComponent('t3.next:total')}/records?locale=zh-Hans`);
    expect(records.status).toBe(200);
    expect(records.body.data).toMatchObject({ source: 'register', value: 2, pagination: { total: 2 } });
    expect(records.body.data.applications.map((a: { trackingNumber: string }) => a.trackingNumber).sort()).toEqual([tracking.D, tracking.E].sort());
    expect(records.body.data.applications[0].countedAs).toBe('12月31日仍在办理的申请');
    expect(JSON.stringify(records.body)).not.toContain(NAME);
    const appeals = await office().get(
      `/gov-disclosure/annual-reports/${documentId}/cells/${encodeURIComponent('t4.cases:review.total')}/records?locale=zh-Hans`
    );
    expect(appeals.body.data).toMatchObject({ source: 'appeals', value: 2 });
    expect(appeals.body.data.appeals.map((c: { caseNumber: string }) => c.caseNumber).sort()).toEqual(['复2025-1', '复2025-2']);
  });

  it('leaves table 三 to the office where the register holds nothing for the year, and 二 to last year’s report before it', async () => {
    // 2024: the register holds A (received 2024-12-10) but nothing before 2024: 二 comes from last year's report
    const { computed } = await report('2021', 2024);
    expect(computed['t3.new:total']).toBe(1);
    expect(computed['t3.carried:total']).toBeUndefined(); // no 2023 report to carry from
    // 2023: the register holds nothing then: table 三 stays typed
    const earlier = await report('2021', 2023);
    expect(Object.keys(earlier.computed).filter((c) => c.startsWith('t3.') || c.startsWith('t4.'))).toEqual([]);
  });
});
