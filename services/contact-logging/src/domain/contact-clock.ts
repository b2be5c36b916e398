import { overdueFrom, type WorkingDayCalendar } from '@cms/gas-market';

/**
 * A contact's clocks (docs/domain.md "Time limits", all PD and configurable): it is due for
 * resolution a number of working days after it was logged; a reminder goes out one working day
 * before, it is overdue once the day has passed; the clock pauses while the contact waits on its
 * originator; and a DC to the originator left unanswered a number of working days past its due
 * date closes the contact INVALID (switchable). Days are `YYYY-MM-DD` in Great Britain, counted in
 * the meter point's working-day calendar.
 */
export interface ContactClockSettings {
  readonly resolutionTargetWorkingDays: number;
  readonly autoCloseUnansweredDc: boolean;
  readonly autoCloseAfterWorkingDays: number;
}

export const DEFAULT_CONTACT_CLOCK_SETTINGS: ContactClockSettings = Object.freeze({
  resolutionTargetWorkingDays: 20,
  autoCloseUnansweredDc: true,
  autoCloseAfterWorkingDays: 2,
});

/** The day a contact logged on `loggedOn` is due for resolution. */
export function resolutionDueOn(loggedOn: string, calendar: WorkingDayCalendar, settings: ContactClockSettings): string {
  return calendar.addWorkingDays(loggedOn, settings.resolutionTargetWorkingDays);
}

/**
 * The due date after the clock was paused from `pausedOn` to `resumedOn` (the working days it
 * waited on the originator are added; a pause within one day adds none).
 */
export function dueOnAfterPause(dueOn: string, pausedOn: string, resumedOn: string, calendar: WorkingDayCalendar): string {
  return calendar.addWorkingDays(dueOn, Math.max(0, calendar.workingDaysBetween(pausedOn, resumedOn)));
}

/**
 * The day from which a DC to the originator due on `dcDueOn`, still unanswered, closes its contact:
 * once it has stood unanswered the set number of whole working days past its due date.
 */
export function unansweredDcClosesOn(dcDueOn: string, calendar: WorkingDayCalendar, settings: ContactClockSettings): string {
  return overdueFrom(calendar.addWorkingDays(dcDueOn, settings.autoCloseAfterWorkingDays));
}
