import type { WorkingDayCalendar } from '@cms/gas-market';

/**
 * A site visit's clock (docs/domain.md "Time limits", PD and configurable): the finding is due a
 * number of working days after the referral, counted in the meter point's calendar. Its reminder and
 * overdue mark are every due date's (@cms/gas-market reminderDay, overdueFrom).
 */
export function findingDueOn(referredOn: string, calendar: WorkingDayCalendar, findingWorkingDays: number): string {
  return calendar.addWorkingDays(referredOn, findingWorkingDays);
}
