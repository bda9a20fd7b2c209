/**
 * The statutory reply period of an application (条例 arts. 30–33): 20 working days counted from the
 * day after receipt (or after the amended application arrives), plus one extension of at most 20,
 * with the days spent waiting on a consultation or a fee payment not counted. Working days come
 * from the calendar data; a year without data is reported, never silently counted as Mon–Fri.
 */
import { CLOCK_STOPPED, PERIODS, type ApplicationState } from './disclosure-application';
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from './working-days';

/** What the clock depends on, kept on the case and moved by its transitions. */
export interface ClockFacts {
  state: ApplicationState;
  /** The day the period runs from: the day of receipt, or the day the amended application arrived. */
  startedOn: string;
  /** Working days of finished pauses (consultation, fee), not counted. */
  pausedWorkingDays: number;
  /** The day the current pause began, while the clock stands still. */
  pausedSince: string | null;
  /** Working days of the one extension (0 when none). */
  extensionDays: number;
}

/** The clock as a stored row holds it (counts empty in the database are 0). */
export const clockOf = (row: {
  state: ApplicationState;
  startedOn: string;
  pausedWorkingDays: number | null;
  pausedSince: string | null;
  extensionDays: number | null;
}): ClockFacts => ({
  state: row.state,
  startedOn: row.startedOn,
  pausedWorkingDays: row.pausedWorkingDays ?? 0,
  pausedSince: row.pausedSince,
  extensionDays: row.extensionDays ?? 0,
});

export interface Deadline {
  /** The last day of the period; while paused, the day it would be if the clock ran again tomorrow. */
  dueOn: string;
  /** Working days from today to dueOn (0 on the day itself, negative once overdue). */
  workingDaysLeft: number;
  paused: boolean;
  /** Years the count crossed without calendar data: the office must enter them; shown as a warning. */
  missingYears: number[];
}

const union = (...lists: number[][]) => [...new Set(lists.flat())].sort((a, b) => a - b);

/** Working days a pause from `since` to `until` takes out of the period: those after since, up to until. */
export const pauseLength = (calendar: WorkingCalendar, since: string, until: string) => workingDaysBetween(calendar, since, until);

export const deadlineOf = (calendar: WorkingCalendar, facts: ClockFacts, today: string): Deadline => {
  const paused = CLOCK_STOPPED.has(facts.state) && facts.pausedSince !== null;
  const current = paused ? pauseLength(calendar, facts.pausedSince!, today) : { days: 0, missingYears: [] };
  const due = addWorkingDays(calendar, facts.startedOn, PERIODS.reply + facts.extensionDays + facts.pausedWorkingDays + Math.max(0, current.days));
  const left = workingDaysBetween(calendar, today, due.day);
  return { dueOn: due.day, workingDaysLeft: left.days, paused, missingYears: union(current.missingYears, due.missingYears, left.missingYears) };
};

/** The last day an amendment may be requested (art. 30: within 7 working days of receipt). */
export const amendmentRequestDeadline = (calendar: WorkingCalendar, receivedOn: string) => addWorkingDays(calendar, receivedOn, PERIODS.amendmentRequestWindow);

/** The last day to pay a fee notified on `notifiedOn` (20 working days). */
export const paymentDeadline = (calendar: WorkingCalendar, notifiedOn: string) => addWorkingDays(calendar, notifiedOn, PERIODS.payment);
