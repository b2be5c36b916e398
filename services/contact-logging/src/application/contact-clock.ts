import { Inject, Injectable } from '@nestjs/common';
import { londonStartOfDay, londonToday, overdueFrom, reminderDay, WorkingDayCalendars, type WorkingDayCalendar } from '@cms/gas-market';
import { Timers } from '@cms/service-defaults';
import { resolutionDueOn, unansweredDcClosesOn, type ContactClockSettings } from '../domain';

/** The durable timers of a contact's clocks: the kinds declared in app.module.ts. */
export const CONTACT_TIMERS = {
  resolutionReminder: 'contact.resolution-reminder',
  resolutionOverdue: 'contact.resolution-overdue',
  unansweredDc: 'contact.unanswered-dc',
} as const;

/** What every contact timer carries: the due date it was set for, so a moved one fires for nothing. */
export interface ContactTimerPayload {
  [key: string]: unknown;
  crn: string;
  dueOn: string;
  /** For an unanswered DC: the clarification. */
  clarificationId?: string;
}

export const CONTACT_CLOCK_SETTINGS = Symbol('CONTACT_CLOCK_SETTINGS');

/**
 * Sets and moves a contact's timers from its clocks (docs/domain.md "Time limits"), inside the
 * transaction of the change that causes them. Which calendar counts: the meter point's LDZ (PD).
 */
@Injectable()
export class ContactClock {
  constructor(
    @Inject(Timers) private readonly timers: Timers,
    @Inject(WorkingDayCalendars) private readonly calendars: WorkingDayCalendars,
    @Inject(CONTACT_CLOCK_SETTINGS) readonly settings: ContactClockSettings,
  ) {}

  /** The working-day calendar of a meter point in `ldz`; England and Wales' (12 of the 13 LDZs) when it is unknown. */
  calendarOf(ldz: string | null): WorkingDayCalendar {
    return this.calendars.calendarOfLdz(ldz);
  }

  /** The resolution due date of a contact logged at `loggedAt` on a meter point in `ldz`. */
  dueOn(loggedAt: Date, ldz: string | null): string {
    return resolutionDueOn(londonToday(loggedAt), this.calendarOf(ldz), this.settings);
  }

  /** Sets (or moves) the reminder the working day before `dueOn` and the overdue mark the day after. */
  async start(crn: string, dueOn: string, ldz: string | null): Promise<void> {
    const payload: ContactTimerPayload = { crn, dueOn };
    await this.timers.schedule({ kind: CONTACT_TIMERS.resolutionReminder, key: crn, dueAt: londonStartOfDay(reminderDay(dueOn, this.calendarOf(ldz))), payload });
    await this.timers.schedule({ kind: CONTACT_TIMERS.resolutionOverdue, key: crn, dueAt: londonStartOfDay(overdueFrom(dueOn)), payload });
  }

  /** Stops the resolution clock: paused, or the contact ended. */
  async stop(crn: string): Promise<void> {
    await this.timers.cancel(CONTACT_TIMERS.resolutionReminder, crn);
    await this.timers.cancel(CONTACT_TIMERS.resolutionOverdue, crn);
  }

  /**
   * Watches a DC to the originator due on `dueOn`: unanswered long enough, it closes the contact.
   * Set whatever the switch says: the switch is read when it fires, so turning it on counts for the
   * DCs already open.
   */
  async watchUnansweredDc(crn: string, clarificationId: string, dueOn: string, ldz: string | null): Promise<void> {
    const payload: ContactTimerPayload = { crn, dueOn, clarificationId };
    const closesOn = unansweredDcClosesOn(dueOn, this.calendarOf(ldz), this.settings);
    await this.timers.schedule({ kind: CONTACT_TIMERS.unansweredDc, key: `${crn}/${clarificationId}`, dueAt: londonStartOfDay(closesOn), payload });
  }

  async unwatchDc(crn: string, clarificationId: string): Promise<void> {
    await this.timers.cancel(CONTACT_TIMERS.unansweredDc, `${crn}/${clarificationId}`);
  }
}
