/**
 * The 依申请公开 rules on plain facts: the state machine, the statutory period with its pauses and
 * extension (dates worked out by hand over the real 2025 calendar), who may act when, the
 * outcome → table 三 mapping, and the registration checks (GB 11643 identity numbers included).
 */
import calendarFile from '../../plugins/gov-disclosure/shared/calendar/cn-working-calendar.json';
import { amendmentRequestDeadline, deadlineOf, paymentDeadline, type ClockFacts } from '../../plugins/gov-disclosure/shared/domain/application-deadline';
import { checkApplicationInput } from '../../plugins/gov-disclosure/shared/domain/application-input';
import {
  ANSWER_OUTCOMES,
  APPLICANT_TYPES,
  APPLICATION_ACTIONS,
  APPLICATION_STATES,
  APPLICATION_TRANSITIONS,
  LAPSE_OUTCOMES,
  OUTCOMES,
  OUTCOME_KEYS,
  actionsFrom,
  type ApplicationAction,
  type ApplicationState,
} from '../../plugins/gov-disclosure/shared/domain/disclosure-application';
import { TEMPLATE_2021, cellIndex } from '../../plugins/gov-disclosure/shared/domain/report-templates';
import { checkResidentId, residentIdCheckCharacter } from '../../plugins/gov-disclosure/shared/domain/resident-id';
import { workingCalendar, type CalendarData } from '../../plugins/gov-disclosure/shared/domain/working-days';
import { decideApplicationAction, type CaseFacts, type RegisterActor } from '../../plugins/gov-disclosure/server/src/domain/application-policy';

const cal = workingCalendar(calendarFile.years as unknown as CalendarData);
const clock = (facts: Partial<ClockFacts>): ClockFacts => ({
  state: 'received',
  startedOn: '2025-01-20',
  pausedWorkingDays: 0,
  pausedSince: null,
  extensionDays: 0,
  ...facts,
});

describe('the statutory period (条例 arts. 30–33) on the real 2025 calendar', () => {
  it('runs 20 working days from the day after receipt, across the Spring Festival and its make-up days', () => {
    // received Mon 1/20; working days 1/21–1/24 (4), Sun 1/26 (5), 1/27 (6), 1/28–2/4 off, 2/5–2/7 (9),
    // Sat 2/8 (10), 2/10–2/14 (15), 2/17–2/21 (20)
    expect(deadlineOf(cal, clock({}), '2025-01-20')).toEqual({ dueOn: '2025-02-21', workingDaysLeft: 20, paused: false, missingYears: [] });
    expect(deadlineOf(cal, clock({}), '2025-02-21').workingDaysLeft).toBe(0);
    expect(deadlineOf(cal, clock({}), '2025-02-24').workingDaysLeft).toBe(-1);
  });

  it('adds the one extension of 20 working days', () => {
    // 2/24–2/28 (5), 3/3–3/7 (10), 3/10–3/14 (15), 3/17–3/21 (20)
    expect(deadlineOf(cal, clock({ extensionDays: 20 }), '2025-01-20').dueOn).toBe('2025-03-21');
  });

  it('does not count the working days of a finished consultation or fee wait', () => {
    expect(deadlineOf(cal, clock({ pausedWorkingDays: 3 }), '2025-01-20').dueOn).toBe('2025-02-26');
  });

  it('while the clock stands still, shows the day it would end were it to run again tomorrow', () => {
    // paused since Fri 2/14 (15 days used); on Wed 2/19 three working days have passed in the pause
    const paused = deadlineOf(cal, clock({ state: 'consulting', pausedSince: '2025-02-14' }), '2025-02-19');
    expect(paused).toMatchObject({ paused: true, dueOn: '2025-02-26' });
  });

  it('starts again from the amended application (its own day 1)', () => {
    expect(deadlineOf(cal, clock({ startedOn: '2025-03-07' }), '2025-03-07').dueOn).toBe('2025-04-07');
  });

  it('gives the amendment window (7 working days) and the payment window (20)', () => {
    // received Fri 3/7: 3/10–3/14 (5), 3/17, 3/18 (7)
    expect(amendmentRequestDeadline(cal, '2025-03-07').day).toBe('2025-03-18');
    // across National Day: notice Fri 9/26; Sun 9/28 works (1), 9/29, 9/30 (3), 10/1–10/8 off, 10/9, 10/10 (5), Sat 10/11 (6), 10/13–10/17 (11), 10/20–24 (16), 10/27–30 (20)
    expect(paymentDeadline(cal, '2025-09-26').day).toBe('2025-10-30');
  });

  it('reports a year without calendar data instead of counting it silently', () => {
    const thin = workingCalendar({ 2025: (calendarFile.years as unknown as CalendarData)[2025] });
    expect(deadlineOf(thin, clock({ startedOn: '2025-12-15' }), '2025-12-15').missingYears).toEqual([2026]);
  });
});

describe('the state machine', () => {
  it('moves each action from its states to one state (or none, for an extension)', () => {
    const table = Object.fromEntries(APPLICATION_STATES.map((s) => [s, actionsFrom(s)]));
    expect(table).toEqual({
      received: ['request_amendment', 'start_consultation', 'extend', 'notify_fee', 'answer'],
      amendment_requested: ['amend', 'lapse_amendment'],
      consulting: ['end_consultation', 'extend'],
      fee_notified: ['confirm_payment', 'lapse_payment'],
      answered: ['conclude'],
      concluded: [],
    });
  });

  it('ends every path in concluded, through an answer or a lapse', () => {
    const reachable = new Set<ApplicationState>(['received']);
    for (let i = 0; i < 5; i += 1) {
      for (const s of [...reachable]) for (const a of actionsFrom(s)) reachable.add(APPLICATION_TRANSITIONS[a].to ?? s);
    }
    expect([...reachable].sort()).toEqual([...APPLICATION_STATES].sort());
    expect(APPLICATION_TRANSITIONS.lapse_amendment.to).toBe('concluded');
    expect(APPLICATION_TRANSITIONS.lapse_payment.to).toBe('concluded');
  });
});

describe('outcomes are the rows of table 三 (2021 form)', () => {
  const cells = cellIndex(TEMPLATE_2021);
  it('maps every outcome to a numbered row of the template, each row once', () => {
    const rows = OUTCOME_KEYS.map((o) => OUTCOMES[o].row);
    expect(new Set(rows).size).toBe(rows.length);
    for (const row of rows) expect(cells.has(`${row}:natural`)).toBe(true);
    // every outcome row of the form but （七）总计 has an outcome
    const formRows = TEMPLATE_2021.tables.find((t) => t.id === 't3')!.rows.filter((r) => r.kind === undefined && r.level > 0 && r.id !== 't3.r7');
    expect(formRows.map((r) => r.id).sort()).toEqual([...rows].sort());
  });
  it('leaves the lapse rows （六）1 and （六）2 to the lapses, never to an answer', () => {
    expect(LAPSE_OUTCOMES.map((o) => OUTCOMES[o].row)).toEqual(['t3.r6.1', 't3.r6.2']);
    expect(ANSWER_OUTCOMES).not.toEqual(expect.arrayContaining([...LAPSE_OUTCOMES]));
    expect(ANSWER_OUTCOMES).toHaveLength(OUTCOME_KEYS.length - 2);
  });
  it('uses table 三’s applicant columns as applicant types', () => {
    for (const type of APPLICANT_TYPES) expect(cells.has(`t3.new:${type}`)).toBe(true);
  });
});

describe('who may act, and when', () => {
  const facts = (f: Partial<CaseFacts> = {}): CaseFacts => ({
    state: 'received',
    handlerId: 7,
    amendmentRequested: false,
    extended: false,
    amendmentRequestDeadline: '2025-03-18',
    amendmentDueOn: null,
    paymentDueOn: null,
    ...f,
  });
  const handler: RegisterActor = { id: 7, isSuperAdmin: false, handles: true, assigns: false, approvesExtensions: false };
  const otherHandler: RegisterActor = { ...handler, id: 8 };
  const office: RegisterActor = { id: 1, isSuperAdmin: false, handles: true, assigns: true, approvesExtensions: true };
  const reader: RegisterActor = { id: 9, isSuperAdmin: false, handles: false, assigns: false, approvesExtensions: false };
  const decide = (actor: RegisterActor, f: CaseFacts, action: ApplicationAction, today = '2025-03-10') => decideApplicationAction(actor, f, action, today);

  it('lets the case’s handler and the office act, nobody else', () => {
    expect(decide(handler, facts(), 'answer')).toEqual({ ok: true });
    expect(decide(office, facts(), 'answer')).toEqual({ ok: true });
    expect(decide(otherHandler, facts(), 'answer')).toMatchObject({ ok: false, status: 403 });
    expect(decide(reader, facts({ handlerId: 9 }), 'answer')).toMatchObject({ ok: false, status: 403 });
    expect(decide({ ...reader, isSuperAdmin: true }, facts(), 'answer')).toEqual({ ok: true });
  });
  it('keeps the extension for the head of the office, once', () => {
    expect(decide(handler, facts(), 'extend')).toMatchObject({ ok: false, status: 403 });
    expect(decide(office, facts(), 'extend')).toEqual({ ok: true });
    expect(decide(office, facts({ extended: true }), 'extend')).toMatchObject({ ok: false, status: 409 });
  });
  it('refuses an amendment request after day 7 and a second one', () => {
    expect(decide(handler, facts(), 'request_amendment', '2025-03-18')).toEqual({ ok: true });
    const late = decide(handler, facts(), 'request_amendment', '2025-03-19');
    expect(late).toMatchObject({ ok: false, status: 409 });
    expect((late as { message: string }).message).toContain('2025-03-18');
    expect(decide(handler, facts({ amendmentRequested: true }), 'request_amendment')).toMatchObject({ ok: false, status: 409 });
  });
  it('lets a case lapse only after the applicant’s own time limit', () => {
    const waiting = facts({ state: 'amendment_requested', amendmentDueOn: '2025-03-20' });
    expect(decide(handler, waiting, 'lapse_amendment', '2025-03-20')).toMatchObject({ ok: false, status: 409 });
    expect(decide(handler, waiting, 'lapse_amendment', '2025-03-21')).toEqual({ ok: true });
    const unpaid = facts({ state: 'fee_notified', paymentDueOn: '2025-04-07' });
    expect(decide(handler, unpaid, 'lapse_payment', '2025-04-07')).toMatchObject({ ok: false, status: 409 });
    expect(decide(handler, unpaid, 'lapse_payment', '2025-04-08')).toEqual({ ok: true });
  });
  it('refuses every action that does not fit the state with a 409', () => {
    for (const state of APPLICATION_STATES) {
      for (const action of APPLICATION_ACTIONS) {
        const d = decide(office, facts({ state, amendmentDueOn: '2025-01-01', paymentDueOn: '2025-01-01' }), action);
        expect([state, action, d.ok]).toEqual([state, action, APPLICATION_TRANSITIONS[action].from.includes(state)]);
      }
    }
  });
});

describe('registration checks (条例 art. 29)', () => {
  const valid = {
    organization: 'org1',
    channel: 'in_person',
    receivedOn: '2025-03-07',
    applicantType: 'natural',
    applicantName: '张三',
    phone: '13800000000',
    idType: 'resident_id',
    idNumber: '11010519491231002x',
    description: '本机关2024年财政预算执行情况',
    provisionForm: 'electronic',
    delivery: 'email',
  };
  it('accepts a complete application and normalises the identity number', () => {
    const r = checkApplicationInput(valid, '2025-03-07');
    expect(r).toMatchObject({ ok: true, value: { idNumber: '11010519491231002X', contactPerson: null } });
  });
  it('checks GB 11643 identity numbers: length, birth date, check character', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(checkResidentId('11010519491231002X')).toEqual({ valid: true, id: '11010519491231002X' });
    expect(checkResidentId('110105194912310021')).toEqual({ valid: false, reason: 'check-digit' });
    expect(checkResidentId('110105194902300021')).toEqual({ valid: false, reason: 'birth-date' });
    expect(checkResidentId('1101051949123100')).toEqual({ valid: false, reason: 'format' });
  });
  it('names each field that is wrong, all at once', () => {
    const r = checkApplicationInput({ ...valid, receivedOn: '2025-03-08', phone: '', idNumber: '110105194912310021', description: '' }, '2025-03-07');
    expect(r.ok).toBe(false);
    expect((r as { issues: Array<{ path: string[] }> }).issues.map((i) => i.path[0])).toEqual(['receivedOn', 'phone', 'idNumber', 'description']);
  });
});
