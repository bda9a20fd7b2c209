/**
 * Working days (工作日) for the statutory deadlines of disclosure on request (条例 arts. 30–33):
 * Monday–Friday, minus the statutory holidays, plus the weekend days the State Council's annual
 * notice turns into working days (调休). Pure and framework-free so the admin panel shows the same
 * deadline the server stores. Days are 'YYYY-MM-DD' strings: a deadline is a calendar day, so no
 * clock or time zone may shift it; the arithmetic runs in UTC on the strings alone.
 */

export interface CalendarYear {
  holidays: readonly string[];
  workdays: readonly string[];
}

/** A year present is an announced year, even with no holidays listed. */
export type CalendarData = Readonly<Record<number, CalendarYear>>;

export interface WorkingCalendar {
  isWorkingDay(day: string): boolean;
  hasYear(year: number): boolean;
  years(): number[];
}

/** missingYears: years the count crossed with no announced calendar; the caller must warn. */
export interface Counted {
  day: string;
  missingYears: number[];
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const toDate = (day: string): Date | null => {
  const match = DAY.exec(day);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
};

const required = (day: string): Date => {
  const date = typeof day === 'string' ? toDate(day) : null;
  if (!date) throw new RangeError(`not a YYYY-MM-DD date: ${String(day)}`);
  return date;
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');
// by hand: toISOString was the slowest step of a count
const format = (date: Date): string => `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;

/** A real calendar day written YYYY-MM-DD (2025-02-30 is not). */
export const isDay = (value: unknown): value is string => typeof value === 'string' && toDate(value) !== null;

export const addDays = (day: string, n: number): string => {
  const date = required(day);
  date.setUTCDate(date.getUTCDate() + n);
  return format(date);
};

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: string): number => required(day).getUTCDay();

const yearOf = (day: string): number => Number(day.slice(0, 4));

export const workingCalendar = (data: CalendarData): WorkingCalendar => {
  const byYear = new Map<number, { holidays: Set<string>; workdays: Set<string> }>();
  // JSON gives the years as string keys; Number() makes "2025" and 2025 the same year
  for (const [key, entry] of Object.entries(data as Record<string, CalendarYear>)) {
    byYear.set(Number(key), { holidays: new Set(entry.holidays), workdays: new Set(entry.workdays) });
  }
  const sorted = [...byYear.keys()].sort((a, b) => a - b);
  return {
    isWorkingDay(day) {
      const wd = weekday(day);
      const year = byYear.get(yearOf(day));
      // validateCalendarYear keeps a day out of both lists; were it in both, the off day wins
      if (year?.holidays.has(day)) return false;
      if (year?.workdays.has(day)) return true;
      return wd !== 0 && wd !== 6;
    },
    hasYear: (year) => byYear.has(year),
    years: () => [...sorted],
  };
};

/** Walks the days after `from` one by one; deadlines span weeks, not years, so a loop is enough. */
const walk = (cal: WorkingCalendar, from: string, stop: (day: string, counted: number) => boolean) => {
  required(from);
  const missing = new Set<number>();
  let day = from;
  let counted = 0;
  while (!stop(day, counted)) {
    day = addDays(day, 1);
    const year = yearOf(day);
    if (!cal.hasYear(year)) missing.add(year);
    if (cal.isWorkingDay(day)) counted += 1;
  }
  return { day, counted, missingYears: [...missing].sort((a, b) => a - b) };
};

/**
 * The n-th working day after `from`: the day of receipt is not counted, day 1 is the next
 * working day (Chinese law's way of counting a period). n = 0 gives `from` itself.
 */
export const addWorkingDays = (cal: WorkingCalendar, from: string, n: number): Counted => {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  const { day, missingYears } = walk(cal, from, (_, counted) => counted >= n);
  return { day, missingYears };
};

/**
 * Working days d with from < d ≤ to: "working days left" from today to a deadline. When the
 * deadline has passed (to < from) the result is minus the working days it is overdue by.
 */
export const workingDaysBetween = (cal: WorkingCalendar, from: string, to: string): { days: number; missingYears: number[] } => {
  required(to);
  if (to === from) {
    required(from);
    return { days: 0, missingYears: [] };
  }
  // 'YYYY-MM-DD' strings of valid days order as the days do
  const [start, end, sign] = from < to ? [from, to, 1] : [to, from, -1];
  const { counted, missingYears } = walk(cal, start, (day) => day === end);
  return { days: sign * counted, missingYears };
};

const WEEKDAY_NAMES: readonly (readonly [string, string])[] = [
  ['星期日', 'Sunday'],
  ['星期一', 'Monday'],
  ['星期二', 'Tuesday'],
  ['星期三', 'Wednesday'],
  ['星期四', 'Thursday'],
  ['星期五', 'Friday'],
  ['星期六', 'Saturday'],
];

/**
 * Checks one year as the office types it in from the State Council's notice (the admin editor),
 * so a typo cannot silently move a statutory deadline. Each date belongs to the year it falls in:
 * the off days of 30–31 December for next year's New Year go into this year's list.
 */
export const validateCalendarYear = (year: number, input: unknown): { ok: true; value: CalendarYear } | { ok: false; field: string; message: string } => {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    return { ok: false, field: 'year', message: `${String(year)} 不是有效年份 (not a valid year)` };
  }
  if (typeof input !== 'object' || input === null) {
    return { ok: false, field: 'holidays', message: '缺少放假日和上班日列表 (holidays and workdays lists are missing)' };
  }
  const record = input as Record<string, unknown>;
  const lists: Record<'holidays' | 'workdays', string[]> = { holidays: [], workdays: [] };
  for (const kind of ['holidays', 'workdays'] as const) {
    const list = record[kind];
    if (!Array.isArray(list)) {
      return { ok: false, field: kind, message: `${kind === 'holidays' ? '放假日' : '上班日'}必须是日期列表 (${kind} must be a list of dates)` };
    }
    const seen = new Set<string>();
    for (let i = 0; i < list.length; i += 1) {
      const value: unknown = list[i];
      const field = `${kind}[${i}]`;
      if (typeof value !== 'string' || !DAY.test(value)) {
        return { ok: false, field, message: `${String(value)} 不是 YYYY-MM-DD 格式的日期 (not a date in the form YYYY-MM-DD)` };
      }
      if (!isDay(value)) return { ok: false, field, message: `${value} 不是有效日期 (not a valid date)` };
      if (yearOf(value) !== year) return { ok: false, field, message: `${value} 不在 ${year} 年内 (not in ${year})` };
      if (seen.has(value)) return { ok: false, field, message: `${value} 重复列出 (listed twice)` };
      seen.add(value);
      if (kind === 'workdays') {
        if (lists.holidays.includes(value)) {
          return { ok: false, field, message: `${value} 不能既是放假日又是上班日 (cannot be both a holiday and a working day)` };
        }
        const wd = weekday(value);
        if (wd !== 0 && wd !== 6) {
          const [zh, en] = WEEKDAY_NAMES[wd];
          return {
            ok: false,
            field,
            message: `${value} 是${zh}，调休上班日必须是星期六或星期日 (is a ${en}; a make-up working day must be a Saturday or Sunday)`,
          };
        }
      }
      lists[kind].push(value);
    }
  }
  return { ok: true, value: { holidays: [...lists.holidays].sort(), workdays: [...lists.workdays].sort() } };
};
