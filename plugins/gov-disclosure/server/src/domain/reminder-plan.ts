/**
 * Who is reminded of which application today: the handler and the office 5 and 1 working days
 * before the due date, and every day once it has passed. Only a running clock is reminded of (a
 * case waiting on the applicant or a consultation has no deadline running). One message per
 * person a day, listing their cases, so a busy office is not flooded.
 */
export interface OpenCase {
  documentId: string;
  trackingNumber: string;
  handlerId: number | null;
  dueOn: string;
  workingDaysLeft: number;
  paused: boolean;
}

export type ReminderKind = 'five_days' | 'one_day' | 'overdue';

export interface Reminder {
  case: OpenCase;
  kind: ReminderKind;
}

export const REMINDER_DAYS: Record<Exclude<ReminderKind, 'overdue'>, number> = { five_days: 5, one_day: 1 };

export const reminderKind = (c: OpenCase): ReminderKind | null => {
  if (c.paused) return null;
  if (c.workingDaysLeft < 0) return 'overdue';
  if (c.workingDaysLeft === REMINDER_DAYS.five_days) return 'five_days';
  if (c.workingDaysLeft === REMINDER_DAYS.one_day) return 'one_day';
  return null;
};

/** Reminders per recipient id: each case goes to its handler and to every office user, once each. */
export const planReminders = (cases: readonly OpenCase[], officeIds: readonly number[]): Map<number, Reminder[]> => {
  const plan = new Map<number, Reminder[]>();
  for (const c of cases) {
    const kind = reminderKind(c);
    if (!kind) continue;
    const to = new Set<number>(officeIds);
    if (c.handlerId !== null) to.add(c.handlerId);
    for (const id of to) plan.set(id, [...(plan.get(id) ?? []), { case: c, kind }]);
  }
  return plan;
};

/** Milliseconds from `now` to the next `hour`:00 in the time zone (zones without DST are exact). */
export const msUntilHour = (now: Date, timeZone: string, hour: number): number => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, Number(p.value)])
  ) as Record<'hour' | 'minute' | 'second', number>;
  const since = ((parts.hour * 60 + parts.minute) * 60 + parts.second) * 1000 + now.getMilliseconds();
  const target = hour * 3_600_000;
  const wait = (target - since + 86_400_000) % 86_400_000;
  return wait === 0 ? 86_400_000 : wait;
};

/**
 * Milliseconds from `now` to the next `hour`:00 on `weekday` (0 Sunday … 6 Saturday) in the time
 * zone, at least a minute away (a job finishing at 08:00 on Monday runs again next Monday).
 */
export const msUntilWeekdayHour = (now: Date, timeZone: string, weekday: number, hour: number): number => {
  const weekdayFormat = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' });
  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  let wait = msUntilHour(now, timeZone, hour);
  for (let i = 0; i < 7 && DAYS.indexOf(weekdayFormat.format(new Date(now.getTime() + wait))) !== weekday; i += 1) wait += 86_400_000;
  return wait;
};
