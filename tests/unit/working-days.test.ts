import calendarFile from '../../plugins/gov-disclosure/shared/calendar/cn-working-calendar.json';
import {
  addDays,
  addWorkingDays,
  isDay,
  validateCalendarYear,
  weekday,
  workingCalendar,
  workingDaysBetween,
  type CalendarData,
} from '../../plugins/gov-disclosure/shared/domain/working-days';

// the committed data, as the server and the admin panel will load it
const data = calendarFile.years as unknown as CalendarData;
const cal = workingCalendar(data);
const latest = Math.max(...Object.keys(calendarFile.years).map(Number));

describe('day arithmetic on YYYY-MM-DD strings', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-28', true],
    ['0050-01-01', true],
    ['2025-02-29', false], // not a leap year
    ['2025-02-30', false],
    ['2025-13-01', false],
    ['2025-2-3', false],
    ['2025-01-01T00:00:00Z', false],
    [20250101, false],
    [null, false],
  ])('isDay(%p) is %p', (value, expected) => {
    expect(isDay(value)).toBe(expected);
  });

  it('adds days across month, leap-day and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-01-20', 0)).toBe('2025-01-20');
  });

  it('knows the weekday (0 = Sunday)', () => {
    expect(weekday('2025-01-26')).toBe(0);
    expect(weekday('2025-02-08')).toBe(6);
    expect(weekday('2025-01-20')).toBe(1);
    expect(weekday('2027-01-01')).toBe(5);
  });

  it('rejects a day that is not a date instead of counting from nonsense', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2025/01/20', 20)).toThrow(RangeError);
    expect(() => workingDaysBetween(cal, '2025-01-20', 'tomorrow')).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2025-01-20', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2025-01-20', 1.5)).toThrow(RangeError);
  });
});

describe('the committed calendar data (chinese-days, MIT)', () => {
  it('names its source and licence', () => {
    expect(calendarFile.source).toMatch(/chinese-days/);
    expect(calendarFile.licence).toBe('MIT');
    expect(calendarFile.licenceText).toMatch(/Copyright \(c\)/);
    expect(isDay(calendarFile.generated)).toBe(true);
  });

  it('has every year from 2008 to the latest announced one', () => {
    expect(latest).toBeGreaterThanOrEqual(2026);
    for (let year = 2008; year <= latest; year += 1) expect(cal.hasYear(year)).toBe(true);
    expect(cal.years()).toEqual(Array.from({ length: latest - 2007 }, (_, i) => 2008 + i));
  });

  it('passes the admin editor’s own checks, year by year (workdays are weekend days, each date in its year)', () => {
    for (const [year, entry] of Object.entries(calendarFile.years)) {
      const result = validateCalendarYear(Number(year), entry);
      expect({ year, ...result }).toMatchObject({ year, ok: true });
      for (const day of entry.workdays) expect([0, 6]).toContain(weekday(day));
    }
  });

  it('matches the 2025 notice (国办发明电〔2024〕12号)', () => {
    for (const day of ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']) expect(cal.isWorkingDay(day)).toBe(true);
    for (let day = '2025-01-28'; day <= '2025-02-04'; day = addDays(day, 1)) expect(cal.isWorkingDay(day)).toBe(false);
    expect(cal.isWorkingDay('2025-01-27')).toBe(true);
    expect(cal.isWorkingDay('2025-02-05')).toBe(true);
  });

  it('keeps the 2020 Spring Festival extension: 31 Jan off, and 1 Feb (Sat) no longer a make-up working day', () => {
    expect(cal.isWorkingDay('2020-01-31')).toBe(false);
    expect(cal.isWorkingDay('2020-02-01')).toBe(false);
    expect(cal.isWorkingDay('2020-02-03')).toBe(true);
  });
});

describe('addWorkingDays: the statutory reply deadline (条例 art. 33, 20 working days)', () => {
  it('counts across the 2025 Spring Festival with its make-up working weekend days', () => {
    // Receipt Mon 2025-01-20; the day of receipt is not counted.
    //  1–4  Tue 1/21 … Fri 1/24
    //  5    Sun 1/26 (调休 working day)       6  Mon 1/27
    //       Tue 1/28 … Tue 2/4 off (Spring Festival, 8 days)
    //  7–9  Wed 2/5 … Fri 2/7
    //  10   Sat 2/8 (调休 working day)
    //  11–15 Mon 2/10 … Fri 2/14
    //  16–20 Mon 2/17 … Fri 2/21
    // Monday–Friday alone would give 2/17: the holiday adds four days net.
    expect(addWorkingDays(cal, '2025-01-20', 20)).toEqual({ day: '2025-02-21', missingYears: [] });
    expect(addWorkingDays(cal, '2025-01-20', 5).day).toBe('2025-01-26');
    expect(addWorkingDays(cal, '2025-01-20', 7).day).toBe('2025-02-05');
  });

  it('counts across National Day 2024 (10/1–10/7 off, Sun 9/29 and Sat 10/12 working)', () => {
    // Receipt Fri 2024-09-27: Sat 9/28 is off; 1 Sun 9/29, 2 Mon 9/30; 10/1–10/7 off;
    // 3–6 Tue 10/8 … Fri 10/11; 7 Sat 10/12; 8–12 10/14–10/18; 13–17 10/21–10/25; 18–20 Mon 10/28 … Wed 10/30.
    expect(addWorkingDays(cal, '2024-09-27', 20)).toEqual({ day: '2024-10-30', missingYears: [] });
    // the 补正 notice (art. 30, within 7 working days) can fall due on a Saturday
    expect(addWorkingDays(cal, '2024-09-27', 7).day).toBe('2024-10-12');
    expect(addWorkingDays(cal, '2024-09-27', 1).day).toBe('2024-09-29');
  });

  it('starts on Monday for an application received on a Friday', () => {
    expect(weekday('2025-03-07')).toBe(5);
    expect(addWorkingDays(cal, '2025-03-07', 1).day).toBe('2025-03-10');
    // 3/10–3/14, 3/17–3/21, 3/24–3/28 (15), 3/31–4/3 (19); Fri 4/4 is 清明; Mon 4/7 is the 20th
    expect(addWorkingDays(cal, '2025-03-07', 20).day).toBe('2025-04-07');
  });

  it('starts on the first working day after a holiday for an application received on one', () => {
    // Fri 2025-10-03 lies in the National Day break (10/1–10/8); Sat 10/11 is a working day.
    // 1 Thu 10/9, 2 Fri 10/10, 3 Sat 10/11, 4–8 10/13–10/17, 9–13 10/20–10/24, 14–18 10/27–10/31, 19 Mon 11/3, 20 Tue 11/4
    expect(addWorkingDays(cal, '2025-10-03', 1).day).toBe('2025-10-09');
    expect(addWorkingDays(cal, '2025-10-03', 20).day).toBe('2025-11-04');
  });

  it('returns the day itself for n = 0 (replied at once)', () => {
    expect(addWorkingDays(cal, '2025-01-25', 0)).toEqual({ day: '2025-01-25', missingYears: [] });
  });

  it('reports a year without data that the count crossed, counting Monday–Friday there', () => {
    // Receipt Thu 2026-12-03 ends within 2026: 12/4, 12/7–11, 12/14–18, 12/21–25, 12/28–31
    expect(addWorkingDays(cal, '2026-12-03', 20)).toEqual({ day: '2026-12-31', missingYears: [] });
    // From Thu 2026-12-10: 12/11 (1), 12/14–18 (6), 12/21–25 (11), 12/28–31 (15), Fri 2027-01-01 (16,
    // really New Year's Day, hence the warning), Mon 1/4 … Thu 1/7 (20).
    const counted = addWorkingDays(cal, '2026-12-10', 20);
    if (!cal.hasYear(2027)) expect(counted).toEqual({ day: '2027-01-07', missingYears: [2027] });
    const noData = workingCalendar({ 2026: data[2026] });
    expect(addWorkingDays(noData, '2026-12-10', 20)).toEqual({ day: '2027-01-07', missingYears: [2027] });
  });

  it('treats a year present with no listed days as announced, not missing', () => {
    const announced = workingCalendar({ ...data, 2027: { holidays: ['2027-01-01'], workdays: [] } });
    expect(addWorkingDays(announced, '2026-12-10', 20)).toEqual({ day: '2027-01-08', missingYears: [] });
    const empty = workingCalendar({ 2030: { holidays: [], workdays: [] } });
    expect(empty.hasYear(2030)).toBe(true);
    expect(addWorkingDays(empty, '2030-01-01', 1)).toEqual({ day: '2030-01-02', missingYears: [] });
  });

  it('always lands on a working day, and workingDaysBetween counts back the same n (every third day, 2008 to the latest year)', () => {
    for (let from = '2008-01-01'; from <= `${latest}-11-30`; from = addDays(from, 3)) {
      const { day, missingYears } = addWorkingDays(cal, from, 20);
      expect(missingYears).toEqual([]);
      if (!cal.isWorkingDay(day) || workingDaysBetween(cal, from, day).days !== 20) throw new Error(`${from} → ${day}`);
    }
  });
});

describe('workingDaysBetween: working days left, negative when overdue', () => {
  it('counts working days d with from < d ≤ to', () => {
    expect(workingDaysBetween(cal, '2025-01-20', '2025-02-21')).toEqual({ days: 20, missingYears: [] });
    expect(workingDaysBetween(cal, '2025-01-25', '2025-01-26')).toEqual({ days: 1, missingYears: [] }); // Sun 1/26 worked
    expect(workingDaysBetween(cal, '2025-01-27', '2025-02-04')).toEqual({ days: 0, missingYears: [] }); // all off
    expect(workingDaysBetween(cal, '2025-02-21', '2025-02-21')).toEqual({ days: 0, missingYears: [] }); // due today
  });

  it('is negative by the working days overdue', () => {
    // deadline Fri 2025-02-21, today Tue 2/25: Mon 2/24 and Tue 2/25 are past it
    expect(workingDaysBetween(cal, '2025-02-25', '2025-02-21')).toEqual({ days: -2, missingYears: [] });
    // deadline Mon 2025-01-27, today Wed 2/5: the whole festival lies between, one working day overdue
    expect(workingDaysBetween(cal, '2025-02-05', '2025-01-27')).toEqual({ days: -1, missingYears: [] });
  });

  it('reports missing years in either direction', () => {
    const noData = workingCalendar({ 2026: data[2026] });
    expect(workingDaysBetween(noData, '2026-12-31', '2027-01-05')).toEqual({ days: 3, missingYears: [2027] });
    expect(workingDaysBetween(noData, '2027-01-05', '2026-12-31')).toEqual({ days: -3, missingYears: [2027] });
  });
});

describe('validateCalendarYear: a year typed in from the State Council notice', () => {
  const y2025 = { holidays: ['2025-01-28', '2025-01-01'], workdays: ['2025-02-08', '2025-01-26'] };

  it('accepts a correct year and sorts it', () => {
    expect(validateCalendarYear(2025, y2025)).toEqual({
      ok: true,
      value: { holidays: ['2025-01-01', '2025-01-28'], workdays: ['2025-01-26', '2025-02-08'] },
    });
    expect(validateCalendarYear(2027, { holidays: [], workdays: [] })).toEqual({ ok: true, value: { holidays: [], workdays: [] } });
  });

  it.each([
    [{ holidays: ['2025-02-30'], workdays: [] }, 'holidays[0]', '2025-02-30 不是有效日期 (not a valid date)'],
    [{ holidays: ['2025-1-1'], workdays: [] }, 'holidays[0]', '2025-1-1 不是 YYYY-MM-DD 格式的日期 (not a date in the form YYYY-MM-DD)'],
    [{ holidays: ['2025-01-01', 20250102], workdays: [] }, 'holidays[1]', '20250102 不是 YYYY-MM-DD 格式的日期 (not a date in the form YYYY-MM-DD)'],
    [{ holidays: ['2024-12-31'], workdays: [] }, 'holidays[0]', '2024-12-31 不在 2025 年内 (not in 2025)'],
    [{ holidays: ['2025-01-01', '2025-01-01'], workdays: [] }, 'holidays[1]', '2025-01-01 重复列出 (listed twice)'],
    [
      { holidays: [], workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-29'] },
      'workdays[3]',
      '2025-09-29 是星期一，调休上班日必须是星期六或星期日 (is a Monday; a make-up working day must be a Saturday or Sunday)',
    ],
    [{ holidays: ['2025-02-01'], workdays: ['2025-02-01'] }, 'workdays[0]', '2025-02-01 不能既是放假日又是上班日 (cannot be both a holiday and a working day)'],
    [{ holidays: [] }, 'workdays', '上班日必须是日期列表 (workdays must be a list of dates)'],
    [{ holidays: '2025-01-01', workdays: [] }, 'holidays', '放假日必须是日期列表 (holidays must be a list of dates)'],
    [null, 'holidays', '缺少放假日和上班日列表 (holidays and workdays lists are missing)'],
  ])('rejects %j at %s', (input, field, message) => {
    expect(validateCalendarYear(2025, input)).toEqual({ ok: false, field, message });
  });

  it('rejects a year that is not a four-digit whole number', () => {
    expect(validateCalendarYear(25, y2025)).toEqual({ ok: false, field: 'year', message: '25 不是有效年份 (not a valid year)' });
  });
});
