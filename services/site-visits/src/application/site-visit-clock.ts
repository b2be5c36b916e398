import { Inject, Injectable } from '@nestjs/common';
import { londonStartOfDay, londonToday, overdueFrom, reminderDay, WorkingDayCalendars } from '@cms/gas-market';
import { Timers } from '@cms/service-defaults';
import { findingDueOn } from '../domain';

/** The durable timers of a visit's clock: the kinds declared in app.module.ts. */
export const SITE_VISIT_TIMERS = {
  findingReminder: 'site-visit.finding-reminder',
  findingOverdue: 'site-visit.finding-overdue',
} as const;

/** What a visit's timer carries: the due date it was set for, so a timer of an older date fires for nothing. */
export interface SiteVisitTimerPayload {
  [key: string]: unknown;
  siteVisitId: string;
  crn: string;
  dueOn: string;
}

/** PD (docs/domain.md "Time limits"): the finding is due this many working days after the referral (SITE_VISIT_FINDING_WORKING_DAYS). */
export const SITE_VISIT_CLOCK_SETTINGS = Symbol('SITE_VISIT_CLOCK_SETTINGS');

export interface SiteVisitClockSettings {
  readonly findingWorkingDays: number;
}

/**
 * Sets and cancels a visit's timers inside the transaction of the change that causes them. Which
 * calendar counts: the meter point's LDZ (PD; England and Wales' when it is unknown).
 */
@Injectable()
export class SiteVisitClock {
  constructor(
    @Inject(Timers) private readonly timers: Timers,
    @Inject(WorkingDayCalendars) private readonly calendars: WorkingDayCalendars,
    @Inject(SITE_VISIT_CLOCK_SETTINGS) private readonly settings: SiteVisitClockSettings,
  ) {}

  /** The day a visit referred at `referredAt` on a meter point in `ldz` is due. */
  dueOn(referredAt: Date, ldz: string | null): string {
    return findingDueOn(londonToday(referredAt), this.calendars.calendarOfLdz(ldz), this.settings.findingWorkingDays);
  }

  /** Sets the reminder the working day before `dueOn` and the overdue mark the day after. */
  async start(visit: { id: string; crn: string; dueOn: string }, ldz: string | null): Promise<void> {
    const payload: SiteVisitTimerPayload = { siteVisitId: visit.id, crn: visit.crn, dueOn: visit.dueOn };
    const reminderOn = reminderDay(visit.dueOn, this.calendars.calendarOfLdz(ldz));
    await this.timers.schedule({ kind: SITE_VISIT_TIMERS.findingReminder, key: visit.id, dueAt: londonStartOfDay(reminderOn), payload });
    await this.timers.schedule({ kind: SITE_VISIT_TIMERS.findingOverdue, key: visit.id, dueAt: londonStartOfDay(overdueFrom(visit.dueOn)), payload });
  }

  /** The visit no longer waits on the transporter: declined, reported or cancelled. */
  async stop(siteVisitId: string): Promise<void> {
    await this.timers.cancel(SITE_VISIT_TIMERS.findingReminder, siteVisitId);
    await this.timers.cancel(SITE_VISIT_TIMERS.findingOverdue, siteVisitId);
  }
}
