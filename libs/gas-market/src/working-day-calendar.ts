import Holidays from 'date-holidays';
import { fromEpochDay, toEpochDay } from './calendar-date';
import { isLdzCode, type LdzCode } from './ldz';

/**
 * Working days, the unit of every time limit (docs/domain.md "Time limits", PD): weekends and GB
 * bank holidays excluded, with the England and Wales calendar for meter points in English and Welsh
 * LDZs and the Scottish calendar for SC, plus closure days held as reference data.
 *
 * Bank holidays come from `date-holidays` (GB, states ENG and SCT), public holidays only: its
 * observances (Mother's Day, Easter Sunday…) are not days off. It has Wales as a state of its own
 * (WLS), with exactly England's public holidays (the spec checks it), so one calendar serves both.
 * Substitute days (a holiday on a weekend moves to the next free weekday) and one-off days (a
 * coronation, a state funeral) are in its data.
 */
export type HolidayCalendar = 'ENGLAND_AND_WALES' | 'SCOTLAND';

export const HOLIDAY_CALENDARS: readonly HolidayCalendar[] = Object.freeze(['ENGLAND_AND_WALES', 'SCOTLAND'] as const);

const DATE_HOLIDAYS_STATE: Record<HolidayCalendar, string> = { ENGLAND_AND_WALES: 'ENG', SCOTLAND: 'SCT' };

/** The bank-holiday calendar of a meter point in `ldz` (PD): Scotland's for SC, England and Wales' for the rest. */
export function holidayCalendarFor(ldz: LdzCode): HolidayCalendar {
  return ldz === 'SC' ? 'SCOTLAND' : 'ENGLAND_AND_WALES';
}

/** A day the market is closed beyond weekends and bank holidays (reference data). */
export interface ClosureDay {
  /** `YYYY-MM-DD`. */
  day: string;
  /** The calendar it closes; absent, every calendar. */
  calendar?: HolidayCalendar;
}

function epochDayOf(day: string): number {
  const epochDay = toEpochDay(day);
  if (epochDay === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(day)}.`);
  return epochDay;
}

/**
 * One calendar's working days, on `YYYY-MM-DD` calendar dates (the day in Great Britain:
 * `londonToday` turns an instant into one). A limit of n working days counts the working days
 * after the day it starts on, so the start day itself never counts, whatever it is.
 */
export class WorkingDayCalendar {
  private readonly holidays: Holidays;
  private readonly closures: ReadonlySet<number>;
  /** Bank holidays by year, as epoch days, read from date-holidays on first use. */
  private readonly holidaysByYear = new Map<number, ReadonlySet<number>>();

  constructor(
    readonly calendar: HolidayCalendar,
    closureDays: readonly string[] = [],
  ) {
    this.holidays = new Holidays('GB', DATE_HOLIDAYS_STATE[calendar]);
    this.closures = new Set(closureDays.map(epochDayOf));
  }

  isWorkingDay(day: string): boolean {
    return this.isWorking(epochDayOf(day));
  }

  /**
   * The day a limit of `n` working days starting on `day` falls due: the n-th working day after
   * `day` (a 5-day limit starting on Tuesday 1 December 2026 is due on Tuesday 8 December). With
   * n = 0, `day` itself.
   */
  addWorkingDays(day: string, n: number): string {
    if (!Number.isSafeInteger(n) || n < 0)
      throw new RangeError(`Working days to add must be a whole number, 0 or more, got ${String(n)}.`);
    let epochDay = epochDayOf(day);
    for (let counted = 0; counted < n;) {
      epochDay += 1;
      if (this.isWorking(epochDay)) counted += 1;
    }
    return fromEpochDay(epochDay);
  }

  /**
   * The working days after `from` up to and including `to`: how many working days of a limit that
   * started on `from` have gone by on `to` (so `workingDaysBetween(d, addWorkingDays(d, n))` is n).
   * Negative when `to` is before `from`.
   */
  workingDaysBetween(from: string, to: string): number {
    const [start, end] = [epochDayOf(from), epochDayOf(to)];
    if (end < start) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let epochDay = start + 1; epochDay <= end; epochDay += 1) {
      if (this.isWorking(epochDay)) count += 1;
    }
    return count;
  }

  /** The last working day before `day`: a reminder goes out one working day before a due date (PD). */
  previousWorkingDay(day: string): string {
    let epochDay = epochDayOf(day) - 1;
    while (!this.isWorking(epochDay)) epochDay -= 1;
    return fromEpochDay(epochDay);
  }

  private isWorking(epochDay: number): boolean {
    // 1970-01-01, epoch day 0, was a Thursday: (epochDay + 4) mod 7 is 0 on Sundays, 6 on Saturdays.
    const weekday = (((epochDay + 4) % 7) + 7) % 7;
    if (weekday === 0 || weekday === 6) return false;
    const year = Number(fromEpochDay(epochDay).slice(0, 4));
    return !this.closures.has(epochDay) && !this.bankHolidaysOf(year).has(epochDay);
  }

  private bankHolidaysOf(year: number): ReadonlySet<number> {
    let days = this.holidaysByYear.get(year);
    if (!days) {
      // `date` is the holiday's local date and time, "YYYY-MM-DD hh:mm:ss".
      const publicHolidays = this.holidays.getHolidays(year).filter((holiday) => holiday.type === 'public');
      days = new Set(publicHolidays.map((holiday) => epochDayOf(holiday.date.slice(0, 10))));
      this.holidaysByYear.set(year, days);
    }
    return days;
  }
}

/**
 * The working-day calendars of the GB gas market with the closure days of the reference data, one
 * per bank-holiday calendar; `calendarFor` picks a meter point's by its LDZ. Build it once (at start,
 * from the reference data) and share it: each calendar reads a year's bank holidays once.
 */
export class WorkingDayCalendars {
  private readonly calendars: Readonly<Record<HolidayCalendar, WorkingDayCalendar>>;

  constructor(closureDays: readonly ClosureDay[] = []) {
    const closing = (calendar: HolidayCalendar) =>
      closureDays
        .filter((closure) => closure.calendar === undefined || closure.calendar === calendar)
        .map((closure) => closure.day);
    for (const closure of closureDays) {
      if (closure.calendar !== undefined && !HOLIDAY_CALENDARS.includes(closure.calendar)) {
        throw new RangeError(
          `Closure day ${closure.day}: unknown calendar ${JSON.stringify(closure.calendar)} (one of ${HOLIDAY_CALENDARS.join(', ')}).`,
        );
      }
    }
    this.calendars = {
      ENGLAND_AND_WALES: new WorkingDayCalendar('ENGLAND_AND_WALES', closing('ENGLAND_AND_WALES')),
      SCOTLAND: new WorkingDayCalendar('SCOTLAND', closing('SCOTLAND')),
    };
  }

  /** The working-day calendar of a meter point in `ldz`. */
  calendarFor(ldz: LdzCode): WorkingDayCalendar {
    return this.calendars[holidayCalendarFor(ldz)];
  }

  /**
   * The calendar of a meter point whose LDZ comes from data (an event, a row): England and Wales'
   * (12 of the 13 LDZs) when it is unknown or not an LDZ code.
   */
  calendarOfLdz(ldz: string | null | undefined): WorkingDayCalendar {
    return this.calendarFor(typeof ldz === 'string' && isLdzCode(ldz) ? ldz : 'NW');
  }
}
