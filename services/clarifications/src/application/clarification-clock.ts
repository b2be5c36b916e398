import { Inject, Injectable } from '@nestjs/common';
import { londonStartOfDay, overdueFrom, reminderDay, WorkingDayCalendars, type WorkingDayCalendar } from '@cms/gas-market';
import { Timers } from '@cms/service-defaults';
import type { ClarificationTimeLimits } from '../domain';

/** The durable timers of a thread's turn: the kinds declared in app.module.ts, keyed by the thread's id. */
export const CLARIFICATION_TIMERS = {
  reminder: 'clarification.reminder',
  overdue: 'clarification.overdue',
} as const;

/** What a thread's timer carries: the due date it was set for, so that one moved since fires for nothing. */
export interface ClarificationTimerPayload {
  [key: string]: unknown;
  clarificationId: string;
  dueOn: string;
}

export const CLARIFICATION_TIME_LIMITS = Symbol('CLARIFICATION_TIME_LIMITS');

/**
 * A thread's clock (docs/domain.md "Time limits"): the turn is due in working days of the meter
 * point's calendar (its LDZ); a reminder goes out the working day before, the overdue mark the day
 * after. Set, moved and stopped inside the transaction of the change that causes it.
 */
@Injectable()
export class ClarificationClock {
  constructor(
    @Inject(Timers) private readonly timers: Timers,
    @Inject(WorkingDayCalendars) private readonly calendars: WorkingDayCalendars,
    @Inject(CLARIFICATION_TIME_LIMITS) readonly limits: ClarificationTimeLimits,
  ) {}

  calendarOf(ldz: string | null): WorkingDayCalendar {
    return this.calendars.calendarOfLdz(ldz);
  }

  /** Sets (or moves) the turn's reminder and overdue mark. */
  async start(clarificationId: string, dueOn: string, ldz: string | null): Promise<void> {
    const payload: ClarificationTimerPayload = { clarificationId, dueOn };
    const reminderAt = londonStartOfDay(reminderDay(dueOn, this.calendarOf(ldz)));
    await this.timers.schedule({ kind: CLARIFICATION_TIMERS.reminder, key: clarificationId, dueAt: reminderAt, payload });
    await this.timers.schedule({ kind: CLARIFICATION_TIMERS.overdue, key: clarificationId, dueAt: londonStartOfDay(overdueFrom(dueOn)), payload });
  }

  async stop(clarificationId: string): Promise<void> {
    await this.timers.cancel(CLARIFICATION_TIMERS.reminder, clarificationId);
    await this.timers.cancel(CLARIFICATION_TIMERS.overdue, clarificationId);
  }
}
