/**
 * The working-day calendar the statutory deadlines count on: one row per announced year, seeded
 * from the committed data set (shared/calendar/) for the years missing, and edited by the office
 * when the State Council announces the next year, so no upgrade is needed. A seed never overwrites
 * a year the office has saved. Each instance keeps the calendar a minute; a save clears it on every
 * instance at once (services/cluster-events.ts), since a due date is stored when it is computed.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { CalendarYearView } from '../../../shared/application-types';
import { UID } from '../../../shared/constants';
import calendarData from '../../../shared/calendar/cn-working-calendar.json';
import { validateCalendarYear, workingCalendar, type CalendarYear, type WorkingCalendar } from '../../../shared/domain/working-days';
import { getService } from '../utils/get-service';
import { rowsOf } from '../utils/query';

interface YearRow {
  id: number;
  year: number;
  holidays: string[];
  workdays: string[];
  source: string | null;
  updatedAt: string;
}

const KEEP_MS = 60_000;
// the package's data are the State Council's yearly holiday notices; the clerk reads where they come from
const SEED_SOURCE = '国务院办公厅节假日安排通知（chinese-days 数据包）';

const workingCalendarService = ({ strapi }: { strapi: Core.Strapi }) => {
  const years = () => rowsOf<YearRow>(strapi, UID.workingCalendarYear);
  let cached: { at: number; calendar: WorkingCalendar } | null = null;

  return {
    /** Adds the data set's years the database does not have yet. */
    async ensureSeeded(): Promise<number> {
      const have = new Set((await years().findMany({ select: ['year'] })).map((r) => Number(r.year)));
      const data = (calendarData as { years: Record<string, CalendarYear> }).years;
      const missing = Object.keys(data)
        .map(Number)
        .filter((y) => !have.has(y));
      for (const year of missing) {
        const { holidays, workdays } = data[String(year)];
        // eslint-disable-next-line no-await-in-loop -- a score of years, once per database
        await years().create({ data: { year, holidays, workdays, source: SEED_SOURCE } });
      }
      cached = null;
      // a year that was missing was counted by weekdays alone: the open cases' due dates follow it now
      if (missing.length > 0) await getService(strapi, 'applications').refreshDueDates();
      return missing.length;
    },

    async calendar(): Promise<WorkingCalendar> {
      if (cached && Date.now() - cached.at < KEEP_MS) return cached.calendar;
      const rows = await years().findMany({ select: ['year', 'holidays', 'workdays'] });
      const calendar = workingCalendar(Object.fromEntries(rows.map((r) => [Number(r.year), { holidays: r.holidays ?? [], workdays: r.workdays ?? [] }])));
      cached = { at: Date.now(), calendar };
      return calendar;
    },

    /** Drops this instance's copy (another instance saved a year, or a message may have been missed). */
    forget(): void {
      cached = null;
    },

    async list(): Promise<CalendarYearView[]> {
      const rows = await years().findMany({ orderBy: { year: 'asc' } });
      return rows.map((r) => ({ year: Number(r.year), holidays: r.holidays, workdays: r.workdays, source: r.source, updatedAt: r.updatedAt }));
    },

    /** Saves one year as the office typed it in from the notice; a bad date is a 400 naming it. */
    async saveYear(year: number, input: unknown, editor: string): Promise<CalendarYearView> {
      const checked = validateCalendarYear(year, input);
      if (!checked.ok) {
        throw new errors.ValidationError(checked.message, {
          errors: [{ path: checked.field.split(/[[\].]/).filter(Boolean), message: checked.message, name: 'ValidationError' }],
        });
      }
      const data = { holidays: [...checked.value.holidays].sort(), workdays: [...checked.value.workdays].sort(), source: `${editor}（办公室录入）` };
      const existing = await years().findOne({ where: { year } });
      if (existing) await years().update({ where: { id: existing.id }, data });
      else await years().create({ data: { year, ...data } });
      cached = null;
      // a due date is stored when counted: the open cases' follow the calendar here, whoever saves it
      await getService(strapi, 'applications').refreshDueDates();
      await getService(strapi, 'cluster-events').broadcast();
      const [saved] = (await this.list()).filter((y) => y.year === year);
      return saved;
    },
  };
};

export default workingCalendarService;
