/** Who is reminded of which application, and when the daily run comes round. */
import { msUntilHour, planReminders, reminderKind, type OpenCase } from '../../plugins/gov-disclosure/server/src/domain/reminder-plan';

const open = (trackingNumber: string, workingDaysLeft: number, handlerId: number | null = null, paused = false): OpenCase => ({
  documentId: trackingNumber.toLowerCase(),
  trackingNumber,
  handlerId,
  dueOn: '2026-12-31',
  workingDaysLeft,
  paused,
});

describe('deadline reminders', () => {
  it('reminds 5 and 1 working days before, and every day once overdue; never a paused clock', () => {
    expect([6, 5, 4, 2, 1, 0, -1, -30].map((left) => reminderKind(open('A', left)))).toEqual([
      null,
      'five_days',
      null,
      null,
      'one_day',
      null,
      'overdue',
      'overdue',
    ]);
    expect(reminderKind(open('A', -3, null, true))).toBeNull();
  });

  it('sends each case to its handler and to every office user, one list per person', () => {
    const plan = planReminders([open('A', 5, 7), open('B', -2, 8), open('C', 1), open('D', 3, 7)], [1, 2]);
    const of = (id: number) => (plan.get(id) ?? []).map((r) => `${r.case.trackingNumber}:${r.kind}`);
    expect(of(1)).toEqual(['A:five_days', 'B:overdue', 'C:one_day']);
    expect(of(2)).toEqual(of(1));
    expect(of(7)).toEqual(['A:five_days']);
    expect(of(8)).toEqual(['B:overdue']);
    // a handler who is also the office gets the case once
    expect(planReminders([open('A', 5, 1)], [1]).get(1)).toHaveLength(1);
  });

  it('runs next at 08:00 in the agency’s time zone', () => {
    // 2026-12-03 23:30 UTC is 07:30 on the 4th in Beijing: half an hour to go
    expect(msUntilHour(new Date('2026-12-03T23:30:00Z'), 'Asia/Shanghai', 8)).toBe(30 * 60_000);
    // exactly 08:00 Beijing: the next is tomorrow's
    expect(msUntilHour(new Date('2026-12-04T00:00:00Z'), 'Asia/Shanghai', 8)).toBe(24 * 3_600_000);
    // 09:00 Beijing: 23 hours
    expect(msUntilHour(new Date('2026-12-04T01:00:00Z'), 'Asia/Shanghai', 8)).toBe(23 * 3_600_000);
  });
});
