import { fromEpochDay, isCalendarDate, toEpochDay } from './calendar-date';
import { HOLIDAY_CALENDARS, type ClosureDay, type HolidayCalendar, type WorkingDayCalendar } from './working-day-calendar';

/**
 * What every due date of the market shares (docs/domain.md "Time limits"): a reminder goes out one
 * working day before it, and the item is overdue once the day has passed. Days are `YYYY-MM-DD` in
 * Great Britain.
 */

/** The day the reminder goes out: the working day before the due date. */
export function reminderDay(dueOn: string, calendar: WorkingDayCalendar): string {
  return calendar.previousWorkingDay(dueOn);
}

/** The first day something due on `dueOn` is overdue: the next calendar day. */
export function overdueFrom(dueOn: string): string {
  return fromEpochDay(toEpochDay(dueOn)! + 1);
}

/**
 * The closure days of the reference data as configured (a service's CLOSURE_DAYS setting):
 * `YYYY-MM-DD` for every calendar, `SCOTLAND:YYYY-MM-DD` or `ENGLAND_AND_WALES:YYYY-MM-DD` for one.
 * Throws on anything else, so a mistyped day stops the service at start rather than silently
 * counting wrong.
 */
export function closureDaysFrom(entries: readonly string[]): ClosureDay[] {
  return entries.map((entry) => {
    const [first, second] = entry.split(':');
    const [calendar, day] = second === undefined ? [undefined, first] : [first, second];
    if (!isCalendarDate(day) || (calendar !== undefined && !HOLIDAY_CALENDARS.includes(calendar as HolidayCalendar))) {
      throw new Error(`CLOSURE_DAYS: ${JSON.stringify(entry)} is not YYYY-MM-DD or ${HOLIDAY_CALENDARS.join('|')}:YYYY-MM-DD.`);
    }
    return calendar === undefined ? { day } : { day, calendar: calendar as HolidayCalendar };
  });
}
