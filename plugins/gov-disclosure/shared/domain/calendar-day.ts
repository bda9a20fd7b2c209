/**
 * Days and times as the agency reads them: in its own time zone (Asia/Shanghai unless configured),
 * not the server's. A publication at 07:00 in Beijing is dated that day, not the UTC day before.
 */
/** One formatter per time zone: building one costs more than the formatting (every request asks for today). */
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string) => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

const parts = (timeZone: string, at: Date) =>
  Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value])
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;

/** The calendar day (YYYY-MM-DD) in the time zone at that moment. */
export const dayIn = (timeZone: string, at: Date = new Date()): string => {
  const p = parts(timeZone, at);
  return `${p.year}-${p.month}-${p.day}`;
};

/** YYYY-MM-DD HH:mm in the time zone, for the audit trail and e-mails. */
export const minuteIn = (timeZone: string, at: Date): string => {
  const p = parts(timeZone, at);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
};

export const isTimeZone = (value: unknown): value is string => {
  if (typeof value !== 'string' || value === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value }).format(0);
    return true;
  } catch {
    return false;
  }
};

/** The instant a calendar day (YYYY-MM-DD) begins in the time zone: where "this month" starts. */
export const startOfDayIn = (timeZone: string, day: string): Date => {
  const guess = Date.parse(`${day}T00:00:00Z`);
  const p = parts(timeZone, new Date(guess));
  // how far the zone's clock is ahead of UTC at that moment (minute precision: no zone offsets by seconds today)
  const ahead = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - guess;
  return new Date(guess - ahead);
};
