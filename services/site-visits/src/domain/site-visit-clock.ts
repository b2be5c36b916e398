import { fromEpochDay, toEpochDay, type WorkingDayCalendar } from '@cms/gas-market';

/**
 * A site visit's clock (docs/domain.md "Time limits", PD and configurable): the finding is due a
 * number of working days after the referral, counted in the meter point's calendar; a reminder goes
 * out the working day before, and it is overdue once the due date has passed.
 */
export function findingDueOn(referredOn: string, calendar: WorkingDayCalendar, findingWorkingDays: number): string {
  return calendar.addWorkingDays(referredOn, findingWorkingDays);
}

/** The day the reminder goes out: the working day before the due date. */
export function reminderDay(dueOn: string, calendar: WorkingDayCalendar): string {
  return calendar.previousWorkingDay(dueOn);
}

/** The first day a finding due on `dueOn` is overdue: the next calendar day. */
export function overdueFrom(dueOn: string): string {
  return fromEpochDay(toEpochDay(dueOn)! + 1);
}
